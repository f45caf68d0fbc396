"""Every wizard page fits 1280x720 in every language, with realistic content and test outcomes:
nothing clipped, the window does not grow, touch targets stay finger-sized."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import Config
from kiosk.setup.answers import Problem
from kiosk.setup.probes import ProbeResult
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.setup_wizard import SetupWizard
from tests.setup.conftest import DEPARTMENTS
from tests.ui.support import clipped_text, small_touch_targets


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageManager]:
    manager = LanguageManager(qapp, default="vi")
    yield manager
    manager.switch("en")
    manager.deleteLater()


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
def test_every_page_fits(qtbot: QtBot, qapp: QApplication, languages: LanguageManager, tmp_path: Path,
                         lang: str) -> None:
    Appearance(qapp, touch=True).apply()
    languages.switch(lang)
    config = Config()
    config.hub.url, config.hub.token = "https://hub.benhvien.local:8443", "kh1_example_token_0123456789"
    config.camera.source, config.serial.url = "/dev/video0", "/dev/ttyACM0"
    wizard = SetupWizard(config, tmp_path / "config.toml", demo_departments=DEPARTMENTS)
    qtbot.addWidget(wizard)
    wizard.resize(1280, 720)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.departments.choose(DEPARTMENTS)
    qtbot.waitUntil(lambda: wizard.departments.preview.count() == 5, timeout=30_000)
    wizard.hub.show_result(ProbeResult(False, "hub_facility_mismatch", {"facility": "79123", "expected": "01999"},
                                       detail="device kiosk-q1-01"))
    wizard.devices.show_result("camera", ProbeResult(False, "camera_no_frame", {"seconds": "5"},
                                                     detail="/dev/video0"))
    wizard.devices.show_result("serial", ProbeResult(True, "serial_ok", {"preview": "DN4010100000001|4e67…"}))
    wizard.devices.show_result("printer", ProbeResult(False, "printer_failed",
                                                      {"reason": "Ticket printer is out of paper"},
                                                      detail="serial /dev/ttyUSB0: paper end sensor"))
    problems = []
    for i, page in enumerate(wizard.pages):
        wizard.go(i)
        if page is wizard.summary:
            wizard.summary.show_problems([Problem("hub_url", "scheme", ""), Problem("hub_token", "token", "")])
        QApplication.processEvents()
        if wizard.size().width() > 1280 or wizard.size().height() > 720:
            problems.append(f"{page.key}: window grew to {wizard.width()}x{wizard.height()}")
        problems += [f"{page.key}: {p}" for p in clipped_text(page.window()) + small_touch_targets(page)]
    wizard.shutdown()
    qapp.setStyleSheet("")
    assert not problems, problems
