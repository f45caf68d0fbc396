"""The identity screen (trace name ``identity``): "please also show your chip ID card", with the camera
preview; a mismatch or no document sends the patient to reception (kiosk/ui/selfservice/identity.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.cards.identity import IdentityMismatch
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.selfservice.identity import IdentityState
from kiosk.ui.widgets import CameraView, ReflowGrid, button, label, reserve_wrapped_height, set_role


class IdentityScreen(TranslatedWidget):
    #: "I have no ID card with me".
    no_document = Signal()
    #: "Try again" after a code that was not a CCCD or did not match.
    retry = Signal()
    #: "Start again" / "Finish": back to the welcome screen.
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-identity")
        self.state = IdentityState.ASK
        self.mismatches: tuple[IdentityMismatch, ...] = ()
        self.banner = label("", "banner-warn")
        self.banner.setObjectName("identity-banner")
        self.text = label("", align=Qt.AlignmentFlag.AlignLeft)
        self.text.setObjectName("identity-text")
        self.status = label("", "info", align=Qt.AlignmentFlag.AlignLeft)
        self.status.setObjectName("identity-status")
        self.camera = CameraView()
        self.no_document_button = button("", name="identity-no-document")
        self.no_document_button.clicked.connect(self.no_document)
        self.retry_button = button("", "primary", "identity-retry")
        self.retry_button.clicked.connect(self.retry)
        self.back_button = button("", name="identity-back")
        self.back_button.clicked.connect(self.back)
        self.buttons = ReflowGrid(3, spacing=12)  # under each other at large text
        self.buttons.set_widgets([self.no_document_button, self.retry_button, self.back_button])
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self.text)
        left.addWidget(self.status)
        left.addStretch(1)
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addLayout(left, 1)
        middle.addWidget(self.camera, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(16)
        root.addWidget(self.banner)
        root.addLayout(middle, 1)
        root.addWidget(self.buttons)  # the whole width: side by side at large text too
        self.retranslate_ui()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            # after the layout ran: the labels' widths change when the camera is hidden or shown
            reserve_wrapped_height(self.banner, self.text, self.status)
        return handled

    def show_frame(self, image: QImage) -> None:
        self.camera.show_frame(image)

    def show_state(self, state: str, mismatches: tuple[IdentityMismatch, ...] = ()) -> None:
        self.state = IdentityState(state)
        self.mismatches = tuple(mismatches)
        self.retranslate_ui()

    @property
    def to_reception(self) -> bool:
        return self.state in (IdentityState.MISMATCH, IdentityState.NO_DOCUMENT)

    def _mismatch_text(self) -> str:
        if IdentityMismatch.MISSING in self.mismatches:
            return self.tr("The kiosk cannot compare this ID card with your health-insurance card.")
        if IdentityMismatch.NAME in self.mismatches:
            return self.tr("The name on the ID card is not the name on the health-insurance card.")
        if IdentityMismatch.BIRTH_DATE in self.mismatches:
            return self.tr("The date of birth on the ID card is not the one on the health-insurance card.")
        return self.tr("The ID card number is not the one on the health-insurance card.")

    def retranslate_ui(self) -> None:
        state = self.state
        for widget in (self.banner, self.text, self.status):
            # A QLabel's heightForWidth never goes below its minimum height: release the height reserved for
            # the previous text (or width) so a shorter one gets a smaller reserve after the next layout.
            widget.setMinimumHeight(0)
        self.no_document_button.setText(self.tr("I have no ID card with me"))
        self.retry_button.setText(self.tr("Try again"))
        self.back_button.setText(self.tr("Finish") if self.to_reception else self.tr("Start again"))
        shown = [b for b, visible in ((self.no_document_button, not self.to_reception),
                                      (self.retry_button, state is IdentityState.MISMATCH),
                                      (self.back_button, True)) if visible]
        if shown != self.buttons.items:  # only the buttons shown take rows (no empty rows at large text)
            for b in (self.no_document_button, self.retry_button, self.back_button):
                b.setVisible(b in shown)
            self.buttons.set_widgets(shown)
        self.camera.setVisible(not self.to_reception)
        if self.to_reception:
            set_role(self.banner, "banner-bad")
            self.banner.setText(self.tr("Please go to the reception desk"))
            self.text.setText(self.tr("You need an ID document to use your health-insurance card.")
                              if state is IdentityState.NO_DOCUMENT else self._mismatch_text())
            set_role(self.status, "info")
            self.status.setText(self.tr("Please bring your health-insurance card and an ID document to "
                                        "reception. The staff will help you."))
            self.status.show()
            return
        set_role(self.banner, "banner-warn")
        self.banner.setText(self.tr("One more step: show your ID card"))
        self.text.setText(self.tr("A health-insurance card must be shown with an ID document. Please hold the QR "
                                  "code of your chip citizen ID card (or of the VNeID app) in front of the camera."))
        if state is IdentityState.CHECKING:
            set_role(self.status, "info")
            self.status.setText(self.tr("Checking your ID card…"))
        elif state is IdentityState.NOT_A_CCCD:
            set_role(self.status, "warn")
            self.status.setText(self.tr("That was not the QR code of a chip ID card. Please show the code on the "
                                        "back of your citizen ID card."))
        else:  # waiting: the camera's guide says the rest (the buttons stay in view at large text)
            self.status.clear()
        self.status.setVisible(bool(self.status.text()))
