"""Protocol constants and wire helpers of the BHXH gateway (docs/bhxh-gateway.md §3, §5, §9).

Paths are protocol constants; the base URL is a setting. Nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Final

from kiosk.cards.model import BirthDate

TOKEN_PATH: Final = "/api/token/take"
LOOKUP_PATH: Final = "/api/egw/KQNhanLichSuKCB2024"
CHECKIN_PATH: Final = "/api/qd130/checkInKcbQd3176"

#: ``loaiHoSo`` of a check-in (XML0) upload.
CHECKIN_RECORD_TYPE: Final = "0"

#: The gateway's own clock (naive date-times in its answers are read in this zone).
GATEWAY_TZ: Final = dt.timezone(dt.timedelta(hours=7), "ICT")

#: Query-string keys that carry credentials; redacted wherever a URL could be logged.
SECRET_KEYS: Final = ("token", "id_token", "password", "username", "accessToken", "tokenId", "passwordHash")

_UNIX_MIN: Final = 100_000_000  # a number above this is a Unix time stamp, below it a lifetime in seconds
_SECRET_RE: Final = re.compile(r"(?i)\b(" + "|".join(SECRET_KEYS) + r")=[^&\s\"']*")


def redact(text: str) -> str:
    """``text`` with every credential query parameter's value replaced by ``***``."""
    return _SECRET_RE.sub(lambda m: f"{m.group(1)}=***", text)


def result_code(value: Any) -> str | None:
    """``maKetQua`` as a string (``200`` and ``"200"`` are the same; ``0`` keeps no padding)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def parse_expires_in(value: Any, now: dt.datetime) -> dt.datetime | None:
    """When a token expires: ``expires_in`` as an ISO date-time, a Unix time stamp or a lifetime in s.

    ``now`` is timezone-aware. Naive ISO values are read in the gateway's zone (UTC+7). None when the
    value is missing or unreadable.
    """
    if value is None or isinstance(value, bool):
        return None
    number: float | None = None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            try:
                parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                return None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=GATEWAY_TZ)
    if number is None or number != number or number < 0:  # NaN or negative
        return None
    if number >= _UNIX_MIN:
        if number > 1e11:  # milliseconds
            number /= 1000.0
        return dt.datetime.fromtimestamp(number, dt.UTC)
    return now + dt.timedelta(seconds=number)


def birth_date_field(birth: BirthDate) -> str:
    """``ngaySinh``: ``dd/MM/yyyy``, or ``yyyy`` when only the year is known."""
    if birth.year_only or birth.day is None or birth.month is None:
        return f"{birth.year:04d}"
    return f"{birth.day:02d}/{birth.month:02d}/{birth.year:04d}"


_DMY: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_COMPACT: Final = re.compile(r"(\d{2})(\d{2})(\d{4})")


def parse_gateway_date(value: Any) -> dt.date | None:
    """A gateway date (``dd/MM/yyyy``; also ``ddMMyyyy`` and ISO); None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _DMY.fullmatch(text) or _COMPACT.fullmatch(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def parse_gateway_birth(value: Any) -> BirthDate | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()):
        return BirthDate(int(value.strip()))
    day = parse_gateway_date(value)
    return None if day is None else BirthDate.from_date(day)


def parse_receipt_time(value: Any) -> dt.datetime | None:
    """``thoiGianTiepNhan`` (``yyyyMMddHHmmss``, gateway local time) as an aware date-time."""
    if not isinstance(value, str | int):
        return None
    text = str(value).strip()
    try:
        return dt.datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=GATEWAY_TZ)
    except ValueError:
        return None


@dataclass(frozen=True)
class LookupQuery:
    """One card look-up (request fields of ``KQNhanLichSuKCB2024`` except the staff identity)."""

    #: 10 or 15 characters, or a 12-digit CCCD (docs/card-payloads.md §8).
    card_number: str
    name: str
    birth_date: BirthDate

    def form(self, staff_name: str, staff_citizen_id: str) -> dict[str, str]:
        return {"maThe": self.card_number, "hoTen": self.name, "ngaySinh": birth_date_field(self.birth_date),
                "hoTenCb": staff_name, "cccdCb": staff_citizen_id}


@dataclass(frozen=True)
class LookupAnswer:
    """A card look-up answer as the gateway sent it (any HTTP status that carried ``maKetQua``)."""

    code: str
    note: str | None
    http_status: int
    fields: dict[str, Any] = field(default_factory=dict)
    received_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def text(self, key: str) -> str | None:
        value = self.fields.get(key)
        if value is None:
            return None
        text = str(value).strip()
        return text or None


@dataclass(frozen=True)
class UploadReceipt:
    """The gateway's answer to an accepted check-in upload (docs/bhxh-gateway.md §9)."""

    transaction_id: str | None
    received_at: dt.datetime | None
    message: str | None
    code: str
    record_key: str | None
    attempts: int
