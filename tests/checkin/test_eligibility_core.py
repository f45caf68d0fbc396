"""Issue 14 in the check-in core: what a check-in keeps of the gateway's answer, the route on the visit,
CCCD check-ins, typed numbers with name and birth date, the identity step, the cache's age."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.cards import BirthDate, CachedCard, CardStatus, CccdCard
from kiosk.cards.eligibility import Decision, Verdict
from kiosk.cards.identity import IdentityMismatch, IdentityPolicy, IdentityStep
from kiosk.cards.route import FacilityLevel, FacilityProfile
from kiosk.checkin.result import Source, StaffFlag, VerdictSource
from kiosk.checkin.service import CheckInService
from kiosk.db.store import Store
from kiosk.gateway.protocol import GATEWAY_TZ, CardDetails, CheckRecord
from kiosk.sync.lookup import OnlineResult, ProvisionalReason, result_from_answer
from tests.cards.builders import bhyt_2018, cccd
from tests.support.demo import NOW as STORE_NOW

NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
FACILITY = "79123"
CARD = "DN4790123456789"
RECORD = CachedCard(card_number=CARD, bhxh_number="7901234567", citizen_id="079090001234", name="Lê Văn Bình",
                    birth_date=BirthDate(1990, 2, 1), facility_code=FACILITY, valid_from=dt.date(2026, 1, 1),
                    valid_to=dt.date(2026, 12, 31), status=CardStatus.ACTIVE)
ELSEWHERE = CheckRecord(user="79001_kiosk", checked_at=dt.datetime(2026, 11, 21, 8, 5, tzinfo=GATEWAY_TZ),
                        message="Thẻ còn giá trị sử dụng", code="000")
DETAILS = CardDetails(area="K2", five_years_on=dt.date(2027, 1, 1), office="BHXH Quận 1", old_card=None,
                      new_card=None, checks=(ELSEWHERE,), last_discharge=None)


class ScriptedHub:
    """Answers like HubLookupClient.confirm_online (the real client meets a real hub in tests/checkin/
    test_end_to_end.py)."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.cards: list[Any] = []

    def confirm_online(self, card: Any, decision: Decision, *, timeout_s: float = 2.5,
                       visit_date: dt.date | None = None) -> OnlineResult:
        self.cards.append(card)
        result: OnlineResult = self.answer(card, decision)
        return result


def confirmed(verdict: Verdict = Verdict.VALID, **kw: Any) -> ScriptedHub:
    return ScriptedHub(lambda card, local: OnlineResult(True, verdict, local, code="000", card_number=CARD,
                                                        cards=(RECORD,), details=DETAILS, **kw))


def service(store: Store, hub: Any = None, **kw: Any) -> CheckInService:
    profile = FacilityProfile(code=FACILITY, level=FacilityLevel.BASIC, basic_score=40)
    return CheckInService(store, FACILITY, clock=lambda: NOW, online=hub, profile=profile, **kw)


def test_gateway_details_route_and_benefit_are_kept_on_the_visit(store: Store) -> None:
    checkin = service(store, confirmed())
    result = checkin.check(bhyt_2018(card=CARD, name="Lê Văn Bình", dob="01/02/1990", facility="79 - 123"),
                           Source.CAMERA)
    assert result.confirmed_online and result.verdict_source is VerdictSource.GATEWAY
    assert result.gateway_details == DETAILS
    assert result.admitted_elsewhere == (ELSEWHERE,)
    assert StaffFlag.ADMITTED_ELSEWHERE in result.staff_flags
    visit = checkin.register(result, "K01", self_pay=False, identity_checked=True).visit
    assert (visit.route, visit.benefit_percent) == ("registered_here", 80)  # DN level 4: 80 %
    assert (visit.area, visit.five_years_on, visit.office) == ("K2", dt.date(2027, 1, 1), "BHXH Quận 1")
    assert visit.admitted_elsewhere == "79001 21/11/2026 08:05"
    assert (visit.confirmed_online, visit.identity_checked, visit.self_pay) == (True, True, False)
    wire = visit.to_wire()
    assert (wire["route"], wire["office"], wire["confirmed_online"]) == ("registered_here", "BHXH Quận 1", True)


def test_admitted_elsewhere_is_left_out_when_the_setting_is_off(store: Store) -> None:
    checkin = service(store, confirmed(), warn_admitted_elsewhere=False)
    result = checkin.check(bhyt_2018(card=CARD, name="Lê Văn Bình", dob="01/02/1990"), Source.CAMERA)
    assert result.admitted_elsewhere == () and StaffFlag.ADMITTED_ELSEWHERE not in result.staff_flags
    assert checkin.register(result, "K01").visit.admitted_elsewhere is None


def test_the_hubs_answer_json_carries_the_details_to_the_kiosk() -> None:
    local = Decision(Verdict.UNKNOWN, True, None, None, None, None, None, "", "")
    answer = {"kind": "verdict", "verdict": "valid", "use_provisional": False, "code": "000", "card_number": CARD,
              "cards": [], "details": DETAILS.to_json()}
    result = result_from_answer(answer, local)
    assert result.details == DETAILS
    assert result.admitted_elsewhere(FACILITY) == (ELSEWHERE,)
    assert result.admitted_elsewhere("79001") == ()  # its own look-ups are not "elsewhere"
    assert result_from_answer({**answer, "details": "garbage"}, local).details is None


def test_cccd_check_in_carries_the_card_the_gateway_named(store: Store) -> None:
    checkin = service(store, confirmed())
    result = checkin.check(cccd(citizen_id="079090001234", name="Lê Văn Bình", dob="01021990"), Source.CAMERA)
    assert isinstance(result.card, CccdCard)
    assert result.confirmed_card_number == CARD and not result.cccd_without_card
    visit = checkin.register(result, "K01").visit
    assert (visit.card_kind, visit.card_number, visit.citizen_id) == ("cccd", CARD, "079090001234")
    assert (visit.card_facility_code, visit.valid_to, visit.object_code) == (FACILITY, dt.date(2026, 12, 31), "DN")


def test_cccd_without_a_confirmed_card_is_flagged(store: Store) -> None:
    offline = ScriptedHub(lambda card, local: OnlineResult(False, local.verdict, local,
                                                           reason=ProvisionalReason.OFFLINE))
    checkin = service(store, offline)
    result = checkin.check(cccd(citizen_id="079090009999"), Source.CAMERA)
    assert result.cccd_without_card
    assert result.staff_flags[:1] == (StaffFlag.CCCD_WITHOUT_CARD,)
    assert StaffFlag.NOT_CONFIRMED_ONLINE in result.staff_flags
    visit = checkin.register(result, "K01").visit
    assert (visit.card_number, visit.confirmed_online) == (None, False)


def test_typed_number_with_name_and_birth_date_is_looked_up_online(store: Store) -> None:
    hub = confirmed()
    checkin = service(store, hub)
    result = checkin.check_typed("0790 9000 1234", name="Lê Văn  Bình", birth_date=BirthDate(2022, 3, 4),
                                 insurance_number=True)
    (asked,) = hub.cards
    assert (asked.card_number, asked.name, asked.birth_date) == ("079090001234", "Lê Văn Bình", BirthDate(2022, 3, 4))
    assert result.manual and result.confirmed_online
    visit = checkin.register(result, "K01").visit
    assert (visit.card_kind, visit.card_number, visit.name, visit.birth_date) == (
        "manual", CARD, "Lê Văn Bình", "2022-03-04")


def test_typed_number_errors_are_results_not_exceptions(store: Store) -> None:
    result = service(store).check_typed("12AB", name="A", birth_date=BirthDate(2020))
    assert result.error_code == "bad_card_number" and result.manual


def test_identity_step_follows_the_setting_and_spares_young_children(store: Store) -> None:
    adult = bhyt_2018(card=CARD, name="Lê Văn Bình", dob="01/02/1990")
    child = bhyt_2018(card="TE1790000000077", name="Lê Bé", dob="01/02/2023")
    default = service(store)
    assert default.identity_step(default.check(adult, Source.CAMERA), self_service=True) is IdentityStep.SCAN_CCCD
    assert default.identity_step(default.check(adult, Source.CAMERA), self_service=False) is IdentityStep.NONE
    assert default.identity_step(default.check(child, Source.CAMERA), self_service=True) is IdentityStep.NONE
    always = service(store, identity_policy=IdentityPolicy.ALWAYS)
    assert always.identity_step(always.check(adult, Source.CAMERA), self_service=False) is IdentityStep.DESK_CHECK
    off = service(store, identity_policy=IdentityPolicy.OFF)
    assert off.identity_step(off.check(adult, Source.CAMERA), self_service=True) is IdentityStep.NONE


def test_identity_match_uses_the_diacritics_setting(store: Store) -> None:
    card = bhyt_2018(card=CARD, name="Lê Văn Bình", dob="01/02/1990")
    document = CccdCard(citizen_id="079090001234", old_id=None, name="LE VAN BINH", birth_date=BirthDate(1990, 2, 1),
                        gender=None, address=None, issued_on=None)
    strict = service(store)
    assert strict.match_identity(strict.check(card, Source.CAMERA), document).mismatches == (IdentityMismatch.NAME,)
    loose = service(store, identity_ignore_diacritics=True)
    assert loose.match_identity(loose.check(card, Source.CAMERA), document).ok


def test_cache_age_is_measured_from_the_last_pull_or_import(store: Store) -> None:
    store.set_cursor("hub", "7")  # the store's clock (tests.support.demo.NOW) marks the pull
    later = STORE_NOW + dt.timedelta(minutes=20)
    checkin = CheckInService(store, FACILITY, clock=lambda: later)
    result = checkin.check(bhyt_2018(card=CARD), Source.CAMERA)
    assert result.cache_synced_at == STORE_NOW and result.checked_at == later
    assert result.cache_age == dt.timedelta(minutes=20)
    assert result.verdict_source in (VerdictSource.CACHE, VerdictSource.CARD)
    assert not result.confirmed_online and result.online is None  # no hub: nothing asked
