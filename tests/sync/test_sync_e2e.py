"""Kiosk ↔ hub synchronisation against a real hub (uvicorn subprocess on loopback), and its faults."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.db.store import Store
from kiosk.hub.app import create_app
from kiosk.hub.settings import HubSettings
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncEngine
from tests.hub.support import card_number, free_port, live_hub, open_engine, start_hub, stop_hub, write_card_csv
from tests.sync.support import (
    FACILITY,
    REPO,
    CuttingProxy,
    HoldAnswer,
    PushGateProxy,
    hub_visit_ids,
    hub_with_device,
    new_store,
    record_visits,
    run_sync,
    serve,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The hub's database: SQLite, and PostgreSQL as in production (every fault test runs on both)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


def test_push_pull_and_reconcile(tmp_path: Path, hub_db: str) -> None:
    token = hub_with_device(hub_db)
    csv = write_card_csv(tmp_path / "cards.csv", [
        {"card_number": card_number(i), "name": f"Người Thử {i}", "facility_code": FACILITY,
         "valid_from": "2026-01-01", "status": "active"} for i in range(25)])
    subprocess.run([sys.executable, "-m", "kiosk", "hub", "cards", "import", str(csv), "--db", hub_db],
                   check=True, capture_output=True, cwd=REPO, env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path)})
    kiosk_db = tmp_path / "kiosk.sqlite3"
    with new_store(kiosk_db) as store:
        ids = record_visits(store, 7)
    with live_hub(hub_db, tmp_path) as hub:
        code, out = run_sync(kiosk_db, hub.url, token, "--reconcile")
        assert code == 0, out
        assert out["pushed"] == 7 and out["pending"] == 0
        assert out["pulled"] >= 25
        assert out["agree"] is True
        assert out["reconcile"][0]["kiosk"] == out["reconcile"][0]["hub"] == 7
        code, again = run_sync(kiosk_db, hub.url, token)
        assert code == 0
        assert again == {"pushed": 0, "pulled": 0, "pending": 0, "rejected": 0, "set_aside": 0}
    assert sorted(hub_visit_ids(hub_db)) == sorted(ids)
    with Store.open(f"sqlite:///{kiosk_db}") as store:
        assert store.cache_stats().cards == 25
        assert store.card_by_number(card_number(3)) is not None
        assert store.pending_count() == 0


def test_offline_is_exit_1_and_keeps_visits(tmp_path: Path) -> None:
    kiosk_db = tmp_path / "kiosk.sqlite3"
    with new_store(kiosk_db) as store:
        record_visits(store, 2)
    code, out = run_sync(kiosk_db, f"http://127.0.0.1:{free_port()}", "kh1_nothing")
    assert code == 1
    assert out["error"]["code"] == "offline"
    assert out["pending"] == 2


def test_bad_token_is_refused_not_retried(tmp_path: Path, hub_db: str) -> None:
    hub_with_device(hub_db)
    kiosk_db = tmp_path / "kiosk.sqlite3"
    with new_store(kiosk_db) as store:
        record_visits(store, 1)
    with live_hub(hub_db, tmp_path) as hub:
        code, out = run_sync(kiosk_db, hub.url, "kh1_wrong-token")
    assert code == 2
    assert out["error"]["code"] == "refused"
    assert "401" in out["error"]["message"]


def test_network_cut_mid_response_then_retry_gives_exactly_once(tmp_path: Path, hub_db: str) -> None:
    token = hub_with_device(hub_db)
    kiosk_db = tmp_path / "kiosk.sqlite3"
    with new_store(kiosk_db) as store:
        ids = record_visits(store, 30)
    with live_hub(hub_db, tmp_path) as hub:
        proxy = CuttingProxy(int(hub.url.rsplit(":", 1)[1]))
        proxy.cut_responses = 1
        try:
            code, out = run_sync(kiosk_db, proxy.url, token)
            assert code == 1, out  # the answer was lost: the kiosk believes nothing was sent
            assert proxy.cuts_done == 1
            assert len(hub_visit_ids(hub_db)) == 30  # ... but the hub committed the batch
            code, out = run_sync(kiosk_db, proxy.url, token)
            assert code == 0, out
            assert out["pushed"] == 30 and out["pending"] == 0  # replayed result marks them sent
        finally:
            proxy.close()
    assert sorted(hub_visit_ids(hub_db)) == sorted(ids)


@pytest.mark.slow
def test_kiosk_killed_mid_push_resumes_exactly_once(tmp_path: Path, hub_db: str) -> None:
    """The kiosk process is killed while its 11th batch is in the hub's hands (stored there, the answer held
    back by the hub's front): the restarted sync resends that batch, the hub replays it, nothing is doubled."""
    token = hub_with_device(hub_db)
    kiosk_db = tmp_path / "kiosk.sqlite3"
    with new_store(kiosk_db) as store:
        ids = record_visits(store, 1000)
    config = tmp_path / "kiosk.toml"
    engine = open_engine(hub_db)
    hold = HoldAnswer(create_app(HubSettings(rate_per_s=0), engine=engine), after=10)
    try:
        with serve(hold) as url:
            config.write_text(f'[hub]\nurl = "{url}"\ntoken = "{token}"\npush_batch_size = 20\n', encoding="utf-8")
            env = {**os.environ, "PYTHONPATH": str(REPO), "KIOSK_CONFIG": str(config)}
            proc = subprocess.Popen([sys.executable, "-m", "kiosk", "sync", "--once", "--json", "--db",
                                     f"sqlite:///{kiosk_db}"], env=env, cwd=REPO,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                assert hold.holding.wait(120), "the 11th push never reached the hub"
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                hold.release.set()
            assert len(hub_visit_ids(hub_db)) == 11 * 20  # the 11th batch is stored, its answer never arrived
            with Store.open(f"sqlite:///{kiosk_db}") as store:
                assert store.pending_count() == 1000 - 10 * 20
            code, out = run_sync(kiosk_db, url, token)
            assert code == 0, out
            assert out["pending"] == 0 and out["pushed"] == 1000 - 10 * 20
    finally:
        engine.dispose()
    assert sorted(hub_visit_ids(hub_db)) == sorted(ids)


@pytest.mark.slow
def test_hub_down_for_a_day_then_5000_visits_drain(tmp_path: Path, hub_db: str) -> None:
    token = hub_with_device(hub_db)
    kiosk_db = tmp_path / "kiosk.sqlite3"
    port = free_port()
    with new_store(kiosk_db) as store:
        ids = record_visits(store, 5000)
        client = HubClient(f"http://127.0.0.1:{port}", token, connect_timeout_s=1, read_timeout_s=30)
        engine = SyncEngine(store, client)
        with pytest.raises(Exception, match="reach the hub"):
            engine.run_once()
        assert store.pending_count() == 5000
        hub = start_hub(hub_db, tmp_path, port=port)
        try:
            report = engine.run_once(reconcile_dates=[dt.date.today()])
        finally:
            stop_hub(hub)
            client.close()
        assert report.pushed == 5000
        assert report.pending == 0
        assert all(r.agree for r in report.reconciliation)
    assert sorted(hub_visit_ids(hub_db)) == sorted(ids)


@pytest.mark.slow
def test_hub_killed_mid_batch_then_restarted(tmp_path: Path, hub_db: str) -> None:
    """The hub process is killed (kill -9) once it has been sent the whole 3rd batch: it may or may not have
    committed it. The kiosk reports offline; after the restart every visit is on the hub exactly once."""
    token = hub_with_device(hub_db)
    kiosk_db = tmp_path / "kiosk.sqlite3"
    port = free_port()
    with new_store(kiosk_db) as store:
        ids = record_visits(store, 3000)
    hub = start_hub(hub_db, tmp_path, port=port)
    gate = PushGateProxy(port, after=2)
    env = {**os.environ, "KIOSK_HUB_URL": gate.url, "KIOSK_HUB_TOKEN": token, "PYTHONPATH": str(REPO),
           "KIOSK_CONFIG": str(tmp_path / "none.toml")}
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "sync", "--once", "--json", "--db",
                             f"sqlite:///{kiosk_db}"], env=env, cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert gate.forwarded.wait(120), "the 3rd push never reached the hub"
    finally:
        hub.process.send_signal(signal.SIGKILL)
        hub.process.wait()
    _out, err = proc.communicate(timeout=120)
    gate.close()
    assert "Traceback" not in err
    assert proc.returncode == 1  # offline: the hub vanished
    held = len(hub_visit_ids(hub_db))
    assert held in (2 * 500, 3 * 500), held  # the first two batches, and the 3rd if it committed before the kill
    hub = start_hub(hub_db, tmp_path, port=port)
    try:
        code, result = run_sync(kiosk_db, hub.url, token)
    finally:
        stop_hub(hub)
    assert code == 0, result
    assert result["pending"] == 0
    assert sorted(hub_visit_ids(hub_db)) == sorted(ids)


def test_hub_identity_change_drops_cache_and_pulls_again(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'b.sqlite3'}"
    tokens = [hub_with_device(url) for url in (first, second)]
    for url, count in ((first, 5), (second, 3)):
        csv = write_card_csv(tmp_path / f"c{count}.csv", [{"card_number": card_number(100 * count + i)}
                                                         for i in range(count)])
        subprocess.run([sys.executable, "-m", "kiosk", "hub", "cards", "import", str(csv), "--db", url],
                       check=True, capture_output=True, cwd=REPO,
                       env={**os.environ, "KIOSK_DATA_DIR": str(tmp_path)})
    kiosk_db = tmp_path / "kiosk.sqlite3"
    new_store(kiosk_db).close()
    for url, token, expected in ((first, tokens[0], 5), (second, tokens[1], 3)):
        with live_hub(url, tmp_path) as hub:
            assert run_sync(kiosk_db, hub.url, token)[0] == 0
        with Store.open(f"sqlite:///{kiosk_db}") as store:
            assert store.cache_stats().cards == expected
