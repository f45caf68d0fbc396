"""The root of the printing package's errors (ticket, target, font, status and printer problems)."""

from __future__ import annotations

from kiosk.errors import KioskError


class PrintingError(KioskError):
    """The ticket cannot be printed; the message says what and why."""

    code = "printing_error"
    summary = "The ticket cannot be printed"
