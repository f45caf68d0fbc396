"""Hidden admin entry (PIN pad), the admin panel (settings, test print, camera check, cleaning, exit),
and the screen-cleaning mode (touches ignored until a 3-second press)."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.admin_pin import PinCheck, PinFormatError, PinGuard, check_new_pin, hash_pin
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.theme import FONT_SCALE_MAX, FONT_SCALE_MIN
from kiosk.ui.widgets import ReflowGrid, button, label, set_role

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
        root = QHBoxLayout(self)
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
        return super().event(event)


class AdminScreen(TranslatedWidget):
    font_scale_changed = Signal(int)
    high_contrast_changed = Signal(bool)
    test_print = Signal()
    camera_check = Signal()
    cleaning = Signal()
    setup = Signal()
    exit_app = Signal()
    back = Signal()

    def __init__(self, font_scale: int, high_contrast: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-admin")
        self.font_scale = font_scale
        self.high_contrast = high_contrast
        self.title = label("", "title")
        self.scale_label = label("")
        self.smaller = button("A−", name="font-smaller")
        self.bigger = button("A+", name="font-bigger")
        self.smaller.clicked.connect(lambda: self._scale(-10))
        self.bigger.clicked.connect(lambda: self._scale(+10))
        self.contrast_button = button(name="high-contrast")
        self.contrast_button.setCheckable(True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.toggled.connect(self._contrast)
        self.print_button = button(name="test-print")
        self.print_button.clicked.connect(self.test_print)
        self.camera_button = button(name="camera-check")
        self.camera_button.clicked.connect(self.camera_check)
        self.cleaning_button = button(name="cleaning")
        self.cleaning_button.clicked.connect(self.cleaning)
        self.exit_button = button(name="exit-app")
        self.exit_button.clicked.connect(self.exit_app)
        self.setup_button = button(name="kiosk-setup")
        self.setup_button.clicked.connect(self.setup)
        self.back_button = button("", "primary", "admin-back")
        self.back_button.clicked.connect(self.back)
        self.info = label("", "info")
        self.info.setObjectName("admin-info")
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_label, 1)
        scale_row.addWidget(self.smaller)
        scale_row.addWidget(self.bigger)
        grid = ReflowGrid(3)  # fewer columns at large text
        grid.set_widgets([self.contrast_button, self.print_button, self.camera_button, self.cleaning_button,
                          self.setup_button, self.exit_button, self.back_button], full_width=(self.back_button,))
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 24, 48, 24)
        root.setSpacing(16)
        root.addWidget(self.title)
        root.addLayout(scale_row)
        root.addWidget(grid)
        root.addWidget(self.info)
        root.addStretch(1)
        self._info_text = ""
        self.retranslate_ui()

    def show_info(self, text: str) -> None:
        self._info_text = text
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def _scale(self, step: int) -> None:
        value = max(FONT_SCALE_MIN, min(FONT_SCALE_MAX, self.font_scale + step))
        if value != self.font_scale:
            self.font_scale = value
            self.retranslate_ui()
            self.font_scale_changed.emit(value)

    def _contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.high_contrast_changed.emit(on)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Kiosk settings"))
        self.scale_label.setText(self.tr("Text size: {percent}%").format(percent=self.font_scale))
        self.contrast_button.setText(self.tr("High contrast"))
        self.print_button.setText(self.tr("Test print"))
        self.camera_button.setText(self.tr("Camera check"))
        self.cleaning_button.setText(self.tr("Screen cleaning"))
        self.exit_button.setText(self.tr("Exit the kiosk"))
        self.setup_button.setText(self.tr("Kiosk setup…"))
        self.back_button.setText(self.tr("Back to check-in"))
        self.info.setText(self._info_text)
        self.info.setVisible(bool(self._info_text))


class CleaningScreen(TranslatedWidget):
    """Ignores touches; a press held for ``hold_ms`` ends it."""

    finished = Signal()

    def __init__(self, hold_ms: int = 3000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-cleaning")
        self.hold_ms = hold_ms
        self.title = label("", "title")
        self.message = label("")
        self._pressed = QElapsedTimer()
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self.finished)
        root = QVBoxLayout(self)
        root.addStretch(1)
        root.addWidget(self.title)
        root.addWidget(self.message)
        root.addStretch(1)
        self.retranslate_ui()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._hold.start(self.hold_ms)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._hold.stop()
        event.accept()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Screen cleaning"))
        self.message.setText(self.tr("Touches are ignored now. Press and hold anywhere for 3 seconds to finish."))
