from __future__ import annotations

import datetime as dt

import pytest

from kiosk.cards import BhytCard, BhytLayout, BirthDate, CardPayloadError, Gender, PayloadErrorCode, parse_payload
from kiosk.cards.parse import NOT_A_CARD_MESSAGE
from tests.cards.builders import (
    EXAMPLE_A,
    EXAMPLE_B,
    EXAMPLE_C,
    bhyt_2018,
    bhyt_2021,
    bhyt_fields,
    bhyt_short_9,
    bhyt_short_10,
    h,
    join,
)


def bhyt(payload: str | bytes) -> BhytCard:
    card = parse_payload(payload)
    assert isinstance(card, BhytCard)
    return card


def test_example_a_2018_card() -> None:
    card = bhyt(EXAMPLE_A)
    assert card.layout is BhytLayout.CARD_2018
    assert (card.card_number, card.object_code, card.benefit_level, card.province_code) == (
        "HC4100123456789", "HC", 4, "10")
    assert card.name == "Nguyễn Văn An"
    assert card.address == "Thôn Mẫu, xã Thử Nghiệm, tỉnh Lào Cai"
    assert card.birth_date == BirthDate(1985, 3, 15)
    assert card.gender is Gender.MALE
    assert card.facility_code == "10099"
    assert card.valid_from == dt.date(2024, 1, 1)
    assert card.valid_to is None
    assert card.issued_on == dt.date(2023, 12, 20)
    assert card.bhxh_number == "0123456789"
    assert card.area == "K1"
    assert card.five_years_on == dt.date(2027, 10, 1)
    assert card.check_code == "5e1f0c2a9b7d3c48-7102"
    assert card.guardian is None and card.issuer is None
    assert card.complete and card.warnings == ()


def test_example_b_2021_card_ten_digits_en_dash_and_issuer() -> None:
    card = bhyt(EXAMPLE_B)
    assert card.layout is BhytLayout.CARD_2021
    assert card.card_number == "0198765432"
    assert card.object_code is None and card.benefit_level is None and card.province_code is None
    assert card.bhxh_number == "0198765432"
    assert card.name == "Lê Thị Hoa"
    assert card.gender is Gender.FEMALE
    assert card.address is None
    assert card.facility_code == "01C99"
    assert card.area is None
    assert card.five_years_on == dt.date(2030, 1, 1)
    assert card.issuer == "Quận Ba Đình, Thành phố Hà Nội"


def test_example_c_short_form() -> None:
    card = bhyt(EXAMPLE_C)
    assert card.layout is BhytLayout.SHORT_10
    assert card.birth_date == BirthDate(2010, 5, 2)
    assert card.facility_code == "01099"
    assert (card.valid_from, card.valid_to, card.issued_on) == (
        dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2024, 9, 1))
    assert card.bhxh_number == "0111222333"  # from the card number: field 9 is absent
    assert card.area is None and card.five_years_on is None and card.check_code is None


def test_nine_part_form_has_no_address() -> None:
    card = bhyt(bhyt_short_9())
    assert card.layout is BhytLayout.SHORT_9
    assert card.address is None
    assert card.facility_code == "79123"
    assert card.valid_to == dt.date(2026, 12, 31)
    assert card.issued_on == dt.date(2025, 12, 20)


def test_generated_2021_layout_round_trip() -> None:
    card = bhyt(bhyt_2021(name="Đỗ Thị Mai"))
    assert card.layout is BhytLayout.CARD_2021
    assert card.name == "Đỗ Thị Mai"
    assert card.issuer == "Quận Ba Đình, Thành phố Hà Nội"


@pytest.mark.parametrize(("raw", "expected"), [
    ("01 - 0A9", "010A9"), ("79 – 123", "79123"), ("79 — 123", "79123"), ("79-123", "79123"),
    ("  01 - c99 ", "01C99"),
])
def test_facility_code_normalisation(raw: str, expected: str) -> None:
    assert bhyt(bhyt_2018(facility=raw)).facility_code == expected


def test_bad_facility_is_a_warning_not_an_error() -> None:
    card = bhyt(bhyt_2018(facility="BV Cho Ray"))
    assert card.facility_code is None
    assert any(w.startswith("bad_facility") for w in card.warnings)


@pytest.mark.parametrize(("raw", "expected"), [
    ("15/03/1985", BirthDate(1985, 3, 15)), ("5/3/1985", BirthDate(1985, 3, 5)),
    (" 05 / 03 / 1985 ", BirthDate(1985, 3, 5)), ("1985", BirthDate(1985)),
])
def test_birth_date_forms(raw: str, expected: BirthDate) -> None:
    assert bhyt(bhyt_2018(dob=raw)).birth_date == expected


@pytest.mark.parametrize("raw", ["31/02/2020", "15/13/1985", "1985-03-15", "15/03/85", "0/1/2000", "1/1/1700"])
def test_impossible_dates_are_specific_errors(raw: str) -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(bhyt_2018(dob=raw))
    assert exc.value.code is PayloadErrorCode.BAD_DATE
    assert "date of birth" in exc.value.message


def test_bad_validity_date_is_an_error_and_bad_issue_date_a_warning() -> None:
    with pytest.raises(CardPayloadError, match="valid-to date"):
        parse_payload(bhyt_2018(valid_to="32/12/2026"))
    card = bhyt(bhyt_2018(issued="99/99/2025"))
    assert card.issued_on is None
    assert any("issue date" in w for w in card.warnings)


@pytest.mark.parametrize(("code", "area"), [("4", None), ("5", "K1"), ("6", "K2"), ("7", "K3")])
def test_living_area_codes(code: str, area: str | None) -> None:
    assert bhyt(bhyt_2018(area=code)).area == area


def test_gender_other_than_1_or_2_warns() -> None:
    card = bhyt(bhyt_2018(gender="3"))
    assert card.gender is None
    assert any(w.startswith("bad_gender") for w in card.warnings)


def test_scanner_noise_is_removed() -> None:
    noisy = "\ufeff]Q1" + EXAMPLE_A.replace("|10010123456789", "|\u200e10010123456789") + "\r\n\x00garbage"
    assert bhyt(noisy) == bhyt(EXAMPLE_A)


def test_bytes_and_aim_q2_prefix() -> None:
    assert bhyt(("]Q2" + EXAMPLE_B + "\r").encode("utf-8")).card_number == "0198765432"


def test_missing_dollar_marks_incomplete() -> None:
    card = bhyt(join(bhyt_fields(), dollar=False))
    assert not card.complete
    assert any(w.startswith("incomplete") for w in card.warnings)
    assert card.check_code == "5e1f0c2a9b7d3c48-7102"


def test_truncated_payload_reads_what_is_there() -> None:
    card = bhyt(join(bhyt_fields()[:6], dollar=False))
    assert card.name == "Nguyễn Văn An"
    assert card.valid_from is None and card.bhxh_number == "0123456789"
    assert not card.complete


def test_unknown_layout_is_read_in_the_usual_order() -> None:
    card = bhyt(join([*bhyt_fields(), "x"]))  # 16 parts
    assert card.layout is BhytLayout.OTHER
    assert card.facility_code == "79123"
    assert any(w.startswith("unknown_layout") for w in card.warnings)


def test_uppercase_hex_decodes() -> None:
    assert bhyt(EXAMPLE_A.replace("4e677579e1bb856e2056c4836e20416e",
                                  "4E677579E1BB856E2056C4836E20416E")).name == "Nguyễn Văn An"


def test_nfd_name_is_normalised_to_nfc() -> None:
    import unicodedata

    card = bhyt(bhyt_2018(name=unicodedata.normalize("NFD", "Nguyễn Văn An")))
    assert card.name == "Nguyễn Văn An"


@pytest.mark.parametrize(("name_field", "warning"), [
    ("c3", "corrupt_name"),                      # valid hex, truncated UTF-8 sequence
    ("4e677579e1bb856e2056c4836e20416", "corrupt_name"),  # odd length
    ("4e677579e1bb856e2056c4836e2041ồ6e", "corrupt_name"),  # Telex turned "oo f" into ồ
    ("ff00", "corrupt_name"),
])
def test_corrupt_hex_name_gives_warning_and_no_value(name_field: str, warning: str) -> None:
    fields = bhyt_fields()
    fields[1] = name_field
    card = bhyt(join(fields))
    assert card.name is None
    assert any(w.startswith(warning) for w in card.warnings)


def test_plain_text_name_is_kept_with_a_warning_and_question_marks_are_not() -> None:
    fields = bhyt_fields()
    fields[1] = "Nguyễn Văn An"
    card = bhyt(join(fields))
    assert card.name == "Nguyễn Văn An"
    assert any(w.startswith("plain_name") for w in card.warnings)
    fields[1] = "Nguy?n V?n An"
    assert bhyt(join(fields)).name is None


def test_guardian_is_raw_text() -> None:
    assert bhyt(bhyt_2018(guardian="Trần Văn Cha")).guardian == "Trần Văn Cha"
    garbled = bhyt(bhyt_2018(guardian="Tr?n V?n Cha"))
    assert garbled.guardian is None
    assert any(w.startswith("garbled_guardian") for w in garbled.warnings)


def test_unknown_object_code_is_accepted_with_warning() -> None:
    card = bhyt(bhyt_2018(card="AK4790123456789"))
    assert card.object_code == "AK" and card.benefit_level == 4
    assert any(w.startswith("unknown_object_code") for w in card.warnings)


def test_old_card_with_letters_takes_bhxh_number_from_field_9() -> None:
    card = bhyt(bhyt_2018(card="GD4790A12B34C56", office="79010123456789"))
    assert card.bhxh_number == "0123456789"
    no_field_9 = bhyt(bhyt_short_10(card="GD4790A12B34C56"))
    assert no_field_9.bhxh_number is None


def test_lowercase_card_number_is_upper_cased_with_warning() -> None:
    card = bhyt(bhyt_2018(card="dn4790123456789"))
    assert card.card_number == "DN4790123456789"
    assert any(w.startswith("lowercase") for w in card.warnings)


@pytest.mark.parametrize("number", ["DN6790123456789", "DN4000123456789", "DN479012345678!", "D14790123456789"])
def test_bad_card_numbers(number: str) -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(bhyt_2018(card=number))
    assert exc.value.code is PayloadErrorCode.BAD_CARD_NUMBER
    assert number in exc.value.message


def test_province_code_must_exist() -> None:
    with pytest.raises(CardPayloadError, match="province code 03"):
        parse_payload(bhyt_2018(card="DN4030123456789"))


def test_card_number_of_wrong_length() -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(bhyt_2018(card="DN47901234567"))
    assert exc.value.code is PayloadErrorCode.BAD_CARD_NUMBER


def test_hex_name_in_example_generator_matches_reference() -> None:
    assert h("Nguyễn Văn An") == "4e677579e1bb856e2056c4836e20416e"


@pytest.mark.parametrize("dollar", [False, True], ids=["truncated", "cut-with-dollar"])
def test_truncated_8_field_payload_is_refused_the_9_part_layout(dollar: bool) -> None:
    # 8 fields (9 parts) but field 4 is an address, not a facility: the guard refuses the 9-part layout and
    # the fields are read in the usual order (the 9-part reading would take the facility as the start date).
    card = bhyt(join(bhyt_fields()[:8], dollar=dollar))
    assert card.layout is BhytLayout.OTHER
    assert card.address == "Số 1 đường Mẫu, Quận 1" and card.facility_code == "79123"
    assert (card.valid_from, card.valid_to) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert any(w.startswith("unknown_layout") for w in card.warnings)


def test_truncated_9_field_payload_reads_fields_in_the_usual_order() -> None:
    card = bhyt(join(bhyt_fields()[:9], dollar=False))
    assert card.layout is BhytLayout.SHORT_10 and not card.complete
    assert card.address == "Số 1 đường Mẫu, Quận 1" and card.facility_code == "79123"
    assert (card.valid_from, card.valid_to, card.issued_on) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31),
                                                                dt.date(2025, 12, 20))


@pytest.mark.parametrize("text", ["just some text", "abc|def", "https://example.invalid/a|b", "ABCDEFG|x",
                                  "ABCDEFGHIJKLMNOPQ|x", "ABCD-EFGH|x", "HC4100123456789|$"])
def test_text_that_is_no_card_is_refused_as_not_a_card(text: str) -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(text)
    assert exc.value.code is PayloadErrorCode.NOT_A_CARD
    assert exc.value.message == NOT_A_CARD_MESSAGE


@pytest.mark.parametrize("first", ["ABCDEFGH", "ABCDEFGHIJKLMNOP", "0123456789AB1"])
def test_a_card_like_first_field_of_the_wrong_length_is_a_bad_card_number(first: str) -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(f"{first}|{h('Nguyễn Văn An')}|$")
    assert exc.value.code is PayloadErrorCode.BAD_CARD_NUMBER
    assert exc.value.message == (
        f"Bad card number {first!r}: a card number has 15 characters (or 10 digits, or the 12-digit personal "
        f"ID), a citizen ID 12 digits; this one has {len(first)}.")


def test_the_last_field_touching_the_dollar_is_kept() -> None:
    card = bhyt(bhyt_2018().replace("|$", "$"))
    assert card.check_code == "5e1f0c2a9b7d3c48-7102" and card.complete is True


def test_each_bad_optional_field_is_a_warning_that_names_it() -> None:
    fields = bhyt_fields(card="ZZ4790123456789", facility="7X - 1", issued="32/01/2025", office="ABCDEFGHIJKL",
                         area="9", five_years="1/13/2030", gender="-")
    fields[4] = "zz12"  # an address that is not hex
    card = bhyt(join([*fields, "4", "4e67zz"]))
    assert card.warnings == (
        "unknown_object_code: object code ZZ is in no published list; accepted, confirm the benefit with the "
        "gateway",
        "bad_bhxh_field: field 9 'ABCDEFGHIJKL' is not a social-insurance number; ignored",
        "bad_facility: '7X - 1' is not a facility code; ignored",
        "bad_area: living-area code '9' is not 4-7; ignored",
        "plain_address: the address field is plain text, not hex-encoded",
        "bad_date: Bad date in the issue date: '32/01/2025' (no such day). Ignored.",
        "bad_date: Bad date in the 5-years date: '1/13/2030' (no such day). Ignored.",
        "plain_issuer: the issuer field is plain text, not hex-encoded",
    )
    assert (card.gender, card.area, card.facility_code, card.issued_on, card.five_years_on) == (
        None, None, None, None, None)
    assert card.bhxh_number == "0123456789"  # from the card number, not from the bad field 9


def test_absent_optional_fields_give_no_warning() -> None:
    card = bhyt(join(bhyt_fields(area="-", gender="-", office="-", facility="-")))
    assert card.warnings == ()
    assert (card.area, card.gender, card.facility_code, card.bhxh_number) == (None, None, None, "0123456789")


def test_a_ten_digit_field_9_is_the_social_insurance_number() -> None:
    assert bhyt(join(bhyt_fields(card="GD4790A12B34C56", office="0123456789"))).bhxh_number == "0123456789"
    assert bhyt(join(bhyt_fields(card="GD4790A12B34C56", office="012345678"))).bhxh_number is None


@pytest.mark.parametrize(("field", "label"), [("valid_from", "valid-from"), ("valid_to", "valid-to")])
def test_a_bad_validity_date_error_names_the_field(field: str, label: str) -> None:
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(join(bhyt_fields(**{field: "31/02/2026"})))
    assert exc.value.message == f"Bad date in the {label} date: '31/02/2026' (no such day)."


def test_four_fields_are_read_and_three_are_cut_short() -> None:
    card = bhyt(f"DN4790123456789|{h('An')}|15/03/1985|1")
    assert (card.name, card.gender, card.layout) == ("An", Gender.MALE, BhytLayout.OTHER)
    with pytest.raises(CardPayloadError) as exc:
        parse_payload(f"DN4790123456789|{h('An')}|15/03/1985")
    assert exc.value.code is PayloadErrorCode.MISSING_FIELD
    assert exc.value.message == "The card code is cut short: name, date of birth or gender is missing."
