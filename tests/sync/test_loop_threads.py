"""The sync loop touches its store only on its own thread: constructing it (on the GUI thread, in the
app) reads nothing; the last success time is published once the thread runs."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from kiosk.sync.client import HubClient
from kiosk.sync.engine import LAST_SUCCESS_SETTING, SyncEngine
from kiosk.sync.loop import SyncLoop
from kiosk.sync.status import SyncStatus
from tests.hub.support import free_port
from tests.sync.support import new_store


class ThreadRecordingStore:
    """The real store, noting which thread each call came from."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.threads: list[str] = []

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._store, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread().name)
            return attribute(*args, **kwargs)
        return call


def test_constructing_the_loop_reads_nothing_and_the_thread_publishes_the_last_success(tmp_path: Path) -> None:
    last = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)
    seen: list[SyncStatus] = []
    published = threading.Event()
    with new_store(tmp_path / "kiosk.sqlite3") as real:
        real.set_setting(LAST_SUCCESS_SETTING, last.isoformat())
        store = ThreadRecordingStore(real)
        client = HubClient(f"http://127.0.0.1:{free_port()}", "token", connect_timeout_s=0.2)

        def status(s: SyncStatus) -> None:
            seen.append(s)
            if s.last_success_at is not None:
                published.set()

        loop = SyncLoop(SyncEngine(store, client), interval_s=60, on_status=status)  # type: ignore[arg-type]
        assert store.threads == []  # nothing read on the constructing thread
        loop.start()
        try:
            assert published.wait(10)
        finally:
            loop.stop()
            client.close()
    assert loop.status.last_success_at == last
    assert store.threads and set(store.threads) == {"kiosk-sync"}
