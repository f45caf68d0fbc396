from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from kiosk.cards import BirthDate, CardPayloadError, CccdCard, Gender, PayloadErrorCode, parse_payload
from tests.cards.builders import EXAMPLE_D, cccd


def parse_cccd(payload: str) -> CccdCard:
    card = parse_payload(payload)
    assert isinstance(card, CccdCard)
    return card


def test_example_d() -> None:
    card = parse_cccd(EXAMPLE_D)
    assert card.citizen_id == "001185000321"
    assert card.old_id is None
    assert card.name == "Trần Thị Bình"
    assert card.birth_date == BirthDate(1985, 6, 21)
    assert card.gender is Gender.FEMALE
    assert card.address == "Số 1 ngõ Mẫu, phường Thử Nghiệm, Hà Nội"
    assert card.issued_on == dt.date(2022, 5, 10)
    assert card.warnings == ()


def test_old_id_slashed_dates_and_nfd_gender() -> None:
    card = parse_cccd(cccd(old_id="025123456", dob="01/02/1990", gender=unicodedata.normalize("NFD", "Nữ"),
                           citizen_id="079190001234"))
    assert card.old_id == "025123456"
    assert card.birth_date == BirthDate(1990, 2, 1)
    assert card.gender is Gender.FEMALE


def test_consistency_warnings_are_soft() -> None:
    card = parse_cccd(cccd(citizen_id="079095001234", gender="Nữ"))  # digit 4 says male, year 1995
    assert card.name == "Lê Văn Bình"
    assert any(w.startswith("id_gender") for w in card.warnings)
    assert any(w.startswith("id_birth_year") for w in card.warnings)


def test_extra_fields_are_accepted_with_warning() -> None:
    card = parse_cccd(cccd() + "|x|y|z|w")
    assert any(w.startswith("extra_fields") for w in card.warnings)


def test_short_cccd_is_an_error() -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload("|".join(cccd().split("|")[:6]))
    assert exc.value.code is PayloadErrorCode.MISSING_FIELD


def test_garbled_name_from_wedge_scanner_is_dropped() -> None:
    card = parse_cccd(cccd(name="L? V?n B?nh"))
    assert card.name is None
    assert any(w.startswith("garbled_name") for w in card.warnings)


def test_bad_birth_date_is_an_error() -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(cccd(dob="31021990"))
    assert exc.value.code is PayloadErrorCode.BAD_DATE


def test_warnings_say_exactly_which_rule_and_which_value() -> None:
    card = parse_cccd(cccd(citizen_id="179095001234", old_id="12345", gender="X", address="Số ? nhà",
                           issued="31022022"))
    assert card.warnings == (
        "bad_old_id: old ID '12345' is not 9 or 12 digits; ignored",
        "bad_gender: gender 'X' is neither Nam nor Nữ; ignored",
        "garbled_address: the address field arrived garbled (scanner not sending Unicode?)",
        "bad_date: Bad date in the issue date: '31022022' (no such day). Ignored.",
        "id_province: the ID's first digits 179 name no province",  # a citizen ID starts with 0
        "id_birth_year: the birth year does not match the ID number's year digits",
    )
    assert (card.old_id, card.gender, card.address, card.issued_on) == (None, None, None, None)


def test_identity_warnings_name_the_id_number() -> None:
    card = parse_cccd(cccd(citizen_id="079090001234", gender="Nữ", dob="01021990"))
    assert card.warnings == ("id_gender: the gender does not match the ID number's gender digit",)


def test_province_digits_must_name_a_province() -> None:
    assert parse_cccd(cccd(citizen_id="099090001234")).warnings == (
        "id_province: the ID's first digits 099 name no province",)
    assert parse_cccd(cccd(citizen_id="079090001234")).warnings == ()


@pytest.mark.parametrize("citizen_id", ["079790001234", "079990001234"])
def test_a_century_digit_outside_the_table_gives_no_identity_warning(citizen_id: str) -> None:
    assert parse_cccd(cccd(citizen_id=citizen_id, gender="Nữ")).warnings == ()


def test_a_cccd_without_birth_date_or_gender_gives_no_identity_warning() -> None:
    card = parse_cccd(cccd(dob="", gender="-"))
    assert (card.birth_date, card.gender, card.warnings) == (None, None, ())


def test_cut_short_message_counts_the_fields() -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload("|".join(cccd().split("|")[:6]))
    assert exc.value.message == "The citizen-ID code has 6 fields instead of 7: it is cut short."


def test_five_fields_starting_with_an_id_are_no_cccd() -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload("|".join(cccd().split("|")[:5]))
    assert exc.value.code is PayloadErrorCode.BAD_CARD_NUMBER


def test_a_cccd_with_one_or_two_extra_fields_stays_a_cccd() -> None:
    # 8 or 9 fields is also a BHYT part count; field 1 (the old 9-digit ID here) is no hex-encoded BHYT name,
    # which keeps the payload a CCCD.
    for extra in ("|x", "|x|y"):
        card = parse_cccd(cccd(old_id="123456789") + extra)
        assert card.citizen_id == "079090001234" and card.name == "Lê Văn Bình" and card.old_id == "123456789"
