"""The staff PIN keypad: shown before the admin panel (self-service) and before the setup (desk).

Shared by :mod:`kiosk.ui.selfservice.admin` and :mod:`kiosk.ui.setup_wizard`, so neither imports the other.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.admin_pin import PinCheck, PinFormatError, PinGuard, check_new_pin, hash_pin
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.widgets import button, label, set_role

log = logging.getLogger(__name__)


class PinScreen(TranslatedWidget):
    """The admin PIN pad. With the factory PIN it asks for a new PIN (twice) before ``accepted``;
    after too many wrong PINs it shows the lock's countdown with the keys disabled (:class:`PinGuard`)."""

    accepted = Signal()
    #: A new PIN was chosen: its hash, to be saved as ``ui.admin_pin_hash``.
    pin_changed = Signal(str)
    cancelled = Signal()

    def __init__(self, guard: PinGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-pin")
        self.guard = guard
        self._step = "enter"  # enter | new | confirm
        self._problem = ""  # wrong | locked | shape | mismatch
        self._candidate = ""
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._lock_tick)
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
        # title and field beside the keypad while both fit the width, above it otherwise (200 % text in a
        # long language: the side column was squeezed below its buttons' width)
        self.side_box, self.side = side_box, side
        self.keypad = keypad
        self.root = root = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        root.setContentsMargins(48, 24, 48, 24)
        root.setSpacing(48)
        root.addStretch(1)
        root.addWidget(side_box, 2)
        root.addLayout(keypad_column, 2)
        root.addStretch(1)
        self.retranslate_ui()

    def start(self) -> None:
        self._step, self._problem, self._candidate = "enter", "", ""
        self.field.clear()
        self.field.setFocus()
        if self.guard.locked_for() > 0:
            self._show_lock()
        self.retranslate_ui()

    def _submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if self._step == "enter":
            self._check(pin)
        elif self._step == "new":
            try:
                self._candidate = check_new_pin(pin)
            except PinFormatError:
                self._problem = "shape"
            else:
                self._step, self._problem = "confirm", ""
        elif pin == self._candidate:
            self.pin_changed.emit(hash_pin(pin))
            log.info("admin PIN: a new PIN was chosen")
            self._step, self._problem, self._candidate = "enter", "", ""
            self.accepted.emit()
        else:
            self._step, self._problem, self._candidate = "new", "mismatch", ""
        self.retranslate_ui()

    def _check(self, pin: str) -> None:
        result = self.guard.check(pin)
        if result is PinCheck.OK:
            self._problem = ""
            self.accepted.emit()
        elif result is PinCheck.MUST_CHANGE:
            self._step, self._problem = "new", ""
        elif result is PinCheck.LOCKED:
            self._show_lock()
        else:
            self._problem = "wrong"

    def _show_lock(self) -> None:
        self._problem = "locked"
        for key in self.keys:
            key.setEnabled(False)
        self.field.setEnabled(False)
        self._lock_timer.start()

    def _lock_tick(self) -> None:
        if self.guard.locked_for() <= 0:
            self._lock_timer.stop()
            self._problem = ""
            for key in self.keys:
                key.setEnabled(True)
            self.field.setEnabled(True)
            self.field.setFocus()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        titles = {"enter": self.tr("Staff only: enter the PIN"),
                  "new": self.tr("Choose a new admin PIN (4–12 digits)"),
                  "confirm": self.tr("Enter the new PIN again")}
        self.title.setText(titles[self._step])
        seconds = max(1, math.ceil(self.guard.locked_for()))
        problems = {
            "wrong": self.tr("Wrong PIN. Attempts left before a one-minute lock: {left}").format(
                left=self.guard.attempts_left),
            "locked": self.tr("Too many wrong PINs. Try again in {seconds} s.").format(seconds=seconds),
            "shape": self.tr("A PIN is 4 to 12 digits, and not 0000."),
            "mismatch": self.tr("The two PINs differ. Choose a new PIN again."),
        }
        hint = self.tr("The factory PIN must be replaced before the admin panel opens.") \
            if self._step == "new" and not self._problem else ""
        self.message.setText(problems.get(self._problem, hint))
        set_role(self.message, "status-bad" if self._problem else "muted")
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
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._arrange()
        return super().event(event)

    def _arrange(self) -> None:
        margins = self.root.contentsMargins()
        inner = self.side.contentsMargins()
        side = min(640, max(self.side_box.minimumSizeHint().width(),
                            self.cancel_button.sizeHint().width() + inner.left() + inner.right()))
        if self.side_box.minimumWidth() != side:  # the stretches beside it must not squeeze its buttons
            self.side_box.setMinimumWidth(side)
        side_by_side = (side + self.root.spacing()
                        + self.keypad.minimumSizeHint().width() + margins.left() + margins.right())
        wanted = (QBoxLayout.Direction.LeftToRight if side_by_side <= self.width()
                  else QBoxLayout.Direction.TopToBottom)
        if self.root.direction() != wanted:
            self.root.setDirection(wanted)
            self.updateGeometry()
