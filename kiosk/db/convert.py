"""Conversions between card-domain values, database rows and the visit wire format (docs/visit-wire-format.md)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from kiosk.cards.cardlist import real_iso_date
from kiosk.cards.model import BhytCard, BirthDate, CachedCard, CardStatus, CccdCard, Gender
from kiosk.cards.numbers import bhxh_from_card_number

#: Card cache columns, in the CSV / hub ``CardRecord`` order.
CARD_COLUMNS: Final = ("card_number", "bhxh_number", "citizen_id", "name", "birth_date", "gender",
                       "facility_code", "valid_from", "valid_to", "status", "replaced_by")

#: Fields of a visit on the wire, in order (docs/visit-wire-format.md "Wire format of one visit").
WIRE_FIELDS: Final = ("id", "created_at", "visit_date", "department_code", "queue_number", "ticket",
                      "verdict", "provisional", "registered_here", "card_kind", "card_number",
                      "bhxh_number", "citizen_id", "name", "birth_date", "gender", "card_facility_code",
                      "valid_from", "valid_to", "area", "five_years_on", "object_code", "benefit_level",
                      *("route", "benefit_percent", "self_pay", "confirmed_online", "identity_checked", "office",
                        "admitted_elsewhere"))
#: Wire fields that hold a date.
WIRE_DATES: Final = frozenset({"visit_date", "valid_from", "valid_to", "five_years_on"})
#: Fields describing the card on a visit (everything the caller supplies; the store adds the rest).
VISIT_CARD_FIELDS: Final = ("verdict", "provisional", "registered_here", "card_kind", "card_number",
                            "bhxh_number", "citizen_id", "name", "birth_date", "gender",
                            "card_facility_code", "valid_from", "valid_to", "area", "five_years_on",
                            "object_code", "benefit_level", "route", "benefit_percent", "self_pay",
                            "confirmed_online", "identity_checked", "office", "admitted_elsewhere")
#: Visit fields added by issue 14 (eligibility under the 2025 rules), all optional on the wire: a record
#: from an older kiosk lacks them (null; ``self_pay`` false).
ELIGIBILITY_FIELDS: Final = ("route", "benefit_percent", "self_pay", "confirmed_online", "identity_checked",
                             "office", "admitted_elsewhere")


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def card_params(card: CachedCard) -> dict[str, Any]:
    """Bind parameters (SQLAlchemy Core) for one cached card."""
    return {
        "card_number": card.card_number,
        "bhxh_number": card.bhxh_number,
        "citizen_id": card.citizen_id,
        "name": card.name,
        "birth_date": None if card.birth_date is None else card.birth_date.iso(),
        "gender": None if card.gender is None else card.gender.value,
        "facility_code": card.facility_code,
        "valid_from": card.valid_from,
        "valid_to": card.valid_to,
        "status": card.status.value,
        "replaced_by": card.replaced_by,
    }


def card_tuple(card: CachedCard) -> tuple[str | None, ...]:
    """Driver-level parameters for SQLite bulk upserts: dates as ISO text, as SQLAlchemy stores them."""
    return (
        card.card_number, card.bhxh_number, card.citizen_id, card.name,
        None if card.birth_date is None else card.birth_date.iso(),
        None if card.gender is None else card.gender.value,
        card.facility_code, _iso(card.valid_from), _iso(card.valid_to), card.status.value,
        card.replaced_by,
    )


def as_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime, ISO text, or None/empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def cached_from_row(row: Sequence[Any]) -> CachedCard:
    """A cached card from a row in :data:`CARD_COLUMNS` order (dates as date objects or ISO text)."""
    (number, bhxh, citizen, name, birth, gender, facility, valid_from, valid_to, status, replaced) = row
    return CachedCard(
        card_number=number,
        bhxh_number=bhxh,
        citizen_id=citizen,
        name=name,
        birth_date=None if not birth else BirthDate.from_iso(birth),
        gender=None if not gender else Gender(gender),
        facility_code=facility,
        valid_from=as_date(valid_from),
        valid_to=as_date(valid_to),
        status=CardStatus(status or "active"),
        replaced_by=replaced,
    )


def cached_from_mapping(data: Mapping[str, Any]) -> CachedCard:
    """A cached card from a hub ``CardRecord`` / card-list dict; raises ValueError naming the field."""
    number = data.get("card_number")
    if not isinstance(number, str) or not number.strip():
        raise ValueError("card_number: missing")
    row: list[Any] = []
    for column in CARD_COLUMNS:
        value = data.get(column)
        row.append(value.strip() or None if isinstance(value, str) else value)
    try:
        return cached_from_row(row)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"card {number}: {exc}") from exc


_ASCII_YEAR: Final = re.compile(r"[0-9]{4}")
_ASCII_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_GENDER_VALUES: Final = frozenset(g.value for g in Gender)
_STATUS_VALUES: Final = frozenset(s.value for s in CardStatus)


def row_from_mapping(data: Mapping[str, Any]) -> tuple[Any, ...]:
    """``card_tuple(cached_from_mapping(data))`` without building a CachedCard: the pull path.

    Records in the hub's canonical form (text or null, ``YYYY-MM-DD`` dates, lower-case gender and
    status) are checked here; anything else goes through :func:`cached_from_mapping`, so the result
    and the error message are always the same. Raises ValueError naming the field.
    """
    get = data.get
    values = [get(c) for c in CARD_COLUMNS]
    for i, value in enumerate(values):
        if type(value) is str:
            values[i] = value.strip() or None
        elif value is not None:
            return card_tuple(cached_from_mapping(data))  # dates as objects, numbers …: the full path
    number, _bhxh, _citizen, _name, birth, gender, _facility, valid_from, valid_to, status, _replaced = values
    if (number is None
            or (birth is not None and not (_ASCII_YEAR.fullmatch(birth) or (
                _ASCII_DATE.fullmatch(birth) and real_iso_date(birth))))
            or (gender is not None and gender not in _GENDER_VALUES)
            or (valid_from is not None and not (_ASCII_DATE.fullmatch(valid_from) and real_iso_date(valid_from)))
            or (valid_to is not None and not (_ASCII_DATE.fullmatch(valid_to) and real_iso_date(valid_to)))
            or (status is not None and status not in _STATUS_VALUES)):
        return card_tuple(cached_from_mapping(data))
    if status is None:
        values[9] = "active"
    return tuple(values)


def visit_to_wire(row: Mapping[Any, Any]) -> dict[str, Any]:
    """The wire-format dict of a visit row (dates as ISO text, nothing else)."""
    out: dict[str, Any] = {}
    for name in WIRE_FIELDS:
        value = row[name]
        out[name] = _iso(value) if name in WIRE_DATES and value is not None else value
    return out


def visit_card_fields(card: BhytCard | CccdCard | None, cached: CachedCard | None, *, verdict: str,
                      provisional: bool, registered_here: bool | None,
                      benefit_level: int | None) -> dict[str, Any]:
    """What a visit records about the card: the scanned values first, the cached record fills gaps.

    ``card=None`` is a manual check-in from a cached record (or nothing at all).
    """
    fields: dict[str, Any] = dict.fromkeys(VISIT_CARD_FIELDS)
    fields.update(verdict=verdict, provisional=provisional, registered_here=registered_here,
                  benefit_level=benefit_level)
    if isinstance(card, BhytCard):
        # A 12-digit personal ID holds no social-insurance number; it is the citizen ID (docs/eligibility.md).
        bhxh = card.bhxh_number or bhxh_from_card_number(card.card_number)
        fields.update(card_kind="bhyt", card_number=card.card_number, bhxh_number=bhxh, citizen_id=card.personal_id,
                      name=card.name, birth_date=card.birth_date, gender=card.gender,
                      card_facility_code=card.facility_code, valid_from=card.valid_from,
                      valid_to=card.valid_to, area=card.area, five_years_on=card.five_years_on,
                      object_code=card.object_code or _object_code(card.card_number))
    elif isinstance(card, CccdCard):
        fields.update(card_kind="cccd", citizen_id=card.citizen_id, name=card.name,
                      birth_date=card.birth_date, gender=card.gender)
    else:
        fields["card_kind"] = "manual"
    if cached is not None:
        fill = {"card_number": cached.card_number, "bhxh_number": cached.bhxh_number,
                "citizen_id": cached.citizen_id, "name": cached.name, "birth_date": cached.birth_date,
                "gender": cached.gender, "card_facility_code": cached.facility_code,
                "valid_from": cached.valid_from, "valid_to": cached.valid_to,
                "object_code": _object_code(cached.card_number)}
        for key, value in fill.items():
            if fields[key] is None:
                fields[key] = value
    if isinstance(fields["birth_date"], BirthDate):
        fields["birth_date"] = fields["birth_date"].iso()
    if isinstance(fields["gender"], Gender):
        fields["gender"] = fields["gender"].value
    return fields


def _object_code(card_number: str | None) -> str | None:
    if card_number and len(card_number) == 15 and card_number[:2].isalpha():
        return card_number[:2]
    return None
