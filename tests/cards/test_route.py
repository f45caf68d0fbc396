"""Route and benefit under the 2025 rules (docs/eligibility.md, "Route and facility level")."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.cards import parse_payload
from kiosk.cards.eligibility import decide
from kiosk.cards.route import (
    CODES_3276_FROM,
    FacilityLevel,
    FacilityProfile,
    FormerTier,
    PrimaryCareScope,
    Route,
    VisitCircumstances,
    decide_route,
)
from tests.cards.builders import bhyt_2018

DAY = dt.date(2026, 3, 2)            # after QĐ 3276, before the 50 % step of 01/07/2026
AFTER_HALF = dt.date(2026, 7, 1)
HERE = "79123"
ELSEWHERE_SAME_PROVINCE = "79001"
ELSEWHERE_OTHER_PROVINCE = "01099"


def profile(**kw: object) -> FacilityProfile:
    return FacilityProfile(code=HERE, **kw)  # type: ignore[arg-type]


def test_registered_here_is_1_1_with_the_level_benefit() -> None:
    decision = decide_route(HERE, 4, profile(level=FacilityLevel.BASIC, basic_score=60), DAY)
    assert decision.route is Route.REGISTERED_HERE and decision.object_code == "1.1"
    assert decision.benefit.percent == 80 and not decision.needs_desk


def test_unset_level_sends_patients_registered_elsewhere_to_the_desk() -> None:
    decision = decide_route(ELSEWHERE_SAME_PROVINCE, 4, profile(), DAY)
    assert decision.route is Route.OUTSIDE_ROUTE and decision.object_code is None and decision.needs_desk
    assert decision.benefit.percent == 0


def test_station_kind_primary_facility_pays_100_percent_whatever_the_level() -> None:
    station = profile(level=FacilityLevel.PRIMARY, primary_full_coverage=True)
    registered = decide_route(HERE, 4, station, DAY)
    assert registered.route is Route.REGISTERED_HERE and registered.object_code == "1.2"
    assert registered.benefit.percent == 100
    visiting = decide_route(ELSEWHERE_SAME_PROVINCE, 4, station, DAY)
    assert visiting.route is Route.PRIMARY_CARE_ANYWHERE and visiting.object_code == "1.2"
    assert visiting.benefit.percent == 100


@pytest.mark.parametrize(("scope", "card_facility", "route"), [
    (PrimaryCareScope.PROVINCE, ELSEWHERE_SAME_PROVINCE, Route.PRIMARY_CARE_ANYWHERE),
    (PrimaryCareScope.PROVINCE, "74001", Route.PRIMARY_CARE_ANYWHERE),  # Bình Dương merged into HCMC (79)
    (PrimaryCareScope.PROVINCE, ELSEWHERE_OTHER_PROVINCE, Route.OUTSIDE_ROUTE),
    (PrimaryCareScope.COUNTRY, ELSEWHERE_OTHER_PROVINCE, Route.PRIMARY_CARE_ANYWHERE),
    (PrimaryCareScope.OFF, ELSEWHERE_SAME_PROVINCE, Route.OUTSIDE_ROUTE),
])
def test_primary_care_anywhere_follows_the_scope_setting(scope: PrimaryCareScope, card_facility: str,
                                                          route: Route) -> None:
    decision = decide_route(card_facility, 3, profile(level=FacilityLevel.PRIMARY, primary_care_scope=scope), DAY)
    assert decision.route is route
    if route is Route.PRIMARY_CARE_ANYWHERE:
        assert decision.object_code == "1.11" and decision.benefit.percent == 95


@pytest.mark.parametrize(("kw", "code", "route_before", "percent_before", "percent_after"), [
    ({"level": FacilityLevel.BASIC, "basic_score": 45}, "1.12", Route.SELF_REFERRED, 80, 80),
    ({"level": FacilityLevel.BASIC, "basic_score": 0}, "1.12", Route.SELF_REFERRED, 80, 80),
    ({"level": FacilityLevel.BASIC, "basic_score": 60}, "1.13", Route.REFERRAL_NEEDED, 0, 40),
    ({"level": FacilityLevel.BASIC, "basic_score": 80, "former_tier": FormerTier.PROVINCIAL}, "1.14",
     Route.REFERRAL_NEEDED, 0, 40),
    ({"level": FacilityLevel.BASIC, "former_tier": FormerTier.DISTRICT}, "3.3", Route.SELF_REFERRED, 80, 80),
    ({"level": FacilityLevel.SPECIALISED, "former_tier": FormerTier.PROVINCIAL}, "1.18", Route.REFERRAL_NEEDED,
     0, 40),
    ({"level": FacilityLevel.SPECIALISED, "former_tier": FormerTier.CENTRAL}, "3.1", Route.REFERRAL_NEEDED, 0, 0),
    ({"level": FacilityLevel.SPECIALISED, "former_tier": FormerTier.DISTRICT}, "3.3", Route.SELF_REFERRED, 80, 80),
])
def test_self_referred_outpatient_by_level_on_both_sides_of_1_july_2026(
        kw: dict[str, object], code: str, route_before: Route, percent_before: int, percent_after: int) -> None:
    before = decide_route(ELSEWHERE_SAME_PROVINCE, 4, profile(**kw), DAY)
    after = decide_route(ELSEWHERE_SAME_PROVINCE, 4, profile(**kw), AFTER_HALF)
    assert before.object_code == code and after.object_code == code
    assert before.route is route_before and before.benefit.percent == percent_before
    assert after.benefit.percent == percent_after
    assert before.needs_referral is (route_before is Route.REFERRAL_NEEDED)


def test_basic_level_without_a_score_or_tier_is_left_to_the_desk() -> None:
    assert decide_route(ELSEWHERE_SAME_PROVINCE, 4, profile(level=FacilityLevel.BASIC), DAY).route is (
        Route.OUTSIDE_ROUTE)


@pytest.mark.parametrize(("kw", "code", "percent"), [
    ({"level": FacilityLevel.BASIC, "basic_score": 60}, "1.15", 80),
    ({"level": FacilityLevel.SPECIALISED, "former_tier": FormerTier.PROVINCIAL}, "3.2", 80),
    ({"level": FacilityLevel.SPECIALISED, "former_tier": FormerTier.CENTRAL}, "3.1", 32),
])
def test_inpatient_self_referral(kw: dict[str, object], code: str, percent: int) -> None:
    decision = decide_route(ELSEWHERE_SAME_PROVINCE, 4, profile(**kw), DAY, VisitCircumstances(inpatient=True))
    assert decision.object_code == code and decision.benefit.percent == percent


@pytest.mark.parametrize(("circumstances", "route", "code"), [
    (VisitCircumstances(referral=True), Route.REFERRAL, "1.3"),
    (VisitCircumstances(appointment=True), Route.APPOINTMENT, "1.5"),
    (VisitCircumstances(emergency=True), Route.EMERGENCY, "2"),
    (VisitCircumstances(referral=True, emergency=True), Route.REFERRAL, "1.3"),  # the table's order
])
def test_referral_appointment_and_emergency_put_the_visit_on_route(circumstances: VisitCircumstances,
                                                                    route: Route, code: str) -> None:
    central = profile(level=FacilityLevel.SPECIALISED, former_tier=FormerTier.CENTRAL)
    decision = decide_route(ELSEWHERE_OTHER_PROVINCE, 2, central, DAY, circumstances)
    assert decision.route is route and decision.object_code == code and decision.benefit.percent == 100
    assert not decision.needs_desk


def test_registered_here_comes_before_emergency() -> None:
    decision = decide_route(HERE, 4, profile(), DAY, VisitCircumstances(emergency=True))
    assert decision.route is Route.REGISTERED_HERE and decision.object_code == "1.1"


def test_unknown_registered_facility() -> None:
    decision = decide_route(None, None, profile(level=FacilityLevel.BASIC, basic_score=40), DAY)
    assert decision.route is Route.UNKNOWN and decision.needs_desk and decision.benefit.percent == 0
    assert decide_route(None, None, profile(), DAY, VisitCircumstances(emergency=True)).route is Route.EMERGENCY


def test_unknown_level_digit_gives_no_percent_but_keeps_the_route_share() -> None:
    decision = decide_route(HERE, None, profile(), DAY)
    assert decision.benefit.percent is None and decision.benefit.route_percent == 100


@pytest.mark.parametrize(("day", "registered", "code"), [
    (CODES_3276_FROM - dt.timedelta(days=1), HERE, "1.1"),
    (CODES_3276_FROM, HERE, "1.1"),
    (CODES_3276_FROM - dt.timedelta(days=1), ELSEWHERE_SAME_PROVINCE, None),  # 1.12 is not in the QĐ 824 list
    (CODES_3276_FROM, ELSEWHERE_SAME_PROVINCE, "1.12"),
])
def test_object_code_follows_the_visit_dates_code_set(day: dt.date, registered: str, code: str | None) -> None:
    decision = decide_route(registered, 4, profile(level=FacilityLevel.BASIC, basic_score=40), day)
    assert decision.object_code == code


def test_emergency_code_is_2_in_both_code_sets() -> None:
    for day in (CODES_3276_FROM - dt.timedelta(days=1), CODES_3276_FROM):
        decision = decide_route(ELSEWHERE_SAME_PROVINCE, 4, profile(), day, VisitCircumstances(emergency=True))
        assert decision.object_code == "2"


def test_visits_before_the_amended_law_are_not_placed() -> None:
    decision = decide_route(ELSEWHERE_SAME_PROVINCE, 4, profile(level=FacilityLevel.BASIC, basic_score=40),
                            dt.date(2025, 6, 30))
    assert decision.route is Route.OUTSIDE_ROUTE


def test_decide_carries_the_route_when_given_the_profile() -> None:
    card = parse_payload(bhyt_2018(card="DN4790123456789", facility="79 - 001", valid_from="01/01/2026"))
    basic = profile(level=FacilityLevel.BASIC, basic_score=60)
    decision = decide(card, None, DAY, HERE, profile=basic)
    assert decision.route is not None and decision.route.route is Route.REFERRAL_NEEDED
    assert decision.route.object_code == "1.13" and "referral" in decision.route.message_en
    assert decide(card, None, DAY, HERE).route is None
    referred = decide(card, None, DAY, HERE, profile=basic, circumstances=VisitCircumstances(referral=True))
    assert referred.route is not None and referred.route.route is Route.REFERRAL


def test_route_decision_json() -> None:
    decision = decide_route(HERE, 4, profile(), DAY)
    data = decision.to_json()
    assert data["route"] == "registered_here" and data["object_code"] == "1.1"
    assert data["benefit"] == {"percent": 80, "level_percent": 80, "route_percent": 100, "fixed_full": False}
