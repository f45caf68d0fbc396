"""The check-in flow shared by both modes, in plain Python (no Qt): read → check → register → ticket.

Runs on the database worker thread (:class:`kiosk.ui.workers.TaskRunner`, lane ``db``); the screens
only see the immutable results.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from kiosk.cards import BhytCard, BhytLayout, CachedCard, CardPayloadError, CccdCard, parse_payload
from kiosk.cards.eligibility import Decision, Verdict
from kiosk.cards.numbers import CITIZEN_ID_RE, card_number_problem
from kiosk.db.convert import visit_card_fields
from kiosk.faults import Fault

if TYPE_CHECKING:
    from kiosk.db.reference import DepartmentInfo
    from kiosk.sync.lookup import OnlineResult

Source = Literal["camera", "serial", "wedge", "manual"]
#: ``CheckResult.error_code`` when the kiosk itself failed (database problem): not the patient's fault.
SYSTEM_ERROR = "system"


class CheckInStore(Protocol):
    """What the flow needs of :class:`kiosk.db.store.Store`."""

    def check_card(self, card: BhytCard | CccdCard, *, on: dt.date,
                   facility_code: str) -> tuple[CachedCard | None, Decision]: ...
    def add_visit(self, department_code: str, card_fields: Any, *, now: dt.datetime | None = None,
                  visit_id: str | None = None) -> dict[str, Any]: ...
    def departments(self, *, include_inactive: bool = False) -> list[DepartmentInfo]: ...
    def list_visits(self, visit_date: dt.date | None = None, *, department_code: str | None = None,
                    with_sync_state: bool = True) -> list[dict[str, Any]]: ...
    def upsert_cards(self, cards: Any) -> int: ...
    def visit_updates(self, visit_ids: Any) -> dict[str, dict[str, Any]]: ...
    def acknowledge_visit_update(self, visit_id: str, *, actor: str = "staff") -> bool: ...
    def find_cached(self, card: BhytCard | CccdCard) -> CachedCard | None: ...


class OnlineChecker(Protocol):
    """``kiosk.sync.lookup.HubLookupClient``: asks the hub (and through it the BHXH gateway), ≤ 3 s."""

    def confirm_online(self, card: BhytCard | CccdCard, decision: Decision, *, timeout_s: float = ...,
                       visit_date: dt.date | None = None) -> OnlineResult: ...


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one scan or manual entry: a card and its decision, or a readable error."""

    source: Source
    card: BhytCard | CccdCard | None = None
    cached: CachedCard | None = None
    decision: Decision | None = None
    #: Set when the input is not a usable card: the error code (PayloadErrorCode value or "manual").
    error_code: str | None = None
    error_detail: str = ""
    manual: bool = False
    #: Tickets this card already got today (the desk warns before registering it again).
    earlier_tickets: tuple[str, ...] = ()
    #: The online check through the hub, when the card was not in the local cache and a hub is set up.
    online: OnlineResult | None = None
    #: With ``SYSTEM_ERROR``: what failed (environment fault, refusal or bug with its support code).
    fault: Fault | None = None

    @property
    def online_note(self) -> str:
        """Why the verdict is still provisional (offline, timeout …), in Vietnamese; empty otherwise."""
        return "" if self.online is None or self.online.confirmed else self.online.message("vi")

    @property
    def ok(self) -> bool:
        return self.decision is not None

    @property
    def verdict(self) -> Verdict | None:
        return None if self.decision is None else self.decision.verdict

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


_SPACES = re.compile(r"[\s\-.]+")


def manual_card(text: str) -> BhytCard | CccdCard:
    """A card from a typed card number (15 characters or 10 digits) or a 12-digit CCCD number."""
    value = _SPACES.sub("", text).upper()
    if CITIZEN_ID_RE.fullmatch(value):
        return CccdCard(citizen_id=value, old_id=None, name=None, birth_date=None, gender=None, address=None,
                        issued_on=None)
    problem = card_number_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return BhytCard(layout=BhytLayout.OTHER, card_number=value, object_code=None, benefit_level=None,
                    province_code=None, bhxh_number=None, name=None, birth_date=None, gender=None, address=None,
                    facility_code=None, valid_from=None, valid_to=None, issued_on=None, guardian=None, area=None,
                    five_years_on=None, check_code=None, issuer=None, complete=False)


class CheckInService:
    """Parse, check and register against the real store. Call from ONE worker thread."""

    def __init__(self, store: CheckInStore, facility_code: str,
                 clock: Callable[[], dt.datetime] | None = None, *, online: OnlineChecker | None = None,
                 online_timeout_s: float = 3.0) -> None:
        self.store = store
        self.facility_code = facility_code
        self.clock = clock or (lambda: dt.datetime.now().astimezone())
        #: Online confirmation of cards missing from the cache (None: offline-only kiosk).
        self.online = online
        self.online_timeout_s = online_timeout_s

    def check_payload(self, payload: str | bytes, source: Source) -> CheckResult:
        try:
            card = parse_payload(payload)
        except CardPayloadError as exc:
            return CheckResult(source, error_code=str(exc.code), error_detail=exc.message)
        return self._check(card, source, manual=False)

    def check_manual(self, text: str) -> CheckResult:
        try:
            card = manual_card(text)
        except ValueError as exc:
            return CheckResult("manual", error_code="manual", error_detail=str(exc), manual=True)
        return self._check(card, "manual", manual=True)

    def _check(self, card: BhytCard | CccdCard, source: Source, *, manual: bool) -> CheckResult:
        today = self.clock().date()
        cached, decision = self.store.check_card(card, on=today, facility_code=self.facility_code)
        online = None
        if decision.provisional and self.online is not None:
            # Not in the synced cache: ask the hub (and the gateway behind it) within the deadline; a
            # timeout or an offline hub keeps the provisional verdict, which the hub re-checks later.
            online = self.online.confirm_online(card, decision, timeout_s=self.online_timeout_s, visit_date=today)
            if online.cards:
                self.store.upsert_cards(online.cards)
                cached = self.store.find_cached(card) or cached
            decision = online.final_decision(card, today, self.facility_code)
        numbers = {n for n in (getattr(card, "card_number", None), getattr(card, "citizen_id", None),
                               cached.card_number if cached else None, cached.citizen_id if cached else None) if n}
        earlier = tuple(v["ticket"] for v in self.store.list_visits(today, with_sync_state=False)
                        if v.get("card_number") in numbers or v.get("citizen_id") in numbers)
        return CheckResult(source, card=card, cached=cached, decision=decision, manual=manual,
                           earlier_tickets=earlier, online=online)

    def register(self, result: CheckResult, department_code: str) -> dict[str, Any]:
        """Record the visit (durably, with its queue number); returns the visit in wire format."""
        if result.card is None or result.decision is None:
            raise ValueError("nothing to register: the card was not read")
        # The visit records the decision that was shown (including an online confirmation), not a new one.
        d = result.decision
        fields = visit_card_fields(None if result.manual else result.card, result.cached, verdict=str(d.verdict),
                                   provisional=d.provisional, registered_here=d.registered_here,
                                   benefit_level=d.benefit_level)
        if isinstance(result.card, CccdCard):
            fields["citizen_id"] = fields["citizen_id"] or result.card.citizen_id
        else:
            fields["card_number"] = fields["card_number"] or result.card.card_number
        online = result.online
        if online is not None and online.confirmed and online.card_number:
            # The gateway names the card to bill: the 15-character card of a 10-digit QR, or a new card.
            fields["card_number"] = online.card_number
            if len(online.card_number) == 15 and online.card_number[:2].isalpha():
                fields["object_code"] = online.card_number[:2]
        return self.store.add_visit(department_code, fields, now=self.clock())

    def departments(self) -> list[DepartmentInfo]:
        return self.store.departments()

    def visits_today(self, query: str = "") -> list[dict[str, Any]]:
        """Today's visits, each with the hub's re-check when there is one (``gateway_verdict``,
        ``verdict_changed``, ``needs_staff``, ``gateway_note``: the desk flags changed verdicts)."""
        visits = self.store.list_visits(self.clock().date())
        updates = self.store.visit_updates([str(v["id"]) for v in visits])
        for visit in visits:
            update = updates.get(str(visit["id"]))
            if update is not None and update.get("acknowledged_at") is None:
                visit.update({k: update.get(k) for k in ("gateway_verdict", "gateway_code", "gateway_note",
                                                         "verdict_changed", "needs_staff")})
        return filter_visits(visits, query)


    def acknowledge_recheck(self, visit_id: str) -> bool:
        return self.store.acknowledge_visit_update(visit_id, actor="desk")


def filter_visits(visits: list[dict[str, Any]], query: str) -> list[dict[str, Any]]:
    """Newest first; those whose ticket, name, card number or CCCD contains ``query``.

    Case and diacritics are ignored ("nguyen" finds "Nguyễn"): staff type fast, without accents."""
    needle = fold(query)
    if not needle:
        return list(reversed(visits))
    out = []
    for visit in reversed(visits):
        hay = " ".join(str(visit.get(k) or "") for k in ("ticket", "name", "card_number", "citizen_id",
                                                          "department_code"))
        if needle in fold(hay):
            out.append(visit)
    return out


def fold(text: str) -> str:
    """Case-folded, diacritics removed, đ → d, spaces collapsed (for searching only)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
