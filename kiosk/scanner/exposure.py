"""Camera exposure control: a located code that is blown out gets a shorter exposure, then it is put back.

A phone screen is brighter than the room the webcam's auto-exposure meters, and a lamp reflected in
the glass saturates the sensor: modules under the highlight are pure white in every frame, which no
image processing recovers. Halving the exposure brings the highlight back under full scale and the
modules under it become visible again (``docs/decoder-evaluation.md``).

:class:`ExposureController` watches the decoder's results (live mode): after ``trigger_frames``
consecutive frames whose located but unread code is saturated (the decoder's ``REDUCE_GLARE`` hint), it
switches the camera to manual exposure one step shorter (at most ``max_steps`` steps). It restores the
camera's own settings (auto-exposure mode and exposure value, as read before the first change) as soon
as a code is read, when no code has been located for ``idle_frames`` frames, or after ``hold_frames``
frames at a lowered exposure without a read. Cameras differ in what ``CAP_PROP_EXPOSURE`` means
(V4L2: a duration in 100 µs units; DirectShow / Media Foundation: log2 of seconds, negative); one step
halves the duration in both. A camera that ignores the properties is left alone after one try.

The controller never touches the camera itself: it asks a :class:`CameraProperties` (the frame source),
which applies the change in its capture thread, between two frames.
"""

from __future__ import annotations

import logging
from typing import Protocol

from kiosk.scanner.decoder import FrameResult
from kiosk.scanner.hints import CaptureHint

log = logging.getLogger(__name__)

#: OpenCV property ids (cv2.CAP_PROP_AUTO_EXPOSURE, cv2.CAP_PROP_EXPOSURE), fixed by OpenCV's API.
CAP_PROP_AUTO_EXPOSURE = 21
CAP_PROP_EXPOSURE = 15


class CameraProperties(Protocol):
    def get_property(self, prop: int) -> float | None:
        """The property's current value, or None when the camera does not report it."""

    def set_property(self, prop: int, value: float) -> None:
        """Ask for a new value; applied before the next frame is captured."""


def shorter(exposure: float) -> float:
    """One step shorter: halve a duration (V4L2, > 0) or subtract one from log2 seconds (≤ 0)."""
    return exposure - 1.0 if exposure <= 0 else exposure / 2.0


def manual_mode(auto_value: float) -> float:
    """The manual-exposure value of CAP_PROP_AUTO_EXPOSURE in the convention ``auto_value`` uses
    (V4L2 menu: 3 = auto, 1 = manual; OpenCV's legacy convention: 0.75 = auto, 0.25 = manual)."""
    return 0.25 if 0 < auto_value < 1 else 1.0


class ExposureController:
    def __init__(self, camera: CameraProperties, *, trigger_frames: int = 2, max_steps: int = 2,
                 hold_frames: int = 45, idle_frames: int = 15) -> None:
        self.camera = camera
        self.trigger_frames = trigger_frames
        self.max_steps = max_steps
        self.hold_frames = hold_frames
        self.idle_frames = idle_frames
        self.steps = 0  # how many steps below the camera's own exposure we are
        self.unsupported = False
        self._saved: tuple[float | None, float] | None = None  # (auto mode, exposure) before the first change
        self._streak = 0
        self._since_change = 0
        self._no_code = 0
        self._requested = 0.0
        self.changes = 0  # property requests made (for tests and logs)

    def update(self, result: FrameResult) -> None:
        """Feed one live frame's decoder result."""
        if self.steps:
            self._since_change += 1
            if self._since_change == 1 and not self._took_effect():
                return
            self._no_code = 0 if result.candidates or result.reads else self._no_code + 1
            if result.reads or self._no_code >= self.idle_frames or self._since_change >= self.hold_frames:
                self.restore()
                return
        saturated = not result.reads and CaptureHint.REDUCE_GLARE in result.hints
        self._streak = self._streak + 1 if saturated else 0
        if self._streak >= self.trigger_frames and self.steps < self.max_steps and not self.unsupported:
            self._streak = 0
            self._lower()

    def _took_effect(self) -> bool:
        """After the first frame at a new setting: did the camera accept it? If not, give up on it."""
        actual = self.camera.get_property(CAP_PROP_EXPOSURE)
        if actual is not None and abs(actual - self._requested) <= 0.05 * max(1.0, abs(self._requested)):
            return True
        log.info("camera ignored the exposure request (%s, asked %s): exposure control off", actual,
                 self._requested)
        self.restore()
        self.unsupported = True
        return False

    def _lower(self) -> None:
        if self.steps == 0:
            exposure = self.camera.get_property(CAP_PROP_EXPOSURE)
            if exposure is None:
                self.unsupported = True
                log.info("camera does not report its exposure: exposure control off")
                return
            self._saved = (self.camera.get_property(CAP_PROP_AUTO_EXPOSURE), exposure)
            auto = self._saved[0]
            if auto is not None:
                self.camera.set_property(CAP_PROP_AUTO_EXPOSURE, manual_mode(auto))
                self.changes += 1
        assert self._saved is not None
        target = self._saved[1]
        for _ in range(self.steps + 1):
            target = shorter(target)
        self.camera.set_property(CAP_PROP_EXPOSURE, target)
        self._requested = target
        self.changes += 1
        self.steps += 1
        self._since_change = 0
        self._no_code = 0
        log.debug("glare on a located code: exposure %s -> %s", self._saved[1], target)

    def restore(self) -> None:
        """Give the camera back its own exposure settings (no-op when nothing was changed)."""
        if not self.steps or self._saved is None:
            self.steps = 0
            return
        auto, exposure = self._saved
        self.camera.set_property(CAP_PROP_EXPOSURE, exposure)
        if auto is not None:
            self.camera.set_property(CAP_PROP_AUTO_EXPOSURE, auto)
        self.changes += 2 if auto is not None else 1
        self.steps = 0
        self._streak = 0
        self._saved = None
