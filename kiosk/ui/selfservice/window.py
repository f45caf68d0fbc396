"""The self-service window: the screens in a stack, the status strip, idle reset, hidden admin entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.cards.eligibility import Verdict
from kiosk.checkin.result import CheckResult
from kiosk.exitcodes import ExitCode
from kiosk.faults import describe_failure
from kiosk.queueing import DeskQueue
from kiosk.ui.admin_pin import PinGuard
from kiosk.ui.appearance import Appearance
from kiosk.ui.base import KioskWindow
from kiosk.ui.error_text import staff_text
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.idle import CornerTaps, IdleWatcher
from kiosk.ui.pin_screen import PinScreen
from kiosk.ui.selfservice.admin import AdminScreen, CleaningScreen
from kiosk.ui.selfservice.departments import DepartmentScreen
from kiosk.ui.selfservice.identity import IdentityState
from kiosk.ui.selfservice.identity_screen import IdentityScreen
from kiosk.ui.selfservice.idle_overlay import IdleOverlay
from kiosk.ui.selfservice.keypad import KeypadScreen
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.reception import ReceptionTicketScreen
from kiosk.ui.selfservice.ticket import TicketScreen
from kiosk.ui.selfservice.verdict import VerdictScreen
from kiosk.ui.selfservice.welcome import WelcomeScreen
from kiosk.ui.statusbar import StatusBar
from kiosk.ui.texts import staff_print_text
from kiosk.ui.widgets import FlashFrame, ScrollPage

if TYPE_CHECKING:
    from kiosk.printing.status import PrintResult
    from kiosk.ui.camera import QtCamera

#: Exit code of "Exit the kiosk" in the admin panel (a supervisor must not restart the app).
ADMIN_EXIT_CODE = ExitCode.ADMIN_EXIT


class SelfServiceWindow(KioskWindow):
    """``screen_shown(name)`` fires after each screen change (used by screenshots and tests)."""

    first_screen = "welcome"
    autopilot_last_screen = "ticket"

    def __init__(self, model: SelfServiceModel, languages: LanguageManager, appearance: Appearance, *,
                 idle_s: int, warn_s: int, pin_hash: Callable[[], str], camera: QtCamera | None = None,
                 on_settings: Callable[[int, bool], None] | None = None,
                 pin_guard: PinGuard | None = None, on_pin_changed: Callable[[str], None] | None = None,
                 ticket_seconds: int = 25, verdict_seconds: int = 30) -> None:
        super().__init__()
        self.setObjectName("self-service")
        self.setWindowTitle("Kiosk")
        self.model = model
        self.languages = languages
        self.appearance = appearance
        self.camera = camera
        self.pin_guard = pin_guard or PinGuard(pin_hash)
        self._on_pin_changed = on_pin_changed
        self._on_settings = on_settings
        lang = lambda: languages.current or languages.default  # noqa: E731
        self.welcome = WelcomeScreen(model.services.facility_name)
        self.verdict = VerdictScreen(priority_queue=model.priority_queue)
        self.departments = DepartmentScreen(lang)
        self.ticket = TicketScreen(lang)
        self.pin = PinScreen(self.pin_guard)
        self.admin = AdminScreen(appearance.font_scale, appearance.high_contrast)
        self.cleaning = CleaningScreen()
        self.keypad = KeypadScreen()
        self.reception = ReceptionTicketScreen()
        self.identity = IdentityScreen()
        self.screens: dict[Screen, QWidget] = {
            Screen.WELCOME: self.welcome, Screen.VERDICT: self.verdict, Screen.DEPARTMENTS: self.departments,
            Screen.TICKET: self.ticket, Screen.PIN: self.pin, Screen.ADMIN: self.admin,
            Screen.CLEANING: self.cleaning, Screen.KEYPAD: self.keypad, Screen.RECEPTION: self.reception,
            Screen.IDENTITY: self.identity,
        }
        self.stack = QStackedWidget()
        self.pages: dict[Screen, ScrollPage] = {}
        for screen, widget in self.screens.items():
            self.pages[screen] = ScrollPage(widget)
            self.stack.addWidget(self.pages[screen])
        self.status = StatusBar(hide_absent=True)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.stack, 1)
        root.addWidget(self.status)
        self.overlay = IdleOverlay(self)
        self.flash = FlashFrame(self)

        self.idle = IdleWatcher(idle_s, warn_s, self)
        self.corner = CornerTaps(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self.corner)
        self._auto_back = QTimer(self)
        self._auto_back.setSingleShot(True)
        self._auto_back.timeout.connect(self.reset)
        self.ticket_seconds = ticket_seconds
        self.verdict_seconds = verdict_seconds
        self._wire()
        self._no_focus_rings()
        self.welcome.languages.set_current(languages.current or languages.default)

    # ----- wiring --------------------------------------------------------------------------------------
    def _wire(self) -> None:
        m = self.model
        m.screen_changed.connect(self._on_screen)
        m.result_changed.connect(self.verdict.show_result)
        m.departments_changed.connect(self.departments.show_departments)
        m.ticket_changed.connect(self.ticket.show_ticket)
        m.print_changed.connect(self.ticket.show_print)
        m.desk_number_changed.connect(self.reception.show_number)
        m.print_changed.connect(self.reception.show_print)
        m.busy_changed.connect(self.welcome.set_checking)
        m.feedback.connect(self._feedback)
        self.welcome.languages.chosen.connect(self._choose_language)
        self.languages.changed.connect(self.welcome.languages.set_current)
        # A bound method, not a lambda: Qt drops the connection when this window is destroyed (the language
        # manager outlives it: a lambda kept calling into a deleted window's idle timer).
        self.languages.changed.connect(self._language_changed)
        self.verdict.proceed.connect(m.proceed)
        self.verdict.back.connect(self.reset)
        self.verdict.reception.connect(lambda: m.take_desk_number(DeskQueue.RECEPTION))
        self.verdict.priority.connect(lambda: m.take_desk_number(DeskQueue.PRIORITY))
        self.keypad.reception.connect(lambda: m.take_desk_number(DeskQueue.RECEPTION))
        self.reception.done.connect(self.reset)
        self.departments.chosen.connect(m.choose)
        self.departments.back.connect(self.reset)
        self.ticket.done.connect(self.reset)
        self.ticket.reprint.connect(m.reprint)
        self.idle.warning.connect(self.overlay.show_countdown)
        self.idle.resumed.connect(self.overlay.hide)
        self.idle.timed_out.connect(self.reset)
        self.overlay.resume.connect(self.idle.poke)
        self.corner.triggered.connect(self._admin_entry)
        self.pin.accepted.connect(self._pin_accepted)
        self.pin.pin_changed.connect(self._pin_changed)
        self.pin.cancelled.connect(lambda: m.go(Screen.WELCOME))
        self.welcome.type_number.connect(lambda: m.go(Screen.KEYPAD))
        self.keypad.submitted.connect(lambda text: self.scan(text, "typed"))
        self.keypad.back.connect(self.reset)
        m.identity.changed.connect(self._identity_changed)
        self.identity.no_document.connect(m.identity.no_document)
        self.identity.retry.connect(m.identity.start)
        self.identity.back.connect(self.reset)
        self.admin.back.connect(lambda: m.go(Screen.WELCOME))
        self.admin.font_scale_changed.connect(self._font_scale)
        self.admin.high_contrast_changed.connect(self._contrast)
        self.admin.test_print.connect(self._test_print)
        self.admin.camera_check.connect(self._camera_check)
        self.admin.cleaning.connect(lambda: m.go(Screen.CLEANING))
        self.admin.exit_app.connect(lambda: QApplication.exit(ADMIN_EXIT_CODE))
        self.cleaning.finished.connect(lambda: m.go(Screen.ADMIN))
        if self.camera is not None:
            self.attach_camera(self.camera)

    def current_screen_widget(self) -> QWidget:
        """The screen shown (inside its scroll page), or another page put on the stack (the setup)."""
        current = self.stack.currentWidget()
        assert current is not None
        return current.page if isinstance(current, ScrollPage) else current

    def attach_camera(self, camera: QtCamera) -> None:
        """Show the camera's preview and hints and take its scans (it may start after the window)."""
        self.camera = camera
        camera.preview.connect(self.welcome.show_frame)
        camera.preview.connect(self.identity.show_frame)
        camera.hints.connect(self.welcome.show_hints)
        camera.scanned.connect(self.scan)
        camera.set_active(self.model.screen in (Screen.WELCOME, Screen.IDENTITY))

    def scan(self, payload: str, source: str = "camera") -> None:
        """A payload from any input (camera, serial, wedge); also counts as activity."""
        self.idle.poke()
        self.model.scan(payload, source)

    # ----- reactions ---------------------------------------------------------------------------------------
    def _on_screen(self, name: str) -> None:
        screen = Screen(name)
        self.stack.setCurrentWidget(self.pages[screen])
        self.pages[screen].verticalScrollBar().setValue(0)  # every screen starts at its top
        if self.camera is not None:
            self.camera.set_active(screen in (Screen.WELCOME, Screen.IDENTITY))
        self._auto_back.stop()
        self._no_focus_rings()
        if screen is Screen.TICKET or screen is Screen.RECEPTION:
            self._auto_back.start(self.ticket_seconds * 1000)
        elif screen is Screen.VERDICT and not self._allowed():
            self._auto_back.start(self.verdict_seconds * 1000)
        if screen is Screen.PIN:
            self.pin.start()
        if screen is Screen.KEYPAD:
            self.keypad.start()
        self._arm_idle()
        self.screen_shown.emit(name)

    def _no_focus_rings(self) -> None:
        """Touch screen: a button never keeps focus after a tap, so no focus ring stays on the last one
        touched (buttons made later, the departments', are caught at the next screen change)."""
        for b in self.findChildren(QPushButton):
            if b.focusPolicy() != Qt.FocusPolicy.NoFocus:
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _identity_changed(self, state: str) -> None:
        self.identity.show_state(state, self.model.identity.mismatches)
        if state in (IdentityState.PASSED, IdentityState.MISMATCH, IdentityState.NOT_A_CCCD):
            self._feedback(state == IdentityState.PASSED)

    def _allowed(self) -> bool:
        result: CheckResult | None = self.model.result
        return result is not None and result.self_service_allowed

    def _language_changed(self, _code: str) -> None:
        self._arm_idle()

    def _arm_idle(self) -> None:
        screen = self.model.screen
        patient = screen in (Screen.VERDICT, Screen.DEPARTMENTS, Screen.TICKET, Screen.KEYPAD, Screen.IDENTITY,
                             Screen.RECEPTION)
        staff = screen in (Screen.PIN, Screen.ADMIN)
        foreign = self.languages.current not in ("", self.languages.default)
        self.idle.arm(patient or staff or (screen is Screen.WELCOME and foreign))

    def _feedback(self, ok: bool) -> None:
        result = self.model.result
        warn = result is not None and result.verdict is Verdict.UNKNOWN  # amber like its banner, never green
        self.welcome.camera.flash(ok, warn=warn)
        self.flash.flash(ok, warn=warn)
        if self.model.services.feedback is not None:
            self.model.services.feedback.play(ok)

    def _choose_language(self, code: str) -> None:
        self.languages.switch(code)

    def reset(self) -> None:
        """Idle timeout, "Start again", "Finish": wipe the patient, default language, welcome screen."""
        self._auto_back.stop()
        self.overlay.hide()
        self.model.reset()
        self.languages.reset()
        self.welcome.show_hints([])
        self._arm_idle()

    # ----- admin -------------------------------------------------------------------------------------------
    def _admin_entry(self) -> None:
        if self.model.screen in (Screen.WELCOME, Screen.VERDICT, Screen.DEPARTMENTS, Screen.TICKET, Screen.IDENTITY,
                                 Screen.RECEPTION):
            self.model.reset()
            self.model.go(Screen.PIN)

    def _pin_accepted(self) -> None:
        self.admin.show_info("")
        self.model.go(Screen.ADMIN)

    def _pin_changed(self, pin_hash: str) -> None:
        if self._on_pin_changed is not None:
            self._on_pin_changed(pin_hash)

    def _font_scale(self, percent: int) -> None:
        self.appearance.set_font_scale(percent)
        if self._on_settings is not None:
            self._on_settings(self.appearance.font_scale, self.appearance.high_contrast)

    def _contrast(self, on: bool) -> None:
        self.appearance.set_high_contrast(on)
        if self._on_settings is not None:
            self._on_settings(self.appearance.font_scale, self.appearance.high_contrast)

    def _test_print(self) -> None:
        services = self.model.services
        printer = services.printer
        if printer is None:
            self.admin.show_info(self.tr("No ticket printer is configured."))
            return
        self.admin.show_info(self.tr("Printing a test ticket…"))
        services.runner.run(printer.test_print, self._test_printed,
                            lambda e: self.admin.show_info(self.tr("Printer: {message}").format(
                                message=staff_text(describe_failure(e, "test print")))),
                            lane="io")

    def _test_printed(self, result: PrintResult) -> None:
        text = self.tr("Test page printed.") if result.printed else staff_print_text(result.status)
        # the print result's detail is English (for the log): staff read the translated outcome only
        self.admin.show_info(self.tr("Printer: {message}").format(message=text))

    def _camera_check(self) -> None:
        if self.camera is None:
            self.admin.show_info(self.tr("No camera is configured."))
            return
        frames = self.camera.frames
        self.admin.show_info(self.tr("Camera: 1 frame decoded so far.") if frames == 1 else
                             self.tr("Camera: {frames} frames decoded so far.").format(frames=frames))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.overlay.setGeometry(self.rect())
        self.flash.setGeometry(self.rect())
        super().resizeEvent(event)
