"""Verdict screen: the result in plain words, big and coloured; continue (good card) or start again.

Every failure verdict offers a way out: "Call staff / reception ticket" takes a number for the reception
desk (and, where the facility runs one, a priority number). A card registered elsewhere, or a visit that
needs a referral paper or the desk, gets a plain note from the decision's route (docs/kiosk-ux.md §10a).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.cards.eligibility import Verdict
from kiosk.checkin.result import CheckResult
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.selfservice.model import desk_number_offered
from kiosk.ui.texts import mask_number, result_title, route_note, verdict_explanation
from kiosk.ui.widgets import FlowLayout, button, label, set_role

__all__ = ["VerdictScreen", "mask_number"]


class VerdictScreen(TranslatedWidget):
    proceed = Signal()
    back = Signal()
    #: "Call staff / reception ticket": a number for the reception desk.
    reception = Signal()
    #: The priority number (elderly, pregnant, children under 6, disability), where the facility runs it.
    priority = Signal()

    def __init__(self, parent: QWidget | None = None, *, priority_queue: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("screen-verdict")
        self.result: CheckResult | None = None
        self.priority_queue = priority_queue
        self.banner = label("", "banner-warn")
        self.banner.setObjectName("verdict-banner")
        self.name = label("", "title")
        self.number = label("", "muted")
        self.explanation = label("")
        self.route = label("", "warn")
        self.route.setObjectName("route-note")
        self.priority_help = label("", "muted")
        self.priority_help.setObjectName("priority-help")
        self.continue_button = button("", "primary", "continue")
        self.back_button = button("", name="back")
        self.reception_button = button("", "primary", "reception-ticket")
        self.priority_button = button("", name="priority-ticket")
        self.continue_button.clicked.connect(self.proceed)
        self.back_button.clicked.connect(self.back)
        self.reception_button.clicked.connect(self.reception)
        self.priority_button.clicked.connect(self.priority)
        buttons_row = QWidget()
        buttons = FlowLayout(buttons_row, spacing=16, line_spacing=12, centre=True)
        for b in (self.back_button, self.priority_button, self.reception_button, self.continue_button):
            buttons.addWidget(b)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 48, 32)
        root.setSpacing(24)
        root.addStretch(1)
        for w in (self.banner, self.name, self.number, self.explanation, self.route):
            root.addWidget(w)
        root.addStretch(1)
        root.addWidget(buttons_row)
        root.addWidget(self.priority_help)  # under the buttons: at large text they stay higher on the screen
        self.retranslate_ui()

    def show_result(self, result: CheckResult | None) -> None:
        self.result = result
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        r = self.result
        self.continue_button.setText(self.tr("Continue"))
        self.back_button.setText(self.tr("Start again"))
        self.reception_button.setText(self.tr("Call staff / reception ticket"))
        self.priority_button.setText(self.tr("Priority ticket"))
        self.priority_help.setText(self.tr("Priority: people aged 75 or over, pregnant women, children under 6 and "
                                           "people with a disability."))
        if r is None:
            for w in (self.banner, self.name, self.number, self.explanation, self.route):
                w.clear()
            hidden: tuple[QWidget, ...] = (self.continue_button, self.reception_button, self.priority_button,
                                           self.priority_help, self.route)
            for widget in hidden:
                widget.hide()
            return
        allowed = r.self_service_allowed
        # amber for a card not confirmed yet, whatever the self-service rule allows (never green first)
        tone = "warn" if r.verdict is Verdict.UNKNOWN else ("ok" if allowed else "bad")
        set_role(self.banner, f"banner-{tone}")
        self.banner.setText(result_title(r))
        self.name.setText(r.display_name)
        self.name.setVisible(bool(r.display_name))
        number = r.display_number
        self.number.setText(self.tr("Card: {number}").format(number=mask_number(number)) if number else "")
        self.number.setVisible(bool(number))
        self.explanation.setText(verdict_explanation(r))
        note = route_note(r.route)
        self.route.setText(note)
        self.route.setVisible(bool(note))
        # a way out on every failure, and wherever the route sends the patient to the desk
        desk = desk_number_offered(r)
        self.continue_button.setVisible(allowed)
        self.reception_button.setVisible(desk)
        # one main button: "Continue" where the patient may go on, else the way to the desk
        set_role(self.reception_button, "" if allowed else "primary")
        self.priority_button.setVisible(desk and self.priority_queue)
        self.priority_help.setVisible(desk and self.priority_queue)
        self.back_button.setText(self.tr("Back") if allowed else self.tr("Start again"))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
