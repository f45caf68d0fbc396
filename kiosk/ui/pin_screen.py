"""The staff PIN keypad: shown before the admin panel (self-service) and before the setup (desk).

Shared by :mod:`kiosk.ui.selfservice.admin` and :mod:`kiosk.ui.setup_wizard`, so neither imports the other.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.base import TranslatedWidget
from kiosk.ui.widgets import button, label, set_role


class PinScreen(TranslatedWidget):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-pin")
        self.title = label("", "title")
        self.message = label("", "muted")
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(12)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(self._submit)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.keys: list[QPushButton] = []
        for i, digit in enumerate("123456789"):
            b = button(digit, name=f"pin-{digit}")
            self.keys.append(b)
            b.clicked.connect(lambda _=False, d=digit: self.field.insert(d))
            grid.addWidget(b, i // 3, i % 3)
        self.clear_button = button("", name="pin-clear")
        self.clear_button.clicked.connect(self.field.clear)
        zero = button("0", name="pin-0")
        self.keys += [zero, self.clear_button]
        zero.clicked.connect(lambda: self.field.insert("0"))
        self.ok_button = button("", "primary", "pin-ok")
        self.ok_button.clicked.connect(self._submit)
        self.keys.append(self.ok_button)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(zero, 3, 1)
        grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = button("", name="pin-cancel")
        self.cancel_button.clicked.connect(self.cancelled)
        side = QVBoxLayout()  # title and field beside the keypad: fits a 720-pixel-high screen
        side.addStretch(1)
        side.addWidget(self.title)
        side.addWidget(self.message)
        side.addWidget(self.field)
        side.addWidget(self.cancel_button)
        side.addStretch(1)
        keypad = QWidget()
        keypad.setLayout(grid)
        keypad_column = QVBoxLayout()
        keypad_column.addStretch(1)
        keypad_column.addWidget(keypad)
        keypad_column.addStretch(1)
        side_box = QWidget()
        side_box.setMaximumWidth(640)
        side_box.setLayout(side)
        root = QHBoxLayout(self)
        root.setContentsMargins(48, 24, 48, 24)
        root.setSpacing(48)
        root.addStretch(1)
        root.addWidget(side_box, 2)
        root.addLayout(keypad_column, 2)
        root.addStretch(1)
        self._wrong = False
        self.retranslate_ui()

    def start(self) -> None:
        self._wrong = False
        self.field.clear()
        self.field.setFocus()
        self.retranslate_ui()

    def wrong_pin(self) -> None:
        self._wrong = True
        self.field.clear()
        self.retranslate_ui()

    def _submit(self) -> None:
        self.submitted.emit(self.field.text())
        self.field.clear()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Staff only: enter the PIN"))
        self.message.setText(self.tr("Wrong PIN. Please try again.") if self._wrong else "")
        set_role(self.message, "status-bad" if self._wrong else "muted")
        self.clear_button.setText(self.tr("Clear"))
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.even_keys()

    def even_keys(self) -> None:
        """Every key as wide as the widest label ("OK" may be long in some languages)."""
        for key in self.keys:
            key.setMinimumWidth(0)
        width = max(key.sizeHint().width() for key in self.keys)
        for key in self.keys:
            key.setMinimumWidth(width)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.Polish):
            self.even_keys()
        return super().event(event)
