"""The app drives the real device code: the scanner's camera pipeline on a video file (through the Qt
bridge and the paced demo loop) and the serial scanner on a real pty."""

from __future__ import annotations

import os
import pty
from pathlib import Path

import cv2
import pytest
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.db.demo import demo_scenarios
from kiosk.scanner.sources import open_source
from kiosk.scanner.synthetic import empty_frame, render, scene_params
from kiosk.ui.appearance import Appearance
from kiosk.ui.camera import PacedLoop, QtCamera
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.devices import QtSerialScanner
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from kiosk.ui.status_model import DeviceState

SCENARIOS = {s.label: s for s in demo_scenarios()}


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A short clip: background, then a phone showing the QR of a valid demo card."""
    path = tmp_path_factory.mktemp("clip") / "phone.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30, (1280, 720))
    payload = SCENARIOS["valid, registered here"].payload
    for i in range(5):
        writer.write(empty_frame(i))
    frame = render(scene_params("clean", 3.0, 7), payload)
    for _ in range(10):
        writer.write(frame)
    writer.release()
    return path


def test_camera_scan_reaches_the_verdict(qtbot: QtBot, services: Services, languages: LanguageManager,
                                         appearance: Appearance, clip: Path) -> None:
    states: list[DeviceState] = []
    source = PacedLoop(lambda: open_source(str(clip)), fps=30, on_state=lambda s, _d: None)
    camera = QtCamera(source)
    camera.state.connect(lambda s: states.append(s.state))
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: "",
                               camera=camera)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    camera.start()
    try:
        qtbot.waitUntil(lambda: model.screen is Screen.VERDICT, timeout=15_000)
        assert model.result is not None and model.result.self_service_allowed
        assert window.welcome.camera.frames_shown > 0  # the live preview was drawn
        assert not camera.active  # no scans taken while the verdict is shown
    finally:
        camera.stop()


def test_serial_scanner_on_a_pty_feeds_the_desk(qtbot: QtBot, services: Services,
                                                languages: LanguageManager) -> None:
    master, slave = pty.openpty()
    scanner = QtSerialScanner(Config(), os.ttyname(slave))
    states: list[DeviceState] = []
    scanner.state.connect(lambda s: states.append(s.state))
    window = DeskWindow(DeskModel(services, lambda: "vi"), languages)
    qtbot.addWidget(window)
    scanner.scanned.connect(lambda text: window.scan(text, "serial"))
    window.show()
    scanner.start()
    try:
        # READY follows the port's "connected" state, reported after pyserial's open() (and its input flush,
        # docs/testing.md §2) has returned: bytes sent from now on are read
        qtbot.waitUntil(lambda: DeviceState.READY in states, timeout=5000)
        payload = SCENARIOS["valid, registered here"].payload
        os.write(master, payload.encode("utf-8") + b"\r")
        qtbot.waitUntil(lambda: window.patient.result is not None, timeout=5000)
        assert window.patient.fields["name"][1].text() == "Nguyễn Văn An"
    finally:
        scanner.stop()
        os.close(master)
        os.close(slave)
