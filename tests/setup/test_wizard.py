"""The setup wizard offscreen: navigate, fill, run live tests (hub, pty scanner, video, file printer), save."""

from __future__ import annotations

import os
import pty
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import Config, load_config
from kiosk.db.store import Store
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.setup_wizard import SetupWizard
from tests.setup.conftest import CLIP, DEPARTMENTS, Hub

WAIT_MS = 30_000


@pytest.fixture
def wizard(qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SetupWizard]:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    look = Appearance(qapp, touch=True)
    look.apply()
    english = LanguageManager(qapp, default="en")
    english.switch("en")  # the texts below are the English ones, whatever ran before
    w = SetupWizard(Config(), tmp_path / "config.toml", restart_after_save=False, demo_departments=DEPARTMENTS,
                    scan_timeout_s=20)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    yield w
    w.shutdown()
    english.deleteLater()
    qapp.setStyleSheet("")


def type_into(qtbot: QtBot, edit: object, text: str) -> None:
    edit.clear()  # type: ignore[attr-defined]
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest.keyClicks cannot type characters outside Latin-1: insert as an input method would
        edit.insert(text)  # type: ignore[attr-defined]


def test_full_setup_with_live_tests_and_save(qtbot: QtBot, wizard: SetupWizard, hub: Hub, tmp_path: Path) -> None:
    # Facility: a bad code keeps the wizard on the page with a specific message.
    type_into(qtbot, wizard.facility.code, "03999")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() is wizard.facility and "province" in wizard.facility.hint.text()
    type_into(qtbot, wizard.facility.code, "01 - 999")
    assert "Hà Nội" in wizard.facility.hint.text()
    type_into(qtbot, wizard.facility.name, "PK Thử Nghiệm")
    qtbot.keyClick(wizard.facility.name, Qt.Key.Key_Return)  # Enter = Next
    assert wizard.page() is wizard.hub

    # Hub: a wrong token fails, the right one passes (the real hub on loopback).
    type_into(qtbot, wizard.hub.url, hub.url)
    type_into(qtbot, wizard.hub.token, "kh1_not_the_right_token_at_all")
    qtbot.mouseClick(wizard.hub.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused" in wizard.hub.result.text(), timeout=WAIT_MS)
    type_into(qtbot, wizard.hub.token, hub.token)
    qtbot.mouseClick(wizard.hub.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kiosk-setup-1" in wizard.hub.result.text(), timeout=WAIT_MS)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)

    # Departments: the demo file, read on a worker and previewed.
    qtbot.mouseClick(wizard.departments.demo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.departments.preview.count() == 5, timeout=WAIT_MS)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() is wizard.devices

    # Devices: video file as camera, a pty as serial scanner, a file printer.
    camera, serial, printer = (wizard.devices.rows[k] for k in ("camera", "serial", "printer"))
    type_into(qtbot, camera.edit, str(CLIP))
    qtbot.mouseClick(camera.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Camera works" in camera.result.text(), timeout=WAIT_MS)
    master, slave = pty.openpty()
    try:
        type_into(qtbot, serial.edit, os.ttyname(slave))
        qtbot.mouseClick(serial.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.devices.scan_waiting, timeout=WAIT_MS)
        os.write(master, b"079185000123|Nguyen Van A|01011980\r")
        qtbot.waitUntil(lambda: "Scanner works" in serial.result.text(), timeout=WAIT_MS)
    finally:
        os.close(master)
        os.close(slave)
    assert "079185000123" in serial.result.text()
    ticket = tmp_path / "printer.bin"
    type_into(qtbot, printer.edit, f"file:{ticket}")
    qtbot.mouseClick(printer.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Test ticket printed" in printer.result.text(), timeout=WAIT_MS)
    assert ticket.stat().st_size > 0
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)

    # Summary and save.
    assert wizard.page() is wizard.summary and wizard.next_button.text() == "Save"
    assert "import 5 from departments.json" in wizard.summary.values["departments"].text()
    with qtbot.waitSignal(wizard.closed, timeout=WAIT_MS) as closed:
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.saved_path is not None, timeout=WAIT_MS)
        assert "Saved to" in wizard.summary.message.text()
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)  # "Start the kiosk"
    assert closed.args == [True]
    config = load_config(tmp_path / "config.toml", environ={})
    assert (config.facility.code, config.facility.name) == ("01999", "PK Thử Nghiệm")
    assert (config.hub.url, config.hub.token) == (hub.url, hub.token)
    assert (config.camera.source, config.printer.target) == (str(CLIP), f"file:{ticket}")
    with Store.open(config.database_url()) as store:
        assert [d.code for d in store.departments()] == ["K01", "K02", "K03", "K04", "XN"]


def test_bad_inputs_are_named_and_nothing_is_saved(qtbot: QtBot, wizard: SetupWizard, tmp_path: Path) -> None:
    wizard.go(1)
    type_into(qtbot, wizard.hub.url, "hub.benhvien.local")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() is wizard.hub and "http://" in wizard.hub.result.text()
    type_into(qtbot, wizard.hub.url, "")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    bad = tmp_path / "khoa.csv"
    bad.write_text("code,name_vi\nK01,Khám\nK01,Khám lại\n", encoding="utf-8")
    wizard.departments.choose(bad)
    qtbot.waitUntil(lambda: "appears twice" in wizard.departments.message.text(), timeout=WAIT_MS)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() is wizard.departments
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # Esc = Back
    assert wizard.page() is wizard.hub
    with qtbot.waitSignal(wizard.closed, timeout=WAIT_MS) as closed:
        qtbot.mouseClick(wizard.cancel_button, Qt.MouseButton.LeftButton)
    assert closed.args == [False] and not (tmp_path / "config.toml").exists()


def test_scanner_test_can_be_stopped(qtbot: QtBot, wizard: SetupWizard) -> None:
    wizard.go(3)
    serial = wizard.devices.rows["serial"]
    master, slave = pty.openpty()
    try:
        type_into(qtbot, serial.edit, os.ttyname(slave))
        qtbot.mouseClick(serial.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.devices.scan_waiting, timeout=WAIT_MS)
        assert serial.test_button.text() == "Stop"
        qtbot.mouseClick(serial.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "cancelled" in serial.result.text(), timeout=WAIT_MS)
    finally:
        os.close(master)
        os.close(slave)


def test_live_language_switch(qtbot: QtBot, wizard: SetupWizard, qapp: QApplication) -> None:
    languages = LanguageManager(qapp, default="vi")
    try:
        languages.switch("vi")
        assert wizard.next_button.text() != "Next" and wizard.step.text().startswith("Bước")
        languages.switch("en")
        assert wizard.next_button.text() == "Next"
    finally:
        languages.switch("en")
        languages.deleteLater()


def test_setup_window_asks_for_the_pin_first(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.ui.admin_pin import PinGuard, hash_pin
    from kiosk.ui.setup_wizard import SetupWindow

    stored = hash_pin("2468", iterations=1000)
    window = SetupWindow(lambda: SetupWizard(Config(), tmp_path / "c.toml", restart_after_save=False),
                         guard=PinGuard(lambda: stored))
    qtbot.addWidget(window)
    window.show()
    assert window.pin is not None
    window.pin.field.setText("1111")
    window.pin.ok_button.click()
    assert window.wizard is None and window.stack.currentWidget() is window.pin
    window.pin.field.setText("2468")
    window.pin.ok_button.click()
    assert window.wizard is not None and window.stack.currentWidget() is window.wizard
    window.wizard.cancel()
    assert not window.isVisible() and window.saved is False


def test_first_start_only_with_a_person_at_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.ui.setup_wizard import first_start_wanted

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not first_start_wanted(screenshot=None, exit_after=None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    assert first_start_wanted(screenshot=None, exit_after=None)
    assert not first_start_wanted(screenshot=Path("shots"), exit_after=5)


def test_first_setup_offers_no_sample_facility(tmp_path: Path) -> None:
    from kiosk.ui.setup_wizard import setup_config

    fresh = setup_config(tmp_path / "absent.toml")
    assert (fresh.facility.code, fresh.facility.name) == ("", "")
    wizard = SetupWizard(fresh, tmp_path / "absent.toml", restart_after_save=False)
    assert wizard.facility.code.text() == ""
    wizard.shutdown()
