"""One factory from configuration to parts: the CLI and the app build everything here, alike.

Each function reads its keys of :class:`kiosk.config.Config` (the key test, tests/test_config_keys.py,
checks every documented key is read somewhere) and imports its heavy modules only when called, so
``kiosk --help`` stays fast. No Qt here: the app wraps the threads' callbacks in signals itself.

    store = open_store(config)                          # [database], [queue]
    client = hub_client(config)                         # [hub] url, token, timeout_s
    engine = sync_engine(config, store, client)         # [hub] push_batch_size, pull_page_size
    loop = sync_loop(config, sync_store, on_status=...) # [hub] interval_s (None without a hub)
    service = checkin_service(config, store)            # [facility] code + online look-up when a hub is set
    printer = ticket_printer(config, tickets_dir)       # [printer], [facility] name
    serial = serial_scanner(config, on_payload=..., on_state=...)   # [serial] (None without a port)
    intake = scan_intake(config)                        # [scan] duplicate_window_s
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config, ConfigError

if TYPE_CHECKING:
    from kiosk.checkin.intake import ScanIntake
    from kiosk.checkin.service import CheckInService, OnlineChecker
    from kiosk.db.store import Store
    from kiosk.printing import TicketPrinter
    from kiosk.queueing import QueueRules
    from kiosk.scanner.serial_reader import SerialScanner
    from kiosk.sync.client import HubClient
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.lookup import HubLookupClient
    from kiosk.sync.loop import SyncLoop

#: Connecting to the hub never waits longer than this, even with a long ``[hub] timeout_s`` for answers.
HUB_CONNECT_TIMEOUT_S = 5.0
#: The online card look-up's deadline (connect + send + answer): a patient waits at most this long.
LOOKUP_TIMEOUT_S = 3.0


def hub_configured(config: Config) -> bool:
    return bool(config.hub.url and config.hub.token)


# ----- store ------------------------------------------------------------------------------------------
def queue_rules(config: Config) -> QueueRules:
    from kiosk.queueing import QueueRules

    try:
        return QueueRules.from_settings(config.queue.reset_time, config.queue.ticket_digits)
    except ValueError as exc:
        raise ConfigError(f"[queue] {exc}") from exc


def open_store(config: Config, url: str | None = None, *,
               clock: Callable[[], dt.datetime] | None = None) -> Store:
    """The local store at ``url`` (``--db``), else the configured database, migrated to the newest schema."""
    from kiosk.db.store import Store

    return Store.open(url or config.database_url(), queue_rules=queue_rules(config),
                      busy_timeout_s=config.database.lock_wait_s, clock=clock)


# ----- hub ---------------------------------------------------------------------------------------------
def hub_client(config: Config) -> HubClient:
    """The sync API client; raises ``NotConfigured`` without a hub URL and token."""
    from kiosk.sync.client import HubClient

    timeout = config.hub.timeout_s
    return HubClient(config.hub.url, config.hub.token, connect_timeout_s=min(HUB_CONNECT_TIMEOUT_S, timeout),
                     read_timeout_s=timeout)


def sync_engine(config: Config, store: Any, client: HubClient | None = None) -> SyncEngine:
    from kiosk.sync.engine import SyncEngine

    return SyncEngine(store, client or hub_client(config), batch_size=config.hub.push_batch_size,
                      pull_limit=config.hub.pull_page_size)


def sync_loop(config: Config, store: Any, *, on_status: Callable[[Any], None] | None = None) -> SyncLoop | None:
    """The background sync loop (its own thread once started), or None when no hub is configured.

    ``store`` should be the loop's own :class:`~kiosk.db.store.Store` (see :func:`open_sync_store`)."""
    if not hub_configured(config):
        return None
    from kiosk.sync.loop import SyncLoop

    return SyncLoop(sync_engine(config, store), interval_s=config.hub.interval_s, on_status=on_status)


def open_sync_store(config: Config, url: str | None = None) -> Store:
    """A second Store on the same database for the sync thread.

    Why this is safe: a Store is its own SQLAlchemy engine and connection pool; every method is one
    short transaction (a pull page and its cursor commit together). SQLite runs in WAL mode, so readers
    never block and the two writers take turns (``[database] lock_wait_s``); queue numbers come from one
    atomic upsert, so two writers never issue the same number. PostgreSQL handles concurrent connections
    by design. The app's database lane therefore never queues behind a pull page.
    """
    return open_store(config, url)


def online_lookup(config: Config) -> HubLookupClient | None:
    """Online card look-ups through the hub, or None when no hub is configured (offline-only kiosk)."""
    if not hub_configured(config):
        return None
    from kiosk.sync.lookup import HubLookupClient

    return HubLookupClient(config.hub.url, config.hub.token)


def checkin_service(config: Config, store: Any, *, online: OnlineChecker | bool | None = True,
                    clock: Callable[[], dt.datetime] | None = None) -> CheckInService:
    """The check-in core for this facility. ``online``: True builds the hub look-up from the
    configuration (none without a hub), False/None means offline only, or pass a look-up."""
    from kiosk.checkin.service import CheckInService

    checker: Any = online_lookup(config) if online is True else (online or None)
    return CheckInService(store, config.facility.code, clock=clock, online=checker,
                          online_timeout_s=LOOKUP_TIMEOUT_S, profile=config.facility.profile())


# ----- devices ------------------------------------------------------------------------------------------
def ticket_printer(config: Config, tickets_dir: Path | None = None) -> TicketPrinter:
    from kiosk.printing import TicketPrinter

    return TicketPrinter.from_config(config, tickets_dir=tickets_dir)


def serial_scanner(config: Config, *, on_payload: Callable[[Any], None], on_state: Callable[[Any, str], None],
                   url: str | None = None) -> SerialScanner | None:
    """The serial 2D scanner's reader thread (not started), or None when no port is configured."""
    port = url if url is not None else config.serial.url
    if not port:
        return None
    from kiosk.scanner.serial_reader import SerialScanner

    return SerialScanner(port, on_payload=on_payload, on_state=on_state, baudrate=config.serial.baudrate,
                         terminator=config.serial.terminator)


def scan_intake(config: Config, clock: Callable[[], float] = time.monotonic) -> ScanIntake:
    from kiosk.checkin.intake import ScanIntake

    return ScanIntake(config.scan.duplicate_window_s, clock=clock)


def pending_warning(config: Config) -> dt.timedelta:
    """Pending uploads older than this are shown as a problem (``[hub] pending_warn_minutes``)."""
    return dt.timedelta(minutes=config.hub.pending_warn_minutes)
