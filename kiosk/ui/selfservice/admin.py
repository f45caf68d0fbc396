"""The admin panel (settings, test print, camera check, cleaning, exit) behind the hidden admin entry (its PIN
pad is :mod:`kiosk.ui.pin_screen`), and the screen-cleaning mode (touches ignored until a 3-second press)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.base import TranslatedWidget
from kiosk.ui.theme import FONT_SCALE_MAX, FONT_SCALE_MIN
from kiosk.ui.widgets import ReflowGrid, button, label

log = logging.getLogger(__name__)


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
