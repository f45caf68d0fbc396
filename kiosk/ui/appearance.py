"""Applies theme, font size and per-language fonts to the whole application."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from kiosk.ui.theme import TOUCH_TARGET_PX, clamp_scale, stylesheet, theme_for

#: Smallest button in desk mode (keyboard first, windowed): still comfortable with a mouse.
DESK_TARGET_PX = 40


class Appearance(QObject):
    changed = Signal()

    def __init__(self, app: QApplication, *, font_scale: int = 100, high_contrast: bool = False,
                 touch: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.font_scale = clamp_scale(font_scale)
        self.high_contrast = high_contrast
        self.touch = touch

    def apply(self) -> None:
        base = 22 if self.touch else 16
        self.app.setStyleSheet(stylesheet(theme_for(self.high_contrast), self.font_scale, base_px=base,
                                          touch_px=TOUCH_TARGET_PX if self.touch else DESK_TARGET_PX))
        self.changed.emit()

    def set_font_scale(self, percent: int) -> None:
        self.font_scale = clamp_scale(percent)
        self.apply()

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.apply()
