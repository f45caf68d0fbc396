"""The wizard is reachable from the running app: the self-service admin panel (behind the PIN) and
the desk's "Setup…" button (which asks the admin PIN itself)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import Config, load_config
from kiosk.setup.probes import ProbeResult
from kiosk.setup.writer import HEADER, write_config
from kiosk.ui.admin_pin import hash_pin
from kiosk.ui.app import KioskApp, RunOptions
from kiosk.ui.selfservice.model import Screen
from kiosk.ui.setup_wizard import SetupWindow, SetupWizard


@pytest.fixture
def make_app(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    apps: list[KioskApp] = []

    def make(mode: str, config: Config | None = None) -> KioskApp:
        if config is None:
            config = Config()
            config.ui.admin_pin_hash = hash_pin("2468", iterations=1000)
            config.facility.code = "48001"
            (tmp_path / "config.toml").write_text('[facility]\ncode = "48001"\n', encoding="utf-8")
        app = KioskApp(config, RunOptions(mode=mode, config_path=tmp_path / "config.toml", sounds=False), qapp)
        app.window.resize(1280, 720)
        app.window.show()
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.languages.switch("en")  # the app starts in its default language (vi): leave English behind
        app.window.close()
        app.close()
    qapp.setStyleSheet("")


def test_admin_panel_opens_the_wizard_and_returns(qtbot: QtBot, make_app: object) -> None:
    kiosk = make_app("self")  # type: ignore[operator]
    window = kiosk.window
    window.model.go(Screen.PIN)
    window.pin.field.setText("2468")
    window.pin.ok_button.click()
    assert window.current_screen_widget() is window.admin
    window.admin.setup_button.click()
    wizard = window.current_screen_widget()
    assert isinstance(wizard, SetupWizard)
    assert wizard.facility.code.text() == "48001"  # defaults come from the configuration file
    assert wizard.restart_after_save
    # Every page, with failed tests showing their reasons, fits above the status strip: the window stays 1280x720.
    wizard.devices.show_result("camera", ProbeResult(False, "camera_open_failed", detail="cannot open camera"))
    wizard.devices.show_result("serial", ProbeResult(False, "serial_timeout", {"seconds": "15"}, detail="/dev/ttyACM0"))
    wizard.devices.show_result("printer", ProbeResult(False, "printer_failed", {"reason": "", "status": "paper_out"},
                                                      detail="serial /dev/ttyUSB0: paper end sensor"))
    for i in range(len(wizard.pages)):
        wizard.go(i)
        QApplication.processEvents()
        assert (window.width(), window.height()) == (1280, 720), wizard.page().key
    wizard.go(0)
    wizard.cancel_button.click()
    assert window.current_screen_widget() is window.admin
    assert not any(isinstance(window.stack.widget(i), SetupWizard) for i in range(window.stack.count()))


def test_idle_reset_ends_the_setup(qtbot: QtBot, make_app: object) -> None:
    kiosk = make_app("self")  # type: ignore[operator]
    window = kiosk.window
    window.model.go(Screen.ADMIN)
    window.admin.setup_button.click()
    assert isinstance(window.current_screen_widget(), SetupWizard)
    window.reset()
    qtbot.waitUntil(lambda: window.current_screen_widget() is window.welcome)
    assert not any(isinstance(window.stack.widget(i), SetupWizard) for i in range(window.stack.count()))


def test_admin_settings_keep_the_comments_and_leave_environment_secrets_out(
        qtbot: QtBot, make_app: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config.toml"
    on_file = Config()
    on_file.facility.code = "48001"
    on_file.hub.url = "https://hub.benhvien.local:8443"
    write_config(on_file, path)  # as `kiosk setup` writes it: documented
    monkeypatch.setenv("KIOSK_HUB_TOKEN", "env-only-token")
    monkeypatch.setenv("KIOSK_DB", "sqlite:////srv/env-only.sqlite3")
    running = load_config(path)  # what `kiosk run` sees: the file plus the environment
    assert running.hub.token == "env-only-token"
    kiosk = make_app("self", running)  # type: ignore[operator]
    kiosk.save_settings(130, True)
    qtbot.waitUntil(lambda: "font_scale = 130" in path.read_text(encoding="utf-8"), timeout=10_000)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEADER) and "# Device token issued by `kiosk hub device add`." in text
    assert "env-only" not in text
    saved = load_config(path, environ={})
    assert (saved.ui.font_scale, saved.ui.high_contrast) == (130, True)
    assert (saved.facility.code, saved.hub.url, saved.hub.token, saved.database.url) == (
        "48001", "https://hub.benhvien.local:8443", "", "")
    assert (kiosk.config.ui.font_scale, kiosk.config.ui.high_contrast) == (130, True)  # the running app too


def test_desk_setup_button_asks_the_pin(qtbot: QtBot, make_app: object) -> None:
    kiosk = make_app("desk")  # type: ignore[operator]
    window = kiosk.window
    window.setup_button.click()
    setup = window.setup_window
    assert isinstance(setup, SetupWindow) and setup.wizard is None and setup.pin is not None
    setup.pin.field.setText("0000")
    setup.pin.ok_button.click()
    assert setup.wizard is None
    setup.pin.field.setText("2468")
    setup.pin.ok_button.click()
    assert setup.wizard is not None and setup.wizard.facility.code.text() == "48001"
    setup.wizard.cancel_button.click()
    assert not setup.isVisible()
    setup.deleteLater()


def test_first_start_runs_the_wizard_until_saved(qapp: QApplication, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """What `kiosk run` does on a machine without a configuration file (driven by a timer, as a user would)."""
    from PySide6.QtCore import QTimer

    from kiosk.config import load_config
    from kiosk.ui.setup_wizard import run_first_start

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "new" / "config.toml"
    steps: list[str] = []

    def drive() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWindow) and w.isVisible()]
        if not windows or windows[0].wizard is None:
            return
        wizard = windows[0].wizard
        if not steps:
            assert wizard.next_button.text() == "Tiếp"  # the kiosk's default language
            wizard.facility.code.setText("79123")
            wizard.go(len(wizard.pages) - 1)
            wizard.next()  # Save
            steps.append("save")
        elif wizard.saved_path is not None and steps == ["save"]:
            steps.append("start")
            wizard.next()  # "Start the kiosk"

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    give_up = QTimer()  # never hang the suite: close the window after 60 s (the test then fails on `saved`)
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: [w.close() for w in QApplication.topLevelWidgets() if isinstance(w, SetupWindow)])
    give_up.start(60_000)
    try:
        saved = run_first_start(path, language="vi", touch=True)
    finally:
        timer.stop()
        give_up.stop()
    assert saved and steps == ["save", "start"]
    assert load_config(path, environ={}).facility.code == "79123"
