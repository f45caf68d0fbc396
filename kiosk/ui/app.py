"""Wiring: configuration → window of the chosen mode → (in the background) store, printer, devices, sync.

Start-up in two phases so the window is interactive at once: the UI thread imports only Qt and the UI
modules, builds and shows the window; the database worker imports and opens the store and the printer
code (SQLAlchemy, python-escpos, OpenCV: most of the start-up time) and loads the demo data. When it is
done the parts are attached on the UI thread and the camera, scanners and sync start. A store that
cannot be opened ends the app with a clear message and exit code 1 (``ExitCode.ERROR``).
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import Config, data_dir
from kiosk.exitcodes import ExitCode
from kiosk.faults import describe_failure
from kiosk.ui.admin_pin import PinGuard
from kiosk.ui.appearance import Appearance
from kiosk.ui.base import KioskWindow
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.services import Services
from kiosk.ui.sound import SoundPlayer
from kiosk.ui.status_collector import StatusCollector
from kiosk.ui.status_model import DeviceState, DeviceStatus
from kiosk.ui.workers import TaskRunner

log = logging.getLogger(__name__)

#: Exit code when the kiosk cannot start (database unusable): "error, restart the app".
STARTUP_FAILED: Final = ExitCode.ERROR


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
    trace_path: Path | None = None
    #: No configuration and the setup was not done: show the staff-facing "not set up" screen.
    not_set_up: bool = False


@dataclass
class Parts:
    """What the background phase produces (plain objects, no QObjects: those belong to the UI thread)."""

    store: Any
    checkin: Any
    printer: Any
    demo: dict[str, int] = field(default_factory=dict)
    #: The sync thread's own store on the same database (None without a hub).
    sync_store: Any = None


class KioskApp:
    """Everything one run owns; :meth:`close` stops threads and closes the store."""

    def __init__(self, config: Config, options: RunOptions, app: QApplication) -> None:
        self.config = config
        self.options = options
        self.app = app
        self.demo_dir = data_dir() / "demo" if options.demo else None
        self.runner = TaskRunner()
        self.languages = LanguageManager(app, default=config.ui.language)
        self.appearance = Appearance(app, font_scale=config.ui.font_scale, high_contrast=config.ui.high_contrast,
                                     touch=options.mode == "self")
        self.languages.switch(config.ui.language)
        self.appearance.apply()
        from kiosk.checkin.factory import hub_configured, pending_warning, scan_intake

        self.status = StatusCollector(self.runner, hub_configured=hub_configured(config),
                                      pending_warn_after=pending_warning(config))
        self.sounds = SoundPlayer(enabled=options.sounds)
        self.services = Services(runner=self.runner, checkin=None, printer=None, facility_name=config.facility.name,
                                 feedback=self.sounds, on_visit_recorded=self._visit_recorded,
                                 intake=scan_intake(config), queue=config.queue)
        self.store: Any = None
        self.sync_store: Any = None
        self.printer: Any = None
        self.camera: Any = None
        self.serial: Any = None
        self.sync: Any = None
        self.wedge: Any = None
        self.ready = False
        self.on_ready: list[Callable[[], None]] = []
        self.pin_guard = PinGuard(lambda: self.config.ui.admin_pin_hash)
        self.window: KioskWindow = self._build_window()

    # ----- phase 1: the window -------------------------------------------------------------------------
    def _build_window(self) -> KioskWindow:
        # Only the chosen mode's window modules are loaded (lazy on purpose: start-up time).
        if self.options.mode == "desk":
            from kiosk.ui.desk.build import build_desk

            window: KioskWindow = build_desk(self)
        else:
            from kiosk.ui.selfservice.build import build_self_service

            window = build_self_service(self)
        self.status.changed.connect(window.status.show_snapshot)
        if self.options.demo:
            window.show_demo_badge()
        return window

    def start(self) -> None:
        """Phase 2 in the background; the window stays responsive meanwhile."""
        self.runner.run(self._load_parts, self._attach, self._failed, lane="db")

    def _load_parts(self) -> Parts:
        import kiosk.scanner.pipeline  # noqa: F401  (loads OpenCV/zxing here, not on the UI thread)
        from kiosk.checkin import factory

        base = self.demo_dir or data_dir()
        base.mkdir(parents=True, exist_ok=True)
        url = None
        if self.demo_dir is not None:
            url = f"sqlite:///{self.demo_dir / 'kiosk.sqlite3'}"  # the demo never touches the real database
        store = factory.open_store(self.config, url)
        demo: dict[str, int] = {}
        if self.demo_dir is not None and not store.departments():
            from kiosk.db.demo import load_demo

            demo = load_demo(store)
        printer = factory.ticket_printer(self.config, base / "tickets")
        # The demo never asks a real hub; the sync loop gets its own store (factory.open_sync_store says why).
        online = self.demo_dir is None
        sync_store = factory.open_sync_store(self.config, url) if factory.hub_configured(self.config) else None
        checkin = factory.checkin_service(self.config, store, online=online)
        return Parts(store, checkin, printer, demo, sync_store)

    def _failed(self, error: BaseException) -> None:
        fault = describe_failure(error, "kiosk start", log)
        support = f" (support code {fault.support_code})" if fault.support_code else ""
        sys.stderr.write(f"kiosk run: {fault.detail}{support}\n")
        QApplication.exit(STARTUP_FAILED)

    # ----- phase 2: attach the real parts ----------------------------------------------------------------
    def _attach(self, parts: Parts) -> None:
        from kiosk.ui.devices import QtSerialScanner, SyncBridge, build_camera

        self.store, self.printer, self.sync_store = parts.store, parts.printer, parts.sync_store
        self.services.checkin, self.services.printer = parts.checkin, parts.printer
        self.status.store = parts.store
        self.sync = SyncBridge(self.config, parts.sync_store)
        self.sync.status.connect(self.status.set_sync)
        self.status.set_hub_configured(self.sync.configured)
        self.status.set_printer(DeviceStatus(DeviceState.READY if parts.printer.target else DeviceState.ERROR,
                                             parts.printer.description))
        self.camera, camera_state = build_camera(self.config, self.options.camera, demo=self.options.demo)
        camera_state.state.connect(self.status.set_camera)
        if self.camera is None:
            self.status.set_camera(DeviceStatus(DeviceState.ABSENT, "no camera configured"))
        else:
            self.window.attach_camera(self.camera)
            self.camera.start()
        serial = QtSerialScanner(self.config, self.options.serial)
        if serial.configured:  # its scans pass the ScanGate in the window's model (services.intake)
            self.serial = serial
            self.serial.state.connect(self.status.set_scanner)
            self.serial.scanned.connect(lambda text: self.window.scan(text, "serial"))
            self.serial.start()
        if self.config.wedge.enabled:
            from kiosk.scanner.qt.wedge import WedgeFilter

            self.wedge = WedgeFilter(self.app, max_key_interval_ms=self.config.wedge.max_key_interval_ms,
                                     min_length=self.config.wedge.min_length)
            self.app.installEventFilter(self.wedge)
            self.wedge.scanned.connect(lambda text: self.window.scan(text, "wedge"))
        self.sync.start()
        self.status.refresh_outbox()
        self.runner.run(parts.printer.printer_status, self.status.set_printer, lane="io")
        self.ready = True
        self.window.parts_ready()
        for callback in self.on_ready:
            callback()

    def _visit_recorded(self) -> None:
        if self.sync is not None:
            self.sync.refresh_pending()
            self.sync.trigger()
        self.status.refresh_outbox()

    def save_settings(self, font_scale: int, high_contrast: bool) -> None:
        """Admin panel changes persist into the configuration file (atomically, on a worker)."""
        self.config.ui.font_scale = font_scale
        self.config.ui.high_contrast = high_contrast

        def change(config: Config) -> None:
            config.ui.font_scale = font_scale
            config.ui.high_contrast = high_contrast

        self._update_config(change)

    def save_pin(self, pin_hash: str) -> None:
        """A new admin PIN: in force at once, saved into the configuration file."""
        self.config.ui.admin_pin_hash = pin_hash

        def change(config: Config) -> None:
            config.ui.admin_pin_hash = pin_hash

        self._update_config(change)

    def _update_config(self, change: Callable[[Config], None]) -> None:
        """Persist ``change`` on a worker; a demo run changes only itself (it never writes a config file,
        which would end demo mode at the next start)."""
        if self.options.demo:
            return
        path = self.options.config_path

        def save() -> Path:
            # The file's own values with the change on top, written documented (comments) and atomically;
            # not self.config, which also holds the environment's overrides (the hub token, KIOSK_DB).
            from kiosk.setup.writer import update_config

            return update_config(change, path)

        self.runner.run(save, None, lambda e: log.error("cannot save settings: %s", e), lane="io")

    def close(self) -> None:
        for part in (self.camera, self.serial, self.sync):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.stop()
        self.runner.shutdown()
        for store in (self.store, self.sync_store):
            if store is not None:
                store.close()
        online = getattr(self.services.checkin, "online", None)
        if online is not None and hasattr(online, "close"):
            online.close()


def run(config: Config, options: RunOptions) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("clinic-kiosk")
    if options.not_set_up:
        return run_not_set_up(app, config, options)
    kiosk = KioskApp(config, options, app)
    window = kiosk.window
    show_window(window, options)
    if options.screenshot_dir is not None:
        from kiosk.ui.screenshots import ScreenshotRecorder

        recorder = ScreenshotRecorder(window, options.screenshot_dir, finish_on=window.autopilot_last_screen,
                                      on_finished=lambda: QApplication.exit(0))
        window.screen_shown.connect(recorder.capture)
        window.autopilot = True
        kiosk.on_ready.append(lambda: recorder.capture(window.first_screen))
    start_trace(window, kiosk.languages, options)
    if options.exit_after is not None:
        from kiosk.ui.screenshots import exit_after

        exit_after(options.exit_after)
    kiosk.start()
    try:
        return app.exec()
    finally:
        kiosk.close()


def start_trace(window: KioskWindow, languages: LanguageManager, options: RunOptions) -> None:
    """``--trace FILE``: the window's screen changes (and language switches) as JSON lines."""
    if options.trace_path is None:
        return
    from kiosk.ui.trace import EventTrace

    trace = EventTrace(options.trace_path, mode=options.mode, demo=options.demo,
                       language=lambda: languages.current or languages.default, parent=window)
    window.screen_shown.connect(trace.screen)
    model = getattr(window, "model", None)
    if model is not None:  # every scan the check-in core handled, whatever its input (camera, serial, wedge)
        model.result_changed.connect(trace.checked)
        if hasattr(model, "desk_number_changed"):  # self-service: "Call staff / reception ticket"
            model.desk_number_changed.connect(trace.desk_number)
    languages.changed.connect(lambda _code: trace.screen(trace.current_screen or window.first_screen))
    trace.screen(window.first_screen)
    window.trace = trace  # type: ignore[attr-defined]


def run_not_set_up(app: QApplication, config: Config, options: RunOptions) -> int:
    """No configuration and no setup done: the staff-facing "not set up" screen, never a check-in."""
    from kiosk.config import default_config_path
    from kiosk.ui.not_set_up import NotSetUpWindow
    from kiosk.ui.setup_wizard import SetupWindow, SetupWizard, setup_config

    languages = LanguageManager(app, default=config.ui.language)
    languages.switch(config.ui.language)
    Appearance(app, font_scale=config.ui.font_scale, high_contrast=config.ui.high_contrast,
               touch=options.mode == "self").apply()
    path = options.config_path or default_config_path()
    runner = TaskRunner()

    def open_setup() -> None:
        setup = SetupWindow(lambda: SetupWizard(setup_config(path), path, runner=runner, restart_after_save=True))
        setup.resize(*options.size)
        setup.show()
        window.setup_window = setup  # type: ignore[attr-defined]

    window = NotSetUpWindow(path, on_setup=open_setup, on_exit=lambda: QApplication.exit(ExitCode.ADMIN_EXIT))
    show_window(window, options)
    start_trace(window, languages, options)
    if options.exit_after is not None:
        from kiosk.ui.screenshots import exit_after

        exit_after(options.exit_after)
    try:
        return app.exec()
    finally:
        runner.shutdown()


def show_window(window: QWidget, options: RunOptions) -> None:
    """Full screen also without a window manager (a bare X server under xinit ignores the full-screen
    request, which only a window manager carries out): the window first takes the screen's geometry."""
    if options.fullscreen:
        screen = window.screen() or QApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    else:
        window.resize(*options.size)
        window.show()
