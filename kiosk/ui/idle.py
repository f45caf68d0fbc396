"""Idle reset with a visible warning, hidden corner-tap entry: application-wide event filters.

Activity is a mouse press, key press or touch (docs/kiosk-ux.md §4: most examples forget touch); scans
count too (the models call :meth:`IdleWatcher.poke`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

ACTIVITY_EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
                             QEvent.Type.TouchUpdate})


class IdleWatcher(QObject):
    """After ``idle_s`` without activity emits ``warning(seconds_left)`` each second for ``warn_s``
    seconds, then ``timed_out``. Activity during the warning cancels it (``resumed``)."""

    warning = Signal(int)
    resumed = Signal()
    timed_out = Signal()

    def __init__(self, idle_s: int, warn_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_s = max(1, idle_s)
        self.warn_s = max(20, warn_s)  # WCAG 2.2.1: at least 20 s to extend
        self.armed = False
        self.left = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._start_warning)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count)

    @property
    def warning_active(self) -> bool:
        return self._tick.isActive()

    def arm(self, armed: bool) -> None:
        """Watch only while there is something to reset (patient data or a non-default language)."""
        self.armed = armed
        if armed:
            if not self.warning_active:
                self._idle.start(self.idle_s * 1000)
        else:
            self._idle.stop()
            if self.warning_active:
                self._tick.stop()
                self.resumed.emit()

    def poke(self) -> None:
        if not self.armed:
            return
        if self.warning_active:
            self._tick.stop()
            self.resumed.emit()
        self._idle.start(self.idle_s * 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.poke()
        return False

    def _start_warning(self) -> None:
        if not self.armed:
            return
        self.left = self.warn_s
        self._tick.start()
        self.warning.emit(self.left)

    def _count(self) -> None:
        self.left -= 1
        if self.left > 0:
            self.warning.emit(self.left)
            return
        self._tick.stop()
        self.timed_out.emit()


#: A second quick tap reaches widgets as a double click (the top-level window still sees a press).
_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick})


class CornerTaps(QObject):
    """``taps`` presses in the top-left ``size`` px of ``window`` within ``within_s`` seconds.

    Installed on the application, the filter sees one physical press several times: first on the
    top-level ``QWindow`` (a real X11 or Wayland display delivers it there before the widget; the
    offscreen platform does not), then on the widget under the finger and on each parent the press
    propagates to, and a touch once as ``TouchBegin`` and again as the mouse press Qt synthesises from
    it; the second of two quick taps reaches the widget as a double click. A press counts once: only
    deliveries to widgets of ``window`` are looked at, never the ``QWindow``; a delivery with the
    timestamp of the last counted press is the same press; a mouse press synthesised from a touch was
    already counted as the touch.
    """

    triggered = Signal()

    def __init__(self, window: QWidget, *, taps: int = 5, size: int = 120, within_s: float = 4.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.taps = taps
        self.size = size
        self.within_s = within_s
        self._clock = clock
        self._times: list[float] = []
        self._last_ts: int | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        point = self._press_point(event)
        if point is None:
            return False
        assert isinstance(event, QMouseEvent | QTouchEvent)
        if event.timestamp() == self._last_ts:  # the same press propagating to a parent widget
            return False
        self._last_ts = event.timestamp()
        local = self.window.mapFromGlobal(point.toPoint())
        if 0 <= local.x() < self.size and 0 <= local.y() < self.size:
            self.tap()
        return False

    @staticmethod
    def _press_point(event: QEvent) -> QPointF | None:
        kind = event.type()
        if kind in _PRESSES and isinstance(event, QMouseEvent):
            if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
                return None  # Qt's mouse twin of a touch: the TouchBegin was counted
            return event.globalPosition()
        if kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent) and event.points():
            return event.points()[0].globalPosition()
        return None

    def tap(self) -> None:
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self.within_s] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            self.triggered.emit()
