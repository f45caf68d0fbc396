"""Push: per-record verdicts, idempotent replay, auth, size limits, rate limits, no patient data in logs."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.hub.app import HubSettings, create_app
from kiosk.hub.devices import revoke_device
from kiosk.hub.schema import visits
from kiosk.protocol.models import MAX_BATCH_RECORDS
from tests.hub.support import PATIENT_CARD, PATIENT_NAME, add_device, auth, batch, visit


def _count(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(visits)).scalar_one())


def test_push_accepts_rejects_and_flags_duplicates(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    good, bad = visit(), visit(birth_date="15/03/1985")
    body = batch([good, bad, good, {"id": "not-a-uuid"}])
    r = client.post("/v1/sync/push", json=body, headers=auth(token))
    assert r.status_code == 200
    data = r.json()
    assert (data["accepted"], data["duplicate"], data["rejected"]) == (1, 1, 2)
    assert [x["status"] for x in data["results"]] == ["accepted", "rejected", "duplicate", "rejected"]
    assert data["results"][1]["reason"].startswith("invalid record: birth_date")
    assert "15/03/1985" not in data["results"][1]["reason"]
    assert data["results"][3]["id"] == "#3"
    assert data["replayed"] is False
    assert _count(hub_engine) == 1
    # A later batch with the same visit: duplicate, still stored once.
    r2 = client.post("/v1/sync/push", json=batch([good]), headers=auth(token))
    assert r2.json()["results"] == [{"id": good["id"], "status": "duplicate", "reason": None}]
    assert _count(hub_engine) == 1


def test_stored_visit_keeps_the_wire_values(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    v = visit(birth_date="1985", valid_to="2026-12-31", registered_here=None)
    assert client.post("/v1/sync/push", json=batch([v]), headers=auth(token)).status_code == 200
    with hub_engine.connect() as conn:
        row = conn.execute(sa.select(visits).where(visits.c.id == v["id"])).one()._mapping
    assert row["name"] == PATIENT_NAME and row["card_number"] == PATIENT_CARD
    assert row["created_at"] == "2026-11-22T08:15:03.123+07:00"
    assert str(row["visit_date"]) == "2026-11-22" and str(row["valid_to"]) == "2026-12-31"
    assert row["birth_date"] == "1985" and row["registered_here"] is None and row["facility_code"] == "01999"


def test_replayed_batch_returns_the_stored_result(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    body = batch([visit(), visit(), visit(verdict="nope")])
    first = client.post("/v1/sync/push", json=body, headers=auth(token)).json()
    again = client.post("/v1/sync/push", json=body, headers=auth(token)).json()
    assert again["replayed"] is True
    assert {**again, "replayed": False} == first
    assert _count(hub_engine) == 2


def test_batch_id_reuse_is_refused(client: TestClient, hub_engine: sa.Engine) -> None:
    t1, t2 = add_device(hub_engine, "kiosk-1"), add_device(hub_engine, "kiosk-2")
    body = batch([visit()])
    assert client.post("/v1/sync/push", json=body, headers=auth(t1)).status_code == 200
    other_records = {**body, "records": [visit()]}
    r = client.post("/v1/sync/push", json=other_records, headers=auth(t1))
    assert r.status_code == 422 and r.json()["error"]["code"] == "batch_id_reused"
    # Batch ids are scoped per device: another device's batch with the same id is its own batch.
    r = client.post("/v1/sync/push", json=body, headers=auth(t2))
    assert r.status_code == 200 and r.json()["replayed"] is False
    assert r.json()["results"][0]["status"] == "rejected"  # the visit id itself is kiosk-1's


def test_visit_id_of_another_device_is_rejected(client: TestClient, hub_engine: sa.Engine) -> None:
    t1, t2 = add_device(hub_engine, "kiosk-1"), add_device(hub_engine, "kiosk-2")
    v = visit()
    client.post("/v1/sync/push", json=batch([v]), headers=auth(t1))
    res = client.post("/v1/sync/push", json=batch([v]), headers=auth(t2)).json()["results"][0]
    assert res["status"] == "rejected" and res["reason"].startswith("id_conflict")


@pytest.mark.parametrize("header", [None, "Bearer kh1_unknown", "Basic abc", "Bearer "])
def test_unknown_token_is_401(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    for method, path in (("post", "/v1/sync/push"), ("get", "/v1/sync/pull"),
                         ("get", "/v1/sync/summary?date=2026-11-22"), ("get", "/v1/device")):
        r = client.request(method, path, headers=headers, json=batch([]) if method == "post" else None)
        assert r.status_code == 401, (path, r.text)
        assert r.headers["WWW-Authenticate"] == "Bearer"
        assert r.json()["error"]["code"] == "unauthorized"


def test_revoked_token_is_401_and_others_keep_working(client: TestClient, hub_engine: sa.Engine) -> None:
    t1, t2 = add_device(hub_engine, "kiosk-1"), add_device(hub_engine, "kiosk-2")
    assert client.get("/v1/device", headers=auth(t1)).json()["device"] == "kiosk-1"
    with hub_engine.begin() as conn:
        revoke_device(conn, "kiosk-1")
    assert client.post("/v1/sync/push", json=batch([visit()]), headers=auth(t1)).status_code == 401
    assert client.post("/v1/sync/push", json=batch([visit()]), headers=auth(t2)).status_code == 200


def test_size_limits_are_413(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    too_many = batch([visit() for _ in range(MAX_BATCH_RECORDS + 1)])
    r = client.post("/v1/sync/push", json=too_many, headers=auth(token))
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_many_records"
    huge = json.dumps(batch([visit(ticket="x" * 5_000_000)])).encode()
    r = client.post("/v1/sync/push", content=huge, headers={**auth(token), "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    bomb = gzip.compress(json.dumps(batch([visit(ticket=" " * 6_000_000)])).encode())
    assert len(bomb) < 100_000
    r = client.post("/v1/sync/push", content=bomb,
                    headers={**auth(token), "Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 413
    assert _count(hub_engine) == 0


def test_gzip_body_and_bad_bodies(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    body = gzip.compress(json.dumps(batch([visit()])).encode())
    headers = {**auth(token), "Content-Encoding": "gzip", "Content-Type": "application/json"}
    assert client.post("/v1/sync/push", content=body, headers=headers).json()["accepted"] == 1
    r = client.post("/v1/sync/push", content=b"\x1f\x8bnot gzip", headers=headers)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_gzip"
    r = client.post("/v1/sync/push", content=b"{", headers={**auth(token), "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"
    r = client.post("/v1/sync/push", content=b"{}", headers={**auth(token), "Content-Encoding": "br"})
    assert r.status_code == 415
    r = client.post("/v1/sync/push", json={"records": [], "surprise": 1}, headers=auth(token))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_batch"
    assert {tuple(d["loc"]) for d in r.json()["error"]["details"]} == {("batch_id",), ("surprise",)}
    r = client.post("/v1/sync/push", json=batch([]), headers={**auth(token), "Idempotency-Key": "other"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "idempotency_key_mismatch"
    r = client.post("/v1/sync/push", json={**batch([]), "protocol": 99}, headers=auth(token))
    assert r.status_code == 422 and r.json()["error"]["code"] == "unsupported_protocol"


def test_rate_limit_is_429_with_retry_after(hub_engine: sa.Engine) -> None:
    t1, t2 = add_device(hub_engine, "kiosk-1"), add_device(hub_engine, "kiosk-2")
    app = create_app(HubSettings(rate_per_s=0.5, burst=3), engine=hub_engine)
    with TestClient(app) as client:
        codes = [client.get("/v1/device", headers=auth(t1)).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        r = client.get("/v1/device", headers=auth(t1))
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
        assert client.get("/v1/device", headers=auth(t2)).status_code == 200  # per device


def test_no_patient_data_in_logs(client: TestClient, hub_engine: sa.Engine,
                                 caplog: pytest.LogCaptureFixture) -> None:
    token = add_device(hub_engine, "kiosk-1")
    caplog.set_level(logging.DEBUG)
    good = visit()
    body = batch([good, visit(gender="x"), visit(name="Trần Thị Bích " * 30)])
    client.post("/v1/sync/push", json=body, headers=auth(token))
    client.post("/v1/sync/push", json=body, headers=auth(token))
    client.get("/v1/sync/summary?date=2026-11-22", headers=auth(token))
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "push batch=" in text  # the hub did log the push …
    for secret in (PATIENT_NAME, PATIENT_CARD, "0123456789", "1985-03-15", "Trần Thị Bích"):
        assert secret not in text  # … but no patient data


def test_internal_error_is_a_clean_500_without_data_in_logs(tmp_path: object,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    from tests.hub.support import open_engine

    engine = open_engine(f"sqlite:///{tmp_path}/hub.sqlite3")
    token = add_device(engine, "kiosk-1")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE hub_visits")  # the database breaks under the running hub
    caplog.set_level(logging.DEBUG)
    app = create_app(HubSettings(rate_per_s=0), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/v1/sync/push", json=batch([visit()]), headers=auth(token))
    # A bug (not a locked or full database): 500 without Retry-After, its traceback logged under the
    # error id the answer carries.
    error = r.json()["error"]
    assert r.status_code == 500 and error["code"] == "internal_error" and "Retry-After" not in r.headers
    text = "\n".join(rec.getMessage() for rec in caplog.records)
    assert f"internal error id={error['error_id']}" in text and "OperationalError" in text
    assert "kiosk/hub/ingest.py" in text  # the traceback's frames
    assert PATIENT_NAME not in text and PATIENT_CARD not in text and "INSERT" not in text
    engine.dispose()


def test_a_locked_database_is_a_503_with_retry_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    """An environment problem (kiosk.db.errors.classify) is a 503 the kiosk retries, not a 500 bug."""
    import sqlite3

    from kiosk.hub import ingest
    from tests.hub.support import open_engine

    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    waiter = sqlite3.connect(path, timeout=0)
    try:
        waiter.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        locked = exc  # the driver's own "database is locked"
    holder.rollback()

    def push(*_args: object) -> None:
        raise sa.exc.OperationalError("INSERT INTO hub_visits …", None, locked)

    engine = open_engine(f"sqlite:///{tmp_path}/hub.sqlite3")
    token = add_device(engine, "kiosk-1")
    monkeypatch.setattr(ingest, "push", push)
    with TestClient(create_app(HubSettings(rate_per_s=0), engine=engine), raise_server_exceptions=False) as client:
        r = client.post("/v1/sync/push", json=batch([visit()]), headers=auth(token))
    error = r.json()["error"]
    assert r.status_code == 503 and error["code"] == "database_locked" and r.headers["Retry-After"] == "30"
    assert f"database problem database_locked id={error['error_id']}" in caplog.text
    engine.dispose()
