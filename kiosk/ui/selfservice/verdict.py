"""Verdict screen: the result in plain words, big and coloured; continue (good card) or start again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.cards.eligibility import Verdict
from kiosk.checkin.result import CheckResult
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.texts import result_title, verdict_explanation
from kiosk.ui.widgets import button, label, set_role


def mask_number(number: str) -> str:
    """Show only the last 4 characters of a card/ID number on a public screen."""
    return "•" * max(0, len(number) - 4) + number[-4:] if len(number) > 4 else number


class VerdictScreen(TranslatedWidget):
    proceed = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-verdict")
        self.result: CheckResult | None = None
        self.banner = label("", "banner-ok")
        self.banner.setObjectName("verdict-banner")
        self.name = label("", "title")
        self.number = label("", "muted")
        self.explanation = label("")
        self.continue_button = button("", "primary", "continue")
        self.back_button = button("", name="back")
        self.continue_button.clicked.connect(self.proceed)
        self.back_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.continue_button)
        buttons.addStretch(1)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 48, 32)
        root.setSpacing(24)
        root.addStretch(1)
        for w in (self.banner, self.name, self.number, self.explanation):
            root.addWidget(w)
        root.addStretch(1)
        root.addLayout(buttons)
        self.retranslate_ui()

    def show_result(self, result: CheckResult | None) -> None:
        self.result = result
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        r = self.result
        self.continue_button.setText(self.tr("Continue"))
        self.back_button.setText(self.tr("Start again"))
        if r is None:
            for w in (self.banner, self.name, self.number, self.explanation):
                w.clear()
            self.continue_button.hide()
            return
        allowed = r.self_service_allowed
        tone = "warn" if r.verdict is Verdict.UNKNOWN else ("ok" if allowed else "bad")
        set_role(self.banner, f"banner-{tone}")
        self.banner.setText(result_title(r))
        self.name.setText(r.display_name)
        self.name.setVisible(bool(r.display_name))
        number = r.display_number
        self.number.setText(self.tr("Card: {number}").format(number=mask_number(number)) if number else "")
        self.number.setVisible(bool(number))
        self.explanation.setText(verdict_explanation(r))
        self.continue_button.setVisible(allowed)
        self.back_button.setText(self.tr("Back") if allowed else self.tr("Start again"))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
