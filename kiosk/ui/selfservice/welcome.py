"""Welcome screen: facility, language bar, instructions, the live camera preview with decoder hints."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.base import TranslatedWidget
from kiosk.ui.texts import hint_text
from kiosk.ui.widgets import (
    CameraView,
    HoldPhonePicture,
    LanguageBar,
    ReflowRow,
    button,
    label,
    reserve_wrapped_height,
    set_role,
)


class WelcomeScreen(TranslatedWidget):
    # The patient wants to type the card or ID number (the QR cannot be read).
    type_number = Signal()

    def __init__(self, facility_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-welcome")
        self.facility = label(facility_name, "title", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.languages = LanguageBar()
        self.title = label("", "title", align=Qt.AlignmentFlag.AlignLeft)
        self.step1 = label("", align=Qt.AlignmentFlag.AlignLeft)
        self.step2 = label("", align=Qt.AlignmentFlag.AlignLeft)
        self.picture = HoldPhonePicture()
        self.tip = label("", "muted", align=Qt.AlignmentFlag.AlignLeft)
        self.tip.setObjectName("brightness-tip")
        self.hint = label("", "info", align=Qt.AlignmentFlag.AlignLeft)
        self.hint.setObjectName("hint")
        self.help = label("", "muted", align=Qt.AlignmentFlag.AlignLeft)
        self.type_button = button(name="type-number")  # the way in when the QR cannot be read
        self.type_button.clicked.connect(self.type_number)
        self.camera = CameraView()
        self._hint_codes: list[str] = []
        self._checking = False

        top = ReflowRow(self.facility, self.languages)
        left = QVBoxLayout()
        left.setSpacing(12)
        for w in (self.title, self.step1, self.step2):
            left.addWidget(w)
        left.addWidget(self.picture)
        for w in (self.tip, self.hint):
            left.addWidget(w)
        left.addWidget(self.type_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        left.addWidget(self.help)
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addLayout(left, 1)
        middle.addWidget(self.camera, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 12, 24, 12)
        root.setSpacing(12)
        root.addWidget(top)
        root.addLayout(middle, 1)
        self.retranslate_ui()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            reserve_wrapped_height(self.title, self.step1, self.step2, self.tip, self.hint, self.help)
        return super().event(event)

    def show_frame(self, image: QImage) -> None:
        self.camera.show_frame(image)

    def show_hints(self, codes: list[str]) -> None:
        self._hint_codes = list(codes)
        self._update_hint()

    def set_checking(self, checking: bool) -> None:
        self._checking = checking
        self._update_hint()

    def _update_hint(self) -> None:
        if self._checking:
            self.hint.setText(self.tr("Checking your card…"))
            set_role(self.hint, "info")
        elif self._hint_codes:
            self.hint.setText(hint_text(self._hint_codes[0]))
            set_role(self.hint, "warn")
        else:
            self.hint.setText(hint_text(""))
            set_role(self.hint, "info")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Welcome! Please check in with your health-insurance card."))
        self.step1.setText(self.tr("1. Open the VssID app, or take your chip citizen ID card."))
        self.step2.setText(self.tr("2. Hold the QR code in front of the camera, about 15–20 cm away."))
        self.tip.setText(self.tr("Tip: turn the phone's screen brightness up and hold it still."))
        self.help.setText(self.tr("Need help? Please ask at reception."))
        self.type_button.setText(self.tr("Type the number"))
        self._update_hint()
