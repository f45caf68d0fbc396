"""A 12-digit personal-ID card from scan to recorded visit to XML0, and a CCCD visit without a confirmed card,
through the real store (docs/eligibility.md). The check-in core will call the same pieces."""

from __future__ import annotations

import datetime as dt

from kiosk.cards import BirthDate, CachedCard, parse_payload
from kiosk.cards.route import FacilityLevel, FacilityProfile
from kiosk.db.store import Store
from kiosk.gateway.xml0 import FirstItem, Xml0Facility, build_xml0, validate_xml0, visit_problems
from tests.cards.builders import bhyt_2018
from tests.db.conftest import MORNING

PERSONAL_ID = "079185000321"
FACILITY = Xml0Facility("79123", first_items={"K01": FirstItem("02.1896", "Khám Nội")},
                        profile=FacilityProfile("79123", level=FacilityLevel.BASIC, basic_score=40))


def test_personal_id_card_scan_to_visit_to_xml0(departments: Store) -> None:
    departments.upsert_cards([CachedCard(PERSONAL_ID, None, PERSONAL_ID, "Nguyễn Văn An", BirthDate(1985, 3, 15),
                                         facility_code="79001", valid_from=dt.date(2026, 1, 1),
                                         valid_to=dt.date(2026, 12, 31))])
    card = parse_payload(bhyt_2018(card=PERSONAL_ID, facility="79 - 001"))
    visit = departments.check_in("K01", card, facility_code="79123", now=MORNING)
    assert (visit["card_number"], visit["citizen_id"], visit["bhxh_number"]) == (PERSONAL_ID, PERSONAL_ID, None)
    assert visit["verdict"] == "valid" and visit["registered_here"] is False
    record = build_xml0(visit, FACILITY)
    assert record["MA_THE_BHYT"] == PERSONAL_ID and record["SO_CCCD"] == PERSONAL_ID
    assert record["MA_DOITUONG_KCB"] == "1.12"  # self-referred to a basic facility under 50 points
    assert validate_xml0(record) == [] and visit_problems(visit, record) == []


def test_cccd_visit_without_a_card_is_flagged_for_xml0(departments: Store) -> None:
    cccd = parse_payload(f"{PERSONAL_ID}||Trần Thị Bình|061985|Nữ|Số 1|10052022")
    visit = departments.check_in("K01", cccd, facility_code="79123", now=MORNING)
    assert visit["card_kind"] == "cccd" and visit["card_number"] is None and visit["birth_date"] == "1985-06"
    record = build_xml0(visit, FACILITY)
    assert [p.problem for p in visit_problems(visit, record)] == ["cccd_without_card"]
