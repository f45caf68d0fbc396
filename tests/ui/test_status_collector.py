"""The status collector turns device and sync reports into one snapshot for the status strip; without a hub it
reads the pending uploads from the outbox itself, on the database lane."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.db.convert import visit_card_fields
from kiosk.db.store import Store
from kiosk.printing.status import PrinterState, PrintStatus
from kiosk.sync.status import SyncStatus
from kiosk.ui.status_collector import StatusCollector
from kiosk.ui.status_model import DeviceState, DeviceStatus, StatusSnapshot
from kiosk.ui.workers import TaskRunner

MANUAL = visit_card_fields(None, None, verdict="unknown", provisional=True, registered_here=None,
                           benefit_level=None)


def test_device_reports_become_one_snapshot(qtbot: QtBot) -> None:
    runner = TaskRunner()
    try:
        collector = StatusCollector(runner, hub_configured=True)
        seen: list[StatusSnapshot] = []
        collector.changed.connect(seen.append)
        collector.set_camera(DeviceStatus(DeviceState.LOST, "camera 0: no frames"))
        collector.set_printer(PrintStatus.PAPER_LOW)
        collector.set_printer(PrinterState(PrintStatus.OFFLINE, "printer unreachable", detail="serial port gone"))
        collector.set_sync(SyncStatus(online=True, pending_count=2))
        last = seen[-1]
        assert len(seen) == 4 and last is collector.snapshot
        assert last.camera == DeviceStatus(DeviceState.LOST, "camera 0: no frames")
        assert last.printer == DeviceStatus(DeviceState.OFFLINE, "serial port gone")
        assert seen[1].printer.state is DeviceState.PAPER_LOW
        assert last.sync is not None and last.sync.pending_count == 2 and last.hub_configured
    finally:
        runner.shutdown()


def test_without_a_hub_the_outbox_is_read_on_the_database_lane(qtbot: QtBot, store: Store) -> None:
    store.add_visit("K01", MANUAL)
    store.add_visit("K01", MANUAL)
    runner = TaskRunner()
    try:
        collector = StatusCollector(runner, store, hub_configured=False, poll_ms=60_000)
        with qtbot.waitSignal(collector.changed, timeout=5000) as signal:
            collector.refresh_outbox()
        snapshot = signal.args[0]
        assert snapshot.sync is not None and snapshot.sync.pending_count == 2
        assert snapshot.sync.oldest_pending_at is not None and not snapshot.hub_configured
        collector.set_hub_configured(True)  # the sync loop publishes the counters from now on
        collector.refresh_outbox()
        assert runner.pending == 0  # nothing was scheduled
    finally:
        runner.shutdown()
