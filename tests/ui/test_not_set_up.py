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


def test_demo_badge_is_in_the_status_strip(qtbot: QtBot, languages: LanguageManager, tmp_path: Path) -> None:
    window = NotSetUpWindow(tmp_path / "c.toml", on_setup=lambda: None, on_exit=lambda: None)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert not window.status.demo_label.isVisible()
    window.show_demo_badge()
    badge = window.status.demo_label
    assert badge.isVisible() and badge.text()
    languages.switch("en")
    assert "DEMO" in badge.text()
