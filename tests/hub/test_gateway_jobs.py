"""Hub gateway jobs: re-check of visits not confirmed online (pulled as visit_updates), XML0 export CLI,
check-in upload."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kiosk.cli import main
from kiosk.gateway.xml0 import parse_xml0, validate_xml0
from kiosk.hub.imports import import_reference
from kiosk.hub.schema import gateway_checkins, visit_checks
from tests.gateway.certs import shared_pem_files
from tests.gateway.standin import StandinHolder
from tests.gateway.visits import BHYT_VISIT, CCCD_VISIT, UNINSURED_VISIT
from tests.hub.gateway_support import (
    BIRTH_ISO,
    CARD,
    FACILITY,
    NAME,
    STAFF_CCCD,
    STAFF_NAME,
    GatewayHub,
    patient,
)
from tests.hub.support import add_device, auth, batch, visit

DAY = dt.date(2026, 11, 22)


def _push(hub: GatewayHub, records: list[dict[str, Any]], headers: dict[str, str] | None = None) -> None:
    r = hub.client.post("/v1/sync/push", json=batch(records), headers=headers or hub.headers)
    assert r.status_code == 200 and r.json()["accepted"] == len(records), r.text


def _provisional(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"card_number": CARD, "name": NAME, "birth_date": BIRTH_ISO, "provisional": True,
                              "verdict": "valid", "card_facility_code": FACILITY, **overrides}
    return visit(**values)


def _pull(hub: GatewayHub, headers: dict[str, str], features: str | None = None) -> dict[str, Any]:
    params = {"features": features} if features else {}
    r = hub.client.get("/v1/sync/pull", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_recheck_flags_a_changed_verdict_and_only_the_recording_device_pulls_it(ghub: GatewayHub,
                                                                                 standin: StandinHolder) -> None:
    patient(standin.state, valid_to="31/12/2020")          # the gateway says: expired
    patient(standin.state, card_number="HC4010000000011")  # and this one: valid
    changed, same = _provisional(), _provisional(card_number="HC4010000000011", verdict="valid")
    _push(ghub, [changed, same, visit()])  # the third was not provisional (a kiosk before confirmed_online)
    other = auth(add_device(ghub.engine, "kiosk-2", FACILITY))
    report = ghub.gateway.recheck()
    assert (report.checked, report.changed, report.needs_staff, report.left) == (2, 1, 1, 0)
    page = _pull(ghub, ghub.headers, "visit_updates")
    assert page["features"] == ["visit_updates"]
    updates = {u["visit_id"]: u for u in page["changes"]["visit_updates"]["upserted"]}
    assert set(updates) == {changed["id"], same["id"]}
    u = updates[changed["id"]]
    assert (u["gateway_verdict"], u["gateway_code"], u["verdict_changed"], u["needs_staff"]) == (
        "expired", "010", True, True)
    assert u["gateway_note"] and u["checked_at"]
    assert updates[same["id"]]["verdict_changed"] is False
    assert "visit_updates" not in _pull(ghub, ghub.headers)["changes"]             # not asked: not sent
    assert _pull(ghub, other, "visit_updates")["changes"]["visit_updates"]["upserted"] == []  # not its visits
    # The cursor: after the page, nothing new; a second re-check finds nothing left to do.
    cursor = page["next_cursor"]
    again = ghub.client.get("/v1/sync/pull", params={"cursor": cursor, "features": "visit_updates"},
                            headers=ghub.headers).json()
    assert again["count"] == 0
    assert ghub.gateway.recheck().checked == 0


def test_recheck_takes_cached_verdicts_not_confirmed_online_and_flags_a_card_ended_since_sync(
        ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state, code="110")  # the gateway: the card was ended (báo giảm) since the kiosk's last sync
    cached = _provisional(provisional=False, confirmed_online=False)  # the kiosk's cache said valid
    older = visit(card_number=CARD, name=NAME, birth_date=BIRTH_ISO)  # an older kiosk: no confirmed_online …
    older_provisional = _provisional()  # … re-checked when provisional, as before the field
    confirmed = _provisional(provisional=False, confirmed_online=True)
    _push(ghub_lite, [cached, older, older_provisional, confirmed])
    report = ghub_lite.gateway.recheck()
    assert (report.checked, report.changed, report.needs_staff) == (2, 2, 2)
    with ghub_lite.engine.connect() as conn:
        rows = {r.visit_id: r for r in conn.execute(sa.select(visit_checks))}
    assert set(rows) == {cached["id"], older_provisional["id"]}
    assert rows[cached["id"]].gateway_verdict == "revoked" and rows[cached["id"]].needs_staff


def test_recheck_flags_a_cccd_visit_the_gateway_names_no_card_for(ghub_lite: GatewayHub,
                                                                  standin: StandinHolder) -> None:
    cccd_visit = visit(card_kind="cccd", card_number=None, citizen_id="001185000321", name=NAME,
                       birth_date=BIRTH_ISO, verdict="unknown", provisional=True, confirmed_online=False)
    _push(ghub_lite, [cccd_visit])
    report = ghub_lite.gateway.recheck()
    with ghub_lite.engine.connect() as conn:
        row = conn.execute(sa.select(visit_checks)).one()
    assert report.needs_staff == 1 and row.needs_staff  # no card confirmed: staff look it up (or self-pay)


def test_recheck_stops_when_the_gateway_is_offline_and_leaves_visits_for_later(ghub_lite: GatewayHub,
                                                                                standin: StandinHolder) -> None:
    patient(standin.state, code="500", http_status=500)
    _push(ghub_lite, [_provisional(), _provisional()])
    report = ghub_lite.gateway.recheck()
    assert report.checked == 0 and report.stopped_because == "offline" and report.left == 2
    with ghub_lite.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(visit_checks)).scalar_one() == 0


def _wire(base: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    return {**base, "visit_date": "2026-11-22", "created_at": "2026-11-22T08:15:03+07:00", **overrides}


def _export_setup(hub: GatewayHub, tmp_path: Path) -> list[dict[str, Any]]:
    services = tmp_path / "services.json"
    services.write_text(json.dumps([{"code": "02.1896", "name": "Khám Nội", "department_code": "K01"},
                                    {"code": "02.1900", "name": "Khám Ngoại", "department_code": "K02"}]),
                        encoding="utf-8")
    with hub.engine.begin() as conn:
        import_reference(conn, "service", services)
    # Confirmed online at check-in: the re-check leaves them alone (the tests here re-check their own visits).
    visits = [_wire(BHYT_VISIT, valid_to="2026-12-31", confirmed_online=True),
              _wire(CCCD_VISIT, confirmed_online=True), _wire(UNINSURED_VISIT, confirmed_online=True)]
    _push(hub, visits)
    return visits


def _db_url(hub: GatewayHub) -> str:
    return hub.engine.url.render_as_string(hide_password=False)


def test_export_xml0_cli_writes_valid_files_for_bhyt_cccd_and_uninsured_visits(
        ghub: GatewayHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bhyt, cccd, uninsured = _export_setup(ghub, tmp_path)
    out = tmp_path / "xml0"
    cert, key = shared_pem_files()  # signed files are queued; without a certificate only drafts are written
    signing = tmp_path / "signing.toml"
    signing.write_text(f"[gateway]\nsign_certificate_file = '{cert}'\nsign_key_file = '{key}'\n", encoding="utf-8")
    argv = ["hub", "export", "xml0", "--date", "2026-11-22", "--out", str(out), "--db", _db_url(ghub), "--json",
            "--gateway-config", str(signing)]
    assert main(argv) == 1  # K09 (the CCCD visit's department) has no service yet
    report = json.loads(capsys.readouterr().out)
    failed = [v for v in report["visits"] if v["path"] is None]
    assert [v["visit_id"] for v in failed] == [cccd["id"]]
    assert failed[0]["problems"] and failed[0]["problems"][0]["field"]
    assert main([*argv, "--default-service", "02.1900"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["written"] == 3 and report["failed"] == 0
    records = {}
    for item in report["visits"]:
        data = Path(item["path"]).read_bytes()
        assert data.startswith(b"<?xml") and not data.startswith(b"\xef\xbb\xbf")
        (record,) = parse_xml0(data)
        assert validate_xml0(record) == []
        records[item["visit_id"]] = record
    b, c, u = records[bhyt["id"]], records[cccd["id"]], records[uninsured["id"]]
    assert (b["MA_THE_BHYT"], b["MA_DOITUONG_KCB"], b["MA_CSKCB"], b["MA_DICH_VU"], b["NGAY_VAO"]) == (
        "HC4100123456789", "1.1", FACILITY, "02.1896", "202611220815")
    assert (b["HO_TEN"], b["NGAY_SINH"], b["GIOI_TINH"], b["GT_THE_DEN"]) == (
        "Nguyễn Văn An", "198503150000", "1", "20261231")
    assert (c["SO_CCCD"], c["MA_THE_BHYT"], c["MA_DOITUONG_KCB"], c["MA_DICH_VU"]) == (
        "001185000321", "DN4790000000001", "1.11", "02.1900")
    assert (u["MA_THE_BHYT"], u["MA_DOITUONG_KCB"], u["NGAY_SINH"], u["GIOI_TINH"]) == ("", "9", "201000000000", "3")
    # Queued with the MA_LK first exported; a re-export keeps it.
    with ghub.engine.connect() as conn:
        rows = conn.execute(sa.select(gateway_checkins.c.visit_id, gateway_checkins.c.ma_lk)).all()
    stored = {a: b for a, b in rows}
    assert stored == {vid: r["MA_LK"] for vid, r in records.items()}
    with ghub.engine.begin() as conn:  # the key first sent is what counts, whatever the settings say now
        conn.execute(gateway_checkins.update().where(gateway_checkins.c.visit_id == bhyt["id"])
                     .values(ma_lk="10099_FIRST_SENT_1"))
    stored[bhyt["id"]] = "10099_FIRST_SENT_1"
    assert main([*argv, "--default-service", "02.1900"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert {v["visit_id"]: v["ma_lk"] for v in again["visits"]} == stored
    (record,) = parse_xml0((out / "10099_FIRST_SENT_1.xml").read_bytes())
    assert record["MA_LK"] == "10099_FIRST_SENT_1"


def test_export_unknown_default_service_is_an_error_naming_it(
        ghub: GatewayHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export_setup(ghub, tmp_path)
    argv = ["hub", "export", "xml0", "--date", "2026-11-22", "--out", str(tmp_path / "x"), "--db", _db_url(ghub)]
    assert main([*argv, "--default-service", "99.9999", "--json"]) == 1
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "unknown_service" and "'99.9999'" in error["message"] and FACILITY in error["message"]
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())


def test_export_summarises_repeated_problems(ghub: GatewayHub, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _export_setup(ghub, tmp_path)
    many = [_wire(CCCD_VISIT, id=visit()["id"]) for _ in range(6)]  # K09 has no service: same problem each
    _push(ghub, many)
    argv = ["hub", "export", "xml0", "--date", "2026-11-22", "--out", str(tmp_path / "x"), "--db", _db_url(ghub)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "MA_DICH_VU" in line and "visit" in line]
    assert len(lines) == 1 and lines[0].strip().startswith("7 visits (") and "and 4 more" in lines[0]


def test_export_needs_a_date_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["hub", "export", "xml0", "--date", "22/11/2026", "--out", str(tmp_path), "--db",
                 f"sqlite:///{tmp_path / 'h.sqlite3'}"])
    err = capsys.readouterr().err
    assert code == 1 and "YYYY-MM-DD" in err and "Traceback" not in err


def test_upload_stores_the_transaction_id_and_retries_later(ghub: GatewayHub, standin: StandinHolder,
                                                            tmp_path: Path) -> None:
    _export_setup(ghub, tmp_path)
    ghub.gateway.queue_checkins(DAY, default_service="02.1900")
    standin.state.upload_script = ["500"]
    first = ghub.gateway.upload_due(day=DAY)
    assert first.sent == 0 and first.failed == 1  # gateway down: the rest waits for the next round
    with ghub.engine.connect() as conn:
        row = conn.execute(sa.select(gateway_checkins).where(gateway_checkins.c.failures == 1)).mappings().one()
    assert row["status"] == "pending" and row["next_attempt_at"] is not None and row["last_error"]
    second = ghub.gateway.upload_due(day=DAY)
    assert second.sent == 2  # the failed one is not due yet
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    third = ghub.gateway.upload_due(day=DAY, now=later)
    assert third.sent == 1
    sent = {u["maGiaoDich"]: u["document"] for u in standin.state.uploads}
    with ghub.engine.connect() as conn:
        rows = conn.execute(sa.select(gateway_checkins)).mappings().all()
    assert {r["status"] for r in rows} == {"sent"}
    for r in rows:
        assert sent[r["transaction_id"]] == bytes(r["document"])  # the exact bytes, and their receipt
        assert r["received_at"] is not None


def test_rejected_upload_is_kept_for_staff(ghub_lite: GatewayHub, standin: StandinHolder, tmp_path: Path) -> None:
    _export_setup(ghub_lite, tmp_path)
    ghub_lite.gateway.queue_checkins(DAY, default_service="02.1900")
    standin.state.upload_script = ["reject"]
    report = ghub_lite.gateway.upload_due(day=DAY)
    assert report.rejected == 1 and report.sent == 2
    with ghub_lite.engine.connect() as conn:
        statuses = sorted(conn.execute(sa.select(gateway_checkins.c.status)).scalars())
    assert statuses == ["rejected", "sent", "sent"]


def test_recheck_and_upload_cli_with_a_gateway_config_file(ghub_lite: GatewayHub, standin: StandinHolder,
                                                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    patient(standin.state, valid_to="31/12/2020")
    _export_setup(ghub_lite, tmp_path)
    _push(ghub_lite, [_provisional()])
    config = tmp_path / "gateway.toml"
    config.write_text(f'[gateway]\nbase_url = "{standin.url}"\nusername = "10099_BV"\npassword = "mat-khau-thu"\n'
                      f'facility_code = "{FACILITY}"\nstaff_name = "{STAFF_NAME}"\nstaff_citizen_id = "{STAFF_CCCD}"\n'
                      'total_timeout_s = 5\nsign_certificate_file = "{}"\nsign_key_file = "{}"\n'.format(
                          *shared_pem_files()), encoding="utf-8")
    db = _db_url(ghub_lite)
    assert main(["hub", "recheck", "--db", db, "--gateway-config", str(config), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["changed"] == 1
    assert main(["hub", "upload-checkins", "--date", "2026-11-22", "--db", db, "--gateway-config", str(config),
                 "--default-service", "02.1900", "--json"]) == 0
    uploaded = json.loads(capsys.readouterr().out)
    assert uploaded["sent"] == 4 and all(t and t.startswith("GD") for t in uploaded["transactions"].values())
    assert main(["hub", "report", "--date", "2026-11-22", "--db", db, "--json"]) == 0
    gateway = json.loads(capsys.readouterr().out)["gateway"]
    assert gateway["rechecks"]["changed"] == 1 and gateway["checkins"] == {"sent": 4}
    code = main(["hub", "recheck", "--db", db])  # no gateway settings anywhere
    err = capsys.readouterr().err
    assert code == 1 and "no gateway configured" in err
    config.write_text("[gateway]\nbase_url = 'ftp://x'\nusername = 'u'\npassword = 'p'\n", encoding="utf-8")
    assert main(["hub", "recheck", "--db", db, "--gateway-config", str(config)]) == 1
    assert "http" in capsys.readouterr().err


def test_new_card_from_the_recheck_goes_into_the_xml0_and_nothing_personal_into_the_log(
        ghub: GatewayHub, standin: StandinHolder, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    new = "DN4790000000002"
    patient(standin.state, code="003", extra={"maTheMoi": new, "gtTheTuMoi": "01/01/2026",
                                              "gtTheDenMoi": "31/12/2027", "maDKBDMoi": FACILITY})
    old_card = _provisional(created_at="2026-11-22T09:00:00+07:00")
    _push(ghub, [old_card])
    report = ghub.gateway.recheck()
    assert report.checked == 1 and report.changed == 0  # still valid, but on the new card
    update = _pull(ghub, ghub.headers, "visit_updates")["changes"]["visit_updates"]["upserted"][0]
    assert (update["gateway_verdict"], update["gateway_code"], update["gateway_card_number"]) == ("valid", "003", new)
    services = tmp_path / "services.json"
    services.write_text(json.dumps([{"code": "02.1896", "name": "Khám Nội", "department_code": "K01"}]),
                        encoding="utf-8")
    with ghub.engine.begin() as conn:
        import_reference(conn, "service", services)
    out = tmp_path / "xml0"
    assert main(["hub", "export", "xml0", "--date", "2026-11-22", "--out", str(out), "--db", _db_url(ghub)]) == 0
    (path,) = out.glob("*.xml")
    (record,) = parse_xml0(path.read_bytes())
    assert record["MA_THE_BHYT"] == new and validate_xml0(record) == []
    logged = caplog.text
    assert "re-check" in logged
    for secret in (NAME, CARD, new, BIRTH_ISO):
        assert secret not in logged


def test_a_visit_whose_data_the_gateway_refuses_leaves_the_queue_flagged(ghub_lite: GatewayHub,
                                                                        standin: StandinHolder) -> None:
    patient(standin.state, code="205")
    v = _provisional()
    _push(ghub_lite, [v])
    report = ghub_lite.gateway.recheck()
    assert (report.checked, report.unusable, report.left) == (0, 1, 0)
    (update,) = _pull(ghub_lite, ghub_lite.headers, "visit_updates")["changes"]["visit_updates"]["upserted"]
    assert (update["visit_id"], update["gateway_verdict"], update["gateway_code"], update["needs_staff"]) == (
        v["id"], None, "205", True)
    calls = standin.state.lookups
    assert ghub_lite.gateway.recheck().unusable == 0 and standin.state.lookups == calls
