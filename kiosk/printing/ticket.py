"""The ticket a patient takes away: what is printed, independent of how it is printed."""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from dataclasses import dataclass, field

from kiosk.printing.errors import PrintingError
from kiosk.printing.labels import DEFAULT_LANGUAGE, Language, check_language

#: Longest text accepted per field; longer names are a data error, not something to print in 4 pt.
MAX_NAME_CHARS = 120
MAX_TICKET_TEXT_CHARS = 16


class TicketError(PrintingError, ValueError):
    """The ticket cannot be printed as given; the message names the field."""

    code = "ticket_error"
    summary = "The ticket cannot be printed as given"


def _clean(value: str, name: str, *, limit: int, required: bool) -> str:
    if not isinstance(value, str):
        raise TicketError(f"{name}: expected text, got {type(value).__name__}")
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if required and not text:
        raise TicketError(f"{name}: must not be empty")
    if len(text) > limit:
        raise TicketError(f"{name}: {len(text)} characters, at most {limit} fit on a ticket")
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise TicketError(f"{name}: contains control characters")
    return text


@dataclass(frozen=True)
class Ticket:
    """One queue ticket. Text is NFC-normalised and whitespace-collapsed on construction.

    ``ticket_text`` is the queue number as shown to the patient, e.g. "K01-012"; ``visit_id`` goes
    into the QR code so the reception desk can scan the ticket to open the visit.
    """

    facility_name: str
    department_name: str
    room: str
    ticket_text: str
    issued_at: dt.datetime
    visit_id: uuid.UUID
    language: Language = DEFAULT_LANGUAGE
    #: Optional extra line under the room (e.g. "3 people ahead of you"); already translated.
    note: str = field(default="")
    #: False for a reception-desk number (docs/kiosk-ux.md §10a): it names no visit, so the ticket has no
    #: QR code to show at reception and ``department_name`` (the desk) is printed without the caption.
    for_visit: bool = True

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "facility_name", _clean(self.facility_name, "facility_name", limit=MAX_NAME_CHARS, required=True))
        set_(self, "department_name",
             _clean(self.department_name, "department_name", limit=MAX_NAME_CHARS, required=True))
        set_(self, "room", _clean(self.room, "room", limit=MAX_NAME_CHARS, required=False))
        set_(self, "note", _clean(self.note, "note", limit=MAX_NAME_CHARS, required=False))
        text = _clean(self.ticket_text, "ticket_text", limit=MAX_TICKET_TEXT_CHARS, required=True)
        if not text.isascii() or not text.isprintable():
            raise TicketError(f"ticket_text: {text!r} must be printable ASCII (e.g. 'K01-012')")
        set_(self, "ticket_text", text)
        if not isinstance(self.issued_at, dt.datetime):
            raise TicketError("issued_at: expected a datetime")
        if isinstance(self.visit_id, str):
            try:
                set_(self, "visit_id", uuid.UUID(self.visit_id))
            except ValueError as exc:
                raise TicketError(f"visit_id: {self.visit_id!r} is not a UUID") from exc
        elif not isinstance(self.visit_id, uuid.UUID):
            raise TicketError("visit_id: expected a UUID")
        try:
            set_(self, "language", check_language(self.language))
        except ValueError as exc:
            raise TicketError(f"language: {exc}") from exc

    @property
    def qr_payload(self) -> str:
        """What the QR code holds: the visit id in canonical form (36 characters, lower case)."""
        return str(self.visit_id)

    @property
    def issued_text(self) -> str:
        """Issue time as printed: "22/11/2026 09:15" (Vietnamese day-first order for every language)."""
        return self.issued_at.strftime("%d/%m/%Y %H:%M")


def visit_id_from_qr(payload: str) -> uuid.UUID | None:
    """The visit id when ``payload`` is a ticket's QR code (a bare UUID), else None (e.g. a BHYT card)."""
    text = payload.strip()
    if len(text) != 36 or text.count("-") != 4:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
