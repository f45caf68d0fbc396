from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from kiosk.cards import BhytCard, BirthDate, CachedCard, CardStatus, CccdCard, parse_payload
from kiosk.cards.eligibility import Verdict, decide
from tests.cards.builders import bhyt_2018, bhyt_2021, cccd

TODAY = dt.date(2026, 6, 1)
HERE = "79123"


def card(**kw: str) -> BhytCard:
    parsed = parse_payload(bhyt_2018(**kw))
    assert isinstance(parsed, BhytCard)
    return parsed


def cached(**kw: object) -> CachedCard:
    base: dict[str, object] = dict(card_number="DN4790123456789", bhxh_number="0123456789", name="Nguyễn Văn An",
                                   birth_date=BirthDate(1985, 3, 15), facility_code="79123",
                                   valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31))
    base.update(kw)
    return CachedCard(**base)  # type: ignore[arg-type]


def test_valid_registered_here_with_benefit() -> None:
    d = decide(card(), cached(), TODAY, HERE)
    assert d.verdict is Verdict.VALID and not d.provisional
    assert d.registered_here is True
    assert (d.benefit_level, d.coverage_percent) == (4, 80)
    assert "còn giá trị" in d.message_vi and "valid" in d.message_en


def test_registered_elsewhere() -> None:
    assert decide(card(facility="01 - 099"), cached(facility_code="01099"), TODAY, HERE).registered_here is False


@pytest.mark.parametrize(("kw", "verdict"), [
    ({"valid_to": dt.date(2026, 5, 31)}, Verdict.EXPIRED),
    ({"valid_from": dt.date(2026, 6, 2)}, Verdict.NOT_YET_VALID),
    ({"status": CardStatus.REVOKED}, Verdict.REVOKED),
    ({"status": CardStatus.REDUCED}, Verdict.REDUCED),
    ({"name": "Nguyễn Văn Ân"}, Verdict.NAME_MISMATCH),
    ({"name": "Nguyen Van An"}, Verdict.NAME_MISMATCH),
    ({"birth_date": BirthDate(1985, 3, 16)}, Verdict.BIRTH_DATE_MISMATCH),
    ({"birth_date": BirthDate(1986)}, Verdict.BIRTH_DATE_MISMATCH),
])
def test_each_cached_verdict(kw: dict[str, object], verdict: Verdict) -> None:
    assert decide(card(), cached(**kw), TODAY, HERE).verdict is verdict


def test_validity_boundaries_are_inclusive() -> None:
    c = cached(valid_from=TODAY, valid_to=TODAY)
    assert decide(card(), c, TODAY, HERE).verdict is Verdict.VALID


def test_name_comparison_ignores_case_spacing_and_normal_form() -> None:
    variant = unicodedata.normalize("NFD", "  NGUYỄN   văn AN ")
    assert decide(card(), cached(name=variant), TODAY, HERE).verdict is Verdict.VALID


def test_year_only_birth_date_matches_the_year() -> None:
    assert decide(card(dob="1985"), cached(), TODAY, HERE).verdict is Verdict.VALID


def test_replaced_by_status_names_new_card() -> None:
    d = decide(card(), cached(status=CardStatus.REPLACED, replaced_by="HT3790123456789"), TODAY, HERE)
    assert d.verdict is Verdict.REPLACED
    assert d.replaced_by == "HT3790123456789"
    assert "HT3790123456789" in d.message_en


def test_older_card_number_found_through_bhxh_number_is_replaced() -> None:
    d = decide(card(card="DN4790123456789"), cached(card_number="HT3790123456789"), TODAY, HERE)
    assert d.verdict is Verdict.REPLACED and d.replaced_by == "HT3790123456789"
    assert d.benefit_level == 3  # the cache's card is the current one


def test_ten_digit_card_matches_its_fifteen_char_record() -> None:
    parsed = parse_payload(bhyt_2021(card="0123456789", facility="79 - 123", valid_from="01/01/2026",
                                     valid_to="-"))
    d = decide(parsed, cached(), TODAY, HERE)
    assert d.verdict is Verdict.VALID
    assert d.benefit_level == 4  # from the cached 15-character number


def test_status_wins_over_identity_and_identity_over_dates() -> None:
    c = cached(status=CardStatus.REVOKED, name="Someone Else", valid_to=dt.date(2020, 1, 1))
    assert decide(card(), c, TODAY, HERE).verdict is Verdict.REVOKED
    c = cached(name="Someone Else", valid_to=dt.date(2020, 1, 1))
    assert decide(card(), c, TODAY, HERE).verdict is Verdict.NAME_MISMATCH


@pytest.mark.parametrize(("kw", "provisional"), [
    ({}, Verdict.VALID),
    ({"valid_to": "31/05/2026"}, Verdict.EXPIRED),
    ({"valid_from": "02/06/2026"}, Verdict.NOT_YET_VALID),
    ({"valid_to": "-"}, Verdict.VALID),
])
def test_unknown_card_gets_provisional_reading_of_qr_dates(kw: dict[str, str], provisional: Verdict) -> None:
    d = decide(card(**kw), None, TODAY, HERE)
    assert d.verdict is Verdict.UNKNOWN and d.provisional
    assert d.provisional_verdict is provisional
    assert d.registered_here is True  # from the QR's own facility


def test_cccd_without_cache_is_unknown_and_with_cache_is_decided() -> None:
    citizen = parse_payload(cccd(name="Nguyễn Văn An", dob="15031985", citizen_id="079085001234"))
    assert isinstance(citizen, CccdCard)
    unknown = decide(citizen, None, TODAY, HERE)
    assert unknown.verdict is Verdict.UNKNOWN and unknown.provisional_verdict is None
    assert unknown.registered_here is None
    known = decide(citizen, cached(citizen_id="079085001234"), TODAY, HERE)
    assert known.verdict is Verdict.VALID and known.benefit_level == 4 and known.registered_here is True
    assert decide(citizen, cached(valid_to=dt.date(2026, 1, 31)), TODAY, HERE).verdict is Verdict.EXPIRED


@pytest.mark.parametrize(("qr", "verdict"), [
    ({"valid_to": "31/05/2026"}, Verdict.EXPIRED),
    ({"valid_from": "02/06/2026"}, Verdict.NOT_YET_VALID),
    ({"valid_to": "-"}, Verdict.VALID),
    ({}, Verdict.VALID),
], ids=["qr-expired", "qr-not-yet-valid", "qr-open-ended", "qr-current"])
def test_cached_card_without_dates_falls_back_to_the_qr_validity_dates(qr: dict[str, str], verdict: Verdict) -> None:
    # The card list may leave a card's dates empty; the QR's own dates then decide: an expired card must
    # never become "valid" because the cached record has no end date.
    d = decide(card(**qr), cached(valid_from=None, valid_to=None), TODAY, HERE)
    assert d.verdict is verdict and not d.provisional


def test_cached_dates_win_over_the_qr_dates_when_present() -> None:
    assert decide(card(valid_to="31/05/2026"), cached(), TODAY, HERE).verdict is Verdict.VALID
    assert decide(card(), cached(valid_to=dt.date(2026, 5, 31)), TODAY, HERE).verdict is Verdict.EXPIRED


def test_cached_cccd_without_dates_is_valid_on_the_cache_alone() -> None:
    citizen = parse_payload(cccd(name="Nguyễn Văn An", dob="15031985", citizen_id="079085001234"))
    d = decide(citizen, cached(citizen_id="079085001234", valid_from=None, valid_to=None), TODAY, HERE)
    assert d.verdict is Verdict.VALID  # a CCCD code carries no validity dates to fall back to


def test_a_decision_without_replacement_names_no_new_card() -> None:
    d = decide(card(), cached(), TODAY, HERE)
    assert d.replaced_by is None and "New card" not in d.message_en


def test_facility_code_comparison_ignores_case_and_spaces() -> None:
    c = cached(facility_code="010A9")
    assert decide(card(facility="01 - 0A9"), c, TODAY, " 010a9 ").registered_here is True


def test_without_a_cached_record_the_benefit_comes_from_the_qr_number() -> None:
    d = decide(card(), None, TODAY, HERE)
    assert (d.benefit_level, d.coverage_percent) == (4, 80)


def test_message_in_the_asked_language_and_english_otherwise() -> None:
    d = decide(card(), cached(), TODAY, HERE)
    assert d.message() == d.message("vi") == d.message_vi == "Thẻ BHYT còn giá trị sử dụng."
    assert d.message("en") == d.message_en == "The health-insurance card is valid."
    assert d.message("ko") == d.message_en
