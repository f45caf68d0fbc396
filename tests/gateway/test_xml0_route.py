"""XML0 under the 2025 rules: the object code follows the route and the visit date's code set, exporter and
validator agree on both sides of 17/10/2025, 12-digit personal IDs, CCCD visits without a confirmed card
(docs/eligibility.md, "XML0")."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from kiosk.cards.route import CODES_3276_FROM, FacilityLevel, FacilityProfile, FormerTier
from kiosk.gateway.export import export_xml0
from kiosk.gateway.xml0 import Xml0Extras, build_xml0, object_code_for_visit, validate_xml0, visit_problems
from kiosk.gateway.xml0_fields import OBJECT_CODES_3276_FROM, object_codes_on
from tests.gateway.visits import BHYT_VISIT, CCCD_VISIT, FACILITY

BASIC = FacilityProfile(code="10099", level=FacilityLevel.BASIC, basic_score=40)
WITH_PROFILE = dataclasses.replace(FACILITY, profile=BASIC)
BEFORE, FROM = CODES_3276_FROM - dt.timedelta(days=1), CODES_3276_FROM


def visit_on(day: dt.date, **changes: Any) -> dict[str, Any]:
    return {**BHYT_VISIT, "visit_date": day.isoformat(), "created_at": f"{day.isoformat()}T08:15:03+07:00",
            "valid_from": "2025-01-01", "valid_to": "2026-12-31", **changes}


def test_exporter_and_validator_use_the_same_date() -> None:
    assert OBJECT_CODES_3276_FROM == CODES_3276_FROM == dt.date(2025, 10, 17)
    assert "1.11" not in object_codes_on(BEFORE) and "1.11" in object_codes_on(FROM)


@pytest.mark.parametrize("facility", [FACILITY, WITH_PROFILE], ids=["settings", "profile"])
@pytest.mark.parametrize("day", [BEFORE, FROM], ids=["before-3276", "from-3276"])
@pytest.mark.parametrize("changes", [
    {"registered_here": True, "card_facility_code": "10099"},
    {"registered_here": False, "card_facility_code": "10001"},
    {"registered_here": False, "card_facility_code": "10001", "route": "emergency"},
    {"registered_here": False, "card_facility_code": "10001", "route": "referral"},
], ids=["registered", "elsewhere", "emergency", "referral"])
def test_every_proposed_code_is_in_the_visit_dates_list(facility: Any, day: dt.date,
                                                        changes: dict[str, Any]) -> None:
    record = build_xml0(visit_on(day, **changes), facility)
    code = record["MA_DOITUONG_KCB"]
    problems = validate_xml0(record) + visit_problems(visit_on(day, **changes), record)
    if code:
        assert code in object_codes_on(day)
        assert problems == []
    else:  # nothing the kiosk may propose: the check says staff choose, never a code of the wrong list
        assert {(p.field, p.problem) for p in problems} == {("MA_DOITUONG_KCB", "required"),
                                                           ("MA_DOITUONG_KCB", "staff_choice")}


@pytest.mark.parametrize(("day", "changes", "code"), [
    (BEFORE, {"registered_here": True}, "1.1"),
    (FROM, {"registered_here": True}, "1.1"),
    (BEFORE, {"registered_here": False, "card_facility_code": "10001"}, ""),
    (FROM, {"registered_here": False, "card_facility_code": "10001"}, "1.12"),
    (BEFORE, {"registered_here": False, "card_facility_code": "10001", "route": "emergency"}, "2"),
    (FROM, {"registered_here": False, "card_facility_code": "10001", "route": "emergency"}, "2"),
    (FROM, {"registered_here": False, "card_facility_code": "10001", "route": "referral"}, "1.3"),
    (FROM, {"registered_here": False, "card_facility_code": "10001", "route": "appointment"}, "1.5"),
])
def test_object_code_follows_route_and_date(day: dt.date, changes: dict[str, Any], code: str) -> None:
    assert build_xml0(visit_on(day, **changes), WITH_PROFILE)["MA_DOITUONG_KCB"] == code


def test_specialised_central_facility_proposes_3_1_for_self_referred() -> None:
    central = dataclasses.replace(FACILITY, profile=FacilityProfile(
        code="10099", level=FacilityLevel.SPECIALISED, former_tier=FormerTier.CENTRAL))
    record = build_xml0(visit_on(FROM, registered_here=False, card_facility_code="10001"), central)
    assert record["MA_DOITUONG_KCB"] == "3.1" and validate_xml0(record) == []


def test_configured_1_11_is_not_proposed_before_17_october_2025() -> None:
    record = build_xml0(visit_on(BEFORE, registered_here=False, card_facility_code="10001"), FACILITY)
    assert record["MA_DOITUONG_KCB"] == ""  # was "1.11", which the validator refused for that date
    after = build_xml0(visit_on(FROM, registered_here=False, card_facility_code="10001"), FACILITY)
    assert after["MA_DOITUONG_KCB"] == "1.11" and validate_xml0(after) == []


def test_a_personal_id_card_number_is_accepted_and_fills_so_cccd() -> None:
    visit = visit_on(FROM, card_number="001185000321", bhxh_number=None, citizen_id=None, object_code=None,
                     benefit_level=None)
    record = build_xml0(visit, WITH_PROFILE)
    assert record["MA_THE_BHYT"] == "001185000321" and record["SO_CCCD"] == "001185000321"
    assert validate_xml0(record) == []


@pytest.mark.parametrize(("number", "ok"), [("HC4100123456789", True), ("001185000321", True),
                                            ("0123456789", False), ("HC4100123456789;001185000321", True)])
def test_ma_the_bhyt_forms(number: str, ok: bool) -> None:
    record = build_xml0(BHYT_VISIT, FACILITY).replace(MA_THE_BHYT=number)
    assert (not [p for p in validate_xml0(record) if p.field == "MA_THE_BHYT"]) is ok


def test_month_precise_birth_date_is_written_as_the_year() -> None:
    record = build_xml0({**BHYT_VISIT, "birth_date": "1985-06"}, FACILITY)
    assert record["NGAY_SINH"] == "198500000000" and validate_xml0(record) == []


def test_cccd_visit_without_a_confirmed_card_is_reported_not_exported_as_uninsured(tmp_path: Path) -> None:
    visit = {**CCCD_VISIT, "verdict": "unknown", "card_number": None, "card_facility_code": None,
             "valid_from": None, "bhxh_number": None}
    record = build_xml0(visit, FACILITY)
    problems = visit_problems(visit, record)
    assert [(p.field, p.problem) for p in problems] == [("MA_THE_BHYT", "cccd_without_card")]
    report = export_xml0([visit], FACILITY, tmp_path / "out")
    assert not report.written and report.failed[0].problems[0].problem == "cccd_without_card"
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_cccd_visit_marked_self_pay_is_exported_as_not_bhyt(tmp_path: Path) -> None:
    visit = {**CCCD_VISIT, "verdict": "unknown", "card_number": None, "card_facility_code": None,
             "valid_from": None, "bhxh_number": None, "self_pay": True}
    report = export_xml0([visit], FACILITY, tmp_path / "out")
    assert len(report.written) == 1
    record = build_xml0(visit, FACILITY)
    assert record["MA_DOITUONG_KCB"] == "9" and visit_problems(visit, record) == []


def test_a_visit_with_a_card_marked_self_pay_is_not_billed_to_bhyt() -> None:
    record = build_xml0({**BHYT_VISIT, "self_pay": True}, FACILITY)
    assert (record["MA_THE_BHYT"], record["MA_DKBD"], record["GT_THE_TU"], record["MA_DOITUONG_KCB"]) == (
        "", "", "", "9")
    assert validate_xml0(record) == []


def test_a_cccd_visit_with_the_card_the_gateway_returned_is_exported() -> None:
    record = build_xml0(CCCD_VISIT, FACILITY, Xml0Extras(patient_id="BN1"))
    assert record["MA_THE_BHYT"] == "DN4790000000001" and visit_problems(CCCD_VISIT, record) == []


def test_registered_here_comes_from_the_flag_or_the_card_facility() -> None:
    day = dt.date(2026, 11, 22)
    flagged = {**BHYT_VISIT, "registered_here": True, "card_facility_code": "79001"}
    by_code = {**BHYT_VISIT, "registered_here": None, "card_facility_code": "10099"}
    elsewhere = {**BHYT_VISIT, "registered_here": False, "card_facility_code": "79001"}
    assert object_code_for_visit(flagged, FACILITY, day) == "1.1"
    assert object_code_for_visit(by_code, FACILITY, day) == "1.1"
    assert object_code_for_visit(elsewhere, FACILITY, day) == "1.11"


def test_with_a_profile_the_route_decides_even_when_registered_here() -> None:
    station = dataclasses.replace(FACILITY, profile=FacilityProfile(code="10099", level=FacilityLevel.PRIMARY,
                                                                    primary_full_coverage=True))
    assert object_code_for_visit({**BHYT_VISIT, "registered_here": True}, station, dt.date(2026, 11, 22)) == "1.2"


def test_with_a_profile_an_outside_route_proposes_no_code() -> None:
    visit = {**BHYT_VISIT, "registered_here": False, "card_facility_code": "01099"}
    central = dataclasses.replace(FACILITY, profile=FacilityProfile(code="10099", level=FacilityLevel.SPECIALISED))
    assert object_code_for_visit(visit, central, dt.date(2026, 11, 22)) == ""


def test_with_a_profile_an_unknown_card_facility_proposes_no_code() -> None:
    visit = {**BHYT_VISIT, "registered_here": None, "card_facility_code": None}
    assert object_code_for_visit(visit, WITH_PROFILE, dt.date(2026, 11, 22)) == ""
