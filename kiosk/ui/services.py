"""What the screens need from the rest of the kiosk, bundled: store access, printer, sounds, status.

The app builds one :class:`Services` from the configuration (see :mod:`kiosk.ui.app`); tests build
one around a real store in a temporary directory and a file or dummy printer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from kiosk.checkin.intake import ScanIntake
from kiosk.config import QueueConfig
from kiosk.ui.workers import TaskRunner

if TYPE_CHECKING:
    from kiosk.checkin.service import CheckInService
    from kiosk.printing.status import PrinterState, PrintResult
    from kiosk.printing.ticket import Ticket


class Printer(Protocol):
    """What the UI needs of ``kiosk.printing``'s ``TicketPrinter``."""

    def print_ticket(self, ticket: Ticket) -> PrintResult: ...
    def test_print(self) -> PrintResult: ...
    def printer_status(self) -> PrinterState: ...


class Feedback(Protocol):
    def play(self, ok: bool) -> None: ...


@dataclass
class Services:
    runner: TaskRunner
    #: None until the store is open (the window shows before the heavy parts are loaded).
    checkin: CheckInService | None
    printer: Printer | None
    facility_name: str
    feedback: Feedback | None = None
    #: Called after a visit was recorded (the sync loop's ``trigger``), on a worker thread.
    on_visit_recorded: Callable[[], None] | None = None
    clock: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now().astimezone())
    #: Serial, wedge and typed input pass this ScanGate (duplicate window) before a check.
    intake: ScanIntake = field(default_factory=ScanIntake)
    #: ``[queue]``: reception and priority numbers, "people ahead of you" (docs/kiosk-ux.md §10a).
    queue: QueueConfig = field(default_factory=QueueConfig)
