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
