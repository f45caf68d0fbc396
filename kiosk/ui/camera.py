"""Qt side of the camera: runs the scanner's :class:`~kiosk.scanner.pipeline.CameraWorker` (grabber +
decoder threads, no Qt) and turns its callbacks into signals for the UI thread.

Signals: ``preview`` (a small QImage, at most ``preview_fps``), ``scanned`` (an accepted payload text),
``hints`` (capture-hint codes, when they change), ``state`` (a :class:`DeviceStatus`). While
``active`` is False (a screen that does not take scans) scans and previews are dropped; the scan
gate still sees them, so a phone left in front of the camera is not checked in twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.scanner.decoder import FrameResult
from kiosk.scanner.exposure import ExposureController
from kiosk.scanner.gate import Scan
from kiosk.scanner.pipeline import CameraWorker, LivePipeline
from kiosk.scanner.sources import FrameSource, SourceState
from kiosk.ui.status_model import DeviceState, DeviceStatus

log = logging.getLogger(__name__)

_SOURCE_STATES = {
    SourceState.OPENING: DeviceState.STARTING, SourceState.RUNNING: DeviceState.READY,
    SourceState.LOST: DeviceState.LOST, SourceState.ENDED: DeviceState.ABSENT,
    SourceState.CLOSED: DeviceState.ABSENT,
}


def device_status(state: SourceState, detail: str = "") -> DeviceStatus:
    return DeviceStatus(_SOURCE_STATES.get(state, DeviceState.ERROR), detail)


class QtCamera(QObject):
    preview = Signal(QImage)
    scanned = Signal(str)
    hints = Signal(list)
    state = Signal(object)
    #: Milliseconds the decoder spent on the last frame (camera-check screen, benchmark).
    decoded = Signal(float)

    def __init__(self, source: FrameSource, *, duplicate_window_s: float = 5.0, preview_width: int = 960,
                 preview_fps: float = 15.0, exposure_control: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        exposure = None
        if exposure_control and hasattr(source, "get_property") and hasattr(source, "set_property"):
            exposure = ExposureController(source)  # type: ignore[arg-type]  # (checked just above)
        self.pipeline = LivePipeline(duplicate_window_s=duplicate_window_s, exposure=exposure)
        self.preview_width = preview_width
        self._preview_interval = 1.0 / preview_fps
        self._last_preview = 0.0
        self._last_hints: list[str] = []
        self._lock = threading.Lock()
        self.active = True
        self.frames = 0
        self._worker: CameraWorker | None = None

    def start(self) -> None:
        if self._worker is None:
            self._worker = CameraWorker(self.source, self.pipeline, on_scan=self._on_scan, on_frame=self._on_frame)
            self._worker.start()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def set_active(self, active: bool) -> None:
        self.active = active

    # --- called on the decoder thread --------------------------------------------------------------
    def _on_scan(self, scan: Scan) -> None:
        if self.active:
            self.scanned.emit(scan.text)

    def _on_frame(self, frame: np.ndarray, result: FrameResult) -> None:
        self.frames += 1
        self.decoded.emit(result.ms)
        if not self.active:
            return
        hints = [str(h) for h in result.hints]
        if hints != self._last_hints:
            self._last_hints = hints
            self.hints.emit(hints)
        now = time.monotonic()
        if now - self._last_preview >= self._preview_interval:
            self._last_preview = now
            self.preview.emit(to_qimage(frame, self.preview_width))


class PacedLoop:
    """Plays a finite source (the demo clip) at ``fps`` and starts it again when it ends."""

    def __init__(self, opener: Callable[[], FrameSource], fps: float = 30.0, *, pause_s: float = 1.5,
                 on_state: Callable[[SourceState, str], None] | None = None) -> None:
        self._opener = opener
        self._interval = 1.0 / fps
        self._pause_s = pause_s
        self._on_state = on_state
        self._source: FrameSource | None = None
        self._next = 0.0
        self._closed = False
        self.name = "demo"

    def read(self) -> np.ndarray | None:
        if self._closed:
            return None
        if self._source is None:
            try:
                self._source = self._opener()
            except Exception as exc:  # the clip is missing or unreadable: a state, not a crash
                self._closed = True
                if self._on_state is not None:
                    self._on_state(SourceState.CLOSED, str(exc)[:200])
                return None
            if self._on_state is not None:
                self._on_state(SourceState.RUNNING, "demo clip")
        delay = self._next - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        frame = self._source.read()
        self._next = max(self._next + self._interval, time.monotonic() - self._interval)
        if frame is None and self._source.ended:
            self._source.close()
            self._source = None
            self._next = time.monotonic() + self._pause_s
        return frame

    @property
    def ended(self) -> bool:
        return self._closed

    def close(self) -> None:
        self._closed = True
        if self._source is not None:
            self._source.close()
            self._source = None


def to_qimage(frame: np.ndarray, width: int) -> QImage:
    """A BGR frame as an owned QImage at most ``width`` wide (scaled on the worker, not the UI thread)."""
    h, w = frame.shape[:2]
    if w > width:
        frame = cv2.resize(frame, (width, round(h * width / w)), interpolation=cv2.INTER_AREA)
        h, w = frame.shape[:2]
    if frame.ndim == 2:
        frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    frame = np.ascontiguousarray(frame)
    return QImage(frame.data, w, h, int(frame.strides[0]), QImage.Format.Format_BGR888).copy()
