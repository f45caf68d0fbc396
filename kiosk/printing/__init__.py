"""Queue-ticket printing on ESC/POS thermal printers (no Qt): render, compose, send, report.

Public API::

    from kiosk.printing import Ticket, TicketPrinter, PrintResult, PrintStatus, PrinterState
    printer = TicketPrinter.from_config(config)          # never raises; bad settings → ERROR results
    result = printer.print_ticket(ticket)                # blocking (bounded): call from a worker thread
"""

from kiosk.printing.labels import LANGUAGES, Language
from kiosk.printing.printer import PrinterSettings, TicketPrinter
from kiosk.printing.status import STAFF_MESSAGES, PrinterState, PrintResult, PrintStatus
from kiosk.printing.ticket import Ticket, TicketError, visit_id_from_qr

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
