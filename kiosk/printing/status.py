"""Printer and print-job outcomes, and decoding of ESC/POS real-time status bytes.

Status requests: ``DLE EOT 4`` (paper roll sensor) and ``DLE EOT 1`` (printer status); the answer
is one byte whose bits 1 and 4 are always 1 and bit 7 always 0 (so 0x12 with nothing to report).
DLE EOT 4: bits 2+3 = paper near end, bits 5+6 = paper end. DLE EOT 1: bit 3 = off line.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from kiosk.printing.errors import PrintingError


class PrintStatus(enum.Enum):
    OK = "ok"
    #: Printed, but the roll is nearly used up: tell staff.
    PAPER_LOW = "paper_low"
    #: Not printed: no paper.
    PAPER_OUT = "paper_out"
    #: Not printed (or not known to be): printer unreachable, port missing, no answer, timeout.
    OFFLINE = "offline"
    #: Not printed: anything else (bad configuration, rendering failed, printer busy).
    ERROR = "error"


#: What staff read for each outcome; the UI translates by ``PrintStatus`` and shows the number anyway.
STAFF_MESSAGES: dict[PrintStatus, str] = {
    PrintStatus.OK: "Ticket printed",
    PrintStatus.PAPER_LOW: "Ticket printed; the ticket printer's paper is running low",
    PrintStatus.PAPER_OUT: "Ticket printer out of paper – please see reception",
    PrintStatus.OFFLINE: "Ticket printer not reachable – please see reception",
    PrintStatus.ERROR: "Ticket could not be printed – please see reception",
}


@dataclass(frozen=True)
class PrintResult:
    """The outcome of one print job. ``printed`` is True only when every byte reached the printer."""

    status: PrintStatus
    message: str
    #: Technical detail for the log (exception text, target); not for patients.
    detail: str = ""
    #: The ticket image saved for the demo / audit (file printers), if any.
    png_path: Path | None = None
    #: Where the job bytes went (file printers), if any.
    job_path: Path | None = None

    @property
    def printed(self) -> bool:
        return self.status in (PrintStatus.OK, PrintStatus.PAPER_LOW)

    @property
    def ok(self) -> bool:
        """True when printed and nothing needs attention."""
        return self.status is PrintStatus.OK


@dataclass(frozen=True)
class PrinterState:
    """Answer of ``TicketPrinter.printer_status()`` for the status bar."""

    status: PrintStatus
    message: str
    #: The printer itself reported its paper state (serial/network); False for file, dummy, USB w/o reply.
    reported: bool = False
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.status in (PrintStatus.OK, PrintStatus.PAPER_LOW)


# Bit masks of the DLE EOT answers (Epson ESC/POS APG).
_FIXED_MASK = 0x93  # bits 0,1,4,7
_FIXED_VALUE = 0x12  # bits 1 and 4 set, 0 and 7 clear
PAPER_NEAR_END = 0x0C
PAPER_END = 0x60
OFFLINE_BIT = 0x08


class StatusReplyError(PrintingError, ValueError):
    """The printer answered a status request with something that is not a status byte."""

    code = "printer_status_reply"
    summary = "The printer gave an unreadable status"
    environment = True


def _check_frame(byte: int) -> None:
    if byte & _FIXED_MASK != _FIXED_VALUE:
        raise StatusReplyError(f"not an ESC/POS status byte: 0x{byte:02x}")


def paper_from_reply(reply: bytes) -> int:
    """DLE EOT 4 answer → 2 ok, 1 near end, 0 empty (python-escpos' ``paper_status()`` scale)."""
    if not reply:
        raise StatusReplyError("no answer")
    byte = reply[-1]
    _check_frame(byte)
    if byte & PAPER_END:
        return 0
    if byte & PAPER_NEAR_END:
        return 1
    return 2


def online_from_reply(reply: bytes) -> bool:
    """DLE EOT 1 answer → True when the printer is on line."""
    if not reply:
        raise StatusReplyError("no answer")
    byte = reply[-1]
    _check_frame(byte)
    return not byte & OFFLINE_BIT


GS_R_NEAR_END = 0x03
GS_R_PAPER_END = 0x0C


def paper_from_gs_r_reply(reply: bytes) -> int:
    """GS r 1 answer (bits 0+1 near end, 2+3 paper end; bits 4 and 7 always 0) → 2 / 1 / 0."""
    if not reply:
        raise StatusReplyError("no answer")
    byte = reply[-1]
    if byte & 0x90:
        raise StatusReplyError(f"not a GS r status byte: 0x{byte:02x}")
    if byte & GS_R_PAPER_END:
        return 0
    if byte & GS_R_NEAR_END:
        return 1
    return 2
