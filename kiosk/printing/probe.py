"""Asking a connected printer for its paper and on-line state before a job.

First ``DLE EOT 4`` (real-time paper sensor status, Epson and most compatibles); a printer that does
not answer it gets ``GS r 1`` (paper sensor status, processed in sequence), which some compatibles
answer instead. No answer to either means the printer is not there (switched off, wrong port or
baud rate): OFFLINE, so the job is not sent into the void. Then ``DLE EOT 1`` for the on-line bit
(cover open, error) when the printer speaks DLE EOT.
"""

from __future__ import annotations

import serial
from escpos.constants import RT_STATUS_ONLINE, RT_STATUS_PAPER
from escpos.escpos import Escpos

from kiosk.printing.backends import query
from kiosk.printing.status import (
    STAFF_MESSAGES,
    PrinterState,
    PrintStatus,
    StatusReplyError,
    online_from_reply,
    paper_from_gs_r_reply,
    paper_from_reply,
)

GS_R_PAPER = b"\x1dr\x01"


def _offline(where: str, reason: str, *, reported: bool = False) -> PrinterState:
    return PrinterState(PrintStatus.OFFLINE, STAFF_MESSAGES[PrintStatus.OFFLINE], reported=reported,
                        detail=f"{where}: {reason}")


def probe(printer: Escpos, where: str) -> PrinterState:
    """The printer's state; never raises for transport or protocol problems."""
    try:
        reply = query(printer, RT_STATUS_PAPER)
        speaks_dle_eot = bool(reply)
        if speaks_dle_eot:
            paper = paper_from_reply(reply)
        else:
            gs_reply = query(printer, GS_R_PAPER)
            if not gs_reply:
                return _offline(where, "no answer to a status request (switched off, wrong port or baud rate?)")
            paper = paper_from_gs_r_reply(gs_reply)
        if paper == 0:
            return PrinterState(PrintStatus.PAPER_OUT, STAFF_MESSAGES[PrintStatus.PAPER_OUT], reported=True,
                                detail=f"{where}: paper end sensor")
        if speaks_dle_eot and not online_from_reply(query(printer, RT_STATUS_ONLINE)):
            return _offline(where, "printer reports off line (cover open or error)", reported=True)
    except StatusReplyError as exc:
        if str(exc) == "no answer":
            return _offline(where, "no answer to the on-line status request")
        return _offline(where, f"{exc} (wrong baud rate?)")
    except (OSError, serial.SerialException) as exc:
        return _offline(where, str(exc) or type(exc).__name__)
    if paper == 1:
        return PrinterState(PrintStatus.PAPER_LOW, "Ticket printer paper is running low", reported=True,
                            detail=f"{where}: paper near-end sensor")
    return PrinterState(PrintStatus.OK, "Ticket printer ready", reported=True, detail=where)
