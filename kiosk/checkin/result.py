"""The typed results of the check-in core: what a scan gave, and what a registration recorded."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from kiosk.cards import BhytCard, CachedCard, CccdCard
from kiosk.cards.eligibility import Decision, Verdict
from kiosk.db.records import VisitRecord
from kiosk.faults import Fault

if TYPE_CHECKING:
    from kiosk.cards.route import RouteDecision
    from kiosk.sync.lookup import OnlineResult


class Source(enum.StrEnum):
    """Where the text came from. Every source passes the same :class:`~kiosk.scanner.gate.ScanGate`."""

    CAMERA = "camera"
    SERIAL = "serial"
    WEDGE = "wedge"
    #: A card number or citizen ID typed at the desk.
    TYPED = "typed"
    #: A payload given to ``kiosk card check`` / ``kiosk visit add``.
    CLI = "cli"


#: ``CheckResult.error_code`` when the kiosk itself failed (database problem): not the patient's fault.
SYSTEM_ERROR: Final = "system"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one scan or typed number: a card and its decision, or a readable error."""

    source: Source
    card: BhytCard | CccdCard | None = None
    cached: CachedCard | None = None
    decision: Decision | None = None
    #: Set when the input is not a usable card: the error code (PayloadErrorCode value, or "system").
    error_code: str | None = None
    error_detail: str = ""
    #: With ``bad_card_number``: the number's length when no card number is that long (the interface words
    #: errors from ``error_code`` and this, never from the English ``error_detail``).
    error_length: int | None = None
    #: With ``SYSTEM_ERROR``: what failed (environment fault, refusal or bug with its support code).
    fault: Fault | None = None
    #: The card was typed (a number only): the visit records card_kind "manual".
    manual: bool = False
    #: Visits this card already has today, any department (the desk asks before a repeat).
    earlier_visits: tuple[VisitRecord, ...] = ()
    #: The online check through the hub, when the card was not in the local cache and a hub is set up.
    online: OnlineResult | None = None

    @property
    def route(self) -> RouteDecision | None:
        """The route and benefit under the 2025 rules (``kiosk.cards.route``), when a facility profile is set."""
        return None if self.decision is None else self.decision.route

    @property
    def ok(self) -> bool:
        return self.decision is not None

    @property
    def verdict(self) -> Verdict | None:
        return None if self.decision is None else self.decision.verdict

    @property
    def valid(self) -> bool:
        """The verdict is ``valid``: registering needs no confirmation at the desk."""
        return self.decision is not None and self.decision.verdict is Verdict.VALID

    @property
    def earlier_tickets(self) -> tuple[str, ...]:
        return tuple(v.ticket for v in self.earlier_visits)

    def earlier_visit_in(self, department_code: str) -> VisitRecord | None:
        """Today's earlier visit of this card to ``department_code`` (a repeat), if any."""
        return next((v for v in self.earlier_visits if v.department_code == department_code), None)

    @property
    def online_note(self) -> str:
        """Why the verdict is still provisional (offline, timeout …), in Vietnamese; empty otherwise."""
        return "" if self.online is None or self.online.confirmed else self.online.message("vi")

    @property
    def self_service_allowed(self) -> bool:
        """A patient may take a ticket alone: valid, or not cached yet but current by the code's dates."""
        d = self.decision
        if d is None:
            return False
        return d.verdict is Verdict.VALID or (d.verdict is Verdict.UNKNOWN
                                              and d.provisional_verdict is Verdict.VALID)

    @property
    def display_name(self) -> str:
        name = self.card.name if self.card is not None else None
        return name or (self.cached.name if self.cached is not None and self.cached.name else "")

    @property
    def display_number(self) -> str:
        if isinstance(self.card, BhytCard):
            return self.card.card_number
        if isinstance(self.card, CccdCard):
            return self.card.citizen_id
        return ""

    @property
    def card_numbers(self) -> frozenset[str]:
        """Every number that names this patient's card: scanned, cached, and the gateway's card number."""
        numbers = {getattr(self.card, "card_number", None), getattr(self.card, "citizen_id", None)}
        if self.cached is not None:
            numbers |= {self.cached.card_number, self.cached.citizen_id}
        if self.online is not None and self.online.confirmed:
            numbers.add(self.online.card_number)
        return frozenset(n for n in numbers if n)


@dataclass(frozen=True)
class Registration:
    """A recorded visit and the card's visits to other departments earlier the same day."""

    visit: VisitRecord
    earlier_visits: tuple[VisitRecord, ...] = ()
