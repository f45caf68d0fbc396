"""Base for every screen: retranslates itself on ``QEvent.LanguageChange`` (Qt's live-switch pattern)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

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


class KioskWindow(QWidget):
    """Common face of the two mode windows (what the app, screenshots and tests rely on)."""

    #: Emitted with a screen name after each screen change.
    screen_shown = Signal(str)
    #: Screenshot runs walk through the flow by themselves.
    autopilot = False
    first_screen = "start"
    #: The last screen of the screenshot autopilot's walk (the run ends after it).
    autopilot_last_screen: str | None = None
    status: StatusBar

    def scan(self, payload: str, source: str = "camera") -> None:
        raise NotImplementedError

    def attach_camera(self, camera: QtCamera) -> None:
        """Take scans (and, where shown, the preview) from a camera started after the window."""
        raise NotImplementedError

    def show_demo_badge(self) -> None:
        """Mark every screen as a demo (demo cards, file printer, demo clip): the badge is in the status
        strip, which every screen shows, so it never covers a button."""
        self.status.show_demo(True)

    def parts_ready(self) -> None:
        """The store and printer are attached: load what the screens need."""
