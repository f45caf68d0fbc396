"""The typed visit record: what the store hands to the check-in core and the screens.

A :class:`VisitRecord` is immutable and carries typed values (dates as ``datetime.date``); the wire
format (a JSON-ready dict, docs/hub-api.md "Wire format of one visit") is produced only at the sync
edge and by the CLI's JSON output, with :meth:`VisitRecord.to_wire`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from kiosk.db.convert import ELIGIBILITY_FIELDS, WIRE_DATES, WIRE_FIELDS, as_date


@dataclass(frozen=True, slots=True)
class VisitRecheck:
    """The hub's later re-check of a provisional visit (pulled as ``visit_updates``), not yet acknowledged."""

    gateway_verdict: str | None
    gateway_code: str | None
    gateway_note: str | None
    verdict_changed: bool
    needs_staff: bool

    @property
    def flagged(self) -> bool:
        return self.verdict_changed or self.needs_staff


@dataclass(frozen=True, slots=True)
class VisitRecord:
    """One recorded check-in (the fields of the wire format, typed) and its upload state."""

    id: str
    #: ISO 8601 with offset, exactly as recorded (the hub receives these bytes).
    created_at: str
    visit_date: dt.date
    department_code: str
    queue_number: int
    ticket: str
    verdict: str
    provisional: bool
    registered_here: bool | None
    card_kind: str
    card_number: str | None = None
    bhxh_number: str | None = None
    citizen_id: str | None = None
    name: str | None = None
    #: ``YYYY-MM-DD`` or ``YYYY``.
    birth_date: str | None = None
    gender: str | None = None
    card_facility_code: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    area: str | None = None
    five_years_on: dt.date | None = None
    object_code: str | None = None
    benefit_level: int | None = None
    # ----- eligibility under the 2025 rules (docs/eligibility.md; None on visits of older kiosks) -----
    #: The route of the visit (``kiosk.cards.route.Route`` value: registered_here, primary_care_anywhere,
    #: referral, appointment, emergency, self_referred, referral_needed, outside_route, unknown).
    route: str | None = None
    #: Share of covered costs the fund pays on this route (card level × route share), 0–100.
    benefit_percent: int | None = None
    #: Staff marked the visit self-pay (not billed to BHYT): a CCCD visit without a card is then not flagged.
    self_pay: bool = False
    #: The gateway confirmed the verdict at check-in (through the hub). False/None: the verdict came from
    #: the cache or the card alone and the hub re-checks the visit.
    confirmed_online: bool | None = None
    #: Staff confirmed an identity document at the desk (None: the step was not asked).
    identity_checked: bool | None = None
    #: Issuing social-insurance office (gateway ``cqBHXH``).
    office: str | None = None
    #: The gateway's treatment-history warning: facilities (code and time) that looked the card up since the
    #: patient's last discharge, "; "-separated (the patient may still be admitted there).
    admitted_elsewhere: str | None = None
    #: Outbox state (to_send, sending, sent, rejected) and the hub's reason for a rejection.
    sync_state: str | None = None
    sync_error: str | None = None
    recheck: VisitRecheck | None = None

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> VisitRecord:
        """From a database row or a wire dict (dates as objects or ISO text)."""
        values: dict[str, Any] = {name: row.get(name) if name in ELIGIBILITY_FIELDS else row[name]
                                  for name in WIRE_FIELDS}
        for name in WIRE_DATES:
            values[name] = as_date(values[name])
        values["provisional"] = bool(values["provisional"])
        values["self_pay"] = bool(values["self_pay"])
        return cls(**values, sync_state=row.get("sync_state"), sync_error=row.get("sync_error"))

    def to_wire(self) -> dict[str, Any]:
        """The wire-format dict (cards-api / hub-api): dates as ISO text, nothing else."""
        out: dict[str, Any] = {}
        for name in WIRE_FIELDS:
            value = getattr(self, name)
            out[name] = value.isoformat() if name in WIRE_DATES and value is not None else value
        return out

    def with_recheck(self, recheck: VisitRecheck | None) -> VisitRecord:
        return replace(self, recheck=recheck)

    @property
    def created(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.created_at)

    @property
    def card_numbers(self) -> frozenset[str]:
        """The numbers that identify the patient's card on this visit (card number, CCCD)."""
        return frozenset(n for n in (self.card_number, self.citizen_id) if n)
