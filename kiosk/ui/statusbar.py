"""The status strip shown in both modes: sync, pending uploads, camera, scanner, printer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from kiosk.ui.error_text import sync_error_text
from kiosk.ui.status_model import (
    DeviceState,
    DeviceStatus,
    Level,
    StatusSnapshot,
    SyncView,
    relative_minutes,
    summarise_sync,
)
from kiosk.ui.widgets import FlowLayout


def _set_role(label: QLabel, level: Level) -> None:
    role = f"status-{level.value}"
    if label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)


class StatusBar(QFrame):
    """Shows a :class:`StatusSnapshot`; call :meth:`show_snapshot` whenever anything changes."""

    def __init__(self, parent: QWidget | None = None, *,
                 show_devices: tuple[str, ...] = ("camera", "scanner", "printer"),
                 hide_absent: bool = False) -> None:
        """``hide_absent``: leave out devices that are not configured (patients need not know there
        could be a scanner; staff at the desk see "not configured"). The pending-upload warning's age
        comes with each snapshot (``StatusSnapshot.pending_warn_after``, ``[hub] pending_warn_minutes``)."""
        super().__init__(parent)
        self.setProperty("role", "statusbar")
        self.setObjectName("statusbar")
        self.hide_absent = hide_absent
        self.snapshot = StatusSnapshot()
        layout = FlowLayout(self, spacing=24)  # one line at normal text, more lines at large text
        layout.setContentsMargins(12, 4, 12, 4)
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("status-demo")
        self.demo_label.setProperty("role", "warn")
        self.demo_label.hide()
        self.sync_label = QLabel(self)
        self.last_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.device_labels: dict[str, QLabel] = {}
        for widget in (self.demo_label, self.sync_label, self.last_label, self.pending_label):
            layout.addWidget(widget)
        for name in show_devices:
            label = QLabel(self)
            label.setObjectName(f"status-{name}")
            self.device_labels[name] = label
            layout.addWidget(label)
        self._tick = QTimer(self)  # "5 min ago" must move on even when nothing else changes
        self._tick.timeout.connect(self.retranslate_ui)
        self._tick.start(30_000)
        self.retranslate_ui()

    def show_demo(self, on: bool) -> None:
        """The DEMO badge: demo cards, the file printer and the demo clip are in use."""
        self.demo_label.setVisible(on)
        self.retranslate_ui()

    def show_snapshot(self, snapshot: StatusSnapshot) -> None:
        self.snapshot = snapshot
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        s = self.snapshot
        self.demo_label.setText(self.tr("DEMO: sample cards, not a real check-in"))
        summary = summarise_sync(s.sync, hub_configured=s.hub_configured, now=dt.datetime.now(dt.UTC),
                                 warn_after=self.snapshot.pending_warn_after)
        view_text = {
            SyncView.NO_HUB: self.tr("Stand-alone: no hub configured"),
            SyncView.SYNCING: self.tr("Syncing…"),
            SyncView.ONLINE: self.tr("Hub connected"),
            SyncView.OFFLINE: self.tr("Hub not reachable: working offline"),
        }[summary.view]
        self.sync_label.setText(view_text)
        sync_level = {SyncView.ONLINE: Level.OK, SyncView.OFFLINE: Level.WARN}.get(summary.view, Level.MUTED)
        _set_role(self.sync_label, sync_level)
        if summary.minutes_since_success is None:
            last = self.tr("Never synced") if s.hub_configured else ""
        else:
            unit, n = relative_minutes(summary.minutes_since_success)
            last = {
                "now": self.tr("Synced just now"),
                "min": self.tr("Synced {n} min ago"),
                "h": self.tr("Synced {n} h ago"),
                "d": self.tr("Synced {n} days ago") if n != 1 else self.tr("Synced 1 day ago"),
            }[unit].format(n=n)
        self.last_label.setText(last)
        self.last_label.setVisible(bool(last))
        _set_role(self.last_label, Level.MUTED)
        if summary.pending_too_old:
            pending = self.tr("Uploads waiting too long: {n}").format(n=summary.pending)
        else:
            pending = self.tr("Waiting to upload: {n}").format(n=summary.pending)
        self.pending_label.setText(pending)
        _set_role(self.pending_label, Level.BAD if summary.pending_too_old else Level.MUTED)
        self.pending_label.setToolTip(sync_error_text(summary.error_code))
        names = {"camera": self.tr("Camera"), "scanner": self.tr("Scanner"), "printer": self.tr("Printer")}
        for name, label in self.device_labels.items():
            status: DeviceStatus = getattr(s, name)
            label.setText(self.tr("{device}: {state}").format(device=names[name],
                                                                state=self.state_text(status.state)))
            label.setToolTip(status.detail)
            _set_role(label, status.level)
            label.setVisible(not (self.hide_absent and status.state is DeviceState.ABSENT))

    def state_text(self, state: DeviceState) -> str:
        return {
            DeviceState.READY: self.tr("ready"),
            DeviceState.ABSENT: self.tr("not configured"),
            DeviceState.STARTING: self.tr("starting"),
            DeviceState.LOST: self.tr("reconnecting"),
            DeviceState.PAPER_LOW: self.tr("paper low"),
            DeviceState.PAPER_OUT: self.tr("out of paper"),
            DeviceState.OFFLINE: self.tr("offline"),
            DeviceState.ERROR: self.tr("error"),
            DeviceState.BUSY: self.tr("busy"),
        }[state]
