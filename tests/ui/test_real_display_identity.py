"""The self-service identity step under a real X server (Xvfb), driven by xdotool: the keyboard-wedge scanner
types a BHYT payload, the patient taps "Continue", the kiosk asks for the chip ID card (screen ``identity``),
the wedge types the holder's CCCD payload, and the kiosk goes on to the departments. The app reports its
screens through ``kiosk run --trace``.

Where to tap: the same window is laid out offscreen in this process with the same configuration, language,
text and size (1280x720), and the tap goes to the centre of its "Continue" button (a touch target of at least
63 px: a pixel or two of font difference between the platforms does not matter).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from kiosk.cards import CachedCard
from kiosk.cards.model import BirthDate, Gender
from kiosk.checkin import factory
from kiosk.config import load_config
from kiosk.db.demo import bhyt_payload
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from kiosk.ui.workers import TaskRunner
from tests.support.xserver import XServer, kiosk_command, stop_app, wait_for, xvfb
from tests.ui.test_real_display import CONFIG, read_trace

pytestmark = pytest.mark.slow

#: Not in the (empty) card cache and no hub: the verdict rests on the card's own dates, which are current,
#: so the patient may take a number alone — after the identity step. ASCII only: xdotool types it as keys.
HOLDER = CachedCard(card_number="DN4791234567890", name="Tran Van Minh", birth_date=BirthDate(1990, 3, 15),
                    gender=Gender.MALE, facility_code="79123", valid_from=dt.date(2024, 1, 1))
CARD = bhyt_payload(HOLDER)
CCCD = "|".join(["079090001234", "", "Tran Van Minh", "15031990", "Nam", "So 1 Duong Mau, Ha Noi", "10052022"])


def continue_button_centre(qtbot: QtBot, config_path: Path, tmp_path: Path) -> QPoint:
    """Lay the verdict screen out offscreen as the app will show it, and return the button's centre."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    config = load_config(config_path)
    store = factory.open_store(config, f"sqlite:///{tmp_path / 'replica.sqlite3'}")
    runner = TaskRunner()
    languages = LanguageManager(app, default=config.ui.language)
    languages.switch(config.ui.language)
    look = Appearance(app, font_scale=config.ui.font_scale, high_contrast=config.ui.high_contrast, touch=True)
    look.apply()
    try:
        services = Services(runner=runner, checkin=factory.checkin_service(config, store, online=False),
                            printer=None, facility_name=config.facility.name)
        model = SelfServiceModel(services, lambda: languages.current or languages.default)
        window = SelfServiceWindow(model, languages, look, idle_s=600, warn_s=20, pin_hash=lambda: "")
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        window.scan(CARD, "wedge")
        qtbot.waitUntil(lambda: model.screen is Screen.VERDICT)
        assert window.verdict.continue_button.isVisible(), "the replica's card must be allowed to continue"
        qtbot.wait(50)  # the scroll page fits on the next turn of the event loop
        button = window.verdict.continue_button
        return button.mapTo(window, button.rect().center())
    finally:
        runner.shutdown()
        app.setStyleSheet("")
        languages.switch("en")
        store.close()


def test_wedge_card_then_continue_then_cccd_reaches_the_departments(qtbot: QtBot, tmp_path: Path,
                                                                      display: XServer) -> None:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG.format(db=tmp_path / "kiosk.sqlite3"), encoding="utf-8")
    target = continue_button_centre(qtbot, config, tmp_path)
    trace = tmp_path / "trace.jsonl"
    env = display.env({**os.environ, "KIOSK_DATA_DIR": str(tmp_path / "data")})
    proc = subprocess.Popen(kiosk_command("run", "--config", config, "--mode", "self", "--windowed", "--size",
                                          "1280x720", "--no-sound", "--trace", trace, "--exit-after", "90"),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def screens() -> list[str]:
        return [e["screen"] for e in read_trace(trace) if e["event"] == "screen"]

    try:
        wait_for(lambda: "welcome" in screens(), 60, "the welcome screen", proc)
        window = display.xdotool("search", "--sync", "--onlyvisible", "--name", "Kiosk").split()[0]
        display.xdotool("windowmove", window, "0", "0")
        display.xdotool("mousemove", "--sync", "640", "360")  # focus follows the pointer without a WM
        display.xdotool("type", "--delay", "8", CARD)
        display.xdotool("key", "Return")
        wait_for(lambda: "verdict" in screens(), 30, "the verdict screen", proc)
        display.xdotool("mousemove", "--sync", str(target.x()), str(target.y()))
        display.xdotool("click", "1")
        wait_for(lambda: "identity" in screens(), 20, "the identity screen", proc)
        display.xdotool("mousemove", "--sync", "640", "200")  # off the buttons
        display.xdotool("type", "--delay", "8", CCCD)
        display.xdotool("key", "Return")
        wait_for(lambda: "departments" in screens(), 30, "the departments after the matching CCCD", proc)
        assert screens() == ["welcome", "verdict", "identity", "departments"], screens()
        scans = [e for e in read_trace(trace) if e["event"] == "scan"]
        assert len(scans) == 1 and scans[0]["source"] == "wedge", scans  # the CCCD was not a new check-in
        text = trace.read_text(encoding="utf-8")
        assert "Tran Van Minh" not in text and "079090001234" not in text  # no patient data in the trace
    finally:
        stop_app(proc)


@pytest.fixture
def display() -> Iterator[XServer]:
    with xvfb() as server:
        yield server
