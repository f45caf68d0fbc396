"""Run work off the UI thread and come back with the result by a signal (Anki ``TaskManager`` style).

Two lanes: ``db`` is ONE thread (serialised store access, docs/house-style.md §3.3); ``io`` is a small pool
for printing, sync and other independent work. Callbacks always run on the UI thread; workers never
touch widgets. An exception in a task goes to ``on_error`` (or is logged) — it never kills the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Lane = Literal["db", "io"]


class TaskRunner(QObject):
    #: One tuple (callback, result, error): a bare None through a queued connection breaks None's
    #: reference count in PySide 6.12 ("deallocating None"), a tuple carries it safely.
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, *, io_workers: int = 2) -> None:
        super().__init__(parent)
        self._lanes: dict[str, ThreadPoolExecutor] = {
            "db": ThreadPoolExecutor(1, thread_name_prefix="kiosk-db"),
            "io": ThreadPoolExecutor(io_workers, thread_name_prefix="kiosk-io"),
        }
        self._finished.connect(self._deliver)
        self._closed = False
        self.pending = 0

    def run(self, task: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *, lane: Lane = "db") -> Future[Any]:
        """Run ``task()`` on ``lane``; ``on_done(result)`` or ``on_error(exc)`` later on the UI thread."""
        future = self._lanes[lane].submit(task)
        self.pending += 1

        def finished(f: Future[Any]) -> None:
            error = f.exception()
            if self._closed:
                return
            try:
                if error is not None:
                    self._finished.emit((on_error or _log_error, None, error))
                else:
                    self._finished.emit((on_done, f.result(), None))
            except RuntimeError:  # the runner was deleted while the task ran (app shutting down)
                pass

        future.add_done_callback(finished)
        return future

    def _deliver(self, item: tuple[Callable[..., None] | None, Any, BaseException | None]) -> None:
        callback, result, error = item
        self.pending -= 1
        if callback is None:
            return
        try:
            callback(error if error is not None else result)
        except Exception:
            log.exception("UI callback failed")

    def shutdown(self, wait: bool = True) -> None:
        self._closed = True
        for executor in self._lanes.values():
            executor.shutdown(wait=wait, cancel_futures=True)


def _log_error(error: BaseException) -> None:
    log.error("background task failed: %s", error, exc_info=error)
