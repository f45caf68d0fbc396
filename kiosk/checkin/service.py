"""One check-in core for every front end: parse → decide (cache, then online) → record → ticket.

``kiosk card check`` (decide only), ``kiosk visit add`` and both screens call :class:`CheckInService`,
so a card gets the same verdict and the same visit record whichever way it came in.

A check has three steps, so that a front end with threads can keep the database lane free of network
waits (kiosk/ui/README.md, "Check-in and threads")::

    checking = service.begin(text, source)      # database: parse, look up the cache, decide
    checking = service.ask_online(checking)     # network only: the hub's look-up, ≤ online_timeout_s
    result = service.complete(checking)         # database: cache the gateway's records, earlier visits

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
from kiosk.cards.typed import card_from_typed
from kiosk.checkin.decision import final_decision
from kiosk.checkin.errors import AlreadyRegistered
from kiosk.checkin.result import CheckResult, Registration, Source
from kiosk.checkin.search import filter_visits
from kiosk.db.convert import visit_card_fields
from kiosk.db.records import VisitRecheck, VisitRecord

if TYPE_CHECKING:
    from kiosk.cards.route import FacilityProfile
    from kiosk.db.reference import DepartmentInfo
    from kiosk.sync.lookup import OnlineResult


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


class CheckInService:
    """Parse, decide and record against one store for one facility.

    Thread rules: :meth:`begin`, :meth:`complete`, :meth:`register` and the listings use the store (run
    them on the database lane); :meth:`ask_online` only uses the network (run it on an I/O lane).
    """

    def __init__(self, store: CheckInStore, facility_code: str,
                 clock: Callable[[], dt.datetime] | None = None, *, online: OnlineChecker | None = None,
                 online_timeout_s: float = 3.0, profile: FacilityProfile | None = None) -> None:
        self.store = store
        self.facility_code = facility_code
        #: The facility as the 2025 route rules see it (``[facility]``); None: no route in the decision.
        self.profile = profile
        self.clock = clock or (lambda: dt.datetime.now().astimezone())
        #: Online confirmation of cards missing from the cache (None: offline-only kiosk).
        self.online = online
        self.online_timeout_s = online_timeout_s

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
        day = on or self.clock().date()
        cached = self.store.find_cached(card)
        decision = decide(card, cached, day, self.facility_code, profile=self.profile)
        return Checking(source, card, cached, decision, day, manual)

    def needs_online(self, checking: Checking) -> bool:
        """Not in the synced cache and a hub is set up: ask it (the only step that waits on the network)."""
        return checking.decision.provisional and self.online is not None and not checking.asked

    def ask_online(self, checking: Checking) -> Checking:
        """The hub's look-up within ``online_timeout_s`` (network only, never the store). A timeout or an
        offline hub keeps the provisional verdict, which the hub re-checks later."""
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
        result = CheckResult(checking.source, card=checking.card, cached=cached, decision=decision,
                             manual=checking.manual, online=online)
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

    # ----- recording ----------------------------------------------------------------------------------
    def register(self, result: CheckResult, department_code: str, *, again: bool = False) -> Registration:
        """Record the visit durably with its queue number.

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
