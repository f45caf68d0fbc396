"""Queue-ticket printing on ESC/POS thermal printers (no Qt): render, compose, send, report.

Public API (for the UI)::

    from kiosk.printing import Ticket, TicketPrinter, PrintStatus, TicketError, visit_id_from_qr

    printer = TicketPrinter.from_config(config)      # never raises; bad settings → printer.config_problem
    ticket = Ticket(facility_name=config.facility.name, department_name="Khám Nội", room="P.105",
                    ticket_text="K01-012", issued_at=datetime.now(), visit_id=visit.id, language="vi")
    result = printer.print_ticket(ticket)            # blocking, bounded: call it from a worker thread
    if not result.printed: show result.message (translated by result.status) AND the number on screen
    if result.status is PrintStatus.PAPER_LOW: printed, but tell staff

    printer.printer_status() -> PrinterState         # probe now (bounded); for the status bar / admin
    printer.test_print() -> PrintResult              # admin "test print"
    printer.render(ticket) -> PIL.Image / printer.render_png(ticket) -> bytes   # on-screen preview
    printer.last_state                               # outcome of the last job/probe, no I/O

Threading: one TicketPrinter may be shared by threads; jobs and probes are serialised by a lock.
Every blocking step is bounded by ``printer.timeout_s`` (default 2 s); no method raises.
"""

from typing import TYPE_CHECKING, Any

from kiosk.printing.labels import LANGUAGES, Language
from kiosk.printing.status import STAFF_MESSAGES, PrinterState, PrintResult, PrintStatus
from kiosk.printing.ticket import Ticket, TicketError, visit_id_from_qr

if TYPE_CHECKING:
    from kiosk.printing.printer import PrinterSettings, TicketPrinter


def __getattr__(name: str) -> Any:
    """``TicketPrinter`` and ``PrinterSettings`` load python-escpos (~0.4 s) on first use, so that
    importing ``kiosk.printing.cli`` to build the ``kiosk`` command list stays fast."""
    if name in ("PrinterSettings", "TicketPrinter"):
        from kiosk.printing import printer

        return getattr(printer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "LANGUAGES",
    "STAFF_MESSAGES",
    "Language",
    "PrintResult",
    "PrintStatus",
    "PrinterSettings",
    "PrinterState",
    "Ticket",
    "TicketError",
    "TicketPrinter",
    "visit_id_from_qr",
]
