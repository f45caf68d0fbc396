"""12-digit personal-ID card numbers (docs/eligibility.md, "Card numbers") and CCCD birth-date forms."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.cards import BhytCard, BirthDate, CachedCard, CardPayloadError, CccdCard, PayloadErrorCode, parse_payload
from kiosk.cards.eligibility import Verdict, decide
from kiosk.cards.numbers import bhxh_from_card_number, card_number_problem, personal_id_of, same_card
from tests.cards.builders import bhyt_2018, bhyt_2021, bhyt_fields, h, join

PERSONAL_ID = "001185000321"


@pytest.mark.parametrize("payload", [
    bhyt_2018(card=PERSONAL_ID),
    bhyt_2021(card=PERSONAL_ID),
    bhyt_2018(card=PERSONAL_ID) + "\r\n",
], ids=["15-part", "17-part", "scanner-newline"])
def test_bhyt_payload_with_a_personal_id_is_a_bhyt_card(payload: str) -> None:
    card = parse_payload(payload)
    assert isinstance(card, BhytCard)
    assert card.card_number == PERSONAL_ID and card.personal_id == PERSONAL_ID
    assert card.name == "Nguyễn Văn An" and card.birth_date == BirthDate(1985, 3, 15)
    assert card.facility_code == "79123"
    # The personal ID replaces the social-insurance number: field 9 is not cut into a 10-digit number.
    assert card.bhxh_number is None and card.object_code is None and card.benefit_level is None


def test_the_same_digits_as_a_cccd_payload_stay_a_cccd() -> None:
    card = parse_payload(f"{PERSONAL_ID}||Trần Thị Bình|21061985|Nữ|Số 1 ngõ Mẫu|10052022")
    assert isinstance(card, CccdCard) and card.citizen_id == PERSONAL_ID


def test_a_cccd_whose_name_looks_like_hex_is_still_a_cccd() -> None:
    # A short all-hex "name" without the BHYT "$" and with 7 parts is a CCCD payload.
    card = parse_payload(f"{PERSONAL_ID}||abcd|21061985|Nữ|Số 1|10052022")
    assert isinstance(card, CccdCard)


def test_a_12_digit_bhyt_payload_without_dollar_but_with_a_bhyt_part_count() -> None:
    card = parse_payload(join(bhyt_fields(card=PERSONAL_ID), dollar=False))  # truncated: no "$"
    assert isinstance(card, BhytCard) and card.card_number == PERSONAL_ID and not card.complete


def test_bad_date_in_a_12_digit_bhyt_payload_names_the_bhyt_field() -> None:
    with pytest.raises(CardPayloadError) as caught:
        parse_payload(bhyt_2018(card=PERSONAL_ID, valid_from="31/02/2026"))
    assert caught.value.code is PayloadErrorCode.BAD_DATE
    assert "valid-from" in caught.value.message


@pytest.mark.parametrize(("number", "ok"), [
    ("DN4790123456789", True), ("0198765432", True), (PERSONAL_ID, True),
    ("00118500032", False), ("0011850003210", False), ("00118500032A", False), ("DN47901234567", False),
])
def test_card_number_forms(number: str, ok: bool) -> None:
    assert (card_number_problem(number) is None) is ok


def test_card_number_problem_mentions_the_personal_id() -> None:
    assert "12-digit personal ID" in (card_number_problem("1234567") or "")


def test_personal_id_has_no_social_insurance_number() -> None:
    assert bhxh_from_card_number(PERSONAL_ID) is None
    assert bhxh_from_card_number("DN4790123456789") == "0123456789"
    assert personal_id_of(PERSONAL_ID) == PERSONAL_ID and personal_id_of("0198765432") is None


def test_same_card_by_personal_id() -> None:
    assert same_card(PERSONAL_ID, "DN4790123456789", "0123456789", PERSONAL_ID)
    assert not same_card(PERSONAL_ID, "DN4790123456789", "0123456789", "001185000322")
    assert same_card(PERSONAL_ID, PERSONAL_ID, None, None)


def test_decision_for_a_personal_id_card_found_through_its_citizen_id() -> None:
    card = parse_payload(bhyt_2018(card=PERSONAL_ID, facility="79 - 123"))
    cached = CachedCard("DN4790123456789", "0123456789", PERSONAL_ID, "Nguyễn Văn An", BirthDate(1985, 3, 15),
                        facility_code="79123", valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31))
    decision = decide(card, cached, dt.date(2026, 3, 1), "79123")
    assert decision.verdict is Verdict.VALID and decision.registered_here
    assert decision.benefit_level == 4  # from the cached 15-character number


# -- CCCD birth dates: DDMMYYYY, MMYYYY, YYYY --------------------------------------------------------------
@pytest.mark.parametrize(("raw", "birth", "iso"), [
    ("21061985", BirthDate(1985, 6, 21), "1985-06-21"),
    ("061985", BirthDate(1985, 6), "1985-06"),
    ("1985", BirthDate(1985), "1985"),
])
def test_cccd_birth_date_forms(raw: str, birth: BirthDate, iso: str) -> None:
    card = parse_payload(f"{PERSONAL_ID}||Trần Thị Bình|{raw}|Nữ|Số 1|10052022")
    assert isinstance(card, CccdCard) and card.birth_date == birth
    assert card.birth_date.iso() == iso and BirthDate.from_iso(iso) == birth


@pytest.mark.parametrize("raw", ["131985", "001985", "32011985", "06198"])
def test_impossible_cccd_birth_dates_are_refused(raw: str) -> None:
    with pytest.raises(CardPayloadError) as caught:
        parse_payload(f"{PERSONAL_ID}||Trần Thị Bình|{raw}|Nữ|Số 1|10052022")
    assert caught.value.code is PayloadErrorCode.BAD_DATE


def test_month_precise_birth_dates_match_what_they_know() -> None:
    june = BirthDate(1985, 6)
    assert june.matches(BirthDate(1985, 6, 21)) and june.matches(BirthDate(1985))
    assert not june.matches(BirthDate(1985, 7, 1)) and not june.matches(BirthDate(1986, 6))
    assert not june.full and BirthDate(1985, 6, 21).full and june.year_only is False


@pytest.mark.parametrize("text", ["1985-13", "1985-00", "85-06"])
def test_from_iso_refuses_bad_months(text: str) -> None:
    with pytest.raises(ValueError):
        BirthDate.from_iso(text)


def test_cached_birth_month_mismatch_is_a_birth_date_mismatch() -> None:
    card = parse_payload(f"{PERSONAL_ID}||Trần Thị Bình|071985|Nữ|Số 1|10052022")
    cached = CachedCard("DN4790123456789", citizen_id=PERSONAL_ID, name="Trần Thị Bình",
                        birth_date=BirthDate(1985, 6, 21))
    assert decide(card, cached, dt.date(2026, 3, 1), "79123").verdict is Verdict.BIRTH_DATE_MISMATCH


def test_bhyt_birth_month_and_year_with_slash() -> None:
    card = parse_payload(bhyt_2018(dob="06/1985"))
    assert isinstance(card, BhytCard) and card.birth_date == BirthDate(1985, 6)


def test_hex_helper_round_trip() -> None:  # the builder itself: names are hex of UTF-8
    assert bytes.fromhex(h("Lê Thị Hoa")).decode() == "Lê Thị Hoa"
