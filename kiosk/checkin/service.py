"""One check-in core for every front end: parse → decide (cache, then online) → record → ticket.

``kiosk card check`` (decide only), ``kiosk visit add`` and both screens call :class:`CheckInService`,
so a card gets the same verdict and the same visit record whichever way it came in.

A check has three steps, so that a front end with threads can keep the database lane free of network
waits (kiosk/ui/README.md, "Check-in and threads")::

    checking = service.begin(text, source)      # database: parse, look up the cache, decide
    checking = service.ask_online(checking)     # network only: the hub's look-up, ≤ online_timeout_s
    result = service.complete(checking)         # database: cache the gateway's records, earlier visits

Confirmed online (docs/eligibility.md, "Confirmed online"): when a hub is set up, EVERY check-in is
confirmed with the BHXH gateway through the hub (its cache of recent answers and its rate limits), cached
cards too — a card ended, revoked or expired since the last sync is caught here. The look-up has the
patient's budget (``online_timeout_s``, 2.5 s); without an answer the cache's verdict stands as provisional
(``CheckResult.confirmed_online`` False), the visit records ``confirmed_online=False`` and the hub
re-checks it later. ``CheckResult.cache_age`` says how old the cache's answer is.

Typed numbers (the desk; children under 6 with only the BHYT number or personal ID): :meth:`begin_typed`
/ :meth:`check_typed` take the number with the name and birth date staff entered, so the online look-up
works (``kiosk.cards.typed.card_from_typed``).

:meth:`CheckInService.check` runs the three in a row (the CLI). :meth:`CheckInService.register`
records the visit; a repeat (same card, same day, same department) is refused with
:class:`~kiosk.checkin.errors.AlreadyRegistered` unless ``again=True``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.cards import BhytCard, CachedCard, CardPayloadError, CccdCard, parse_payload
from kiosk.cards.eligibility import Decision, decide
from kiosk.cards.identity import (
    IdentityMatch,
    IdentityMismatch,
    IdentityPolicy,
    IdentityStep,
    identity_step,
    match_identity,
)
from kiosk.cards.typed import card_from_typed
from kiosk.checkin.decision import final_decision
from kiosk.checkin.errors import AlreadyRegistered
from kiosk.checkin.result import CheckResult, Registration, Source
from kiosk.checkin.search import filter_visits
from kiosk.db.convert import visit_card_fields
from kiosk.db.records import VisitRecheck, VisitRecord

if TYPE_CHECKING:
    from kiosk.cards.model import BirthDate
    from kiosk.cards.route import FacilityProfile
    from kiosk.db.reference import DepartmentInfo
    from kiosk.sync.lookup import OnlineResult


#: Longest text of the visit's ``admitted_elsewhere`` (its column).
_ADMITTED_ELSEWHERE_CHARS = 255


def eligibility_fields(result: CheckResult, *, self_pay: bool = False,
                       identity_checked: bool | None = None) -> dict[str, Any]:
    """The visit fields of issue 14 for ``result``: route, benefit, online confirmation, the gateway's kept
    data (area and five-year date replace the QR's when the gateway answered) and the warnings."""
    route = result.route
    fields: dict[str, Any] = {
        "route": None if route is None else str(route.route),
        "benefit_percent": None if route is None else route.benefit.percent,
        # A CCCD check-in the gateway found no card for is not "confirmed": the hub re-checks it and flags it.
        "self_pay": self_pay, "confirmed_online": result.confirmed_online and not result.cccd_without_card,
        "identity_checked": identity_checked,
        "admitted_elsewhere": "; ".join(
            f"{c.facility_code or c.user} {'' if c.checked_at is None else f'{c.checked_at:%d/%m/%Y %H:%M}'}".strip()
            for c in result.admitted_elsewhere)[:_ADMITTED_ELSEWHERE_CHARS] or None,
    }
    details = result.gateway_details
    if details is not None:
        fields["office"] = details.office[:255] if details.office else None
        if details.area:
            fields["area"] = details.area
        if details.five_years_on:
            fields["five_years_on"] = details.five_years_on
    return fields


class CheckInStore(Protocol):
    """What the core needs of :class:`kiosk.db.store.Store`."""

    def record_visit(self, department_code: str, card_fields: Any, *, now: dt.datetime | None = None,
                     visit_id: str | None = None) -> VisitRecord: ...
    def visits_on(self, visit_date: dt.date, *, department_code: str | None = None,
                  card_numbers: frozenset[str] | None = None) -> list[VisitRecord]: ...
    def departments(self, *, include_inactive: bool = False) -> list[DepartmentInfo]: ...
    def upsert_cards(self, cards: Any) -> int: ...
    def visit_updates(self, visit_ids: Any) -> dict[str, dict[str, Any]]: ...
    def acknowledge_visit_update(self, visit_id: str, *, actor: str = "staff") -> bool: ...
    def find_cached(self, card: BhytCard | CccdCard) -> CachedCard | None: ...
    def cache_synced_at(self) -> dt.datetime | None: ...


class OnlineChecker(Protocol):
    """``kiosk.sync.lookup.HubLookupClient``: asks the hub (and through it the BHXH gateway)."""

    def confirm_online(self, card: BhytCard | CccdCard, decision: Decision, *, timeout_s: float = ...,
                       visit_date: dt.date | None = None) -> OnlineResult: ...


@dataclass(frozen=True)
class Checking:
    """A check between its steps: the card and the cache's decision, and the hub's answer once asked."""

    source: Source
    card: BhytCard | CccdCard
    cached: CachedCard | None
    decision: Decision
    day: dt.date
    manual: bool
    online: OnlineResult | None = None
    asked: bool = False
    #: When the card cache was last synced (read with the cache, on the database lane).
    cache_synced_at: dt.datetime | None = None


class CheckInService:
    """Parse, decide and record against one store for one facility.

    Thread rules: :meth:`begin`, :meth:`complete`, :meth:`register` and the listings use the store (run
    them on the database lane); :meth:`ask_online` only uses the network (run it on an I/O lane).
    """

    def __init__(self, store: CheckInStore, facility_code: str,
                 clock: Callable[[], dt.datetime] | None = None, *, online: OnlineChecker | None = None,
                 online_timeout_s: float = 2.5, profile: FacilityProfile | None = None,
                 warn_admitted_elsewhere: bool = True, identity_policy: IdentityPolicy = IdentityPolicy.SELF_SERVICE,
                 identity_ignore_diacritics: bool = False) -> None:
        self.store = store
        self.facility_code = facility_code
        #: The facility as the 2025 route rules see it (``[facility]``); None: no route in the decision.
        self.profile = profile
        self.clock = clock or (lambda: dt.datetime.now().astimezone())
        #: Online confirmation of every check-in through the hub (None: offline-only kiosk).
        self.online = online
        #: The patient's budget for the online confirmation (seconds added to a check-in at most).
        self.online_timeout_s = online_timeout_s
        #: ``[eligibility] warn_admitted_elsewhere``: carry the gateway's "admitted elsewhere" warning.
        self.warn_admitted_elsewhere = warn_admitted_elsewhere
        #: ``[eligibility] identity_check`` and ``identity_ignore_diacritics`` (docs/eligibility.md, "Identity").
        self.identity_policy = identity_policy
        self.identity_ignore_diacritics = identity_ignore_diacritics

    # ----- the three steps of a check -------------------------------------------------------------------
    def begin(self, text: str | bytes, source: Source, *, on: dt.date | None = None) -> Checking | CheckResult:
        """Parse and decide from the cache (database). A CheckResult when the text is not a usable card."""
        manual = source is Source.TYPED
        try:
            if manual:  # a number only (kiosk.cards.typed): the cache or the gateway supplies the rest
                card = card_from_typed(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
            else:
                card = parse_payload(text)
        except CardPayloadError as exc:
            return CheckResult(source, error_code=str(exc.code), error_detail=exc.message,
                               error_length=exc.length, manual=manual)
        return self._decide_cached(card, source, manual, on)

    def begin_typed(self, number: str, *, name: str | None = None, birth_date: BirthDate | None = None,
                    insurance_number: bool = False, on: dt.date | None = None) -> Checking | CheckResult:
        """Like :meth:`begin` for a number typed at the desk with the name and birth date staff entered (a
        child under 6 with only the BHYT number or personal ID, NĐ 188/2025 Điều 37 khoản 2).

        15 characters or 10 digits: a BHYT card number; 12 digits: a CCCD, or with ``insurance_number`` the
        personal ID used as the insurance number. With name and birth date the online look-up works even
        when the cache does not know the number. The visit records card_kind ``manual``."""
        try:
            card = card_from_typed(number, name=name, birth_date=birth_date, insurance_number=insurance_number)
        except CardPayloadError as exc:
            return CheckResult(Source.TYPED, error_code=str(exc.code), error_detail=exc.message,
                               error_length=exc.length, manual=True)
        return self._decide_cached(card, Source.TYPED, True, on)

    def check_typed(self, number: str, *, name: str | None = None, birth_date: BirthDate | None = None,
                    insurance_number: bool = False, on: dt.date | None = None, history: bool = True) -> CheckResult:
        """:meth:`begin_typed`, :meth:`ask_online` and :meth:`complete` in a row (the desk's worker, tests)."""
        checking = self.begin_typed(number, name=name, birth_date=birth_date, insurance_number=insurance_number,
                                    on=on)
        if isinstance(checking, CheckResult):
            return checking
        return self.complete(self.ask_online(checking), history=history)

    def _decide_cached(self, card: BhytCard | CccdCard, source: Source, manual: bool,
                       on: dt.date | None) -> Checking:
        day = on or self.clock().date()
        cached = self.store.find_cached(card)
        decision = decide(card, cached, day, self.facility_code, profile=self.profile)
        return Checking(source, card, cached, decision, day, manual, cache_synced_at=self.store.cache_synced_at())

    def needs_online(self, checking: Checking) -> bool:
        """A hub is set up and it was not asked yet: every check-in is confirmed online, cached cards too
        (a card ended since the last sync is caught). The only step that waits on the network."""
        return self.online is not None and not checking.asked

    def ask_online(self, checking: Checking) -> Checking:
        """The hub's look-up within ``online_timeout_s`` (network only, never the store). A timeout or an
        offline hub keeps the cache's (or the card's) verdict as provisional; the hub re-checks the visit
        later."""
        if not self.needs_online(checking) or self.online is None:
            return checking
        online = self.online.confirm_online(checking.card, checking.decision, timeout_s=self.online_timeout_s,
                                            visit_date=checking.day)
        return replace(checking, online=online, asked=True)

    def complete(self, checking: Checking, *, history: bool = True) -> CheckResult:
        """Cache the gateway's records, settle the decision and (``history``) find today's earlier visits."""
        cached, decision, online = checking.cached, checking.decision, checking.online
        if online is not None:
            if online.cards:
                self.store.upsert_cards(online.cards)
                cached = self.store.find_cached(checking.card) or cached
            decision = final_decision(online, checking.card, checking.day, self.facility_code,
                                      profile=self.profile)
        elsewhere = (online.admitted_elsewhere(self.facility_code)
                     if online is not None and self.warn_admitted_elsewhere else ())
        result = CheckResult(checking.source, card=checking.card, cached=cached, decision=decision,
                             manual=checking.manual, online=online, checked_at=self.clock(),
                             cache_synced_at=checking.cache_synced_at, admitted_elsewhere=elsewhere)
        if history:
            result = replace(result, earlier_visits=tuple(self.store.visits_on(checking.day,
                                                                               card_numbers=result.card_numbers)))
        return result

    def check(self, text: str | bytes, source: Source, *, on: dt.date | None = None,
              history: bool = True) -> CheckResult:
        """All three steps in a row (``kiosk card check``, ``kiosk visit add``, tests)."""
        checking = self.begin(text, source, on=on)
        if isinstance(checking, CheckResult):
            return checking
        return self.complete(self.ask_online(checking), history=history)

    # ----- identity (NĐ 188/2025 Điều 37 khoản 1; docs/eligibility.md "Identity") --------------------------
    def identity_step(self, result: CheckResult, *, self_service: bool) -> IdentityStep:
        """Which identity step this check-in needs under ``[eligibility] identity_check``: none, a CCCD scan
        (self-service) or the desk's "identity checked" step. Children under 6 (by the card's, the cache's
        or the gateway record's birth date) need none."""
        if result.card is None or result.decision is None:
            return IdentityStep.NONE
        birth = result.card.birth_date or (result.cached.birth_date if result.cached is not None else None)
        day = (result.checked_at or self.clock()).date()
        return identity_step(result.card, self_service=self_service, policy=self.identity_policy, on=day,
                             birth_date=birth)

    def match_identity(self, result: CheckResult, document: CccdCard) -> IdentityMatch:
        """Whether the scanned CCCD belongs to the card holder of ``result`` (name, birth date and the
        personal ID when the card carries one), with ``[eligibility] identity_ignore_diacritics``. The
        cached record stands in for a scanned card without name or birth date."""
        card: BhytCard | CachedCard | None = result.card if isinstance(result.card, BhytCard) else None
        if card is None or ((not card.name or card.birth_date is None) and result.cached is not None):
            card = result.cached
        if card is None:
            return IdentityMatch((IdentityMismatch.MISSING,))
        return match_identity(card, document, ignore_diacritics=self.identity_ignore_diacritics)

    # ----- recording ----------------------------------------------------------------------------------
    def register(self, result: CheckResult, department_code: str, *, again: bool = False, self_pay: bool = False,
                 identity_checked: bool | None = None) -> Registration:
        """Record the visit durably with its queue number.

        The visit carries the route and benefit of the decision, whether the gateway confirmed it online
        (``confirmed_online``: else the hub re-checks it), the gateway's kept data (area, five-year date,
        issuing office, the admitted-elsewhere warning) and the card number the gateway named (a CCCD
        check-in then carries the card to bill). ``self_pay``: staff say the patient pays (not BHYT);
        ``identity_checked``: the desk's "identity checked" step (None: not asked).

        A visit of the same card to the same department earlier today makes this a repeat: refused with
        :class:`AlreadyRegistered` (nothing recorded) unless ``again``. Visits to other departments are
        allowed and returned in ``earlier_visits``. The visit records the decision that was shown
        (including an online confirmation), not a new one.

        The repeat check reads today's visits just before the insert; in the app both run on the one
        database lane, so a kiosk never races itself. Two kiosks sharing one database could both record a
        card registered at the same instant on both (the hub keeps both visits; staff see two tickets).
        """
        if result.card is None or result.decision is None:
            raise ValueError("nothing to register: the card was not read")
        now = self.clock()
        earlier = tuple(self.store.visits_on(now.date(), card_numbers=result.card_numbers))
        repeat = next((v for v in earlier if v.department_code == department_code), None)
        if repeat is not None and not again:
            raise AlreadyRegistered(repeat)
        d = result.decision
        # A typed number with the name and birth date staff entered is recorded with them (card_kind manual).
        typed_with_details = result.manual and bool(result.card.name) and result.card.birth_date is not None
        fields = visit_card_fields(result.card if typed_with_details or not result.manual else None, result.cached,
                                   verdict=str(d.verdict), provisional=d.provisional,
                                   registered_here=d.registered_here, benefit_level=d.benefit_level)
        if result.manual:
            fields["card_kind"] = "manual"
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
                if fields["benefit_level"] is None and online.card_number[2].isdigit():
                    fields["benefit_level"] = int(online.card_number[2])
        fields.update(eligibility_fields(result, self_pay=self_pay, identity_checked=identity_checked))
        visit = self.store.record_visit(department_code, fields, now=now)
        return Registration(visit, tuple(v for v in earlier if v.department_code != department_code))

    # ----- listings -----------------------------------------------------------------------------------
    def departments(self) -> list[DepartmentInfo]:
        return self.store.departments()

    def visits_today(self, query: str = "") -> list[VisitRecord]:
        """Today's visits, newest first, matching ``query``; each with the hub's unacknowledged re-check."""
        visits = self.store.visits_on(self.clock().date())
        updates = self.store.visit_updates([v.id for v in visits])
        out = []
        for visit in visits:
            update = updates.get(visit.id)
            if update is not None and update.get("acknowledged_at") is None:
                visit = visit.with_recheck(VisitRecheck(
                    gateway_verdict=update.get("gateway_verdict"), gateway_code=update.get("gateway_code"),
                    gateway_note=update.get("gateway_note"), verdict_changed=bool(update.get("verdict_changed")),
                    needs_staff=bool(update.get("needs_staff"))))
            out.append(visit)
        return filter_visits(out, query)

    def acknowledge_recheck(self, visit_id: str) -> bool:
        return self.store.acknowledge_visit_update(visit_id, actor="desk")
