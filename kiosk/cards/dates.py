"""Date fields of card payloads: ``d/M/yyyy``, ``dd/MM/yyyy``, year only, ``DDMMYYYY`` (CCCD)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from kiosk.cards.model import BirthDate, CardPayloadError, PayloadErrorCode

_SLASHED: Final = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_COMPACT: Final = re.compile(r"(\d{2})(\d{2})(\d{4})")
_YEAR: Final = re.compile(r"\d{4}")
MIN_YEAR: Final = 1880
MAX_YEAR: Final = 2200


def _bad(field_label: str, raw: str, why: str) -> CardPayloadError:
    return CardPayloadError(PayloadErrorCode.BAD_DATE, f"Bad date in the {field_label}: {raw!r} ({why}).")


def _build(day: int, month: int, year: int, field_label: str, raw: str) -> dt.date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _bad(field_label, raw, f"year {year} is out of range")
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise _bad(field_label, raw, "no such day") from exc


def parse_date(raw: str, field_label: str, *, compact: bool = False) -> dt.date | None:
    """A full date; ``-`` or empty is None. Raises CardPayloadError(BAD_DATE) for anything else."""
    value = raw.strip()
    if value in ("", "-"):
        return None
    match = _SLASHED.fullmatch(value)
    if match is None and compact:
        match = _COMPACT.fullmatch(value)
    if match is None:
        raise _bad(field_label, raw, "expected dd/mm/yyyy")
    day, month, year = match.groups()
    return _build(int(day), int(month), int(year), field_label, raw)


def parse_birth_date(raw: str, field_label: str = "date of birth", *, compact: bool = False) -> BirthDate | None:
    """A date of birth; BHYT cards may carry only the year."""
    value = raw.strip()
    if value in ("", "-"):
        return None
    if _YEAR.fullmatch(value) and not (compact and len(value) == 8):
        year = int(value)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise _bad(field_label, raw, f"year {year} is out of range")
        return BirthDate(year)
    parsed = parse_date(value, field_label, compact=compact)
    return None if parsed is None else BirthDate.from_date(parsed)


def parse_optional_date(raw: str, field_label: str, warnings: list[str], *, compact: bool = False) -> dt.date | None:
    """For dates that decide nothing (issue date, 5-years date): a bad value is a warning, not an error."""
    try:
        return parse_date(raw, field_label, compact=compact)
    except CardPayloadError as exc:
        warnings.append(f"bad_date: {exc.message} Ignored.")
        return None
