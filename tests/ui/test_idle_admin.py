"""Idle reset (visible countdown ≥ 20 s, wipes the patient, default language), hidden admin entry with a
hashed PIN, settings, test print, cleaning mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kiosk.db.demo import demo_scenarios
from kiosk.printing import TicketPrinter
from kiosk.ui.admin_pin import PinCheck, PinGuard, hash_pin, verify_pin
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services

VALID = next(s.payload for s in demo_scenarios() if s.label == "valid, registered here")


def make_window(qtbot: QtBot, services: Services, languages: LanguageManager, appearance: Appearance, *,
                pin_hash: str = "", idle_s: int = 60) -> SelfServiceWindow:
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    window = SelfServiceWindow(model, languages, appearance, idle_s=idle_s, warn_s=20, pin_hash=lambda: pin_hash)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_idle_warning_counts_down_then_wipes_everything(qtbot: QtBot, services: Services,
                                                        languages: LanguageManager, appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance, idle_s=1)
    languages.switch("ko")
    window.scan(VALID)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    assert window.idle.armed and window.idle.warn_s >= 20
    qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=3000)
    assert window.overlay.countdown.text() == "20"
    assert "20" in window.overlay.message.text()
    window.overlay.continue_button.click()  # "Continue" keeps the patient's session
    assert not window.overlay.isVisible()
    assert window.model.screen is Screen.VERDICT and window.model.result is not None
    # let it run out: simulate the remaining seconds instead of waiting 20 s
    window.idle._start_warning()
    for _ in range(20):
        window.idle._count()
    assert window.model.screen is Screen.WELCOME
    assert window.model.result is None and window.verdict.name.text() == ""
    assert languages.current == "vi"
    assert not window.overlay.isVisible()


def test_welcome_in_default_language_is_not_watched(qtbot: QtBot, services: Services,
                                                    languages: LanguageManager, appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance)
    assert not window.idle.armed
    languages.switch("en")
    assert window.idle.armed  # a foreign language on the welcome screen also returns to Vietnamese


def test_minimum_warning_is_twenty_seconds(qtbot: QtBot, services: Services, languages: LanguageManager,
                                           appearance: Appearance) -> None:
    model = SelfServiceModel(services, lambda: "vi")
    window = SelfServiceWindow(model, languages, appearance, idle_s=30, warn_s=5, pin_hash=lambda: "")
    qtbot.addWidget(window)
    assert window.idle.warn_s == 20


def tap_corner(qtbot: QtBot, window: SelfServiceWindow, times: int) -> None:
    for _ in range(times):
        qtbot.mouseClick(window.welcome, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_corner_taps_and_pin_open_the_admin_panel(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                  appearance: Appearance, printer: TicketPrinter) -> None:
    stored = hash_pin("2468", iterations=1000)
    window = make_window(qtbot, services, languages, appearance, pin_hash=stored)
    tap_corner(qtbot, window, 4)
    assert window.model.screen is Screen.WELCOME
    tap_corner(qtbot, window, 1)
    assert window.model.screen is Screen.PIN
    window.pin.field.setText("0000")  # the factory PIN no longer works once a PIN is set
    window.pin.ok_button.click()
    assert window.model.screen is Screen.PIN and window.pin.message.text()
    for digit in "2468":
        window.findChild(type(window.pin.ok_button), f"pin-{digit}").click()
    window.pin.ok_button.click()
    assert window.model.screen is Screen.ADMIN
    window.admin.bigger.click()
    assert appearance.font_scale == 110
    window.admin.print_button.click()
    qtbot.waitUntil(lambda: printer.last_dummy_job != b"", timeout=10_000)  # the printer's test page
    qtbot.waitUntil(lambda: window.admin.info.text() == "Máy in: Đã in trang thử.")
    window.admin.cleaning_button.click()
    assert window.model.screen is Screen.CLEANING
    qtbot.mouseClick(window.cleaning, Qt.MouseButton.LeftButton)  # short taps are ignored
    assert window.model.screen is Screen.CLEANING
    window.cleaning.hold_ms = 50
    qtbot.mousePress(window.cleaning, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.screen is Screen.ADMIN, timeout=2000)
    qtbot.mouseRelease(window.cleaning, Qt.MouseButton.LeftButton)
    window.admin.back_button.click()
    assert window.model.screen is Screen.WELCOME


def test_quick_taps_count_although_widgets_see_double_clicks(qtbot: QtBot, services: Services,
                                                             languages: LanguageManager,
                                                             appearance: Appearance) -> None:
    """Five quick taps arrive as press, double click, press, double click, press (as on a real display)."""
    window = make_window(qtbot, services, languages, appearance, pin_hash="")
    corner = QPoint(10, 10)
    qtbot.mouseClick(window.welcome, Qt.MouseButton.LeftButton, pos=corner)
    for _ in range(2):
        qtbot.mouseDClick(window.welcome, Qt.MouseButton.LeftButton, pos=corner)
        qtbot.mouseClick(window.welcome, Qt.MouseButton.LeftButton, pos=corner)
    assert window.model.screen is Screen.PIN


def enter_pin(window: SelfServiceWindow, pin: str) -> None:
    window.pin.field.setText(pin)
    window.pin.ok_button.click()


def test_factory_pin_forces_a_new_pin_before_the_panel(qtbot: QtBot, services: Services,
                                                       languages: LanguageManager, appearance: Appearance) -> None:
    stored = [""]
    model = SelfServiceModel(services, lambda: "vi")

    def changed(pin_hash: str) -> None:
        stored[0] = pin_hash

    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: stored[0],
                               on_pin_changed=changed)
    qtbot.addWidget(window)
    window.model.go(Screen.PIN)
    enter_pin(window, "0000")
    assert window.model.screen is Screen.PIN and stored == [""]  # not the panel yet: a new PIN first
    enter_pin(window, "0000")  # the factory PIN cannot be kept
    assert window.model.screen is Screen.PIN and window.pin.message.text()
    enter_pin(window, "135790")
    enter_pin(window, "135791")  # the two differ: start again
    assert window.model.screen is Screen.PIN and stored == [""]
    enter_pin(window, "135790")
    enter_pin(window, "135790")
    assert window.model.screen is Screen.ADMIN
    assert verify_pin("135790", stored[0]) and not verify_pin("0000", stored[0])
    window.admin.back_button.click()
    window.model.go(Screen.PIN)
    enter_pin(window, "0000")
    assert window.model.screen is Screen.PIN  # the factory PIN no longer opens anything
    enter_pin(window, "135790")
    assert window.model.screen is Screen.ADMIN


def test_five_wrong_pins_lock_the_pad_for_a_minute(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                   appearance: Appearance, caplog: pytest.LogCaptureFixture) -> None:
    stored = hash_pin("2468", iterations=1000)
    now = [1000.0]
    guard = PinGuard(lambda: stored, clock=lambda: now[0])
    model = SelfServiceModel(services, lambda: "en")
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: stored,
                               pin_guard=guard)
    qtbot.addWidget(window)
    window.model.go(Screen.PIN)
    for _ in range(4):
        enter_pin(window, "1111")
    assert guard.attempts_left == 1 and window.pin.ok_button.isEnabled()
    enter_pin(window, "1111")
    assert not window.pin.ok_button.isEnabled() and not window.pin.field.isEnabled()
    assert guard.check("2468") is PinCheck.LOCKED  # even the right PIN, while locked
    now[0] += 59
    assert guard.check("2468") is PinCheck.LOCKED
    now[0] += 2
    window.pin._lock_tick()
    assert window.pin.ok_button.isEnabled()
    enter_pin(window, "2468")
    assert window.model.screen is Screen.ADMIN
    logged = [r.getMessage() for r in caplog.records if r.name == "kiosk.ui.admin_pin"]
    assert any("locked for 60 s" in m for m in logged) and any("wrong attempt 4 of 5" in m for m in logged)
    assert not any("1111" in m or "2468" in m for m in logged)  # attempts are logged, PINs never
