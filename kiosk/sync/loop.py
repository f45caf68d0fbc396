"""The background sync loop: a worker thread that syncs every interval, backs off on failure, and
publishes a :class:`SyncStatus` after every change. No Qt here: the UI wraps ``on_status`` in a signal.

Resume after a crash needs nothing special: the outbox and the pull cursor live in the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections.abc import Callable

from kiosk.sync.backoff import Backoff
from kiosk.sync.client import SyncError
from kiosk.sync.engine import LAST_SUCCESS_SETTING, SyncEngine
from kiosk.sync.status import SyncStatus

log = logging.getLogger(__name__)

StatusCallback = Callable[[SyncStatus], None]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SyncLoop:
    """Runs ``engine.run_once()`` every ``interval_s`` seconds in a daemon thread.

    ``trigger()`` asks for a sync now (after a new visit, or the desk's "sync now" button). Failures
    back off with full jitter and honour the hub's ``Retry-After``; a permanent refusal (bad token)
    waits a full interval and shows its reason.
    """

    def __init__(self, engine: SyncEngine, *, interval_s: float = 60.0, backoff: Backoff | None = None,
                 on_status: StatusCallback | None = None) -> None:
        self.engine = engine
        self.interval_s = interval_s
        self.backoff = backoff or Backoff()
        self._on_status = on_status
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        # The last success is read from the store by the sync thread (_run), never by the constructing
        # thread: in the app that is the GUI thread, which must not touch the database.
        self._status = SyncStatus()

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def _publish(self, **changes: object) -> None:
        with self._lock:
            self._status = status = dataclasses.replace(self._status, **changes)  # type: ignore[arg-type]
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:  # a UI callback must never kill the sync thread
                log.exception("sync status callback failed")

    def refresh_pending(self) -> None:
        """Re-read the outbox counters (after a visit was recorded) without syncing."""
        self._publish(pending_count=self.engine.store.pending_count(),
                      oldest_pending_at=self.engine.store.oldest_pending_at(),
                      rejected_count=self.engine.store.rejected_count())

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="kiosk-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def trigger(self) -> None:
        self._wake.set()

    def run_once(self) -> float:
        """One attempt; returns the delay before the next one."""
        self._publish(syncing=True, next_attempt_at=None)
        try:
            report = self.engine.run_once()
        except SyncError as exc:
            retry_after = exc.retry_after_s
            delay = self.backoff.next_delay(retry_after) if exc.transient else max(self.interval_s,
                                                                                   retry_after or 0.0)
            log.info("sync failed (%s); next attempt in %.1f s", exc.message, delay)
            self._publish(syncing=False, online=exc.status is not None, last_error=exc.message,
                          last_error_code=exc.code,
                          pending_count=self.engine.store.pending_count(),
                          oldest_pending_at=self.engine.store.oldest_pending_at(),
                          rejected_count=self.engine.store.rejected_count(),
                          next_attempt_at=_utcnow() + dt.timedelta(seconds=delay))
            return delay
        except Exception as exc:  # a bug or an environment problem (disk full): keep the kiosk running
            log.exception("sync failed unexpectedly")
            delay = self.backoff.next_delay()
            self._publish(syncing=False, last_error=f"{type(exc).__name__}: {exc}"[:200], last_error_code="bug",
                          next_attempt_at=_utcnow() + dt.timedelta(seconds=delay))
            return delay
        self.backoff.reset()
        self._publish(syncing=False, online=True, last_error=None, last_error_code=None, last_success_at=_utcnow(),
                      pending_count=report.pending, oldest_pending_at=self.engine.store.oldest_pending_at(),
                      rejected_count=report.set_aside,
                      next_attempt_at=_utcnow() + dt.timedelta(seconds=self.interval_s))
        return self.interval_s

    def _load_last_success(self) -> None:
        try:
            last = self.engine.store.get_setting(LAST_SUCCESS_SETTING)
        except Exception:  # the database is unusable: the first sync attempt reports it
            log.exception("cannot read the last sync time")
            return
        if last:
            self._publish(last_success_at=dt.datetime.fromisoformat(last))

    def _run(self) -> None:
        self._load_last_success()
        while not self._stop.is_set():
            delay = self.run_once()
            self._wake.clear()
            self._wake.wait(delay)
