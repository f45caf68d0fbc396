"""The screen of a kiosk that is not set up: for staff, never a working check-in.

Shown when there is no configuration and the first-start setup was cancelled (or could not run): a
patient must not be able to check in against no card list and no printer, and the clinic must not run a
demo without knowing it (``kiosk run --demo`` is the explicit way to try the kiosk).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.ui.base import KioskWindow
from kiosk.ui.statusbar import StatusBar
from kiosk.ui.widgets import button, label


class NotSetUpWindow(KioskWindow):
    first_screen = "not_set_up"

    def __init__(self, config_path: Path, *, on_setup: Callable[[], None], on_exit: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("not-set-up")
        self.setWindowTitle("Kiosk")
        self.config_path = config_path
        self.title = label("", "title")
        self.patients = label("", "subtitle")
        self.staff = label("", "muted")
        self.setup_button = button("", "primary", "not-set-up-setup")
        self.setup_button.clicked.connect(on_setup)
        self.exit_button = button("", name="not-set-up-exit")
        self.exit_button.clicked.connect(on_exit)
        self.status = StatusBar()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.exit_button)
        buttons.addStretch(1)
        body = QVBoxLayout()
        body.setContentsMargins(48, 24, 48, 24)
        body.addStretch(1)
        body.addWidget(self.title)
        body.addWidget(self.patients)
        body.addSpacing(24)
        body.addWidget(self.staff)
        body.addSpacing(24)
        body.addLayout(buttons)
        body.addStretch(1)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(body, 1)
        root.addWidget(self.status)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # live language switch
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("This kiosk is not set up yet"))
        self.patients.setText(self.tr("Patients: please check in at the reception desk."))
        self.staff.setText(self.tr(
            "Staff: set it up now (facility, hub, departments, camera, scanner, printer), or run "
            "`kiosk setup` on this machine. The configuration file will be {path}. To try the kiosk with "
            "sample cards, start it with `kiosk run --demo`.").format(path=self.config_path))
        self.setup_button.setText(self.tr("Set up this kiosk…"))
        self.exit_button.setText(self.tr("Exit"))

    def scan(self, payload: str, source: str = "camera") -> None:
        """No check-in here: scans are ignored until the kiosk is set up."""
