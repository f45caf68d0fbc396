"""One factory from configuration to parts: the app and the check-in commands build everything here.

Each part is made by one function that reads its keys of :class:`kiosk.config.Config` (tests/
test_config_keys.py checks every documented key is read somewhere). The parts that lower layers' own
commands also need are made in their packages and only gathered here: ``Store.from_config``
(``[database]``, ``[queue]``; ``kiosk db|cache``), :mod:`kiosk.sync.parts` (``[hub]``; ``kiosk sync``),
``TicketPrinter.from_config`` (``[printer]``; ``kiosk printer``). No Qt here: the app wraps the threads'
callbacks in signals itself.

    store = open_store(config)                          # [database], [queue]
    sync_store = open_sync_store(config)                # the sync thread's own connections
    loop = sync_loop(config, sync_store, on_status=...) # [hub] url, token, timeout_s, batch sizes, interval
    service = checkin_service(config, store)            # [facility] + the online look-up when a hub is set
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

from kiosk.checkin.intake import ScanIntake
from kiosk.config import Config

# Lazy below: the app imports this module while it builds its window (phase 1, kiosk/ui/app.py); the
# store (SQLAlchemy), the printer (python-escpos, Pillow), the hub client (requests) and pyserial load
# on the database worker, when the parts are made.
if TYPE_CHECKING:
    from kiosk.checkin.service import CheckInService, OnlineChecker
    from kiosk.db.store import Store
    from kiosk.printing import TicketPrinter
    from kiosk.scanner.serial_reader import SerialScanner
    from kiosk.sync.client import HubClient
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.lookup import HubLookupClient
    from kiosk.sync.loop import SyncLoop

#: The online card look-up's deadline (connect + send + answer): the patient's budget, at most this long is
#: added to a check-in (every check-in is confirmed online when a hub is set up; docs/eligibility.md).
LOOKUP_TIMEOUT_S = 2.5


def hub_configured(config: Config) -> bool:
    return config.hub.configured


def open_store(config: Config, url: str | None = None, *,
               clock: Callable[[], dt.datetime] | None = None) -> Store:
    """The local store at ``url`` (``--db``), else the configured database, migrated to the newest schema."""
    from kiosk.db.store import Store

    return Store.from_config(config, url, clock=clock)


def hub_client(config: Config) -> HubClient:
    """The sync API client (``[hub]`` url, token, timeout_s); raises ``NotConfigured`` without a hub."""
    from kiosk.sync import parts

    return parts.hub_client(config)


def sync_engine(config: Config, store: Any, client: HubClient | None = None) -> SyncEngine:
    from kiosk.sync import parts

    return parts.sync_engine(config, store, client)


def sync_loop(config: Config, store: Any, *, on_status: Callable[[Any], None] | None = None) -> SyncLoop | None:
    """The background sync loop on ``store`` (give it :func:`open_sync_store`'s), None without a hub."""
    if not config.hub.configured:
        return None  # without a hub the sync stack (requests, engine) never loads
    from kiosk.sync import parts

    return parts.sync_loop(config, store, on_status=on_status)


def online_lookup(config: Config) -> HubLookupClient | None:
    if not config.hub.configured:
        return None
    from kiosk.sync import parts

    return parts.online_lookup(config)


def open_sync_store(config: Config, url: str | None = None) -> Store:
    """A second Store on the same database for the sync thread.

    Why this is safe: a Store is its own SQLAlchemy engine and connection pool; every method is one
    short transaction (a pull page and its cursor commit together). SQLite runs in WAL mode, so readers
    never block and the two writers take turns (``[database] lock_wait_s``); queue numbers come from one
    atomic upsert, so two writers never issue the same number. PostgreSQL handles concurrent connections
    by design. The app's database lane therefore never queues behind a pull page.
    """
    return open_store(config, url)


def checkin_service(config: Config, store: Any, *, online: OnlineChecker | bool | None = True,
                    clock: Callable[[], dt.datetime] | None = None) -> CheckInService:
    """The check-in core for this facility (``[facility]``, its route profile included). ``online``: True
    builds the hub look-up from the configuration (none without a hub), False/None means offline only,
    or pass a look-up."""
    from kiosk.checkin.service import CheckInService

    checker: Any = online_lookup(config) if online is True else (online or None)
    eligibility = config.eligibility
    return CheckInService(store, config.facility.code, clock=clock, online=checker,
                          online_timeout_s=LOOKUP_TIMEOUT_S, profile=config.facility.profile(),
                          warn_admitted_elsewhere=eligibility.warn_admitted_elsewhere,
                          identity_policy=eligibility.identity_policy(),
                          identity_ignore_diacritics=eligibility.identity_ignore_diacritics)


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
    return ScanIntake(config.scan.duplicate_window_s, clock=clock)


def pending_warning(config: Config) -> dt.timedelta:
    """Pending uploads older than this are shown as a problem (``[hub] pending_warn_minutes``)."""
    return dt.timedelta(minutes=config.hub.pending_warn_minutes)
