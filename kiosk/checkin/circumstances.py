"""What staff say about a visit at the desk (emergency, a referral paper, a re-examination appointment)
applied to a check's route: the core's route rules (``kiosk.cards.route.decide_route``, docs/eligibility.md
"Route and facility level") re-run with those circumstances on the same card, facility and day. The visit
then records that route and its benefit (``CheckInService.register`` stores ``result.route``)."""

from __future__ import annotations

import dataclasses
import enum

from kiosk.cards.model import BhytCard
from kiosk.cards.route import FacilityProfile, VisitCircumstances, decide_route
from kiosk.checkin.result import CheckResult


class Circumstance(enum.StrEnum):
    """One circumstance at a time, as the route table reads them (first that applies wins)."""

    NONE = "none"
    EMERGENCY = "emergency"
    REFERRAL = "referral"
    APPOINTMENT = "appointment"

    def visit(self) -> VisitCircumstances:
        return VisitCircumstances(emergency=self is Circumstance.EMERGENCY, referral=self is Circumstance.REFERRAL,
                                  appointment=self is Circumstance.APPOINTMENT)


def registered_facility(result: CheckResult) -> str | None:
    """The card's primary-care facility as the decision saw it: the cached (or gateway) record's, else the
    card's own."""
    cached, card = result.cached, result.card
    if cached is not None and cached.facility_code:
        return cached.facility_code
    return card.facility_code if isinstance(card, BhytCard) else None


def with_circumstance(result: CheckResult, circumstance: Circumstance,
                      profile: FacilityProfile | None) -> CheckResult:
    """``result`` with its route decided again under ``circumstance``; unchanged without a facility profile
    (no route is decided then) or without a decision."""
    decision = result.decision
    if profile is None or decision is None or decision.route is None or result.checked_at is None:
        return result
    route = decide_route(registered_facility(result), decision.benefit_level, profile, result.checked_at.date(),
                         circumstance.visit())
    return dataclasses.replace(result, decision=dataclasses.replace(decision, route=route))
