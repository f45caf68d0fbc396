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
    if not birth.full:
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
    if len(text) != 14:  # strptime would accept shorter digit runs and misread them
        return None
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
class CheckRecord:
    """One entry of the gateway's look-up history (``dsLichSuKT2018``): who checked the card, when, and
    with what result. ``userKT`` is a facility account (``<MA_CSKCB>_…``), so its first five characters
    name the facility that checked."""

    user: str
    checked_at: dt.datetime | None
    message: str | None
    code: str | None

    @property
    def facility_code(self) -> str | None:
        head = self.user[:5].upper()
        return head if re.fullmatch(r"\d{2}[0-9A-Z]{3}", head) else None


@dataclass(frozen=True)
class CardDetails:
    """The card data of a look-up answer that the kiosk keeps (docs/bhxh-gateway.md §5): area, five-year date,
    issuing office, old and new card numbers and the look-up history, besides the validity fields that
    :func:`kiosk.gateway.interpret.answer_to_cached_cards` stores."""

    #: Living-area code ``maKV`` as the XML wants it (``K1``/``K2``/``K3``), None when not in such an area.
    area: str | None
    #: ``ngayDu5Nam``: date of five continuous years of insurance.
    five_years_on: dt.date | None
    #: ``cqBHXH``: the managing social-insurance office.
    office: str | None
    #: ``maTheCu`` / ``maTheMoi``.
    old_card: str | None
    new_card: str | None
    #: ``dsLichSuKT2018``, newest first.
    checks: tuple[CheckRecord, ...] = ()
    #: Latest discharge (``ngayRa``) in the visit history the answer carried, if any.
    last_discharge: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        five = None if self.five_years_on is None else self.five_years_on.isoformat()
        return {"area": self.area, "five_years_on": five,
                "office": self.office, "old_card": self.old_card, "new_card": self.new_card,
                "checks": [{"user": c.user, "checked_at": None if c.checked_at is None else c.checked_at.isoformat(),
                            "message": c.message, "code": c.code} for c in self.checks],
                "last_discharge": None if self.last_discharge is None else self.last_discharge.isoformat()}

    @classmethod
    def from_json(cls, data: Any) -> CardDetails | None:
        """The inverse of :meth:`to_json` (the hub's look-up answer, read by the kiosk); None when ``data`` is
        not an object. Unreadable values become None and a bad history entry is skipped, as in
        :func:`parse_card_details`: kept data never breaks a check-in."""
        if not isinstance(data, dict):
            return None
        checks: list[CheckRecord] = []
        raw_checks = data.get("checks")
        for entry in raw_checks if isinstance(raw_checks, list) else []:
            if isinstance(entry, dict):
                checks.append(CheckRecord(user=_text(entry.get("user")) or "",
                                          checked_at=_iso_datetime(entry.get("checked_at")),
                                          message=_text(entry.get("message")), code=_text(entry.get("code"))))
        return cls(area=parse_area(data.get("area")), five_years_on=_iso_date(data.get("five_years_on")),
                   office=_text(data.get("office")), old_card=_card(data.get("old_card")),
                   new_card=_card(data.get("new_card")), checks=tuple(checks),
                   last_discharge=_iso_datetime(data.get("last_discharge")))


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _iso_datetime(value: Any) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment.replace(tzinfo=GATEWAY_TZ) if moment is not None and moment.tzinfo is None else moment


_AREA_VALUES: Final = {"K1": "K1", "K2": "K2", "K3": "K3", "5": "K1", "6": "K2", "7": "K3"}


def parse_area(value: Any) -> str | None:
    """``maKV``: ``K1``/``K2``/``K3`` (also the QR's ``5``/``6``/``7``); empty or ``4``: None."""
    if value is None:
        return None
    return _AREA_VALUES.get(str(value).strip().upper())


def parse_gateway_time(value: Any) -> dt.datetime | None:
    """``yyyyMMddHHmm`` or ``yyyyMMddHHmmss`` (gateway local time), or ``dd/MM/yyyy[ HH:mm[:ss]]``."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    formats: tuple[str, ...]
    if text.isdigit():  # strptime would read "202603011015" as 10:01:05 with the seconds format
        formats = {14: ("%Y%m%d%H%M%S",), 12: ("%Y%m%d%H%M",), 8: ("%Y%m%d",)}.get(len(text), ())
    else:
        formats = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y")
    for fmt in formats:
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=GATEWAY_TZ)
        except ValueError:
            continue
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _card(value: Any) -> str | None:
    text = _text(value)
    return None if text is None else text.upper()


def parse_card_details(fields: dict[str, Any]) -> CardDetails:
    """The kept card data of an answer's fields; unreadable parts are None, a bad history entry is skipped."""
    checks: list[CheckRecord] = []
    raw_checks = fields.get("dsLichSuKT2018")
    for entry in raw_checks if isinstance(raw_checks, list) else []:
        if not isinstance(entry, dict):
            continue
        checks.append(CheckRecord(user=_text(entry.get("userKT")) or "",
                                  checked_at=parse_gateway_time(entry.get("thoiGianKT")),
                                  message=_text(entry.get("thongBao")), code=result_code(entry.get("maLoi"))))
    far_past = dt.datetime.min.replace(tzinfo=dt.UTC)
    checks.sort(key=lambda c: c.checked_at or far_past, reverse=True)
    discharges: list[dt.datetime] = []
    for key in ("dsLichSuKCB2018", "dsLichSuKCB2025"):
        visits = fields.get(key)
        for entry in visits if isinstance(visits, list) else []:
            if isinstance(entry, dict):
                out = parse_gateway_time(entry.get("ngayRa"))
                if out is not None:
                    discharges.append(out)
    return CardDetails(area=parse_area(fields.get("maKV")),
                       five_years_on=parse_gateway_date(fields.get("ngayDu5Nam")),
                       office=_text(fields.get("cqBHXH")), old_card=_card(fields.get("maTheCu")),
                       new_card=_card(fields.get("maTheMoi")), checks=tuple(checks),
                       last_discharge=max(discharges) if discharges else None)


#: Result codes of a history entry that mean the other facility accepted the card (peer rule).
_ACCEPTED_CHECK_CODES: Final = frozenset({"000", "001", "002", "003"})


def checks_elsewhere_since_discharge(details: CardDetails, facility_code: str) -> tuple[CheckRecord, ...]:
    """Look-ups by other facilities after the patient's last discharge that found the card good: the
    patient may still be admitted there (docs/eligibility.md, "Treatment history"). One entry per
    account, the newest."""
    seen: set[str] = set()
    out: list[CheckRecord] = []
    for check in details.checks:  # newest first
        if check.checked_at is None or check.code not in _ACCEPTED_CHECK_CODES or not check.user:
            continue
        if facility_code.upper() in check.user.upper():
            continue
        if details.last_discharge is not None and check.checked_at <= details.last_discharge:
            continue
        if check.user in seen:
            continue
        seen.add(check.user)
        out.append(check)
    return tuple(out)


@dataclass(frozen=True)
class UploadReceipt:
    """The gateway's answer to an accepted check-in upload (docs/bhxh-gateway.md §9)."""

    transaction_id: str | None
    received_at: dt.datetime | None
    message: str | None
    code: str
    record_key: str | None
    attempts: int
