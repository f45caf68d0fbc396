"""Identity step and CCCD-to-card matching (docs/eligibility.md, "Identity")."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.cards import BhytCard, BirthDate, CachedCard, CccdCard, parse_payload
from kiosk.cards.identity import (
    IdentityMismatch,
    IdentityPolicy,
    IdentityStep,
    is_young_child,
    match_identity,
    name_key,
    same_person_name,
)
from kiosk.cards.identity import identity_step as step
from tests.cards.builders import EXAMPLE_D, bhyt_2018

DAY = dt.date(2026, 3, 2)


def bhyt(**kw: str) -> BhytCard:
    card = parse_payload(bhyt_2018(**kw))
    assert isinstance(card, BhytCard)
    return card


def cccd(name: str = "Nguyễn Văn An", birth: str = "15031985", number: str = "001185000321") -> CccdCard:
    card = parse_payload(f"{number}||{name}|{birth}|Nam|Số 1|10052022")
    assert isinstance(card, CccdCard)
    return card


@pytest.mark.parametrize(("policy", "self_service", "expected"), [
    (IdentityPolicy.SELF_SERVICE, True, IdentityStep.SCAN_CCCD),
    (IdentityPolicy.SELF_SERVICE, False, IdentityStep.NONE),
    (IdentityPolicy.ALWAYS, True, IdentityStep.SCAN_CCCD),
    (IdentityPolicy.ALWAYS, False, IdentityStep.DESK_CHECK),
    (IdentityPolicy.OFF, True, IdentityStep.NONE),
    (IdentityPolicy.OFF, False, IdentityStep.NONE),
])
def test_identity_step_for_a_bhyt_card(policy: IdentityPolicy, self_service: bool, expected: IdentityStep) -> None:
    assert step(bhyt(), self_service=self_service, policy=policy, on=DAY) is expected


def test_a_cccd_is_itself_the_identity_document() -> None:
    card = parse_payload(EXAMPLE_D)
    assert step(card, self_service=True, policy=IdentityPolicy.ALWAYS, on=DAY) is IdentityStep.NONE


@pytest.mark.parametrize(("dob", "young"), [
    ("03/03/2020", True),    # turns 6 the day after
    ("02/03/2020", False),   # 6 today
    ("2020", True),          # year only: could be born on 31/12/2020
    ("2019", False),
    ("03/2020", True),
])
def test_children_under_6_need_no_identity_document(dob: str, young: bool) -> None:
    card = bhyt(dob=dob)
    assert is_young_child(card.birth_date, DAY) is young
    expected = IdentityStep.NONE if young else IdentityStep.SCAN_CCCD
    assert step(card, self_service=True, policy=IdentityPolicy.SELF_SERVICE, on=DAY) is expected


def test_the_cached_birth_date_decides_the_child_exemption_when_given() -> None:
    card = bhyt(dob="-")
    assert step(card, self_service=True, policy=IdentityPolicy.SELF_SERVICE, on=DAY) is IdentityStep.SCAN_CCCD
    assert step(card, self_service=True, policy=IdentityPolicy.SELF_SERVICE, on=DAY,
                birth_date=BirthDate(2022, 1, 1)) is IdentityStep.NONE


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Nguyễn Văn An", "NGUYỄN  VĂN AN", True),
    ("Nguyễn Văn An", "Nguye\u0302\u0303n Va\u0306n An", True),   # decomposed (NFD) input
    ("Lê Thị Hoà", "Lê Thị Hòa", True),                          # old / new tone-mark placement
    ("Trần Thị Thuỷ", "TRẦN THỊ THỦY", True),
    ("Nguyễn Văn An", "Nguyen Van An", False),                   # diacritics carry meaning
    ("Lê Thị Hoa", "Lê Thị Hòa", False),                          # a different tone
    ("Đỗ Minh", "Do Minh", False),
])
def test_names_match_across_case_form_and_tone_placement(a: str, b: str, same: bool) -> None:
    assert same_person_name(a, b) is same


def test_ignoring_diacritics_is_an_explicit_choice() -> None:
    assert same_person_name("Đỗ Minh Đức", "DO MINH DUC", ignore_diacritics=True)
    assert name_key("Hoà") == name_key("Hòa")


def test_matching_cccd_belongs_to_the_card_holder() -> None:
    assert match_identity(bhyt(), cccd()).ok


def test_someone_elses_cccd_does_not_match() -> None:
    result = match_identity(bhyt(), cccd(name="Trần Thị Bình", birth="21061985"))
    assert not result.ok
    assert set(result.mismatches) == {IdentityMismatch.NAME, IdentityMismatch.BIRTH_DATE}


def test_a_personal_id_card_must_match_the_cccd_number() -> None:
    card = bhyt(card="001185000321")
    assert match_identity(card, cccd()).ok
    result = match_identity(card, cccd(number="001185000999"))
    assert result.mismatches == (IdentityMismatch.ID_NUMBER,)


def test_partial_birth_dates_match_what_they_know() -> None:
    assert match_identity(bhyt(dob="1985"), cccd(birth="031985")).ok
    assert not match_identity(bhyt(dob="15/03/1985"), cccd(birth="041985")).ok


def test_a_card_without_name_cannot_be_matched() -> None:
    cached = CachedCard("DN4790123456789", citizen_id="001185000321")
    result = match_identity(cached, cccd())
    assert IdentityMismatch.MISSING in result.mismatches and not result.ok
