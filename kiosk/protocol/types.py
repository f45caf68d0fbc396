"""Strict scalar types of the wire protocol (docs/hub-api.md, "Strict wire types").

Pydantic's lax mode reads ``"1985"`` or ``0`` as a Unix time and accepts ``t``/``z`` in lower case; a
visit stored that way cannot be exported (XML0 ``NGAY_VAO``). These types accept exactly the ISO 8601
text the kiosk writes and nothing else, and check that the date exists.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BeforeValidator, Field

#: ``YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)``: upper-case ``T``/``Z``, seconds, an offset.
OFFSET_TIMESTAMP_PATTERN: Final = (r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?"
                                   r"(Z|[+-](0\d|1[0-4]):[0-5]\d)$")
DATE_PATTERN: Final = r"^\d{4}-\d{2}-\d{2}$"
#: ``YYYY-MM`` too: a CCCD may carry only the month and year of birth (docs/eligibility.md).
BIRTH_DATE_PATTERN: Final = r"^\d{4}(-\d{2}(-\d{2})?)?$"
#: Text without NUL characters (PostgreSQL text cannot hold them).
NO_NUL: Final = r"^[^\x00]*$"
_DATE = re.compile(DATE_PATTERN)


def _timestamp_exists(value: str) -> str:
    """The pattern has checked the shape and the offset (±14:00 at most); this checks the date and time."""
    dt.datetime.fromisoformat(value)  # ValueError (month 13, 30 February, hour 25, …) → a validation error
    return value


def _date_text(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` text (or a date object from Python code) reaches pydantic's date parser."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value):
        return value
    raise ValueError("must be a date as YYYY-MM-DD")


def _birth_date_exists(value: str) -> str:
    if len(value) == 10:
        dt.date.fromisoformat(value)
    elif len(value) == 7:
        dt.date.fromisoformat(value + "-01")
    elif int(value) < 1:
        raise ValueError("the year must be 0001 or later")
    return value


#: A kiosk-clock timestamp, kept as sent: XML0 needs the clinic's wall-clock time and offset.
OffsetTimestamp = Annotated[str, Field(pattern=OFFSET_TIMESTAMP_PATTERN,
                                       description="ISO 8601 with seconds and a UTC offset, upper-case T/Z, "
                                                   "e.g. 2026-12-07T09:00:00.123+07:00"),
                            AfterValidator(_timestamp_exists)]
#: A calendar date as ``YYYY-MM-DD`` (no Unix times, no date-times).
IsoDate = Annotated[dt.date, BeforeValidator(_date_text)]
#: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (cards of people born on an unknown day carry less); a real date.
BirthDateText = Annotated[str, Field(pattern=BIRTH_DATE_PATTERN, description="YYYY-MM-DD, YYYY-MM or YYYY"),
                          AfterValidator(_birth_date_exists)]
