"""The desk's patient panel: verdict and reason, the card's data, route and benefit, what the verdict rests
on (confirmed online or the cache's age), the gateway's kept data and warnings, the "identity checked" step,
the visit's circumstance (emergency, referral paper, appointment), department choice, register.

Two parts: the details scroll (at large text), the footer (circumstance, self-pay, identity, department
list, register) stays in view. The department list shrinks first (down to a few rows); only then does the
footer give up height and scroll itself, never more than :data:`FOOTER_SHARE` of the panel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.cards import BhytCard, CccdCard
from kiosk.cards.eligibility import Verdict
from kiosk.checkin.circumstances import Circumstance
from kiosk.checkin.result import CheckResult, StaffFlag
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.desk.eligibility_text import (
    benefit_text,
    gateway_text,
    route_text,
    source_text,
    warning_text,
)
from kiosk.ui.desk.field_grid import FieldGrid
from kiosk.ui.texts import result_title, staff_reason, verdict_short
from kiosk.ui.widgets import ReflowGrid, ScrollPage, button, label, set_role

if TYPE_CHECKING:
    from kiosk.db.reference import DepartmentInfo
    from kiosk.ui.desk.model import Confirmation

#: The most of the panel's height the footer takes before it scrolls (large text).
FOOTER_SHARE = 0.7
#: Rows of the department list kept in view before the details start to scroll.
DEPARTMENT_ROWS = 3

class PatientPanel(TranslatedWidget):
    register = Signal(str)
    reprint = Signal()
    clear = Signal()
    #: Staff pressed "Register anyway" / "Cancel" on the confirmation question.
    confirmed = Signal()
    cancelled = Signal()
    #: Staff ticked / unticked "identity document checked".
    identity_checked = Signal(bool)
    #: Staff ticked / unticked "self-pay" (a CCCD check-in without a known card).
    self_pay = Signal(bool)
    #: Staff chose the visit's circumstance (a :class:`Circumstance` value).
    circumstance = Signal(str)

    #: The row of the gateway's kept data (area, five-year date, issuing office): shown only when the gateway
    #: answered with them.
    GATEWAY_ROWS = ("gateway",)

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patient-panel")
        self._language = language
        self.result: CheckResult | None = None
        self.departments: list[DepartmentInfo] = []
        self.banner = label("", "info")
        self.banner.setObjectName("desk-verdict")
        self.reason = label("", align=Qt.AlignmentFlag.AlignLeft)
        self.reason.setObjectName("desk-reason")
        # route and benefit right after the patient: what staff act on comes first
        self.field_grid = FieldGrid(("name", "birth", "route", "benefit", "number", "citizen", "validity",
                                     "facility", "source", *self.GATEWAY_ROWS), wide=("source", *self.GATEWAY_ROWS))
        self.fields = self.field_grid.fields
        # The visit's circumstance: feeds the route decision (kiosk.checkin.circumstances).
        self.circumstance_caption = label("", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                          wrap=False)
        self.circumstance_box = QComboBox()
        self.circumstance_box.setObjectName("desk-circumstance")
        for value in Circumstance:
            self.circumstance_box.addItem("", str(value))
        self.circumstance_box.currentIndexChanged.connect(
            lambda i: self.circumstance.emit(str(self.circumstance_box.itemData(i))))
        self.circumstance_caption.setBuddy(self.circumstance_box)
        self.warning = label("", "warn", align=Qt.AlignmentFlag.AlignLeft)
        self.warning.setObjectName("desk-admitted-elsewhere")
        self.warning.hide()
        # The "identity checked" step ([eligibility] identity_check = "always"): ticked before registering.
        self.identity_required = False
        self.identity_missing = False
        self.identity_box = QCheckBox()
        self.identity_box.setObjectName("desk-identity-checked")
        self.identity_box.toggled.connect(self._identity_toggled)
        self.identity_note = label("", "muted", align=Qt.AlignmentFlag.AlignLeft)
        self.identity_note.setObjectName("desk-identity-note")
        self.identity_box.hide()
        self.identity_note.hide()
        # Offered with the "no card number known" warning: the visit is then not billed to BHYT.
        self.self_pay_box = QCheckBox()
        self.self_pay_box.setObjectName("desk-self-pay")
        self.self_pay_box.toggled.connect(self.self_pay)
        self.self_pay_box.hide()
        self.dept_caption = label("", align=Qt.AlignmentFlag.AlignLeft)
        self.dept_list = QListWidget()
        self.dept_list.setObjectName("desk-departments")
        self.dept_list.itemActivated.connect(lambda _item: self._register())
        self.register_button = button("", "primary", "desk-register")
        self.register_button.clicked.connect(self._register)
        self.reprint_button = button(name="desk-reprint")
        self.reprint_button.clicked.connect(self.reprint)
        self.clear_button = button(name="desk-clear")
        self.clear_button.clicked.connect(self.clear)
        self.action_row = ReflowGrid(3, spacing=8)  # under each other at large text
        self.action_row.set_widgets([self.register_button, self.reprint_button, self.clear_button])
        # The confirmation question: focus goes to "Cancel", so Enter alone never records.
        self.confirmation: Confirmation | None = None
        self.confirm_text = label("", "warn", align=Qt.AlignmentFlag.AlignLeft)
        self.confirm_text.setObjectName("desk-confirm-text")
        self.confirm_button = button("", "primary", "desk-confirm-register")
        self.confirm_button.setAutoDefault(True)  # Enter once focused on it: a second, deliberate key
        self.confirm_button.clicked.connect(self.confirmed)
        self.cancel_button = button(name="desk-confirm-cancel")
        self.cancel_button.setAutoDefault(True)  # has the focus: Enter (or Esc) cancels
        self.cancel_button.clicked.connect(self.cancelled)
        self.confirm_box = ReflowGrid(2, spacing=8)
        self.confirm_box.setObjectName("desk-confirm")
        self.confirm_box.set_widgets([self.confirm_button, self.cancel_button])
        self.confirm_box.hide()
        self.confirm_text.hide()
        details = QWidget()
        details.setObjectName("desk-details")
        self.details_layout = QVBoxLayout(details)
        self.details_layout.setContentsMargins(0, 0, 0, 0)
        self.details_layout.addWidget(self.banner)
        self.details_layout.addWidget(self.reason)
        self.details_layout.addWidget(self.warning)
        self.details_layout.addWidget(self.field_grid)
        self.details_layout.addWidget(self.identity_note)
        self.details_layout.addStretch(1)
        footer = QWidget()
        footer.setObjectName("desk-footer")
        circumstance = QWidget()
        circumstance_row = QHBoxLayout(circumstance)
        circumstance_row.setContentsMargins(0, 0, 0, 0)
        circumstance_row.addWidget(self.circumstance_caption)
        circumstance_row.addWidget(self.circumstance_box, 1)
        self.visit_row = ReflowGrid(2, spacing=8)  # the circumstance and the tick boxes side by side
        self.visit_row.set_widgets([circumstance, self.identity_box, self.self_pay_box])
        foot = QVBoxLayout(footer)
        foot.setContentsMargins(0, 4, 0, 0)
        foot.addWidget(self.visit_row)
        foot.addWidget(self.dept_caption)
        foot.addWidget(self.dept_list, 1)
        foot.addWidget(self.confirm_text)
        foot.addWidget(self.confirm_box)
        foot.addWidget(self.action_row)
        self.details = ScrollPage(details)
        self.footer = ScrollPage(footer)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(self.details, 1)
        root.addWidget(self.footer)
        for page in (details, footer):
            page.installEventFilter(self)
        self.dept_caption.setBuddy(self.dept_list)
        self.retranslate_ui()

    def add_above(self, widget: QWidget) -> None:
        """Put ``widget`` (the number-only fields) at the top of the scrolling details."""
        self.details_layout.insertWidget(0, widget)

    # ----- keeping the footer in view ---------------------------------------------------------------------
    def balance(self) -> None:
        """Give the footer what it needs (the department list at :data:`DEPARTMENT_ROWS` rows), at most
        :data:`FOOTER_SHARE` of the panel; the department list takes what the details leave over."""
        height = self.height()
        if height <= 0:
            return
        row = max(self.dept_list.sizeHintForRow(0), self.dept_list.fontMetrics().height() + 4)
        self.dept_list.setMinimumHeight(DEPARTMENT_ROWS * row + 2 * self.dept_list.frameWidth())
        width = self.footer.maximumViewportSize().width()
        footer_need = self.footer.minimum_height_for(width)
        details_need = self.details.minimum_height_for(self.details.maximumViewportSize().width())
        layout = self.layout()
        spacing = max(0, layout.spacing()) if layout is not None else 0
        share = min(footer_need, int(height * FOOTER_SHARE))
        wanted = max(share, height - spacing - details_need)
        if self.footer.height() != wanted or self.footer.minimumHeight() != wanted:
            self.footer.setFixedHeight(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.balance()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched in (self.details.page, self.footer.page):
            QTimer.singleShot(0, self, self.balance)
        return super().eventFilter(watched, event)

    def fully_visible(self, widget: QWidget) -> bool:
        """``widget`` is shown whole, without scrolling (its scroll page's viewport holds all of it)."""
        page = self.footer if self.footer.page.isAncestorOf(widget) else self.details
        if not widget.isVisibleTo(self):
            return False
        top_left = widget.mapTo(page.viewport(), widget.rect().topLeft())
        bottom_right = widget.mapTo(page.viewport(), widget.rect().bottomRight())
        view = page.viewport().rect()
        return view.contains(top_left) and view.contains(bottom_right)

    def selected_department(self) -> str | None:
        item = self.dept_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _register(self) -> None:
        code = self.selected_department()
        if code is not None and self.result is not None and self.result.ok:
            self.register.emit(code)

    def show_departments(self, departments: list[DepartmentInfo]) -> None:
        current = self.selected_department()
        self.departments = list(departments)
        self.dept_list.clear()
        for dept in departments:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, dept.code)
            self.dept_list.addItem(item)
            if dept.code == current:
                self.dept_list.setCurrentItem(item)
        if self.dept_list.currentRow() < 0 and departments:
            self.dept_list.setCurrentRow(0)
        self.retranslate_ui()

    def show_result(self, result: CheckResult | None, identity_required: bool = False) -> None:
        self.result = result
        self.identity_required = identity_required and result is not None and result.ok
        self.identity_missing = False
        self.identity_box.blockSignals(True)
        self.identity_box.setChecked(False)
        self.identity_box.blockSignals(False)
        self.identity_box.setVisible(self.identity_required)
        self.identity_note.setVisible(self.identity_required)
        self.self_pay_box.blockSignals(True)
        self.self_pay_box.setChecked(False)
        self.self_pay_box.blockSignals(False)
        self.self_pay_box.setVisible(result is not None and StaffFlag.CCCD_WITHOUT_CARD in result.staff_flags)
        self.circumstance_box.blockSignals(True)
        self.circumstance_box.setCurrentIndex(0)  # a new check starts self-presented
        self.circumstance_box.blockSignals(False)
        self.circumstance_box.setEnabled(result is not None and result.route is not None)
        self.retranslate_ui()

    def update_route(self, result: CheckResult) -> None:
        """The same check with its route decided again (a circumstance was chosen): the boxes stay."""
        self.result = result
        self.retranslate_ui()

    def show_identity_missing(self) -> None:
        """Register was pressed before the identity step: say so, and put the focus on the check box."""
        self.identity_missing = True
        self.retranslate_ui()
        self.identity_box.setFocus()
        self._reveal(self.identity_note)

    def _reveal(self, widget: QWidget) -> None:
        """Scroll the panel's scroll page (large text) so that ``widget`` is in view."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget)

    def _identity_toggled(self, checked: bool) -> None:
        self.identity_missing = False
        self.retranslate_ui()
        self.identity_checked.emit(checked)

    def show_confirmation(self, confirmation: Confirmation | None) -> None:
        """Ask before registering (a repeat, a verdict not valid); None hides the question."""
        self.confirmation = confirmation
        self.confirm_box.setVisible(confirmation is not None)
        self.confirm_text.setVisible(confirmation is not None)
        self.action_row.setVisible(confirmation is None)  # the question takes the buttons' place
        self.retranslate_ui()
        if confirmation is not None:
            self.cancel_button.setFocus()

    def retranslate_ui(self) -> None:
        captions = {"name": self.tr("Name"), "birth": self.tr("Date of birth"), "number": self.tr("Card number"),
                    "citizen": self.tr("Citizen ID"), "validity": self.tr("Valid"),
                    "facility": self.tr("Registered facility"), "route": self.tr("Route"),
                    "benefit": self.tr("Benefit"), "source": self.tr("Checked"), "gateway": self.tr("Gateway data")}
        for key, (caption, _value) in self.fields.items():
            caption.setText(captions[key])
        self.dept_caption.setText(self.tr("&Department"))
        self.circumstance_caption.setText(self.tr("Ci&rcumstance"))
        names = {Circumstance.NONE: self.tr("Came on their own"), Circumstance.EMERGENCY: self.tr("Emergency"),
                 Circumstance.REFERRAL: self.tr("Referral paper"),
                 Circumstance.APPOINTMENT: self.tr("Re-examination appointment")}
        for index in range(self.circumstance_box.count()):
            self.circumstance_box.setItemText(index, names[Circumstance(self.circumstance_box.itemData(index))])
        self.register_button.setText(self.tr("Register (Enter)"))
        self.reprint_button.setText(self.tr("Reprint (F5)"))
        self.clear_button.setText(self.tr("Clear (Esc)"))
        self.confirm_button.setText(self.tr("Register &anyway"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.identity_box.setText(self.tr("&Identity checked"))
        self.self_pay_box.setText(self.tr("Self-&pay (not billed to BHYT)"))
        self.identity_note.setText(
            self.tr("Check the identity document first: tick the box below, then register.")
            if self.identity_missing else
            self.tr("A health-insurance card must be shown with an identity document: compare its name, date of "
                    "birth and photo with the patient, then tick the box below."))
        set_role(self.identity_note, "warn" if self.identity_missing else "muted")
        self.confirm_text.setText(self._question())
        lang = self._language()
        for row, dept in enumerate(self.departments):
            item = self.dept_list.item(row)
            text = f"{dept.code}  {dept.name(lang)}"
            if dept.room:
                text += " · " + self.tr("Room {room}").format(room=dept.room)
            item.setText(text)
        self._show_patient()
        self.field_grid.pairs = 0  # the captions' widths changed
        self.field_grid.arrange(self.field_grid.width() or 10_000)

    def _question(self) -> str:
        asked = self.confirmation
        if asked is None:
            return ""
        parts = []
        if asked.repeat is not None:
            parts.append(self.tr("This card already has ticket {ticket} for this department today.").format(
                ticket=asked.repeat.ticket))
        if asked.not_valid and self.result is not None and self.result.verdict is not None:
            parts.append(self.tr("The card is not valid ({verdict}).").format(
                verdict=verdict_short(self.result.verdict)))
        parts.append(self.tr("Register anyway?"))
        return " ".join(parts)

    def _show_patient(self) -> None:
        r = self.result
        self.register_button.setEnabled(r is not None and r.ok)
        if r is None:
            self.banner.setText(self.tr("Scan a card or type a card number or citizen ID, then press Enter."))
            set_role(self.banner, "info")
            self.reason.clear()
            for _caption, value in self.fields.values():
                value.clear()
            for key in self.GATEWAY_ROWS:
                self.field_grid.set_row_visible(key, False)
            self.warning.clear()
            self.warning.hide()
            return
        verdict = r.verdict
        set_role(self.banner, "ok" if verdict is Verdict.VALID else ("warn" if verdict is Verdict.UNKNOWN else "bad"))
        self.banner.setText(result_title(r))
        self.reason.setText(staff_reason(r, eligibility_shown=True))
        card, cached = r.card, r.cached
        values = dict.fromkeys(self.fields, "")
        values["name"] = r.display_name
        birth = card.birth_date if card is not None else None
        if birth is None and cached is not None:
            birth = cached.birth_date
        values["birth"] = "" if birth is None else birth.iso()
        if isinstance(card, BhytCard):
            values["number"] = card.card_number
        elif cached is not None:
            values["number"] = cached.card_number
        if isinstance(card, CccdCard):
            values["citizen"] = card.citizen_id
        elif cached is not None and cached.citizen_id:
            values["citizen"] = cached.citizen_id
        valid_from = cached.valid_from if cached else (card.valid_from if isinstance(card, BhytCard) else None)
        valid_to = cached.valid_to if cached else (card.valid_to if isinstance(card, BhytCard) else None)
        if valid_from or valid_to:
            end = valid_to.isoformat() if valid_to else self.tr("no end date")
            values["validity"] = f"{valid_from.isoformat() if valid_from else '…'} – {end}"
        facility = cached.facility_code if cached and cached.facility_code else (
            card.facility_code if isinstance(card, BhytCard) else None)
        values["facility"] = facility or ""
        route = r.route
        if route is not None:
            values["route"] = route_text(route)
            values["benefit"] = benefit_text(route)
        elif r.decision is not None and r.decision.coverage_percent is not None:  # no facility profile
            values["benefit"] = self.tr("{percent}% by the card's benefit level (route not decided)").format(
                percent=r.decision.coverage_percent)
        values["source"] = source_text(r)
        details = r.gateway_details
        if details is not None:
            values["gateway"] = gateway_text(details)
        for key, (_caption, value) in self.fields.items():
            value.setText(values[key] or "—")
        for key in self.GATEWAY_ROWS:
            self.field_grid.set_row_visible(key, bool(values[key]))
        warning = warning_text(r)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
