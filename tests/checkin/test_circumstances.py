"""The desk's circumstance (emergency, referral paper, re-examination appointment) re-decides a check's route
with the core's rules, on the facility the gateway's record names; the visit records that route."""

from __future__ import annotations

import dataclasses

from kiosk.cards.eligibility import Verdict
from kiosk.cards.route import FacilityLevel, FacilityProfile, FormerTier
from kiosk.checkin.circumstances import Circumstance, registered_facility, with_circumstance
from kiosk.checkin.result import CheckResult, Source, StaffFlag
from kiosk.checkin.service import CheckInService
from kiosk.db.store import Store
from kiosk.sync.lookup import OnlineResult
from tests.cards.builders import bhyt_2018
from tests.checkin.test_eligibility_core import CARD, FACILITY, NOW, RECORD, ScriptedHub

CENTRAL = FacilityProfile(code=FACILITY, level=FacilityLevel.SPECIALISED, former_tier=FormerTier.CENTRAL)
#: The gateway's record: the card is registered at another facility (the QR still names this one).
MOVED = dataclasses.replace(RECORD, facility_code="79024")


def check(store: Store, profile: FacilityProfile | None = CENTRAL) -> tuple[CheckInService, CheckResult]:
    hub = ScriptedHub(lambda card, local: OnlineResult(True, Verdict.VALID, local, code="000", card_number=CARD,
                                                       cards=(MOVED,)))
    checkin = CheckInService(store, FACILITY, clock=lambda: NOW, online=hub, profile=profile)
    result = checkin.check(bhyt_2018(card=CARD, name="Lê Văn Bình", dob="01/02/1990", facility="79 - 123"),
                           Source.CAMERA)
    return checkin, result


def test_each_circumstance_gives_its_route_on_the_gateways_facility(store: Store) -> None:
    checkin, result = check(store)
    assert registered_facility(result) == "79024"
    assert result.route is not None and str(result.route.route) == "referral_needed"
    assert StaffFlag.ROUTE_NEEDS_DESK in result.staff_flags
    expected = {Circumstance.EMERGENCY: ("emergency", "2"), Circumstance.REFERRAL: ("referral", "1.3"),
                Circumstance.APPOINTMENT: ("appointment", "1.5"), Circumstance.NONE: ("referral_needed", "3.1")}
    for circumstance, (route, code) in expected.items():
        changed = with_circumstance(result, circumstance, checkin.profile)
        assert changed.route is not None
        assert (str(changed.route.route), changed.route.object_code) == (route, code), circumstance
        assert changed.verdict == result.verdict and changed.online == result.online
    emergency = with_circumstance(result, Circumstance.EMERGENCY, checkin.profile)
    assert StaffFlag.ROUTE_NEEDS_DESK not in emergency.staff_flags
    visit = checkin.register(emergency, "K01").visit
    assert (visit.route, visit.benefit_percent) == ("emergency", 80)  # DN level 4: 80 % on route


def test_without_a_facility_profile_nothing_changes(store: Store) -> None:
    checkin, result = check(store, profile=None)
    assert with_circumstance(result, Circumstance.EMERGENCY, checkin.profile) is result
