"""The typed results of the check-in core: what a scan gave, and what a registration recorded."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from kiosk.cards import BhytCard, CachedCard, CccdCard
from kiosk.cards.eligibility import Decision, Verdict
from kiosk.db.records import VisitRecord
from kiosk.faults import Fault

if TYPE_CHECKING:
    from kiosk.cards.route import RouteDecision
    from kiosk.gateway.protocol import CardDetails, CheckRecord
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


class VerdictSource(enum.StrEnum):
    """What the verdict shown rests on (docs/eligibility.md, "Confirmed online")."""

    #: The BHXH gateway answered through the hub during this check-in.
    GATEWAY = "gateway"
    #: The local card cache (synced from the hub at ``CheckResult.cache_synced_at``), not confirmed online:
    #: it stands as provisional and the hub re-checks the visit.
    CACHE = "cache"
    #: Neither: only the card's own printed dates (the card is not in the cache and no gateway answer).
    CARD = "card"


class StaffFlag(enum.StrEnum):
    """Reasons the desk should look at a check-in (``CheckResult.staff_flags``); the UI translates them."""

    #: A CCCD check-in without a card number confirmed by the gateway: never billed as "not insured"
    #: silently (the XML0 check reports it as ``cccd_without_card``).
    CCCD_WITHOUT_CARD = "cccd_without_card"
    #: The gateway's look-up history suggests the patient may still be admitted elsewhere.
    ADMITTED_ELSEWHERE = "admitted_elsewhere"
    #: The route needs a referral paper or the reception desk (``RouteDecision.needs_desk``).
    ROUTE_NEEDS_DESK = "route_needs_desk"
    #: The verdict could not be confirmed online (hub offline, timeout, rate limit …): provisional.
    NOT_CONFIRMED_ONLINE = "not_confirmed_online"


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
    #: The online check through the hub (asked on every check-in when a hub is set up; None: no hub, or
    #: the card could not be read).
    online: OnlineResult | None = None
    #: When this check was made (the core's clock); :attr:`cache_age` is measured from it.
    checked_at: dt.datetime | None = None
    #: When the local card cache last heard from the hub (last pull) or a card-list import; None: never.
    #: The age of a cached verdict (:attr:`cache_age`) is what the desk shows next to it.
    cache_synced_at: dt.datetime | None = None
    #: Look-ups of this card by other facilities since the patient's last discharge, from the gateway's
    #: history (empty unless ``[eligibility] warn_admitted_elsewhere``): the patient may still be admitted
    #: there. Newest first, one per facility account.
    admitted_elsewhere: tuple[CheckRecord, ...] = ()

    # ----- online confirmation (issue 14) ----------------------------------------------------------------
    @property
    def confirmed_online(self) -> bool:
        """The gateway confirmed the verdict during this check-in (through the hub)."""
        return self.online is not None and self.online.confirmed

    @property
    def verdict_source(self) -> VerdictSource | None:
        """What the verdict rests on: the gateway, the local cache, or the card's own dates (None: no card)."""
        if self.decision is None:
            return None
        if self.confirmed_online:
            return VerdictSource.GATEWAY
        return VerdictSource.CARD if self.decision.provisional else VerdictSource.CACHE

    @property
    def cache_age(self) -> dt.timedelta | None:
        """How old the cache's answer is: from the cache's last sync to this check (never negative); None
        when the cache was never synced or the time of the check is unknown."""
        if self.cache_synced_at is None or self.checked_at is None:
            return None
        return max(dt.timedelta(0), self.checked_at - self.cache_synced_at)

    @property
    def gateway_details(self) -> CardDetails | None:
        """Area (``maKV``), five-year date (``ngayDu5Nam``), issuing office (``cqBHXH``), old/new card and the
        look-up history from the gateway's answer; None when it was not confirmed online."""
        return self.online.details if self.confirmed_online and self.online is not None else None

    @property
    def confirmed_card_number(self) -> str | None:
        """The card number the gateway named for this visit (15 characters or the 12-digit personal ID)."""
        return self.online.card_number if self.confirmed_online and self.online is not None else None

    @property
    def cccd_without_card(self) -> bool:
        """A CCCD check-in with no card number from the gateway or the cache: staff must look it up."""
        if not isinstance(self.card, CccdCard) or self.decision is None:
            return False
        return not (self.confirmed_card_number or (self.cached is not None and self.cached.card_number))

    @property
    def staff_flags(self) -> tuple[StaffFlag, ...]:
        """Why the desk should look at this check-in (empty: nothing to look at)."""
        if self.decision is None:
            return ()
        flags = []
        if self.cccd_without_card:
            flags.append(StaffFlag.CCCD_WITHOUT_CARD)
        if self.admitted_elsewhere:
            flags.append(StaffFlag.ADMITTED_ELSEWHERE)
        if self.route is not None and self.route.needs_desk:
            flags.append(StaffFlag.ROUTE_NEEDS_DESK)
        if self.online is not None and not self.online.confirmed:
            flags.append(StaffFlag.NOT_CONFIRMED_ONLINE)
        return tuple(flags)

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
