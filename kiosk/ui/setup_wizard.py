"""The setup wizard: facility → hub → departments → devices → summary, one page at a time.

Touch-friendly (big buttons, one page per step) and keyboard-friendly (Tab order, Enter = Next,
Esc = Back). Live tests and saving run on worker threads (:class:`TaskRunner`, ``io`` lane) and come
back by signal; the UI never waits. After "Save" the configuration file is written atomically and the
departments imported; inside a running kiosk the wizard then offers "Restart now" (exit code 3, the
kiosk's "restart me" code: the session supervisor starts it again with the new settings).
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import Config, load_config
from kiosk.errors import error_message
from kiosk.exitcodes import ExitCode
from kiosk.setup import probes
from kiosk.setup.answers import (
    SetupAnswers,
    answers_from_config,
    apply_answers,
    first_setup_config,
    normalise,
    validate,
)
from kiosk.setup.probes import ProbeResult, probe_hub
from kiosk.setup.writer import write_config
from kiosk.ui.admin_pin import PinGuard
from kiosk.ui.appearance import Appearance
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.pin_screen import PinScreen
from kiosk.ui.setup.pages import DepartmentsPage, DevicesPage, FacilityPage, HubPage, SetupPage
from kiosk.ui.setup.summary import SummaryPage
from kiosk.ui.widgets import button, label
from kiosk.ui.workers import TaskRunner

#: "Restart me": the kiosk session (systemd unit, Shell Launcher) starts the app again with the new settings.
RESTART_EXIT_CODE: Final = ExitCode.RESTART


class SetupWizard(TranslatedWidget):
    """``closed(saved)`` when the user leaves (saved: the file was written)."""

    closed = Signal(bool)
    _scan_waiting = Signal()

    def __init__(self, config: Config, config_path: Path, *, runner: TaskRunner | None = None,
                 restart_after_save: bool = True, demo_departments: Path | None = None,
                 scan_timeout_s: float = 15.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup-wizard")
        self.config = config
        self.config_path = config_path
        self.restart_after_save = restart_after_save
        self.scan_timeout_s = scan_timeout_s
        self._own_runner = runner is None
        self.runner = runner or TaskRunner(self)
        self.answers = answers_from_config(config)
        self.saved_path: Path | None = None
        self._cancel_scan = threading.Event()
        self.heading = label("", "title", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.step = label("", "muted", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                          wrap=False)
        self.facility = FacilityPage()
        self.hub = HubPage()
        self.departments = DepartmentsPage(demo_departments)
        self.devices = DevicesPage()
        self.summary = SummaryPage()
        self.pages: list[SetupPage] = [self.facility, self.hub, self.departments, self.devices, self.summary]
        self.stack = QStackedWidget()
        for page in self.pages:
            page.load(self.answers)
            self.stack.addWidget(page)
        self.cancel_button = button(name="setup-cancel")
        self.back_button = button(name="setup-back")
        self.next_button = button("", "primary", "setup-next")
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.step)
        nav = QHBoxLayout()
        nav.setSpacing(16)
        nav.addWidget(self.cancel_button)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        root = QVBoxLayout(self)
        root.setContentsMargins(40, 20, 40, 20)
        root.setSpacing(12)
        root.addLayout(top)
        root.addWidget(self.stack, 1)
        root.addLayout(nav)
        self.hub.test_requested.connect(self.test_hub)
        self.devices.test_requested.connect(self.test_device)
        self.devices.cancel_requested.connect(lambda _k: self._cancel_scan.set())
        self.departments.file_chosen.connect(self._read_departments)
        self._scan_waiting.connect(self.devices.show_scan_waiting)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back)
        for page in self.pages[:-1]:
            for edit in page.findChildren(type(self.hub.url)):
                edit.returnPressed.connect(self.next)
        self.departments_lines: list[str] = []
        self.retranslate_ui()

    # ----- navigation ---------------------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def page(self) -> SetupPage:
        return self.pages[self.index]

    def go(self, index: int) -> None:
        self.stack.setCurrentIndex(max(0, min(index, len(self.pages) - 1)))
        if self.page() is self.summary:
            self.summary.show_answers(self.current_answers(), self.departments_lines)
        self.retranslate_ui()
        edits = self.page().findChildren(type(self.hub.url))
        if edits:
            edits[0].setFocus()

    def next(self) -> None:
        if self.saved_path is not None:
            self._after_save()
            return
        if not self.page().check():
            return
        if self.page() is self.summary:
            self.save()
        else:
            self.go(self.index + 1)

    def back(self) -> None:
        if self.index > 0 and self.saved_path is None:
            self.go(self.index - 1)

    def cancel(self) -> None:
        self._cancel_scan.set()
        self.closed.emit(self.saved_path is not None)

    def current_answers(self) -> SetupAnswers:
        answers = self.answers
        for page in self.pages:
            answers = page.store(answers)
        return normalise(answers)

    # ----- live tests -------------------------------------------------------------------------------------
    def test_hub(self) -> None:
        a = self.current_answers()
        self.hub.show_result(None)
        hub = apply_answers(self.config, a).hub  # the [hub] section as it will be saved, ca_bundle included
        self._run(lambda: probe_hub(hub, facility_code=a.facility_code), self.hub.show_result)

    def test_device(self, key: str) -> None:
        a = self.current_answers()
        config = apply_answers(self.config, a)
        task: Callable[[], ProbeResult]
        if key == "camera":
            task = lambda: probes.probe_camera(a.camera, width=config.camera.width,  # noqa: E731
                                               height=config.camera.height)
        elif key == "serial":
            self._cancel_scan = threading.Event()
            cancel = self._cancel_scan
            task = lambda: probes.probe_serial(a.serial, baudrate=config.serial.baudrate,  # noqa: E731
                                               terminator=config.serial.terminator, timeout_s=self.scan_timeout_s,
                                               on_open=self._scan_waiting.emit, cancel=cancel)
        else:
            task = lambda: probes.probe_printer(config, a.printer)  # noqa: E731
        self.devices.show_result(key, None)
        self._run(task, lambda result: self.devices.show_result(key, result))

    def _run(self, task: Callable[[], ProbeResult], done: Callable[[Any], None]) -> None:
        def failed(error: BaseException) -> None:
            done(ProbeResult(False, "hub_error" if done == self.hub.show_result else "printer_config",
                             detail=f"{type(error).__name__}: {error}"))

        self.runner.run(task, done, failed, lane="io")

    def _read_departments(self, path: Path) -> None:
        # lazy: the departments module loads the store (SQLAlchemy); not on the UI thread at start-up
        from kiosk.setup.departments import DepartmentsFileError, read_departments

        def loaded(data: Any) -> None:
            if self.departments.file != path:
                return  # another file was chosen meanwhile
            if isinstance(data, DepartmentsFileError):
                self.departments_lines = []
                self.departments.show_error(str(data))
            else:
                self.departments_lines = data.names()
                self.departments.show_departments(self.departments_lines)

        def read() -> Any:
            try:
                return read_departments(path)
            except DepartmentsFileError as exc:
                return exc

        self.runner.run(read, loaded, lambda e: loaded(DepartmentsFileError(str(e))), lane="io")

    # ----- saving -------------------------------------------------------------------------------------------
    def save(self) -> None:
        answers = self.current_answers()
        problems = validate(answers)
        if problems:
            self.summary.show_problems(problems)
            return
        config = apply_answers(self.config, answers)
        path = self.config_path
        self.next_button.setEnabled(False)
        self.summary.show_saving()

        def write() -> Path:
            # lazy: runs on the io worker and loads the store (SQLAlchemy)
            from kiosk.setup.departments import import_departments, read_departments

            written = write_config(config, path)
            if answers.departments_file is not None:
                import_departments(config.database_url(), read_departments(answers.departments_file))
            return written

        self.runner.run(write, lambda p: self._saved(p, config), self._save_failed, lane="io")

    def _saved(self, path: Path, config: Config) -> None:
        self.saved_path = path
        self.config = config
        self.next_button.setEnabled(True)
        self.summary.show_saved(path, restart=self.restart_after_save)
        self.retranslate_ui()

    def _save_failed(self, error: BaseException) -> None:
        self.next_button.setEnabled(True)
        self.summary.show_save_error(error_message(error))

    def _after_save(self) -> None:
        if self.restart_after_save:
            QApplication.exit(RESTART_EXIT_CODE)
        else:
            self.closed.emit(True)

    def shutdown(self) -> None:
        self._cancel_scan.set()
        if self._own_runner:
            self.runner.shutdown(wait=False)

    # ----- texts --------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Kiosk setup: {page}").format(page=self.page().title()))
        self.step.setText(self.tr("Step {n} of {total}").format(n=self.index + 1, total=len(self.pages)))
        self.cancel_button.setText(self.tr("Close") if self.saved_path else self.tr("Cancel"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setEnabled(self.index > 0 and self.saved_path is None)
        if self.saved_path is not None:
            self.next_button.setText(self.tr("Restart now") if self.restart_after_save else self.tr("Start the kiosk"))
        elif self.page() is self.summary:
            self.next_button.setText(self.tr("Save"))
        else:
            self.next_button.setText(self.tr("Next"))


def answers_with(config: Config, **changes: Any) -> SetupAnswers:
    """Answers from a configuration with some fields changed (tests, screenshots)."""
    return dataclasses.replace(answers_from_config(config), **changes)


def setup_config(path: Path) -> Config:
    """The configuration the wizard starts from: the file as written (no environment overrides, so
    KIOSK_HUB_TOKEN is never copied into the file), or the defaults when there is no file yet."""
    return load_config(path, environ={}) if path.exists() else first_setup_config()


def open_in_stack(stack: QStackedWidget, wizard: SetupWizard, on_closed: Callable[[bool], None]) -> None:
    """Show ``wizard`` as a page of an existing stack (the self-service window: behind the admin PIN);
    it is removed again when the user leaves it."""
    stack.addWidget(wizard)
    stack.setCurrentWidget(wizard)

    def closed(saved: bool) -> None:
        wizard.shutdown()
        stack.removeWidget(wizard)
        wizard.deleteLater()
        on_closed(saved)

    wizard.closed.connect(closed)
    wizard.go(0)


class SetupWindow(TranslatedWidget):
    """A top-level window: the admin PIN first (when one is asked for), then the wizard. Used from the
    reception desk and on first start. ``finished`` when it closes (saved or not: see ``saved``)."""

    finished = Signal()

    def __init__(self, make_wizard: Callable[[], SetupWizard], *, guard: PinGuard | None = None,
                 on_pin_changed: Callable[[str], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup-window")
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.wizard: SetupWizard | None = None
        self.saved = False
        self._make_wizard = make_wizard
        self.pin: PinScreen | None = None
        if guard is None:
            self._show_wizard()
        else:
            self.pin = PinScreen(guard)
            self.stack.addWidget(self.pin)
            self.pin.accepted.connect(self._show_wizard)
            if on_pin_changed is not None:
                self.pin.pin_changed.connect(on_pin_changed)
            self.pin.cancelled.connect(self.close)
            self.pin.start()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Kiosk setup"))

    def _show_wizard(self) -> None:
        self.wizard = self._make_wizard()
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self.wizard.closed.connect(self._closed)
        self.wizard.go(0)

    def _closed(self, saved: bool) -> None:
        self.saved = saved
        self.close()

    def closeEvent(self, event: Any) -> None:
        if self.wizard is not None:
            self.wizard.shutdown()
        super().closeEvent(event)
        self.finished.emit()


def run_first_start(config_path: Path, *, language: str = "vi", touch: bool = True,
                    size: tuple[int, int] = (1280, 720), fullscreen: bool = False) -> bool:
    """No configuration yet: run the wizard on its own before the kiosk starts. True when saved."""
    from kiosk.db.demo import DEMO_DEPARTMENTS  # lazy: the demo module loads the store (SQLAlchemy)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    Appearance(app, touch=touch).apply()
    languages = LanguageManager(app, default=language)
    languages.switch(language)
    config = setup_config(config_path)
    window = SetupWindow(lambda: SetupWizard(config, config_path, restart_after_save=False,
                                             demo_departments=DEMO_DEPARTMENTS))
    # A local event loop, not app.exec()/quit(): the application's own loop runs the kiosk afterwards, and
    # quitting the application with a window still open leaves Qt's cross-thread signal delivery broken.
    loop = QEventLoop()
    window.finished.connect(loop.quit)
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    if fullscreen:
        window.showFullScreen()
    else:
        window.resize(*size)
        window.show()
    loop.exec()
    app.setQuitOnLastWindowClosed(quit_on_close)
    saved = window.saved
    window.deleteLater()
    languages.switch("en")  # removes this manager's translator: the kiosk installs its own
    languages.deleteLater()
    app.setStyleSheet("")
    return saved


def first_start_wanted(*, screenshot: Path | None, exit_after: float | None) -> bool:
    """Show the wizard before the kiosk when there is no configuration: only with a real display and
    a person in front of it (not for screenshot runs, timed runs or offscreen test runs)."""
    import os

    headless = os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal"))
    return screenshot is None and exit_after is None and not headless
