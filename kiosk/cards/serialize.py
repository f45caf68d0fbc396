"""JSON shapes of parsed cards: the ``kiosk card parse --json`` contract. Absent values are null."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.cards.model import BhytCard, BirthDate, CccdCard


def _date(value: dt.date | BirthDate | None) -> str | None:
    return None if value is None else value.isoformat() if isinstance(value, dt.date) else value.iso()


def card_to_json(card: BhytCard | CccdCard) -> dict[str, Any]:
    if isinstance(card, BhytCard):
        return {
            "kind": "bhyt",
            "layout": str(card.layout),
            "card_number": card.card_number,
            "object_code": card.object_code,
            "benefit_level": card.benefit_level,
            "province_code": card.province_code,
            "bhxh_number": card.bhxh_number,
            "name": card.name,
            "birth_date": _date(card.birth_date),
            "gender": None if card.gender is None else str(card.gender),
            "address": card.address,
            "facility_code": card.facility_code,
            "valid_from": _date(card.valid_from),
            "valid_to": _date(card.valid_to),
            "issued_on": _date(card.issued_on),
            "guardian": card.guardian,
            "area": card.area,
            "five_years_on": _date(card.five_years_on),
            "check_code": card.check_code,
            "issuer": card.issuer,
            "complete": card.complete,
            "warnings": list(card.warnings),
        }
    return {
        "kind": "cccd",
        "citizen_id": card.citizen_id,
        "old_id": card.old_id,
        "name": card.name,
        "birth_date": _date(card.birth_date),
        "gender": None if card.gender is None else str(card.gender),
        "address": card.address,
        "issued_on": _date(card.issued_on),
        "warnings": list(card.warnings),
    }
