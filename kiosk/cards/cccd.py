"""CCCD (chip citizen-ID) QR payloads: ``id|old id|name|DDMMYYYY|Nam/Nữ|address|DDMMYYYY``.

Plain UTF-8 (no hex). Layout and caveats: docs/card-payloads.md §8.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Final

from kiosk.cards import numbers
from kiosk.cards.codes import PROVINCE_CODES
from kiosk.cards.dates import parse_birth_date, parse_optional_date
from kiosk.cards.model import CardPayloadError, CccdCard, Gender, PayloadErrorCode
from kiosk.cards.text import absent, plain_text

CCCD_PARTS: Final = 7
_GENDERS: Final = {"nam": Gender.MALE, "nữ": Gender.FEMALE, "nu": Gender.FEMALE}
#: 4th digit of the ID: gender and birth century (commonly documented; used for soft warnings only).
_CENTURY_DIGIT: Final = {0: (Gender.MALE, 1900), 1: (Gender.FEMALE, 1900), 2: (Gender.MALE, 2000),
                         3: (Gender.FEMALE, 2000), 4: (Gender.MALE, 2100), 5: (Gender.FEMALE, 2100)}


def looks_like_cccd(fields: list[str]) -> bool:
    return len(fields) >= CCCD_PARTS - 1 and numbers.CITIZEN_ID_RE.fullmatch(fields[0].strip()) is not None


def _consistency(citizen_id: str, card: CccdCard, warnings: list[str]) -> None:
    if citizen_id[1:3] not in PROVINCE_CODES or citizen_id[0] != "0":
        warnings.append(f"id_province: the ID's first digits {citizen_id[:3]} name no province")
    expected = _CENTURY_DIGIT.get(int(citizen_id[3]))
    if expected is None or card.birth_date is None:
        return
    gender, century = expected
    if card.gender is not None and card.gender is not gender:
        warnings.append("id_gender: the gender does not match the ID number's gender digit")
    if century + int(citizen_id[4:6]) != card.birth_date.year:
        warnings.append("id_birth_year: the birth year does not match the ID number's year digits")


def parse_cccd(fields: list[str], warnings: list[str]) -> CccdCard:
    citizen_id = fields[0].strip()
    if len(fields) < CCCD_PARTS:
        raise CardPayloadError(PayloadErrorCode.MISSING_FIELD,
                               f"The citizen-ID code has {len(fields)} fields instead of 7: it is cut short.")
    if len(fields) > CCCD_PARTS:
        warnings.append(f"extra_fields: {len(fields)} fields instead of 7; the first 7 were read")
    old_id = fields[1].strip()
    if old_id and not numbers.OLD_ID_RE.fullmatch(old_id):
        warnings.append(f"bad_old_id: old ID {old_id!r} is not 9 or 12 digits; ignored")
        old_id = ""
    gender_raw = unicodedata.normalize("NFC", fields[4].strip()).casefold()
    gender = _GENDERS.get(gender_raw)
    if gender is None and not absent(gender_raw):
        warnings.append(f"bad_gender: gender {fields[4].strip()!r} is neither Nam nor Nữ; ignored")
    card = CccdCard(
        citizen_id=citizen_id,
        old_id=old_id or None,
        name=plain_text(fields[2], "name", warnings),
        birth_date=parse_birth_date(fields[3], compact=True),
        gender=gender,
        address=plain_text(fields[5], "address", warnings),
        issued_on=parse_optional_date(fields[6], "issue date", warnings, compact=True),
    )
    _consistency(citizen_id, card, warnings)
    return dataclasses.replace(card, warnings=tuple(warnings))
