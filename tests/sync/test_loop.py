"""The background loop: offline, back-off, recovery, and the status the UI shows."""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from pathlib import Path

from kiosk.sync.backoff import Backoff
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.loop import SyncLoop
from kiosk.sync.status import SyncStatus
from tests.hub.support import free_port, start_hub, stop_hub
from tests.sync.support import hub_with_device, new_store, record_visits


def test_offline_backs_off_then_recovers_and_reports(tmp_path: Path) -> None:
    hub_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    token = hub_with_device(hub_db)
    port = free_port()
    seen: list[SyncStatus] = []
    with new_store(tmp_path / "kiosk.sqlite3") as store:
        record_visits(store, 3)
        client = HubClient(f"http://127.0.0.1:{port}", token, connect_timeout_s=0.5)
        loop = SyncLoop(SyncEngine(store, client), interval_s=30, on_status=seen.append,
                        backoff=Backoff(base_s=0.05, cap_s=0.2, rng=random.Random(0)))
        delay = loop.run_once()
        assert delay <= 0.2
        status = loop.status
        assert not status.online and not status.syncing
        assert status.pending_count == 3
        assert status.last_error is not None and "reach the hub" in status.last_error
        assert status.next_attempt_at is not None
        assert status.pending_too_old(dt.datetime.now(dt.UTC) + dt.timedelta(hours=5), dt.timedelta(hours=4))

        hub = start_hub(hub_db, tmp_path, port=port)
        try:
            loop.start()
            loop.trigger()
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not loop.status.online:
                time.sleep(0.05)
        finally:
            loop.stop()
            stop_hub(hub)
            client.close()
        status = loop.status
        assert status.online
        assert status.pending_count == 0
        assert status.last_error is None
        assert status.last_success_at is not None
    assert any(s.syncing for s in seen)  # the UI saw "syncing…"
    assert seen[-1].online


def test_status_callback_failure_does_not_kill_the_thread(tmp_path: Path) -> None:
    with new_store(tmp_path / "kiosk.sqlite3") as store:
        client = HubClient(f"http://127.0.0.1:{free_port()}", "kh1_x", connect_timeout_s=0.2)
        calls: list[SyncStatus] = []
        reported_again = threading.Event()

        def broken(status: SyncStatus) -> None:
            calls.append(status)
            if len(calls) >= 3:
                reported_again.set()
            raise RuntimeError("widget gone")

        loop = SyncLoop(SyncEngine(store, client), interval_s=30, on_status=broken,
                        backoff=Backoff(base_s=0.01, cap_s=0.02))
        loop.start()
        # The thread lived through the callback's failures: it went on syncing (the hub is down, the back-off
        # is short) and reported again, instead of sleeping a while and checking that it did not die.
        assert reported_again.wait(15)
        assert loop._thread is not None and loop._thread.is_alive()
        loop.stop()
        client.close()
