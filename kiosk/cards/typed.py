"""A card from a number typed at the desk, with the name and birth date staff entered: the way in for
children under 6 who come with only their BHYT number or personal ID (NĐ 188/2025/NĐ-CP, Điều 37 khoản 2;
docs/eligibility.md). Plain Python; the desk screen and the check-in core call it."""

from __future__ import annotations

import re
from typing import Final

from kiosk.cards import numbers
from kiosk.cards.model import BhytCard, BhytLayout, BirthDate, CardPayloadError, CccdCard, PayloadErrorCode
from kiosk.cards.names import normalise_name

_SEPARATORS: Final = re.compile(r"[\s\-.]+")


def card_from_typed(text: str, *, name: str | None = None, birth_date: BirthDate | None = None,
                    insurance_number: bool = False) -> BhytCard | CccdCard:
    """The card named by a typed number: 15 characters or 10 digits give a BHYT card; 12 digits give a CCCD,
    or a BHYT card numbered by the personal ID when staff say it is the insurance number
    (``insurance_number``). Name and birth date are what staff entered (needed for the online look-up).
    Raises CardPayloadError(BAD_CARD_NUMBER) with a message for staff."""
    value = _SEPARATORS.sub("", text).upper()
    clean_name = " ".join(name.split()) if name and normalise_name(name) else None
    if numbers.CITIZEN_ID_RE.fullmatch(value) and not insurance_number:
        return CccdCard(citizen_id=value, old_id=None, name=clean_name, birth_date=birth_date, gender=None,
                        address=None, issued_on=None)
    problem = numbers.card_number_problem(value)
    if problem is not None:
        raise CardPayloadError(PayloadErrorCode.BAD_CARD_NUMBER, f"Bad card number {value!r}: {problem}.",
                               length=numbers.wrong_length(value))
    full = len(value) == 15
    return BhytCard(layout=BhytLayout.OTHER, card_number=value, object_code=value[:2] if full else None,
                    benefit_level=int(value[2]) if full else None, province_code=value[3:5] if full else None,
                    bhxh_number=numbers.bhxh_from_card_number(value), name=clean_name, birth_date=birth_date,
                    gender=None, address=None, facility_code=None, valid_from=None, valid_to=None, issued_on=None,
                    guardian=None, area=None, five_years_on=None, check_code=None, issuer=None, complete=False,
                    warnings=("typed: entered by staff, not scanned",))
