"""Background operations of a view-model, written once (in the spirit of Anki's ``QueryOp``).

:class:`Operations` runs work on the :class:`~kiosk.ui.workers.TaskRunner` and owns the three things
every screen needs around it:

* a **busy flag** (``busy_changed``) that is true while any of its operations runs, including chained
  steps (a step started from another step's callback keeps it busy: no flicker);
* a **generation counter**: :meth:`reset` (the patient walked away, the desk cleared) makes the results
  of work started earlier arrive nowhere;
* **error handling** in one place: a failed task goes to the operation's ``on_error`` or, by default,
  to the handler given at construction (which shows "check-in not possible, see reception").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from kiosk.ui.workers import Lane, TaskRunner

T = TypeVar("T")


class Operations(QObject):
    busy_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, on_error: Callable[[BaseException], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._on_error = on_error
        self._active = 0
        self.generation = 0

    @property
    def busy(self) -> bool:
        return self._active > 0

    def run(self, task: Callable[[], T], on_done: Callable[[T], None] | None = None, *, lane: Lane = "db",
            busy: bool = True, on_error: Callable[[BaseException], None] | None = None,
            on_stale: Callable[[T], None] | None = None) -> None:
        """Run ``task`` on ``lane``; ``on_done(result)`` on the UI thread unless :meth:`reset` came first
        (then ``on_stale(result)``, for work that must be followed up anyway, e.g. a recorded visit)."""
        generation = self.generation
        if busy:
            self._change(+1)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            if generation != self.generation:
                # Started before a reset: the result belongs to no one now.
                if on_stale is not None and callback is on_done:
                    on_stale(value)
                return
            try:
                if callback is not None:
                    callback(value)
            finally:
                if busy:
                    self._change(-1)

        self.runner.run(task, lambda result: finish(on_done, result),
                        lambda error: finish(on_error or self._on_error, error), lane=lane)

    def reset(self) -> None:
        """Forget every running operation: their results are dropped, the busy flag clears."""
        self.generation += 1
        if self._active:
            self._active = 0
            self.busy_changed.emit(False)

    def _change(self, delta: int) -> None:
        was = self.busy
        self._active = max(0, self._active + delta)
        if self.busy != was:
            self.busy_changed.emit(self.busy)
