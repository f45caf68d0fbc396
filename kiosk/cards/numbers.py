"""Card numbers, citizen-ID numbers and facility codes: shapes and normalisation.

A BHYT card number comes in three forms (docs/eligibility.md, "Card numbers"): the 15-character number
(object code, benefit level, province, 10 characters), the 10-digit social-insurance number of the 2021
card template, and the 12-digit personal identification number (the CCCD number) that replaces the
social-insurance number from 01/08/2025.
"""

from __future__ import annotations

import re
from typing import Final

from kiosk.cards.codes import PROVINCE_CODES

#: 15 characters (object code, benefit level 1-5, province, 10 chars), the 10-digit 2021 form, or the
#: 12-digit personal identification number.
CARD_NUMBER_RE: Final = re.compile(r"[A-Z]{2}[1-5]\d{2}[0-9A-Z]{10}|\d{10}|\d{12}")
#: The 15-character card number as issued (the form XML ``MA_THE_BHYT`` asks for when there is one).
CARD15_RE: Final = re.compile(r"[A-Z]{2}[1-5]\d{2}[0-9A-Z]{10}")
#: The 12-digit personal identification number used as the insurance number (same digits as the CCCD).
PERSONAL_ID_RE: Final = re.compile(r"\d{12}")
CITIZEN_ID_RE: Final = re.compile(r"\d{12}")
OLD_ID_RE: Final = re.compile(r"\d{9}|\d{12}")
BHXH_NUMBER_RE: Final = re.compile(r"\d{10}")
FACILITY_CODE_RE: Final = re.compile(r"\d{2}[0-9A-Z]{3}")
_FACILITY_JUNK: Final = str.maketrans("", "", " -\u2013\u2014\u00a0\t")


def wrong_length(number: str) -> int | None:
    """The number's length when no card number has that many characters (10, 12 or 15), else None."""
    return None if len(number) in (10, 12, 15) else len(number)


def card_number_problem(number: str) -> str | None:
    """None when ``number`` is a valid card number, else what is wrong with it (English)."""
    if not CARD_NUMBER_RE.fullmatch(number):
        if len(number) not in (10, 12, 15):
            return (f"a card number has 15 characters (or 10 digits, or the 12-digit personal ID), "
                    f"this one has {len(number)}")
        if len(number) in (10, 12):
            return f"a {len(number)}-character card number has digits only"
        return "not the shape of a card number (2 letters, level 1-5, province, 10 characters)"
    if len(number) == 15 and number[3:5] not in PROVINCE_CODES:
        return f"province code {number[3:5]} in the card number does not exist"
    return None


def is_card_number(number: str) -> bool:
    return card_number_problem(number) is None


def normalise_facility_code(raw: str) -> str | None:
    """``"01 - 0A9"`` -> ``"010A9"``, ``"79 – 123"`` -> ``"79123"``; None when it is not a facility code."""
    code = raw.translate(_FACILITY_JUNK).upper()
    if FACILITY_CODE_RE.fullmatch(code) and code[:2] in PROVINCE_CODES:
        return code
    return None


def bhxh_from_card_number(number: str) -> str | None:
    """The 10-digit social-insurance number held by a card number (2018+ cards and the 10-digit form).

    A 12-digit personal ID holds none: it replaces the social-insurance number.
    """
    if len(number) == 12:
        return None
    tail = number[-10:]
    return tail if BHXH_NUMBER_RE.fullmatch(tail) else None


def personal_id_of(number: str) -> str | None:
    """The 12-digit personal identification number when ``number`` is one, else None."""
    return number if PERSONAL_ID_RE.fullmatch(number) else None


def same_card(scanned: str, cached_card_number: str, cached_bhxh: str | None,
              cached_citizen_id: str | None = None) -> bool:
    """Whether a scanned card number names the cached card.

    10-digit forms match the 15-character card holding them; a 12-digit personal ID matches the card of
    that citizen ID (or a card whose number is that ID).
    """
    if scanned == cached_card_number:
        return True
    if len(scanned) == 12:
        return scanned == cached_citizen_id
    if len(scanned) == 10:
        return scanned == cached_bhxh or cached_card_number[-10:] == scanned
    if len(cached_card_number) == 10:
        return scanned[-10:] == cached_card_number
    return False
