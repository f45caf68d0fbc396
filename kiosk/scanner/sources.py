"""Frame sources behind one interface: camera (index or device path), video file, image folder, stream URL.

``open_source(spec)`` takes the single ``camera.source`` setting string and returns a
:class:`FrameSource`. Frames are colour (BGR) ``numpy`` arrays. ``read()`` returns ``None`` when no
frame is available right now; ``ended`` tells a finished file/folder apart from a camera that failed.
:class:`ReconnectingSource` wraps a live source (camera, stream) and reopens it with exponential
backoff when it disappears, reporting its :class:`SourceState` to a callback.
"""

from __future__ import annotations

import enum
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.errors import KioskError

if TYPE_CHECKING:  # numpy/OpenCV are imported lazily: `kiosk --help` must stay fast
    import numpy as np

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff", ".pgm", ".ppm"})
VIDEO_SUFFIXES = frozenset({".mp4", ".avi", ".mkv", ".mov", ".webm", ".m4v", ".mjpg", ".mjpeg"})
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class SourceError(KioskError):
    """The source cannot be opened or used; the message says which and why."""

    code = "camera_error"
    summary = "The camera cannot be used"
    environment = True


class SourceState(enum.StrEnum):
    OPENING = "opening"
    RUNNING = "running"
    LOST = "lost"  # was running, now gone; reopening with backoff
    ENDED = "ended"  # a file or folder has no more frames
    CLOSED = "closed"


class FrameSource(Protocol):
    name: str

    def read(self) -> np.ndarray | None: ...

    @property
    def ended(self) -> bool: ...

    def close(self) -> None: ...


class OpenCvSource:
    """A camera index, device path, video file or stream URL through ``cv2.VideoCapture``."""

    def __init__(self, target: int | str, *, live: bool, width: int = 1280, height: int = 720,
                 fps: float = 30.0) -> None:
        import cv2

        self.name = str(target)
        self.live = live
        self._cap = cv2.VideoCapture(target)
        if not self._cap.isOpened():
            self._cap.release()
            raise SourceError(f"cannot open {'camera' if live else 'video'} {self.name!r}")
        if live and not (isinstance(target, str) and _URL.match(target)):
            self._cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            self._cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
            self._cap.set(cv2.CAP_PROP_FPS, fps)
        self._ended = False
        self._pending: dict[int, float] = {}
        self._lock = threading.Lock()

    def get_property(self, prop: int) -> float | None:
        """A capture property (``cv2.CAP_PROP_*``); None when the backend does not report it."""
        with self._lock:
            if prop in self._pending:
                return self._pending[prop]
        value = float(self._cap.get(prop))
        return None if value == -1.0 or (value == 0.0 and not self.live) else value

    def set_property(self, prop: int, value: float) -> None:
        """Ask for a capture property; applied in the capturing thread before its next frame."""
        with self._lock:
            self._pending[prop] = value

    def _apply_pending(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        for prop, value in pending.items():
            self._cap.set(prop, value)

    def read(self) -> np.ndarray | None:
        if self._ended:
            return None
        if self._pending:
            self._apply_pending()
        ok, frame = self._cap.read()
        if not ok or frame is None:
            if not self.live:
                self._ended = True
            return None
        if frame.ndim == 2:
            import cv2

            frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
        return frame

    @property
    def ended(self) -> bool:
        return self._ended

    def close(self) -> None:
        self._cap.release()


class ImageFolderSource:
    """The images of a folder in name order, one per ``read()``; unreadable files are skipped."""

    def __init__(self, folder: Path) -> None:
        self.name = str(folder)
        self._files: Iterator[Path] = iter(sorted(
            p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
        ))
        self._ended = False
        self.skipped: list[Path] = []

    def read(self) -> np.ndarray | None:
        import cv2

        for path in self._files:
            frame = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if frame is not None:
                return frame
            self.skipped.append(path)
        self._ended = True
        return None

    @property
    def ended(self) -> bool:
        return self._ended

    def close(self) -> None:
        self._ended = True


class SimulatedExposureSource:
    """A camera stand-in whose frames depend on its exposure setting (for tests and benchmarks).

    ``render(relative_exposure, index)`` draws frame ``index`` at an exposure relative to the
    initial one (1.0 = as opened). Properties follow the V4L2 conventions: ``CAP_PROP_EXPOSURE`` is a
    duration (initially ``exposure``), ``CAP_PROP_AUTO_EXPOSURE`` 3 = auto, 1 = manual. Requests are
    applied before the next frame, like :class:`OpenCvSource`; ``history`` records (frame index,
    relative exposure) of every frame delivered.
    """

    EXPOSURE, AUTO = 15, 21  # cv2.CAP_PROP_EXPOSURE, cv2.CAP_PROP_AUTO_EXPOSURE

    def __init__(self, render: Callable[[float, int], np.ndarray], *, frames: int, exposure: float = 156.0,
                 accepts: bool = True) -> None:
        self.name = "simulated camera"
        self._render = render
        self._frames = frames
        self._initial = exposure
        self._props: dict[int, float] = {self.EXPOSURE: exposure, self.AUTO: 3.0}
        self._pending: dict[int, float] = {}
        self._accepts = accepts
        self._index = 0
        self._lock = threading.Lock()
        self.history: list[tuple[int, float]] = []

    def get_property(self, prop: int) -> float | None:
        with self._lock:
            return self._props.get(prop)

    def set_property(self, prop: int, value: float) -> None:
        with self._lock:
            self._pending[prop] = value

    def read(self) -> np.ndarray | None:
        with self._lock:
            if self._accepts:
                self._props.update(self._pending)
            self._pending.clear()
            if self._index >= self._frames:
                return None
            relative = self._props[self.EXPOSURE] / self._initial
            index = self._index
            self._index += 1
        self.history.append((index, relative))
        return self._render(relative, index)

    @property
    def ended(self) -> bool:
        return self._index >= self._frames

    def close(self) -> None:
        self._index = self._frames


def is_live(spec: str) -> bool:
    """Camera index, device path or stream URL (things that can disappear and come back)."""
    s = spec.strip()
    return s.isdigit() or s.startswith("/dev/") or bool(_URL.match(s))


def open_source(spec: str, *, width: int = 1280, height: int = 720, fps: float = 30.0) -> FrameSource:
    """Open ``spec``: "0" (camera index), "/dev/video0", a video file, an image folder, or a URL."""
    s = spec.strip()
    if not s:
        raise SourceError("no camera source configured")
    if s.isdigit():
        return OpenCvSource(int(s), live=True, width=width, height=height, fps=fps)
    if s.startswith("/dev/") or _URL.match(s):
        return OpenCvSource(s, live=True, width=width, height=height, fps=fps)
    path = Path(s)
    if path.is_dir():
        return ImageFolderSource(path)
    if not path.exists():
        raise SourceError(f"{s}: no such file or folder")
    return OpenCvSource(s, live=False)


class ReconnectingSource:
    """A live source that reopens itself with backoff when it disappears; never raises from read().

    ``opener`` creates the underlying source (raises on failure). State changes go to ``on_state``.
    After ``lost_after`` consecutive empty reads the source is considered gone and is reopened.
    """

    def __init__(self, opener: Callable[[], FrameSource], *, name: str = "camera",
                 on_state: Callable[[SourceState, str], None] | None = None,
                 initial_backoff_s: float = 0.5, max_backoff_s: float = 10.0, lost_after: int = 30,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self._opener = opener
        self._on_state = on_state
        self._initial = initial_backoff_s
        self._max = max_backoff_s
        self._lost_after = lost_after
        self._clock = clock
        self._source: FrameSource | None = None
        self._backoff = initial_backoff_s
        self._next_attempt = 0.0
        self._misses = 0
        self._lock = threading.Lock()
        self.state = SourceState.OPENING
        self.reopen_count = 0

    def _set(self, state: SourceState, detail: str = "") -> None:
        if state != self.state:
            self.state = state
            if self._on_state is not None:
                self._on_state(state, detail)

    def read(self) -> np.ndarray | None:
        with self._lock:
            if self.state is SourceState.CLOSED:
                return None
            if self._source is None:
                now = self._clock()
                if now < self._next_attempt:
                    return None
                try:
                    self._source = self._opener()
                except SourceError as exc:
                    self._next_attempt = now + self._backoff
                    self._backoff = min(self._max, self._backoff * 2)
                    self._set(SourceState.LOST if self.reopen_count or self.state is SourceState.LOST
                              else SourceState.OPENING, str(exc))
                    return None
                self._backoff = self._initial
                self._misses = 0
                self._set(SourceState.RUNNING)
            frame = self._source.read()
            if frame is not None:
                self._misses = 0
                return frame
            self._misses += 1
            if self._misses >= self._lost_after or self._source.ended:
                self._source.close()
                self._source = None
                self.reopen_count += 1
                self._next_attempt = self._clock() + self._backoff
                self._set(SourceState.LOST, f"{self.name}: no frames")
            return None

    @property
    def ended(self) -> bool:
        return self.state is SourceState.CLOSED

    def get_property(self, prop: int) -> float | None:
        """The open camera's property (see :class:`OpenCvSource`); None while it is not open."""
        source = self._source
        getter = getattr(source, "get_property", None)
        return getter(prop) if getter is not None else None

    def set_property(self, prop: int, value: float) -> None:
        setter = getattr(self._source, "set_property", None)
        if setter is not None:
            setter(prop, value)

    def close(self) -> None:
        with self._lock:
            if self._source is not None:
                self._source.close()
                self._source = None
            self._set(SourceState.CLOSED)
