"""BHYT (health-insurance) card QR payloads: 9-, 10-, 15- and 17-part layouts.

Field order and quirks: docs/card-payloads.md §2-§7. Fields are read by position with a
bounds check each; a short payload simply leaves later fields absent.
"""

from __future__ import annotations

import re
from typing import Final

from kiosk.cards import numbers
from kiosk.cards.codes import AREA_CODES, OBJECT_CODES
from kiosk.cards.dates import parse_birth_date, parse_date, parse_optional_date
from kiosk.cards.model import BhytCard, BhytLayout, CardPayloadError, Gender, PayloadErrorCode
from kiosk.cards.text import absent, decode_hex_text, plain_text

#: Field positions of the 10/15/17-part layouts (the 9-part form has no address: see _SHORT_9).
_STANDARD: Final = {"name": 1, "dob": 2, "gender": 3, "address": 4, "facility": 5, "from": 6, "to": 7,
                    "issued": 8, "office_bhxh": 9, "guardian": 10, "area": 11, "five_years": 12,
                    "check": 13, "issuer": 15}
_SHORT_9: Final = {"name": 1, "dob": 2, "gender": 3, "facility": 4, "from": 5, "to": 6, "issued": 7}
_LAYOUT_BY_PARTS: Final = {9: BhytLayout.SHORT_9, 10: BhytLayout.SHORT_10, 15: BhytLayout.CARD_2018,
                           17: BhytLayout.CARD_2021}
_GENDERS: Final = {"1": Gender.MALE, "2": Gender.FEMALE}


_HEX_RE: Final = re.compile(r"(?:[0-9a-fA-F]{2})+")


def looks_like_bhyt(first_field: str) -> bool:
    return len(first_field) in (10, 15)


def looks_like_personal_id_bhyt(fields: list[str], terminated: bool) -> bool:
    """A BHYT payload whose card field is the 12-digit personal ID (docs/eligibility.md, "Card numbers").

    A CCCD payload also starts with 12 digits; the BHYT payload is told apart by its hex-encoded name
    (field 1) together with the final ``$`` or a BHYT part count (9, 10, 15, 17 with the ``$``). A CCCD
    name is plain text with spaces, never a run of hex pairs.
    """
    if not numbers.PERSONAL_ID_RE.fullmatch(fields[0].strip()) or len(fields) < 2:
        return False
    name = fields[1].strip()
    if not _HEX_RE.fullmatch(name) or len(name) < 4:
        return False
    return terminated or len(fields) + 1 in _LAYOUT_BY_PARTS


def _layout(fields: list[str], terminated: bool, warnings: list[str]) -> tuple[BhytLayout, dict[str, int]]:
    parts = len(fields) + 1  # the final "$" is a part of its own
    if not terminated:
        warnings.append("incomplete: the payload has no final '$' and may be truncated")
    layout = _LAYOUT_BY_PARTS.get(parts, BhytLayout.OTHER)
    if layout is BhytLayout.SHORT_9 and numbers.normalise_facility_code(fields[4]) is None:
        layout = BhytLayout.OTHER  # 8 fields but field 4 is not a facility: a truncated longer payload
    if layout is BhytLayout.OTHER:
        warnings.append(f"unknown_layout: {parts} parts instead of 9, 10, 15 or 17; fields read in the usual order")
    return layout, (_SHORT_9 if layout is BhytLayout.SHORT_9 else _STANDARD)


def parse_bhyt(fields: list[str], terminated: bool, warnings: list[str]) -> BhytCard:
    """Parse the ``|``-separated fields of a BHYT payload (``$`` already cut off)."""
    raw_number = fields[0].strip()
    number = raw_number.upper()
    if number != raw_number:
        warnings.append("lowercase_card_number: the card number arrived in lower case")
    problem = numbers.card_number_problem(number)
    if problem is not None:
        raise CardPayloadError(PayloadErrorCode.BAD_CARD_NUMBER, f"Bad card number {number!r}: {problem}.",
                               length=numbers.wrong_length(number))
    if len(fields) < 4:
        raise CardPayloadError(PayloadErrorCode.MISSING_FIELD,
                               "The card code is cut short: name, date of birth or gender is missing.")
    layout, pos = _layout(fields, terminated, warnings)

    def field(key: str) -> str:
        index = pos.get(key)
        return fields[index].strip() if index is not None and index < len(fields) else ""

    object_code = benefit_level = province = None
    if len(number) == 15:
        object_code, benefit_level, province = number[:2], int(number[2]), number[3:5]
        if object_code not in OBJECT_CODES:
            warnings.append(f"unknown_object_code: object code {object_code} is in no published list; "
                            "accepted, confirm the benefit with the gateway")

    office_bhxh = field("office_bhxh")
    bhxh_number = None
    if len(number) == 12:
        pass  # the personal ID replaces the social-insurance number: field 9 is kept out of bhxh_number
    elif office_bhxh and not absent(office_bhxh):
        if office_bhxh.isdigit() and len(office_bhxh) >= 10:
            bhxh_number = office_bhxh[-10:]
        else:
            warnings.append(f"bad_bhxh_field: field 9 {office_bhxh!r} is not a social-insurance number; ignored")
    if bhxh_number is None:
        bhxh_number = numbers.bhxh_from_card_number(number)

    gender_raw = field("gender")
    gender = _GENDERS.get(gender_raw)
    if gender is None and not absent(gender_raw):
        warnings.append(f"bad_gender: gender {gender_raw!r} is neither 1 nor 2; ignored")

    facility_raw = field("facility")
    facility = numbers.normalise_facility_code(facility_raw) if not absent(facility_raw) else None
    if facility is None and not absent(facility_raw):
        warnings.append(f"bad_facility: {facility_raw!r} is not a facility code; ignored")

    area_raw = field("area")
    area = AREA_CODES.get(area_raw) if area_raw else None
    if area_raw and not absent(area_raw) and area_raw not in AREA_CODES:
        warnings.append(f"bad_area: living-area code {area_raw!r} is not 4-7; ignored")

    check = field("check")
    return BhytCard(
        layout=layout,
        card_number=number,
        object_code=object_code,
        benefit_level=benefit_level,
        province_code=province,
        bhxh_number=bhxh_number,
        name=decode_hex_text(field("name"), "name", warnings),
        birth_date=parse_birth_date(field("dob")),
        gender=gender,
        address=decode_hex_text(field("address"), "address", warnings),
        facility_code=facility,
        valid_from=parse_date(field("from"), "valid-from date"),
        valid_to=parse_date(field("to"), "valid-to date"),
        issued_on=parse_optional_date(field("issued"), "issue date", warnings),
        guardian=plain_text(field("guardian"), "guardian", warnings),
        area=area,
        five_years_on=parse_optional_date(field("five_years"), "5-years date", warnings),
        check_code=None if absent(check) else check,
        issuer=decode_hex_text(field("issuer"), "issuer", warnings),
        complete=terminated,
        warnings=tuple(warnings),
    )
