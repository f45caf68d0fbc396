"""Date fields of card payloads: ``d/M/yyyy``, ``dd/MM/yyyy``, year only, ``DDMMYYYY`` (CCCD).

Birth dates may also be month and year: ``MM/yyyy`` or, on a CCCD chip, ``MMYYYY`` (docs/eligibility.md,
"Birth dates").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from kiosk.cards.model import BirthDate, CardPayloadError, PayloadErrorCode

_SLASHED: Final = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_COMPACT: Final = re.compile(r"(\d{2})(\d{2})(\d{4})")
_YEAR: Final = re.compile(r"\d{4}")
_MONTH_YEAR: Final = re.compile(r"(\d{1,2})\s*/\s*(\d{4})")
_COMPACT_MONTH_YEAR: Final = re.compile(r"(\d{2})(\d{4})")
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
        raise _bad(field_label, raw, "expected dd/mm/yyyy" + (", ddmmyyyy, mmyyyy or yyyy" if compact else ""))
    day, month, year = match.groups()
    return _build(int(day), int(month), int(year), field_label, raw)


def parse_birth_date(raw: str, field_label: str = "date of birth", *, compact: bool = False) -> BirthDate | None:
    """A date of birth: full date, month and year (``MM/yyyy``; ``MMYYYY`` when ``compact``) or the year.

    ``compact`` is the CCCD chip's form: ``DDMMYYYY``, ``MMYYYY`` or ``YYYY`` without separators.
    """
    value = raw.strip()
    if value in ("", "-"):
        return None
    if _YEAR.fullmatch(value):
        return BirthDate(_year(int(value), field_label, raw))
    month_year = _MONTH_YEAR.fullmatch(value) or (_COMPACT_MONTH_YEAR.fullmatch(value) if compact else None)
    if month_year is not None:
        month, year = int(month_year.group(1)), _year(int(month_year.group(2)), field_label, raw)
        if not 1 <= month <= 12:
            raise _bad(field_label, raw, f"no month {month}")
        return BirthDate(year, month)
    parsed = parse_date(value, field_label, compact=compact)
    return None if parsed is None else BirthDate.from_date(parsed)


def _year(year: int, field_label: str, raw: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _bad(field_label, raw, f"year {year} is out of range")
    return year


def parse_optional_date(raw: str, field_label: str, warnings: list[str], *, compact: bool = False) -> dt.date | None:
    """For dates that decide nothing (issue date, 5-years date): a bad value is a warning, not an error."""
    try:
        return parse_date(raw, field_label, compact=compact)
    except CardPayloadError as exc:
        warnings.append(f"bad_date: {exc.message} Ignored.")
        return None
