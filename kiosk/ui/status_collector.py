"""Collects sync and device states into one :class:`StatusSnapshot` and pushes it to the status bar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.sync.status import SyncStatus
from kiosk.ui.status_model import DeviceState, DeviceStatus, StatusSnapshot
from kiosk.ui.workers import TaskRunner

if TYPE_CHECKING:
    from kiosk.printing.status import PrinterState, PrintStatus

#: ``PrintStatus`` values → device states (by value: the window starts before the printing code loads).
_PRINT_STATES = {"ok": DeviceState.READY, "paper_low": DeviceState.PAPER_LOW, "paper_out": DeviceState.PAPER_OUT,
                 "offline": DeviceState.OFFLINE, "error": DeviceState.ERROR}


def printer_device(status: PrintStatus, detail: str = "") -> DeviceStatus:
    return DeviceStatus(_PRINT_STATES.get(status.value, DeviceState.ERROR), detail)


class StatusCollector(QObject):
    changed = Signal(object)  # StatusSnapshot

    def __init__(self, runner: TaskRunner, store: Any = None, *, hub_configured: bool, poll_ms: int = 15_000,
                 pending_warn_after: dt.timedelta = dt.timedelta(hours=4), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.store = store
        self.snapshot = StatusSnapshot(hub_configured=hub_configured, pending_warn_after=pending_warn_after)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_outbox)
        self._poll_ms = poll_ms
        self.set_hub_configured(hub_configured)

    def set_hub_configured(self, configured: bool) -> None:
        self.snapshot = dataclasses.replace(self.snapshot, hub_configured=configured)
        if configured:  # with a hub the sync loop publishes the counters itself
            self._timer.stop()
        else:
            self._timer.start(self._poll_ms)

    def _publish(self, **changes: Any) -> None:
        self.snapshot = dataclasses.replace(self.snapshot, **changes)
        self.changed.emit(self.snapshot)

    def set_sync(self, status: SyncStatus) -> None:
        self._publish(sync=status)

    def set_camera(self, status: DeviceStatus) -> None:
        self._publish(camera=status)

    def set_scanner(self, status: DeviceStatus) -> None:
        self._publish(scanner=status)

    def set_printer(self, status: PrintStatus | PrinterState | DeviceStatus) -> None:
        from kiosk.printing.status import PrinterState, PrintStatus  # lazy: the UI thread starts before printing

        if isinstance(status, PrinterState):
            status = printer_device(status.status, status.detail or status.message)
        elif isinstance(status, PrintStatus):
            status = printer_device(status)
        self._publish(printer=status)

    def refresh_outbox(self) -> None:
        """Offline (no hub): pending uploads straight from the outbox, on the database lane."""
        store = self.store
        if self.snapshot.hub_configured or store is None:
            return

        def read() -> SyncStatus:
            return SyncStatus(configured=False, pending_count=store.pending_count(),
                              oldest_pending_at=store.oldest_pending_at(), rejected_count=store.rejected_count())

        self.runner.run(read, self.set_sync, lambda _e: None)
