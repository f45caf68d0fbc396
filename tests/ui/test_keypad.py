"""The on-screen keypad: only a complete card number or ID number can be sent; typing is normalised."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.keypad import KeypadScreen, typed_number_complete


@pytest.mark.parametrize(("text", "ok"), [
    ("DN4010100000001", True), ("0123456789", True), ("001085000123", True),
    ("DN401010000000", False), ("00108500012", False), ("", False), ("4010100000001DN", False),
])
def test_complete_numbers(text: str, ok: bool) -> None:
    assert typed_number_complete(text) is ok


def test_keys_build_the_number_and_check_sends_it(qtbot: QtBot, languages: LanguageManager) -> None:
    screen = KeypadScreen()
    qtbot.addWidget(screen)
    screen.start()
    sent: list[str] = []
    screen.submitted.connect(sent.append)
    for ch in "DN401010000000":
        qtbot.mouseClick(screen.findChild(type(screen.check_button), f"key-{ch}"), Qt.MouseButton.LeftButton)
    assert not screen.check_button.isEnabled()
    screen.check_button.click()
    assert sent == []  # incomplete: nothing sent
    qtbot.mouseClick(screen.findChild(type(screen.check_button), "key-1"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.findChild(type(screen.check_button), "key-9"), Qt.MouseButton.LeftButton)  # too long
    assert screen.field.text() == "DN4010100000001" and screen.check_button.isEnabled()
    screen.check_button.click()
    assert sent == ["DN4010100000001"]
    screen.backspace.click()
    assert screen.field.text() == "DN401010000000"


def test_typed_text_is_normalised(qtbot: QtBot, languages: LanguageManager) -> None:
    screen = KeypadScreen()
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.field, "dn 4010-100000001")
    assert screen.field.text() == "DN4010100000001"


def test_a_patient_can_type_the_number_and_get_a_verdict(qtbot: QtBot, services: object,
                                                         languages: LanguageManager, appearance: object) -> None:
    from kiosk.checkin.result import Source
    from kiosk.ui.selfservice.model import Screen, SelfServiceModel
    from kiosk.ui.selfservice.window import SelfServiceWindow

    model = SelfServiceModel(services, lambda: languages.current or languages.default)  # type: ignore[arg-type]
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20,  # type: ignore[arg-type]
                               pin_hash=lambda: "")
    qtbot.addWidget(window)
    window.welcome.type_button.click()
    assert model.screen is Screen.KEYPAD and window.idle.armed  # patient data on screen: idle reset armed
    window.keypad.field.setText("DN4010100000001")
    window.keypad.check_button.click()
    qtbot.waitUntil(lambda: model.screen is Screen.VERDICT, timeout=10_000)
    assert model.result is not None and model.result.manual and model.result.source is Source.TYPED
    window.reset()
    window.welcome.type_button.click()
    window.keypad.back_button.click()
    assert model.screen is Screen.WELCOME
