"""On-screen keypad: a patient whose QR cannot be read types the card number or citizen ID instead.

Accepted: a BHYT card number (2 letters and 13 characters, or the old 10 digits) or a 12-digit citizen /
personal identification number. The text then goes through the same check as a scan (source "typed").
"""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.base import TranslatedWidget
from kiosk.ui.widgets import FlowLayout, ReflowGrid, button, label, set_role

# What a patient can type: a card number (15 characters or 10 digits) or a 12-digit ID number.
TYPED_NUMBER_RE: Final = re.compile(r"[A-Z]{2}[0-9A-Z]{13}|\d{10}|\d{12}")
KEYS: Final = "1234567890QWERTYUIOPASDFGHJKLZXCVBNM"
MAX_LENGTH: Final = 15


def typed_number_complete(text: str) -> bool:
    return TYPED_NUMBER_RE.fullmatch(text) is not None


class KeypadScreen(TranslatedWidget):
    submitted = Signal(str)
    back = Signal()
    #: "No card? Reception ticket": a number for the reception desk without any card.
    reception = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-keypad")
        self.title = label("", "title")
        self.help = label("", "muted")
        self.field = QLineEdit()
        self.field.setObjectName("keypad-field")
        self.field.setMaxLength(MAX_LENGTH)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.textEdited.connect(self._normalise)
        self.field.textChanged.connect(lambda _text: self._update())
        self.field.returnPressed.connect(self._submit)
        self.keys: list[QPushButton] = []
        for ch in KEYS:
            key = button(ch, name=f"key-{ch}")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus ring left on the last key touched
            key.clicked.connect(lambda _=False, c=ch: self._type(c))
            self.keys.append(key)
        self.backspace = button("⌫", name="key-backspace")
        self.backspace.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.backspace.clicked.connect(self.field.backspace)
        self.keys.append(self.backspace)
        grid = ReflowGrid(10, spacing=8)
        grid.set_widgets(self.keys)
        self.check_button = button("", "primary", "keypad-check")
        self.check_button.clicked.connect(self._submit)
        self.back_button = button("", name="keypad-back")
        self.back_button.clicked.connect(self.back)
        self.reception_button = button("", name="keypad-reception-ticket")
        self.reception_button.clicked.connect(self.reception)
        bottom_row = QWidget()
        bottom = FlowLayout(bottom_row, spacing=16, line_spacing=12, centre=True)
        for b in (self.back_button, self.reception_button, self.check_button):
            bottom.addWidget(b)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 24, 48, 24)
        root.setSpacing(16)
        root.addWidget(self.title)
        root.addWidget(self.field)
        root.addWidget(self.help)
        # the buttons above the keys: at 720 px the keys need most of the height, and "Check" and the way
        # out must be visible without scrolling
        root.addWidget(bottom_row)
        root.addWidget(grid)
        root.addStretch(1)
        self.retranslate_ui()

    def start(self) -> None:
        self.field.clear()
        self._update()

    def _type(self, ch: str) -> None:
        if len(self.field.text()) < MAX_LENGTH:
            self.field.insert(ch)

    def _normalise(self, text: str) -> None:
        clean = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
        if clean != text:
            self.field.setText(clean)

    def _submit(self) -> None:
        text = self.field.text()
        if typed_number_complete(text):
            self.submitted.emit(text)

    def _update(self) -> None:
        complete = typed_number_complete(self.field.text())
        self.check_button.setEnabled(complete)
        set_role(self.help, "muted" if complete or not self.field.text() else "info")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Type your health-insurance card number or citizen ID number"))
        self.help.setText(self.tr("Card number: 2 letters and 13 characters, as printed on the card. "
                                  "Citizen ID: 12 digits."))
        self.check_button.setText(self.tr("Check"))
        self.back_button.setText(self.tr("Back"))
        self.reception_button.setText(self.tr("No card? Reception ticket"))
