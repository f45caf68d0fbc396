"""The "Are you still there?" overlay: a countdown of at least 20 s and one large Continue button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.base import TranslatedWidget
from kiosk.ui.widgets import ReflowRow, button, label, reserve_wrapped_height


class IdleOverlay(TranslatedWidget):
    resume = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idle-overlay")
        self.seconds = 0
        panel = QFrame(self)
        panel.setProperty("role", "panel")
        self.title = label("", "title")
        self.countdown = label("", "huge")
        self.countdown.setObjectName("idle-countdown")
        self.message = label("")
        self.continue_button = button("", "primary", "idle-continue")
        self.continue_button.clicked.connect(self.resume)
        column = QVBoxLayout(panel)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        # the countdown beside the question: at 200 % text the four stacked did not fit 720 pixels
        top = ReflowRow(self.title, self.countdown, spacing=24)
        # the pair centred, the number beside the question rather than at the panel's edge
        top.box.setStretchFactor(self.title, 0)
        top.box.setAlignment(self.countdown, Qt.AlignmentFlag.AlignCenter)
        top.box.insertStretch(0, 1)
        top.box.addStretch(1)
        column.addWidget(top)
        for w in (self.message, self.continue_button):
            column.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 4)
        row.addStretch(1)
        root = QVBoxLayout(self)
        root.addStretch(1)
        root.addLayout(row)
        root.addStretch(1)
        self.hide()
        self.retranslate_ui()

    def event(self, event: QEvent) -> bool:
        # the question and the message wrap at large text: reserve the lines they need at their width (a
        # box layout sizes a wrapped label for its minimum width, and the title's last line was cut at 200 %)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            reserve_wrapped_height(self.title, self.message)
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))  # dim the screen behind the question
        painter.end()

    def show_countdown(self, seconds: int) -> None:
        self.seconds = seconds
        self.countdown.setText(str(seconds))
        self.retranslate_ui()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        if self.seconds == 1:  # English has a form per count; the other catalogues one
            self.message.setText(self.tr("For your privacy the screen will be cleared in 1 second."))
        else:
            self.message.setText(self.tr("For your privacy the screen will be cleared in {n} seconds.")
                                 .format(n=self.seconds))
        self.continue_button.setText(self.tr("Continue"))
