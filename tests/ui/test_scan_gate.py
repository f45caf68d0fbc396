"""Every input passes the ScanGate: the same code from a serial scanner (a real pty) or a keyboard wedge
(the real event filter) twice inside the duplicate window is one check; typed numbers too.

The gate's clock is injected (frozen): "inside the window" does not depend on the machine's speed.
"""

from __future__ import annotations

import os
import pty
import time

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.checkin.intake import ScanIntake
from kiosk.checkin.result import CheckResult
from kiosk.config import Config
from kiosk.db.demo import demo_scenarios
from kiosk.scanner.qt.wedge import WedgeFilter
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.devices import QtSerialScanner
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.services import Services
from kiosk.ui.status_model import DeviceState
from tests.scanner.test_wedge import type_burst

SCENARIOS = {s.label: s for s in demo_scenarios()}
FIRST = SCENARIOS["valid, registered here"].payload      # Nguyễn Văn An
SECOND = SCENARIOS["valid, registered elsewhere"].payload


@pytest.fixture
def desk(qtbot: QtBot, services: Services, languages: LanguageManager) -> tuple[DeskWindow, list[str]]:
    services.intake = ScanIntake(5.0, clock=lambda: 1000.0)  # every read at the same instant
    window = DeskWindow(DeskModel(services, lambda: "vi"), languages)
    qtbot.addWidget(window)
    checked: list[str] = []

    def seen(result: CheckResult | None) -> None:
        if result is not None:
            checked.append(result.display_number)

    window.model.result_changed.connect(seen)
    window.show()
    return window, checked


def test_serial_scanner_repeat_inside_the_window_is_one_check(qtbot: QtBot,
                                                              desk: tuple[DeskWindow, list[str]]) -> None:
    window, checked = desk
    master, slave = pty.openpty()
    scanner = QtSerialScanner(Config(), os.ttyname(slave))
    states: list[DeviceState] = []
    scanner.state.connect(lambda s: states.append(s.state))
    scanner.scanned.connect(lambda text: window.scan(text, "serial"))
    scanner.start()
    try:
        qtbot.waitUntil(lambda: DeviceState.READY in states, timeout=5000)
        time.sleep(0.1)  # pyserial flushes input on open: send after it is open (docs/testing.md §2)
        for payload in (FIRST, FIRST, SECOND):
            os.write(master, payload.encode("utf-8") + b"\r")
        qtbot.waitUntil(lambda: len(checked) == 2 and checked[-1] == "DN4790100000013", timeout=5000)
        assert checked == ["DN4010100000001", "DN4790100000013"]  # the second FIRST was dropped, in order
    finally:
        scanner.stop()
        os.close(master)
        os.close(slave)


def test_wedge_repeat_inside_the_window_is_one_check(qtbot: QtBot, desk: tuple[DeskWindow, list[str]]) -> None:
    window, checked = desk
    wedge = WedgeFilter(max_key_interval_ms=40, min_length=8)
    wedge.scanned.connect(lambda text: window.scan(text, "wedge"))
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    try:
        window.entry.setFocus()
        for payload in (FIRST, FIRST, SECOND):
            type_burst(window.entry, payload)
        qtbot.waitUntil(lambda: len(checked) == 2 and checked[-1] == "DN4790100000013", timeout=5000)
        assert checked == ["DN4010100000001", "DN4790100000013"]
        assert window.entry.text() == ""  # the bursts never reached the entry line
    finally:
        app.removeEventFilter(wedge)


def test_typed_number_entered_twice_is_one_check(qtbot: QtBot, desk: tuple[DeskWindow, list[str]]) -> None:
    window, checked = desk
    for number in ("DN4010100000001", "DN4010100000001", "DN4790100000013"):
        window.entry.setText(number)
        window.check_button.click()
    qtbot.waitUntil(lambda: len(checked) == 2 and checked[-1] == "DN4790100000013", timeout=5000)
    assert checked == ["DN4010100000001", "DN4790100000013"]
