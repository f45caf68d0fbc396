"""The desk's sync panel: hub state, last success, pending uploads, last error, visits set aside, "Sync now"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.base import TranslatedWidget
from kiosk.ui.error_text import sync_error_text
from kiosk.ui.status_model import Level, StatusSnapshot, SyncView, summarise_sync
from kiosk.ui.widgets import button, label, set_role


class SyncPanel(TranslatedWidget):
    sync_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync-panel")
        self.snapshot = StatusSnapshot()
        frame = QFrame(self)
        frame.setProperty("role", "panel")
        self.title = label("", align=Qt.AlignmentFlag.AlignLeft)
        self.state = label("", align=Qt.AlignmentFlag.AlignLeft)
        self.detail = label("", "muted", align=Qt.AlignmentFlag.AlignLeft)
        self.sync_button = button(name="sync-now")
        self.sync_button.clicked.connect(self.sync_now)
        # the button under the texts: they get the panel's whole width (the desk's right side is the narrower)
        column = QVBoxLayout(frame)
        column.addWidget(self.title)
        column.addWidget(self.state)
        column.addWidget(self.detail)
        column.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignRight)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(frame)
        self.retranslate_ui()

    def show_snapshot(self, snapshot: StatusSnapshot) -> None:
        self.snapshot = snapshot
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        s = summarise_sync(self.snapshot.sync, hub_configured=self.snapshot.hub_configured,
                           now=dt.datetime.now(dt.UTC), warn_after=self.snapshot.pending_warn_after)
        self.title.setText(self.tr("Synchronisation with the hub"))
        self.sync_button.setText(self.tr("Sync now (F9)"))
        self.sync_button.setEnabled(s.view is not SyncView.NO_HUB and s.view is not SyncView.SYNCING)
        states = {SyncView.NO_HUB: self.tr("No hub configured: visits stay on this computer."),
                  SyncView.SYNCING: self.tr("Syncing…"), SyncView.ONLINE: self.tr("Hub reachable"),
                  SyncView.OFFLINE: self.tr("Hub not reachable: working offline")}
        if s.pending_too_old:
            pending = self.tr("Visits waiting for upload: {n}. The oldest has waited longer than allowed.")
        elif s.pending:
            pending = self.tr("Visits waiting for upload: {n}.")
        else:
            pending = self.tr("Every visit is uploaded.")
        self.state.setText(f"{states[s.view]}\n{pending.format(n=s.pending)}")
        set_role(self.state, "status-bad" if s.level is Level.BAD else "")
        detail = []
        if s.minutes_since_success is not None:
            detail.append(self.tr("Last successful sync: {minutes} min ago").format(minutes=s.minutes_since_success))
        if s.error_code:  # worded from its code: the sync error's own message is English (for the log)
            detail.append(self.tr("Last error: {error}").format(error=sync_error_text(s.error_code)))
        if s.rejected:
            detail.append(self.tr("{n} visits set aside: the hub rejected them; they are not sent again.")
                          .format(n=s.rejected))
        self.detail.setText("\n".join(detail))
        self.detail.setVisible(bool(detail))
