"""Builds the real devices from the configuration and adapts their callbacks to Qt signals.

Camera (scanner pipeline), serial scanner, keyboard-wedge filter, ticket printer and the sync loop
all run their own threads (no Qt in them); the bridges here re-emit their callbacks as signals, which
Qt delivers on the UI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QObject, Signal

from kiosk.config import Config
from kiosk.scanner.serial_reader import PortState, SerialPayload, SerialScanner
from kiosk.scanner.sources import ReconnectingSource, SourceState, is_live, open_source
from kiosk.ui.camera import PacedLoop, QtCamera, device_status
from kiosk.ui.status_model import DeviceState, DeviceStatus

log = logging.getLogger(__name__)

DEMO_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "demo"
CLIP_SUFFIXES: Final = (".mp4", ".avi", ".mkv", ".webm")


def demo_clip() -> Path | None:
    """The bundled demo clip (a phone showing a VssID QR code), if present."""
    clips = sorted(p for p in DEMO_DIR.glob("*") if p.suffix.lower() in CLIP_SUFFIXES)
    return clips[0] if clips else None


class CameraStateBridge(QObject):
    state = Signal(object)

    def __call__(self, state: SourceState, detail: str) -> None:
        self.state.emit(device_status(state, detail))


def build_camera(config: Config, spec: str | None, *, demo: bool) -> tuple[QtCamera | None, CameraStateBridge]:
    """The camera from ``--camera``/config, else the demo clip in demo mode; None when there is none."""
    bridge = CameraStateBridge()
    source_spec = spec if spec is not None else config.camera.source
    if not source_spec:
        clip = demo_clip() if demo else None
        if clip is None:
            return None, bridge
        source_spec = str(clip)
    width, height, fps = config.camera.width, config.camera.height, config.camera.fps
    if is_live(source_spec):
        source: Any = ReconnectingSource(
            lambda: open_source(source_spec, width=width, height=height, fps=fps), on_state=bridge)
    else:
        source = PacedLoop(lambda: open_source(source_spec), fps, on_state=bridge)
    camera = QtCamera(source, duplicate_window_s=config.scan.duplicate_window_s,
                      exposure_control=config.camera.exposure_control and is_live(source_spec))
    camera.state.connect(bridge.state)
    return camera, bridge


_PORT_STATES: Final = {PortState.CONNECTING: DeviceState.STARTING, PortState.CONNECTED: DeviceState.READY,
                       PortState.DISCONNECTED: DeviceState.LOST, PortState.STOPPED: DeviceState.ABSENT}


class QtSerialScanner(QObject):
    """The scanner's :class:`SerialScanner` thread (built by :func:`kiosk.checkin.factory.serial_scanner` from
    ``[serial]``; ``url`` overrides the port), with ``scanned(text)`` and ``state`` signals."""

    scanned = Signal(str)
    state = Signal(object)

    def __init__(self, config: Config, url: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from kiosk.checkin.factory import serial_scanner

        self.reader: SerialScanner | None = serial_scanner(config, on_payload=self._payload,
                                                           on_state=self._state, url=url)

    @property
    def configured(self) -> bool:
        return self.reader is not None

    def start(self) -> None:
        if self.reader is not None:
            self.reader.start()

    def stop(self) -> None:
        if self.reader is not None:
            self.reader.stop()

    def _payload(self, payload: SerialPayload) -> None:
        self.scanned.emit(payload.text)

    def _state(self, state: PortState, detail: str) -> None:
        self.state.emit(DeviceStatus(_PORT_STATES.get(state, DeviceState.ERROR), detail))


class SyncBridge(QObject):
    """Runs ``kiosk.sync``'s SyncLoop (its own thread, its own store) and re-emits its status as a signal."""

    status = Signal(object)

    def __init__(self, config: Config, store: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from kiosk.checkin.factory import sync_loop

        self.loop: Any = None if store is None else sync_loop(config, store, on_status=self.status.emit)

    @property
    def configured(self) -> bool:
        return self.loop is not None

    def start(self) -> None:
        if self.loop is not None:
            self.loop.start()

    def stop(self) -> None:
        if self.loop is not None:
            self.loop.stop()

    def trigger(self) -> None:
        if self.loop is not None:
            self.loop.trigger()

    def refresh_pending(self) -> None:
        if self.loop is not None:
            self.loop.refresh_pending()
