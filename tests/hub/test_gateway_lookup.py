"""POST /v1/cards/lookup against the stand-in gateway: every outcome kind, cache, cards into hub_cards."""

from __future__ import annotations

import time
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.hub.gateway_store import last_config_error
from kiosk.hub.imports import import_cards
from kiosk.hub.schema import cards
from tests.gateway.standin import StandinHolder
from tests.hub.gateway_support import (
    BIRTH_ISO,
    CARD,
    FACILITY,
    NAME,
    GatewayHub,
    make_gateway_hub,
    patient,
)
from tests.hub.support import add_device, auth, write_card_csv


def _card_rows(engine: sa.Engine) -> list[dict[str, object]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(cards)).mappings()]


def test_without_gateway_the_answer_is_not_configured(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    r = client.post("/v1/cards/lookup", json={"card_number": CARD, "name": NAME, "birth_date": BIRTH_ISO,
                                              "visit_date": "2026-11-22"}, headers=auth(token))
    assert r.status_code == 200
    assert r.json()["kind"] == "not_configured" and r.json()["use_provisional"] is True


def test_valid_card_verdict_is_stored_as_gateway_card_and_pulled(ghub: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state)
    r = ghub.lookup()
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["kind"] == "verdict" and body["verdict"] == "valid" and body["use_provisional"] is False
    assert body["code"] == "000" and body["from_cache"] is False
    assert [c["card_number"] for c in body["cards"]] == [CARD]
    rows = _card_rows(ghub.engine)
    assert len(rows) == 1 and rows[0]["source"] == "gateway" and rows[0]["scope"] == FACILITY
    assert rows[0]["valid_to"].isoformat() == "2030-12-31"
    page = ghub.client.get("/v1/sync/pull", headers=ghub.headers).json()
    assert [c["card_number"] for c in page["changes"]["cards"]["upserted"]] == [CARD]
    assert "visit_updates" not in page["changes"]  # an old kiosk never sees the optional table


def test_second_lookup_is_answered_from_the_cache(ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state)
    assert ghub_lite.lookup().json()["from_cache"] is False
    again = ghub_lite.lookup(name=NAME.upper())
    assert again.json()["from_cache"] is True and again.json()["verdict"] == "valid"
    assert standin.state.lookups == 1


def test_mismatches_and_expired_cards(ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state, valid_to="31/12/2020")
    assert ghub_lite.lookup().json()["verdict"] == "expired"
    assert ghub_lite.lookup(name="Trần Thị Khác").json()["verdict"] == "name_mismatch"
    assert ghub_lite.lookup(birth_date="1990-01-01").json()["verdict"] == "birth_date_mismatch"
    unknown = ghub_lite.lookup(card_number="HC4010000000077").json()
    assert unknown["kind"] == "verdict" and unknown["code"] == "050"


def test_citizen_id_lookup(ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state)
    body = ghub_lite.lookup(card_number=None, citizen_id="001185000321").json()
    assert body["kind"] == "verdict" and body["verdict"] == "valid"
    assert standin.state.lookup_log[-1]["maThe"] == "001185000321"


def test_staff_identity_from_the_desk_user_and_054_for_the_administrator(ghub_lite: GatewayHub,
                                                                        standin: StandinHolder) -> None:
    patient(standin.state)
    standin.state.staff["001090000002"] = "Lê Văn Bàn"
    ok = ghub_lite.lookup(staff={"name": "Lê Văn Bàn", "citizen_id": "001090000002"}).json()
    assert ok["verdict"] == "valid"
    assert standin.state.lookup_log[-1]["cccdCb"] == "001090000002"
    bad = ghub_lite.lookup(card_number="HC4010000000088", staff={"name": "Ai Đó", "citizen_id": "001090000099"}).json()
    assert bad["kind"] == "config_error" and bad["code"] == "054" and bad["use_provisional"] is True
    assert "administrator" in bad["action_en"]
    with ghub_lite.engine.connect() as conn:
        remembered = last_config_error(conn)
    assert remembered is not None and remembered["code"] == "054"
    wrong_name = ghub_lite.lookup(card_number="HC4010000000089",
                             staff={"name": "Tên Sai", "citizen_id": "001090000002"}).json()
    assert wrong_name["code"] == "055"


def test_gateway_server_error_is_offline(ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state, code="500", http_status=500)
    body = ghub_lite.lookup().json()
    assert body["kind"] == "offline" and body["use_provisional"] is True and body["verdict"] is None


def test_slow_gateway_is_pending_then_the_late_answer_reaches_hub_cards(ghub_lite: GatewayHub,
                                                                        standin: StandinHolder) -> None:
    patient(standin.state, delay_s=600.0)  # held until the test releases it below
    body = ghub_lite.lookup().json()  # the hub answers within its budget (1.5 s here) while the gateway is held
    assert body["kind"] == "pending" and body["use_provisional"] is True
    assert not _card_rows(ghub_lite.engine)
    standin.state.closing.set()  # the gateway answers now
    deadline = time.monotonic() + 30
    while not _card_rows(ghub_lite.engine) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [r["source"] for r in _card_rows(ghub_lite.engine)] == ["gateway"]
    assert ghub_lite.lookup().json()["from_cache"] is True


def test_rate_limit_per_facility(standin: StandinHolder, tmp_path: Path) -> None:
    patient(standin.state)
    gen = make_gateway_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", standin.url, lookups_per_minute=0.001,
                           lookup_burst=1)
    hub = next(gen)
    try:
        assert hub.lookup().json()["kind"] == "verdict"
        limited = hub.lookup(card_number="HC4010000000077").json()
        assert limited["kind"] == "rate_limited" and limited["use_provisional"] is True
        assert hub.lookup().json()["from_cache"] is True  # a cached card costs no look-up
    finally:
        gen.close()


def test_malformed_lookups_are_refused_without_echo(ghub_lite: GatewayHub) -> None:
    both = ghub_lite.lookup(citizen_id="001185000321")
    assert both.status_code == 422
    neither = ghub_lite.client.post("/v1/cards/lookup", json={"name": NAME, "birth_date": BIRTH_ISO,
                                                         "visit_date": "2026-11-22"}, headers=ghub_lite.headers)
    assert neither.status_code == 422
    bad_birth = ghub_lite.lookup(birth_date="15/03/1985")
    assert bad_birth.status_code == 422 and "15/03/1985" not in bad_birth.text
    impossible = ghub_lite.lookup(birth_date="1985-02-31")
    assert impossible.status_code == 422 and NAME not in impossible.text
    assert ghub_lite.client.post("/v1/cards/lookup", json={}).status_code == 401


def test_an_older_card_list_does_not_overwrite_a_newer_gateway_answer(ghub: GatewayHub, standin: StandinHolder,
                                                                      tmp_path: Path) -> None:
    import datetime as dt

    patient(standin.state)
    assert ghub.lookup().json()["verdict"] == "valid"  # gateway: valid to 2030-12-31
    stale = write_card_csv(tmp_path / "old.csv", [{"card_number": CARD, "name": NAME, "birth_date": BIRTH_ISO,
                                                   "valid_to": "2020-12-31"}])
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    with ghub.engine.begin() as conn:
        import_cards(conn, stale, scope=FACILITY, as_of=old, replace=True)
    rows = _card_rows(ghub.engine)
    assert len(rows) == 1 and rows[0]["source"] == "gateway" and rows[0]["valid_to"].isoformat() == "2030-12-31"
    assert rows[0]["deleted"] is False
    other = write_card_csv(tmp_path / "other.csv", [{"card_number": "HC4010000000099", "name": "X"}])
    with ghub.engine.begin() as conn:  # --replace with an old list keeps the newer gateway card
        import_cards(conn, other, scope=FACILITY, as_of=old, replace=True)
    assert {r["card_number"]: r["deleted"] for r in _card_rows(ghub.engine)}[CARD] is False
    with ghub.engine.begin() as conn:  # a list newer than the answer wins
        import_cards(conn, stale, scope=FACILITY, as_of=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1))
    row = next(r for r in _card_rows(ghub.engine) if r["card_number"] == CARD)
    assert row["source"] == "list" and row["valid_to"].isoformat() == "2020-12-31"
