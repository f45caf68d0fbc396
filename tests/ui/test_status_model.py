"""Status model: offline is not an error, old pending uploads are; relative "synced N min ago" (plain Python)."""

from __future__ import annotations

import datetime as dt

from kiosk.sync.status import SyncStatus
from kiosk.ui.status_model import Level, SyncView, relative_minutes, summarise_sync

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
HOURS4 = dt.timedelta(hours=4)


def test_offline_is_not_an_error() -> None:
    status = SyncStatus(online=False, last_success_at=NOW - dt.timedelta(minutes=5), pending_count=3,
                        oldest_pending_at=NOW - dt.timedelta(minutes=30))
    s = summarise_sync(status, hub_configured=True, now=NOW, warn_after=HOURS4)
    assert s.view is SyncView.OFFLINE and s.level is Level.MUTED and not s.pending_too_old
    assert s.minutes_since_success == 5 and s.pending == 3


def test_old_pending_uploads_are_a_problem() -> None:
    status = SyncStatus(online=True, pending_count=1, oldest_pending_at=NOW - dt.timedelta(hours=5))
    s = summarise_sync(status, hub_configured=True, now=NOW, warn_after=HOURS4)
    assert s.pending_too_old and s.level is Level.BAD


def test_no_hub_and_syncing() -> None:
    assert summarise_sync(None, hub_configured=False, now=NOW, warn_after=HOURS4).view is SyncView.NO_HUB
    syncing = SyncStatus(online=True, syncing=True)
    assert summarise_sync(syncing, hub_configured=True, now=NOW, warn_after=HOURS4).view is SyncView.SYNCING


def test_relative_minutes() -> None:
    assert relative_minutes(0) == ("now", 0)
    assert relative_minutes(5) == ("min", 5)
    assert relative_minutes(150) == ("h", 2)
    assert relative_minutes(3 * 24 * 60) == ("d", 3)
