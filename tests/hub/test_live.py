"""End to end against a real `kiosk hub serve` (uvicorn subprocess on 127.0.0.1), and the hub's own
fault test: the hub killed with SIGKILL in the middle of a batch."""

from __future__ import annotations

import gzip
import json
import signal
import ssl
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from kiosk.hub.imports import import_cards
from tests.hub.support import (
    PATIENT_CARD,
    PATIENT_NAME,
    add_device,
    auth,
    batch,
    card_number,
    live_hub,
    open_engine,
    start_hub,
    stop_hub,
    visit,
    write_card_csv,
)

pytestmark = pytest.mark.slow


def test_push_pull_summary_over_http_and_https(hub_db_url: str, tmp_path: Path) -> None:
    engine = open_engine(hub_db_url)
    token = add_device(engine, "kiosk-1")
    with engine.begin() as conn:
        import_cards(conn, write_card_csv(tmp_path / "c.csv", [
            {"card_number": card_number(i), "name": PATIENT_NAME} for i in range(30)]))
    engine.dispose()
    if hub_db_url.startswith("postgresql"):
        # Two uvicorn workers (the production set-up; app built by create_app_from_env), plain HTTP.
        extra: tuple[str, ...] = ("--workers", "2")
        scheme, verify = "http", ssl.create_default_context()
    else:  # one worker, HTTPS with a self-signed certificate
        cert, key = _self_signed(tmp_path)
        extra, scheme = ("--tls-cert", str(cert), "--tls-key", str(key)), "https"
        verify = ssl.create_default_context(cafile=str(cert))
    with live_hub(hub_db_url, tmp_path, extra=extra, scheme=scheme) as hub, \
            httpx.Client(base_url=hub.url, headers=auth(token), verify=verify) as http:
        records = [visit(verdict=v) for v in ("valid", "valid", "expired")]
        body = batch(records)
        r = http.post("/v1/sync/push", content=gzip.compress(json.dumps(body).encode()),
                      headers={"Content-Encoding": "gzip", "Content-Type": "application/json",
                               "Idempotency-Key": body["batch_id"]})
        assert r.status_code == 200 and r.json()["accepted"] == 3
        assert http.post("/v1/sync/push", json=body).json()["replayed"] is True
        cursor, got = "", 0
        while True:
            page = http.get("/v1/sync/pull", params={"cursor": cursor, "limit": 8}).json()
            got += len(page["changes"]["cards"]["upserted"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        assert got == 30
        summary = http.get("/v1/sync/summary", params={"date": "2026-11-22"}).json()
        assert summary["visits"] == 3 and summary["by_verdict"]["expired"] == 1
        assert http.get("/v1/sync/summary", params={"date": "2026-11-22", "device": "kiosk-2"}).status_code == 403
        assert httpx.get(hub.url + "/v1/sync/pull", verify=verify).status_code == 401
        assert httpx.get(hub.url + "/openapi.json", verify=verify).json()["paths"]["/v1/sync/push"]
        if scheme == "https":  # the kiosk trusts the hub's private CA through [hub] ca_bundle
            from kiosk.config import HubConfig
            from kiosk.sync.client import HubClient, HubUnreachable

            with pytest.raises(HubUnreachable):
                HubClient.from_config(HubConfig(url=hub.url, token=token)).whoami()
            trusted = HubClient.from_config(HubConfig(url=hub.url, token=token, ca_bundle=str(cert)))
            assert trusted.whoami()["device"] == "kiosk-1"
            trusted.close()
    log = hub.log_text()
    assert "POST /v1/sync/push" in log and "push batch=" in log
    assert PATIENT_NAME not in log and PATIENT_CARD not in log


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.mark.postgres
def test_hub_killed_mid_batch_then_replay_stores_every_visit_once(pg_url: str, tmp_path: Path) -> None:
    engine = open_engine(pg_url)
    token = add_device(engine, "kiosk-1")
    body = batch([visit(queue_number=i) for i in range(500)])
    hub = start_hub(pg_url, tmp_path)
    # Hold the device table so the push stops inside its transaction, after inserting the visits.
    blocker = engine.connect()
    blocker.begin()
    blocker.execute(sa.text("LOCK TABLE hub_devices IN SHARE MODE"))
    outcome: list[object] = []

    def push() -> None:
        try:
            outcome.append(httpx.post(hub.url + "/v1/sync/push", json=body, headers=auth(token), timeout=60))
        except httpx.HTTPError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=push)
    thread.start()
    deadline = time.monotonic() + 20
    with engine.connect() as probe:
        while time.monotonic() < deadline:
            waiting = probe.execute(sa.text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()")).scalar_one()
            if waiting:
                break
            time.sleep(0.05)
        assert waiting == 1, "the push should be waiting inside its transaction"
        assert probe.execute(sa.text("SELECT count(*) FROM hub_visits")).scalar_one() == 0
    hub.process.send_signal(signal.SIGKILL)  # the hub dies mid-batch
    hub.process.wait(10)
    thread.join(30)
    assert isinstance(outcome[0], httpx.HTTPError)  # the kiosk got no answer
    blocker.rollback()
    blocker.close()
    hub2 = start_hub(pg_url, tmp_path)
    try:
        first = httpx.post(hub2.url + "/v1/sync/push", json=body, headers=auth(token), timeout=60).json()
        again = httpx.post(hub2.url + "/v1/sync/push", json=body, headers=auth(token), timeout=60).json()
    finally:
        stop_hub(hub2)
    assert first["accepted"] == 500 and first["replayed"] is False
    assert again["replayed"] is True and again["accepted"] == 500
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM hub_visits")).scalar_one() == 500
        assert conn.execute(sa.text("SELECT count(DISTINCT id) FROM hub_visits")).scalar_one() == 500
        assert conn.execute(sa.text("SELECT count(*) FROM hub_push_batches")).scalar_one() == 1
    engine.dispose()
