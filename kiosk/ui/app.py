"""Wiring: configuration → store, devices, services → the window of the chosen mode → event loop."""

from __future__ import annotations

import contextlib
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.config import Config, data_dir, save_config
from kiosk.ui.appearance import Appearance
from kiosk.ui.base import KioskWindow
from kiosk.ui.checkin import CheckInService
from kiosk.ui.devices import QtSerialScanner, SyncBridge, build_camera
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.services import Services
from kiosk.ui.sound import SoundPlayer
from kiosk.ui.status_collector import StatusCollector
from kiosk.ui.status_model import DeviceState, DeviceStatus
from kiosk.ui.workers import TaskRunner

log = logging.getLogger(__name__)


@dataclass
class RunOptions:
    mode: str = "self"
    config_path: Path | None = None
    camera: str | None = None
    serial: str | None = None
    fullscreen: bool = False
    demo: bool = False
    screenshot_dir: Path | None = None
    exit_after: float | None = None
    size: tuple[int, int] = (1280, 720)
    sounds: bool = True


class KioskApp:
    """Everything one run owns; :meth:`close` stops threads and closes the store."""

    def __init__(self, config: Config, options: RunOptions, app: QApplication) -> None:
        from kiosk.db.store import Store
        from kiosk.printing import TicketPrinter
        from kiosk.queueing import QueueRules

        self.config = config
        self.options = options
        self.app = app
        self.demo_dir = data_dir() / "demo" if options.demo else None
        url = config.database_url()
        if self.demo_dir is not None:
            self.demo_dir.mkdir(parents=True, exist_ok=True)
            if not config.database.url:  # the demo never touches the real database
                url = f"sqlite:///{self.demo_dir / 'kiosk.sqlite3'}"
        else:
            data_dir().mkdir(parents=True, exist_ok=True)
        rules = QueueRules.from_settings(config.queue.reset_time, config.queue.ticket_digits)
        self.store = Store.open(url, queue_rules=rules)
        self.runner = TaskRunner()
        self.languages = LanguageManager(app, default=config.ui.language)
        touch = options.mode == "self"
        self.appearance = Appearance(app, font_scale=config.ui.font_scale, high_contrast=config.ui.high_contrast,
                                     touch=touch)
        self.languages.switch(config.ui.language)
        self.appearance.apply()
        tickets = (self.demo_dir or data_dir()) / "tickets"
        self.printer = TicketPrinter.from_config(config, tickets_dir=tickets)
        self.sync = SyncBridge(config, self.store)
        self.status = StatusCollector(self.runner, self.store, hub_configured=self.sync.configured)
        self.sync.status.connect(self.status.set_sync)
        self.sounds = SoundPlayer(enabled=options.sounds)
        self.services = Services(runner=self.runner,
                                 checkin=CheckInService(self.store, config.facility.code),
                                 printer=self.printer, facility_name=config.facility.name, feedback=self.sounds,
                                 on_visit_recorded=self._visit_recorded)
        self.camera, camera_state = build_camera(config, options.camera, demo=options.demo)
        camera_state.state.connect(self.status.set_camera)
        self.serial: QtSerialScanner | None = None
        serial_url = options.serial if options.serial is not None else config.serial.url
        if serial_url:
            self.serial = QtSerialScanner(serial_url, baudrate=config.serial.baudrate,
                                          terminator=config.serial.terminator)
            self.serial.state.connect(self.status.set_scanner)
        self.wedge: Any = None
        self.window: KioskWindow = self._build_window()
        if self.camera is None:
            self.status.set_camera(DeviceStatus(DeviceState.ABSENT, "no camera configured"))
        self.status.set_printer(DeviceStatus(DeviceState.READY if self.printer.target else DeviceState.ERROR,
                                             self.printer.description))

    # ----- windows ------------------------------------------------------------------------------------
    def _build_window(self) -> KioskWindow:
        if self.options.mode == "desk":
            from kiosk.ui.desk.build import build_desk

            window: KioskWindow = build_desk(self)
        else:
            from kiosk.ui.selfservice.build import build_self_service

            window = build_self_service(self)
        self.status.changed.connect(window.status.show_snapshot)
        if self.config.wedge.enabled:
            from kiosk.scanner.qt.wedge import WedgeFilter

            self.wedge = WedgeFilter(self.app, max_key_interval_ms=self.config.wedge.max_key_interval_ms,
                                     min_length=self.config.wedge.min_length)
            self.app.installEventFilter(self.wedge)
            self.wedge.scanned.connect(lambda text: window.scan(text, "wedge"))
        if self.serial is not None:
            self.serial.scanned.connect(lambda text: window.scan(text, "serial"))
        return window

    def _visit_recorded(self) -> None:
        self.sync.refresh_pending()
        self.sync.trigger()
        self.status.refresh_outbox()

    def save_settings(self, font_scale: int, high_contrast: bool) -> None:
        """Admin panel changes persist into the configuration file (atomically, on a worker)."""
        self.config.ui.font_scale = font_scale
        self.config.ui.high_contrast = high_contrast
        config, path = self.config, self.options.config_path
        self.runner.run(lambda: save_config(config, path), None,
                        lambda e: log.error("cannot save settings: %s", e), lane="io")

    def start(self) -> None:
        if self.options.demo:
            self.runner.run(self._load_demo, lambda n: log.info("demo data: %s", n),
                            lambda e: log.error("demo data not loaded: %s", e))
        if self.camera is not None:
            self.camera.start()
        if self.serial is not None:
            self.serial.start()
        self.sync.start()
        self.status.refresh_outbox()
        printer = self.printer
        self.runner.run(printer.printer_status, self.status.set_printer, lane="io")

    def _load_demo(self) -> dict[str, int]:
        from kiosk.db.demo import load_demo

        if self.store.departments():
            return {}
        return load_demo(self.store)

    def close(self) -> None:
        for stop in (self.camera.stop if self.camera else None, self.serial.stop if self.serial else None,
                     self.sync.stop):
            if stop is not None:
                with contextlib.suppress(Exception):
                    stop()
        self.runner.shutdown()
        self.store.close()


def run(config: Config, options: RunOptions) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("clinic-kiosk")
    kiosk = KioskApp(config, options, app)
    window = kiosk.window
    if options.fullscreen:
        window.showFullScreen()
    else:
        window.resize(*options.size)
        window.show()
    kiosk.start()
    if options.screenshot_dir is not None:
        from kiosk.ui.screenshots import ScreenshotRecorder

        recorder = ScreenshotRecorder(window, options.screenshot_dir)
        window.screen_shown.connect(recorder.capture)
        recorder.capture(window.first_screen)
        window.autopilot = True
    if options.exit_after is not None:
        from kiosk.ui.screenshots import exit_after

        exit_after(options.exit_after)
    try:
        return app.exec()
    finally:
        kiosk.close()
