"""The "not set up" window and the DEMO badge, offscreen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.ui.i18n import LanguageManager
from kiosk.ui.not_set_up import NotSetUpWindow


def test_not_set_up_window_is_for_staff_and_retranslates(qtbot: QtBot, languages: LanguageManager,
                                                         tmp_path: Path) -> None:
    opened: list[str] = []
    window = NotSetUpWindow(tmp_path / "config.toml", on_setup=lambda: opened.append("setup"),
                            on_exit=lambda: opened.append("exit"))
    qtbot.addWidget(window)
    languages.switch("en")
    assert "not set up" in window.title.text() and str(tmp_path / "config.toml") in window.staff.text()
    window.scan("anything")  # scans do nothing here
    window.setup_button.click()
    assert opened == ["setup"]
    languages.switch("vi")
    assert window.title.text() != "This kiosk is not set up yet"
    languages.switch("en")


def test_demo_badge_on_every_screen(qtbot: QtBot, languages: LanguageManager, tmp_path: Path) -> None:
    window = NotSetUpWindow(tmp_path / "c.toml", on_setup=lambda: None, on_exit=lambda: None)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.show_demo_badge()
    badge = window.demo_badge
    assert badge is not None and badge.isVisible() and "DEMO" in badge.text()
    assert badge.geometry().right() <= 1280 and badge.x() > 120  # never over the admin corner
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: badge.geometry().right() > 1800)
