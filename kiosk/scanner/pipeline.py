"""The live camera pipeline: frame source → phone-screen decoder → scan gate, in a worker thread.

:class:`LivePipeline` is the synchronous core (one frame in, decoder result and accepted scans out);
``kiosk decode`` runs video files through it frame by frame. :class:`CameraWorker` runs it against a
:class:`~kiosk.scanner.sources.FrameSource` in two threads: a grabber that always keeps only the
newest frame, and a decoder that takes it. A slow frame therefore never builds a backlog: frames that
arrive while the decoder is busy are dropped (counted in ``dropped``), not queued.
No Qt here: results go to plain callbacks (the UI adapts them to signals).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from kiosk.scanner.decoder import LIVE_BUDGET_MS, FrameResult, PhoneScreenDecoder
from kiosk.scanner.exposure import ExposureController
from kiosk.scanner.gate import Scan, ScanGate, ScanSource
from kiosk.scanner.sources import FrameSource

log = logging.getLogger(__name__)


@dataclass(slots=True)
class FrameOutput:
    result: FrameResult
    scans: list[Scan] = field(default_factory=list)


class LivePipeline:
    def __init__(self, *, duplicate_window_s: float = 5.0, budget_ms: float = LIVE_BUDGET_MS,
                 gate: ScanGate | None = None, decoder: PhoneScreenDecoder | None = None,
                 exposure: ExposureController | None = None) -> None:
        """``exposure``: optional camera exposure control fed with every frame's result (exposure.py)."""
        self.decoder = decoder or PhoneScreenDecoder(budget_ms)
        self.gate = gate or ScanGate(duplicate_window_s)
        self.exposure = exposure

    def process(self, frame: np.ndarray) -> FrameOutput:
        result = self.decoder.decode(frame)
        if self.exposure is not None:
            self.exposure.update(result)
        self.gate.next_frame()
        out = FrameOutput(result)
        for text in result.texts:
            scan = self.gate.offer(text, ScanSource.CAMERA)
            if scan is not None:
                out.scans.append(scan)
        return out


class CameraWorker:
    """Runs a :class:`LivePipeline` on a frame source in background threads."""

    def __init__(self, source: FrameSource, pipeline: LivePipeline, *,
                 on_scan: Callable[[Scan], None], on_frame: Callable[[np.ndarray, FrameResult], None]
                 | None = None, idle_sleep_s: float = 0.005) -> None:
        self.source = source
        self.pipeline = pipeline
        self._on_scan = on_scan
        self._on_frame = on_frame
        self._idle = idle_sleep_s
        self._stop = threading.Event()
        self._latest: np.ndarray | None = None
        self._have = threading.Condition()
        self._threads: list[threading.Thread] = []
        self.frames_read = 0
        self.frames_decoded = 0
        self.dropped = 0
        self.finished = threading.Event()

    def start(self) -> None:
        self._threads = [
            threading.Thread(target=self._grab, name="camera-grab", daemon=True),
            threading.Thread(target=self._decode, name="camera-decode", daemon=True),
        ]
        for t in self._threads:
            t.start()

    def wait_done(self, timeout: float | None = None) -> bool:
        """For files and folders: wait until every frame was read and the last one decoded."""
        for t in self._threads:
            t.join(timeout)
        return not any(t.is_alive() for t in self._threads)

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        with self._have:
            self._have.notify_all()
        for t in self._threads:
            t.join(timeout)
        self.source.close()

    def _grab(self) -> None:
        try:
            while not self._stop.is_set():
                frame = self.source.read()
                if frame is None:
                    if self.source.ended:
                        break
                    time.sleep(self._idle)
                    continue
                self.frames_read += 1
                with self._have:
                    if self._latest is not None:
                        self.dropped += 1
                    self._latest = frame
                    self._have.notify()
        finally:
            self.finished.set()
            with self._have:
                self._have.notify_all()

    def _decode(self) -> None:
        while not self._stop.is_set():
            with self._have:
                while self._latest is None and not self._stop.is_set():
                    if self.finished.is_set():
                        return
                    self._have.wait(0.1)
                frame, self._latest = self._latest, None
            if frame is None:
                continue
            try:
                out = self.pipeline.process(frame)
            except Exception:  # a decoder bug must not kill the camera
                log.exception("frame decoding failed")
                continue
            self.frames_decoded += 1
            if self._on_frame is not None:
                self._on_frame(frame, out.result)
            for scan in out.scans:
                self._on_scan(scan)
