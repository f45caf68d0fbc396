"""The reception-desk window: entry line, patient panel, today's visits, sync panel, status bar.

Keyboard first: F2 entry, Enter checks / registers, F3 number only (name and birth date for an online
look-up), Ctrl+F search, F5 reprint, F9 sync now, Esc clear; Tab moves through everything in reading order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSplitter, QVBoxLayout, QWidget

from kiosk.checkin.result import CheckResult
from kiosk.ui.base import KioskWindow, TranslatedWidget
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.patient_panel import PatientPanel
from kiosk.ui.desk.sync_panel import SyncPanel
from kiosk.ui.desk.typed_entry import TypedDetails, TypedEntryPanel
from kiosk.ui.desk.visits_panel import VisitsPanel
from kiosk.ui.i18n import LANGUAGES, LanguageManager
from kiosk.ui.statusbar import StatusBar
from kiosk.ui.texts import staff_print_text
from kiosk.ui.widgets import FlashFrame, ReflowRow, ScrollPage, button, label, set_role

if TYPE_CHECKING:
    from kiosk.db.records import VisitRecord
    from kiosk.printing.status import PrintResult
    from kiosk.ui.camera import QtCamera


class DeskWindow(KioskWindow, TranslatedWidget):
    first_screen = "desk"
    autopilot_last_screen = "registered"
    #: "Setup…" pressed: the kiosk setup (behind the admin PIN) is opened by the builder.
    setup_requested = Signal()

    def __init__(self, model: DeskModel, languages: LanguageManager, *,
                 on_sync_now: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("desk")
        self.model = model
        self.languages = languages
        self.entry = QLineEdit()
        self.entry.setObjectName("desk-entry")
        self.entry.returnPressed.connect(self._enter)
        self.entry_caption = label("", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, wrap=False)
        self.entry_caption.setBuddy(self.entry)
        self.check_button = button(name="desk-check")
        self.check_button.clicked.connect(self._enter)
        self.number_only_button = button(name="desk-number-only")
        self.number_only_button.setCheckable(True)
        self.number_only_button.toggled.connect(self._show_typed)
        self.typed = TypedEntryPanel()
        self.typed.hide()
        self.language = QComboBox()
        self.language.setObjectName("desk-language")
        for lang in LANGUAGES:
            self.language.addItem(lang.native_name, lang.code)
        self.language.currentIndexChanged.connect(lambda i: languages.switch(str(self.language.itemData(i))))
        self.setup_button = button(name="desk-setup")
        self.setup_button.clicked.connect(self.setup_requested)
        self.message = label("", "muted", align=Qt.AlignmentFlag.AlignLeft)
        self.message.setObjectName("desk-message")
        self.patient = PatientPanel(lambda: languages.current or languages.default)
        self.visits = VisitsPanel()
        self.sync = SyncPanel()
        self.status = StatusBar()
        entry_row = QWidget()
        entry_layout = QHBoxLayout(entry_row)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addWidget(self.entry_caption)
        entry_layout.addWidget(self.entry, 1)
        entry_layout.addWidget(self.check_button)
        entry_layout.addWidget(self.number_only_button)
        controls = QWidget()
        controls_layout = QHBoxLayout(controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.addWidget(self.language)
        controls_layout.addWidget(self.setup_button)
        top = ReflowRow(entry_row, controls)  # the language and setup go under the entry at large text
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.visits, 1)
        right_layout.addWidget(self.sync)
        split = QSplitter()  # each side scrolls at large text instead of growing the window
        # The patient panel scrolls its details itself and keeps its footer (department, register) in view.
        self.patient.add_above(self.typed)
        split.addWidget(self.patient)
        self.right = ScrollPage(right)
        split.addWidget(self.right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)  # the patient panel is the work: it gets the larger share
        split.setStretchFactor(1, 2)
        self.split = split
        body = QVBoxLayout()
        body.setContentsMargins(16, 12, 16, 8)
        body.addWidget(top)
        body.addWidget(self.message)
        body.addWidget(split, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addLayout(body, 1)
        root.addWidget(self.status)
        self.flash = FlashFrame(self)
        self._print_result: PrintResult | None = None
        self._problem = ""
        self._wire(on_sync_now)
        self.setTabOrder(self.entry, self.check_button)
        self.setTabOrder(self.check_button, self.number_only_button)
        self.setTabOrder(self.number_only_button, self.typed.name)
        self.setTabOrder(self.typed.name, self.typed.birth)
        self.setTabOrder(self.typed.birth, self.typed.insurance)
        self.setTabOrder(self.typed.insurance, self.typed.look_up_button)
        self.setTabOrder(self.typed.look_up_button, self.patient.circumstance_box)
        self.setTabOrder(self.patient.circumstance_box, self.patient.self_pay_box)
        self.setTabOrder(self.patient.self_pay_box, self.patient.dept_list)
        self.setTabOrder(self.patient.dept_list, self.patient.identity_box)
        self.setTabOrder(self.patient.identity_box, self.patient.register_button)
        self.setTabOrder(self.patient.register_button, self.visits.query)
        self.setTabOrder(self.visits.query, self.visits.table)
        self.retranslate_ui()
        self.entry.setFocus()

    def _wire(self, on_sync_now: Callable[[], None] | None) -> None:
        m = self.model
        m.result_changed.connect(self._result)
        m.departments_changed.connect(self.patient.show_departments)
        m.visits_changed.connect(self.visits.show_visits)
        m.registered.connect(self._registered)
        m.print_changed.connect(self._printed)
        m.open_visit.connect(self._open_visit)
        m.problem.connect(self._show_problem)
        m.feedback.connect(lambda ok: self.flash.flash(ok, 600))
        self.patient.register.connect(m.register)
        self.patient.reprint.connect(lambda: m.reprint())
        self.patient.clear.connect(self._clear)
        m.confirm_needed.connect(self.patient.show_confirmation)
        self.patient.confirmed.connect(m.confirm)
        self.patient.cancelled.connect(self._cancel_confirmation)
        self.patient.identity_checked.connect(m.set_identity_checked)
        self.patient.self_pay.connect(m.set_self_pay)
        self.patient.circumstance.connect(m.set_circumstance)
        m.route_changed.connect(self.patient.update_route)
        m.identity_missing.connect(self.patient.show_identity_missing)
        self.typed.look_up.connect(self._look_up_typed)
        self.visits.search.connect(m.search)
        self.visits.reprint.connect(m.reprint)
        self.visits.acknowledge.connect(m.acknowledge)
        self.languages.changed.connect(self._language_changed)
        self._language_changed(self.languages.current or self.languages.default)  # the language already in force
        shortcuts = {"F2": self._focus_entry, "Ctrl+F": self.visits.query.setFocus, "F5": lambda: m.reprint(),
                     "Esc": self._clear, "F9": on_sync_now or (lambda: None),
                     "F3": self.number_only_button.toggle}
        for key, slot in shortcuts.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        self.sync.sync_now.connect(on_sync_now or (lambda: None))

    def share_split(self) -> None:
        """The patient panel gets 3/5 of the width, the visits side the rest but never less than its page
        needs (large text, a long language): it would scroll sideways."""
        total = self.split.width() - self.split.handleWidth()
        if total <= 0:
            return
        bar = self.right.verticalScrollBar().sizeHint().width()
        right = min(total // 2, max(total * 2 // 5, self.right.page.minimumSizeHint().width() + bar))
        self.split.setSizes([total - right, right])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share_split()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            QTimer.singleShot(0, self, self.share_split)

    def scan(self, payload: str, source: str = "camera") -> None:
        self.model.scan(payload, source)

    def attach_camera(self, camera: QtCamera) -> None:
        camera.scanned.connect(lambda text: self.scan(text, "camera"))

    def parts_ready(self) -> None:
        self.model.load()

    def _enter(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        if self.typed.isVisible():  # number only: with the name and birth date entered below
            details = self.typed.details()
            if details is not None:
                self.model.enter_typed(text, details)
            return
        self.model.enter_number(text)

    def _show_typed(self, shown: bool) -> None:
        self.typed.setVisible(shown)
        if shown and self.entry.text().strip():
            self.typed.start()
        elif shown:
            self._focus_entry()

    def _look_up_typed(self, details: TypedDetails) -> None:
        if not self.entry.text().strip():
            self.typed.show_number_problem()
            self._focus_entry()
            return
        self.model.enter_typed(self.entry.text(), details)

    def _cancel_confirmation(self) -> None:
        self.model.cancel_confirmation()
        self.patient.dept_list.setFocus()

    def _focus_entry(self) -> None:
        self.entry.setFocus()
        self.entry.selectAll()

    def _clear(self) -> None:
        self.entry.clear()
        self.typed.clear()
        self.model.clear()
        self._focus_entry()

    def _result(self, result: CheckResult | None) -> None:
        self.patient.show_result(result, self.model.identity_required)
        if result is not None and result.ok:
            self.entry.clear()
            self.typed.clear()
            self.number_only_button.setChecked(False)
            self.patient.dept_list.setFocus()  # Enter now registers with the highlighted department
        self.screen_shown.emit("patient" if result is not None else "desk")

    def _registered(self, visit: VisitRecord) -> None:
        self._problem = ""
        self._print_result = None
        self._last_ticket = visit.ticket
        self.retranslate_ui()
        self._focus_entry()
        self.screen_shown.emit("registered")

    def _printed(self, result: PrintResult) -> None:
        self._print_result = result
        self.retranslate_ui()

    def _open_visit(self, visit_id: str) -> None:
        self.visits.query.clear()
        self.model.search("")
        if not self.visits.select_visit(visit_id):
            self._show_problem(self.tr("That ticket is not one of today's visits."))

    def _show_problem(self, text: str) -> None:
        self._problem = text
        self.retranslate_ui()

    def _language_changed(self, code: str) -> None:
        index = self.language.findData(code)
        if index >= 0 and index != self.language.currentIndex():
            self.language.setCurrentIndex(index)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reception desk"))
        self.entry_caption.setText(self.tr("&Card:"))
        self.entry.setPlaceholderText(self.tr("Scan, or type a card number or citizen ID and press Enter"))
        self.check_button.setText(self.tr("Check"))
        self.number_only_button.setText(self.tr("Number only… (F3)"))
        self.setup_button.setText(self.tr("Setup…"))
        last = getattr(self, "_last_ticket", "")
        parts = []
        if self._problem:
            parts.append(self._problem)
        elif last:
            parts.append(self.tr("Registered: ticket {ticket}.").format(ticket=last))
            if self._print_result is not None:
                parts.append(staff_print_text(self._print_result.status))
        self.message.setText(" ".join(parts))
        set_role(self.message, "status-bad" if self._problem or (self._print_result is not None
                                                                  and not self._print_result.printed) else "muted")
