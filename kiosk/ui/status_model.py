"""What the status bar shows, decided in plain Python: sync state and device states (docs/kiosk-ux.md §9).

The sync engine publishes a ``kiosk.sync.status.SyncStatus``; this module only relies on its shape
(:class:`SyncStatusLike`). Offline is not an error; pending uploads older than a threshold are.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Protocol


class SyncStatusLike(Protocol):
    @property
    def online(self) -> bool: ...
    @property
    def last_success_at(self) -> dt.datetime | None: ...
    @property
    def pending_count(self) -> int: ...
    @property
    def oldest_pending_at(self) -> dt.datetime | None: ...
    @property
    def last_error(self) -> str | None: ...
    @property
    def syncing(self) -> bool: ...
    @property
    def rejected_count(self) -> int: ...


class Level(enum.StrEnum):
    OK = "ok"
    MUTED = "muted"  # nothing wrong, nothing to do (offline, device not configured)
    WARN = "warn"
    BAD = "bad"


class DeviceState(enum.StrEnum):
    READY = "ready"
    ABSENT = "absent"  # not configured / not present: not an error
    STARTING = "starting"
    LOST = "lost"  # was there, now gone: reconnecting
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    ERROR = "error"
    BUSY = "busy"


DEVICE_LEVEL: dict[DeviceState, Level] = {
    DeviceState.READY: Level.OK, DeviceState.ABSENT: Level.MUTED, DeviceState.STARTING: Level.MUTED,
    DeviceState.BUSY: Level.OK, DeviceState.LOST: Level.WARN, DeviceState.PAPER_LOW: Level.WARN,
    DeviceState.PAPER_OUT: Level.BAD, DeviceState.OFFLINE: Level.BAD, DeviceState.ERROR: Level.BAD,
}


@dataclass(frozen=True)
class DeviceStatus:
    state: DeviceState = DeviceState.ABSENT
    #: Short English detail for staff (device path, error text); never patient data.
    detail: str = ""

    @property
    def level(self) -> Level:
        return DEVICE_LEVEL[self.state]


class SyncView(enum.StrEnum):
    NO_HUB = "no_hub"
    SYNCING = "syncing"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class SyncSummary:
    view: SyncView
    level: Level
    #: Minutes since the last successful sync (None: never).
    minutes_since_success: int | None
    pending: int
    pending_too_old: bool
    error: str | None
    #: Visits set aside because the hub rejected them (never resent unchanged).
    rejected: int = 0
    #: The last failure's error code (``SyncStatus.last_error_code``): what the screens word it from.
    error_code: str | None = None


@dataclass
class StatusSnapshot:
    sync: SyncStatusLike | None = None
    hub_configured: bool = False
    camera: DeviceStatus = field(default_factory=DeviceStatus)
    scanner: DeviceStatus = field(default_factory=DeviceStatus)
    printer: DeviceStatus = field(default_factory=DeviceStatus)
    #: Pending uploads older than this are shown as a problem (``[hub] pending_warn_minutes``).
    pending_warn_after: dt.timedelta = dt.timedelta(hours=4)


def summarise_sync(status: SyncStatusLike | None, *, hub_configured: bool, now: dt.datetime,
                   warn_after: dt.timedelta) -> SyncSummary:
    """The sync part of the status bar; ``now`` must be timezone-aware (UTC)."""
    if status is None:
        return SyncSummary(SyncView.NO_HUB if not hub_configured else SyncView.OFFLINE, Level.MUTED, None, 0,
                           False, None)
    minutes = None
    if status.last_success_at is not None:
        minutes = max(0, int((now - status.last_success_at).total_seconds() // 60))
    too_old = status.oldest_pending_at is not None and now - status.oldest_pending_at > warn_after
    if not hub_configured:
        view = SyncView.NO_HUB
    elif status.syncing:
        view = SyncView.SYNCING
    else:
        view = SyncView.ONLINE if status.online else SyncView.OFFLINE
    if too_old:
        level = Level.BAD
    elif view is SyncView.ONLINE:
        level = Level.OK if status.last_error is None else Level.WARN
    else:
        level = Level.MUTED
    error_code = getattr(status, "last_error_code", None) or ("sync_error" if status.last_error else None)
    return SyncSummary(view, level, minutes, status.pending_count, too_old, status.last_error,
                       status.rejected_count, error_code)


def relative_minutes(minutes: int) -> tuple[str, int]:
    """Unit and amount for "5 min ago": ("now", 0) / ("min", n) / ("h", n) / ("d", n)."""
    if minutes < 1:
        return "now", 0
    if minutes < 60:
        return "min", minutes
    if minutes < 48 * 60:
        return "h", minutes // 60
    return "d", minutes // (24 * 60)
