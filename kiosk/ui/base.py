"""Base for every screen: retranslates itself on ``QEvent.LanguageChange`` (Qt's live-switch pattern)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.statusbar import StatusBar

if TYPE_CHECKING:
    from kiosk.ui.camera import QtCamera


class TranslatedWidget(QWidget):
    """Subclasses build their widgets, then call ``retranslate_ui()``; Qt calls it again on a switch."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        raise NotImplementedError


class DemoBadge(QLabel):
    """"DEMO" in the top-right corner of every screen while demo data is in use (never the top-left
    corner, where the hidden admin taps go). Clicks pass through it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("demo-badge")
        self.setProperty("role", "warn")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("DEMO: sample cards, not a real check-in"))
        self.adjustSize()
        self.place()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.adjustSize()
            self.move(max(0, parent.width() - self.width() - 8), 8)
            self.raise_()


class KioskWindow(QWidget):
    """Common face of the two mode windows (what the app, screenshots and tests rely on)."""

    #: Emitted with a screen name after each screen change.
    screen_shown = Signal(str)
    #: Screenshot runs walk through the flow by themselves.
    autopilot = False
    first_screen = "start"
    status: StatusBar

    def scan(self, payload: str, source: str = "camera") -> None:
        raise NotImplementedError

    def attach_camera(self, camera: QtCamera) -> None:
        """Take scans (and, where shown, the preview) from a camera started after the window."""
        raise NotImplementedError

    demo_badge: DemoBadge | None = None

    def show_demo_badge(self) -> None:
        """Mark every screen as a demo (demo cards, file printer, demo clip)."""
        if self.demo_badge is None:
            self.demo_badge = DemoBadge(self)
        self.demo_badge.show()
        self.demo_badge.place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.demo_badge is not None:
            self.demo_badge.place()

    def parts_ready(self) -> None:
        """The store and printer are attached: load what the screens need."""
