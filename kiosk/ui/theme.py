"""Themes as semantic colour tokens rendered into one style sheet (napari-style), plus size scaling.

Sizes are in pixels at 100 % and multiplied by the font-size setting (100–200 %). Touch targets are
at least ``TOUCH_TARGET_PX`` high: 15 mm on a 21.5" 1920×1080 panel (≈ 102 dpi) is 60 px; we use 72.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template
from typing import Final

#: Minimum height/width of anything a patient touches (px at 100 %); ≥ 15 mm on a 21" full-HD panel.
TOUCH_TARGET_PX: Final = 72
FONT_SCALE_MIN: Final = 100
FONT_SCALE_MAX: Final = 200
#: The status strip's text is never smaller than this (px at 100 %): read from a step away at the desk.
STATUS_TEXT_MIN_PX: Final = 16


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str
    text: str
    muted: str
    primary: str
    primary_text: str
    border: str
    ok: str
    ok_text: str
    bad: str
    bad_text: str
    warn: str
    warn_text: str
    focus: str


NORMAL: Final = Theme("normal", background="#f4f6f8", surface="#ffffff", text="#1b1f24", muted="#4a5560",
                      primary="#0b5cad", primary_text="#ffffff", border="#b8c2cc", ok="#1e7b34",
                      ok_text="#ffffff", bad="#b3261e", bad_text="#ffffff", warn="#8a5a00",
                      warn_text="#ffffff", focus="#f5a400")
HIGH_CONTRAST: Final = Theme("high_contrast", background="#000000", surface="#000000", text="#ffffff",
                             muted="#ffffff", primary="#ffff00", primary_text="#000000", border="#ffffff",
                             ok="#00ff66", ok_text="#000000", bad="#ff4040", bad_text="#000000",
                             warn="#ffbf00", warn_text="#000000", focus="#00ffff")

_QSS: Final = Template("""
QWidget { background: $background; color: $text; font-size: ${base}px; }
QLabel { background: transparent; }
QLabel[role="title"] { font-size: ${title}px; font-weight: 600; }
QLabel[role="huge"] { font-size: ${huge}px; font-weight: 700; }
QLabel[role="muted"] { color: $muted; }
QLabel[role="ok"] { background: $ok; color: $ok_text; padding: ${pad}px; border-radius: 8px; }
QLabel[role="bad"] { background: $bad; color: $bad_text; padding: ${pad}px; border-radius: 8px; }
QLabel[role="warn"] { background: $warn; color: $warn_text; padding: ${pad}px; border-radius: 8px; }
QLabel[role="info"] { background: $surface; color: $text; padding: ${pad}px; border: 2px solid $border;
                      border-radius: 8px; }
QPushButton { background: $surface; color: $text; border: 3px solid $border; border-radius: 10px;
              padding: ${pad}px ${padx}px; min-height: ${touch}px; min-width: ${touch}px; }
QPushButton[role="primary"] { background: $primary; color: $primary_text; border-color: $primary;
                              font-weight: 600; }
QPushButton[role="choice"] { font-size: ${title}px; }
QPushButton:checked { background: $primary; color: $primary_text; border-color: $primary; }
QPushButton:focus, QLineEdit:focus, QListWidget:focus, QTableWidget:focus, QComboBox:focus,
QSpinBox:focus, QCheckBox:focus { border: 3px solid $focus; }
QPushButton:disabled { color: $muted; background: $background; border-color: $border; }
QLineEdit, QComboBox, QSpinBox { background: $surface; color: $text; border: 3px solid $border;
                                 border-radius: 6px; padding: 6px; min-height: ${field}px; }
QListWidget, QTableWidget { background: $surface; color: $text; border: 3px solid $border; }
QListWidget::item, QTableWidget::item { padding: 6px; }
QListWidget::item:selected, QTableWidget::item:selected { background: $primary; color: $primary_text; }
QHeaderView::section { background: $background; color: $text; border: 1px solid $border; padding: 4px; }
QFrame[role="panel"] { background: $surface; border: 2px solid $border; border-radius: 10px; }
QFrame[role="statusbar"] { background: $surface; border-top: 2px solid $border; }
QFrame[role="statusbar"] QLabel { font-size: ${status}px; }
QLabel[role="banner-ok"], QLabel[role="banner-bad"], QLabel[role="banner-warn"] {
    font-size: ${title}px; font-weight: 600; padding: ${padx}px; border-radius: 10px; }
QLabel[role="banner-ok"] { background: $ok; color: $ok_text; }
QLabel[role="banner-bad"] { background: $bad; color: $bad_text; }
QLabel[role="banner-warn"] { background: $warn; color: $warn_text; }
QLabel[role="status-ok"] { color: $ok; font-weight: 600; }
QLabel[role="status-bad"] { color: $bad; font-weight: 600; }
QLabel[role="status-warn"] { color: $warn; font-weight: 600; }
QLabel[role="status-muted"] { color: $muted; }
""")


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else NORMAL


def clamp_scale(percent: int) -> int:
    return max(FONT_SCALE_MIN, min(FONT_SCALE_MAX, int(percent)))


def scaled(px: float, percent: int) -> int:
    return round(px * clamp_scale(percent) / 100)


def stylesheet(theme: Theme, font_scale: int, *, base_px: int = 20, touch_px: int = TOUCH_TARGET_PX) -> str:
    """The application style sheet for a theme at a font size (percent); ``touch_px``: smallest button."""
    s = clamp_scale(font_scale)
    return _QSS.substitute(
        {k: v for k, v in vars(theme).items() if k != "name"},
        base=scaled(base_px, s), small=scaled(base_px * 0.75, s), title=scaled(base_px * 1.6, s),
        huge=scaled(base_px * 3.2, s), status=scaled(max(STATUS_TEXT_MIN_PX, base_px * 0.75), s),
        pad=scaled(8, s), padx=scaled(18, s), touch=max(touch_px, scaled(touch_px * 0.8, s)),
        field=scaled(36, s),
    )
