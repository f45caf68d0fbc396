"""Value types of the card domain: parsed payloads, cached card records, errors."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from kiosk.errors import KioskError


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class CardStatus(enum.StrEnum):
    """Status of a card in the synced cache (from the hub's card list or a gateway answer)."""

    ACTIVE = "active"
    REVOKED = "revoked"
    REDUCED = "reduced"  # báo giảm: the insured person left the scheme (job ended, moved …)
    REPLACED = "replaced"  # a new card was issued; ``replaced_by`` names it


class BhytLayout(enum.StrEnum):
    """Layouts of the BHYT QR payload, by part count with the final ``$`` counted."""

    SHORT_9 = "9-part"
    SHORT_10 = "10-part"
    CARD_2018 = "15-part"
    CARD_2021 = "17-part"
    OTHER = "other"


class PayloadErrorCode(enum.StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NOT_A_CARD = "not_a_card_payload"
    BAD_CARD_NUMBER = "bad_card_number"
    BAD_CITIZEN_ID = "bad_citizen_id"
    BAD_DATE = "bad_date"
    BAD_GENDER = "bad_gender"
    MISSING_FIELD = "missing_field"


class CardPayloadError(KioskError, ValueError):
    """A payload that is not a usable card payload. ``message`` is for a receptionist."""

    summary = "This is not a usable card code"

    def __init__(self, code: PayloadErrorCode, message: str, *, length: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        #: With ``BAD_CARD_NUMBER``: how many characters the number had, when that is what is wrong (the
        #: interface words the error from its code and this count, not from the English message).
        self.length = length

    def to_json(self) -> dict[str, Any]:
        return {"error": {"code": str(self.code), "message": self.message}}


@dataclass(frozen=True, slots=True, order=True)
class BirthDate:
    """A date of birth: day, month and year; month and year (CCCD ``MMYYYY``); or the year alone.

    BHYT cards may carry only the year, CCCD chips ``DDMMYYYY``, ``MMYYYY`` or ``YYYY``
    (docs/eligibility.md, "Birth dates").
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_date(cls, value: dt.date) -> BirthDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def from_iso(cls, text: str) -> BirthDate:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; raises ValueError otherwise."""
        if len(text) == 4 and text.isdigit():
            return cls(int(text))
        if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
            month = int(text[5:])
            if not 1 <= month <= 12:
                raise ValueError(f"no month {month} in {text!r}")
            return cls(int(text[:4]), month)
        return cls.from_date(dt.date.fromisoformat(text))

    @property
    def year_only(self) -> bool:
        return self.month is None

    @property
    def full(self) -> bool:
        """Day, month and year are all known."""
        return self.month is not None and self.day is not None

    def matches(self, other: BirthDate) -> bool:
        """Equal in every part both dates know (``1985`` matches ``1985-03-15``; ``1985-04`` does not)."""
        if self.year != other.year:
            return False
        if self.month is not None and other.month is not None and self.month != other.month:
            return False
        return self.day is None or other.day is None or self.day == other.day

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class BhytCard:
    """A parsed BHYT (health-insurance) card QR payload. Absent values are ``None``."""

    layout: BhytLayout
    card_number: str
    object_code: str | None
    benefit_level: int | None
    province_code: str | None
    bhxh_number: str | None
    name: str | None
    birth_date: BirthDate | None
    gender: Gender | None
    address: str | None
    facility_code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    issued_on: dt.date | None
    guardian: str | None
    area: str | None  # K1 / K2 / K3
    five_years_on: dt.date | None
    check_code: str | None
    issuer: str | None
    #: True when the payload ended with ``$``; a payload without it may be truncated.
    complete: bool = True
    warnings: tuple[str, ...] = field(default_factory=tuple)

    kind = "bhyt"

    @property
    def personal_id(self) -> str | None:
        """The 12-digit personal identification number when the card number is one (docs/eligibility.md)."""
        number = self.card_number
        return number if len(number) == 12 and number.isdigit() else None


@dataclass(frozen=True, slots=True)
class CccdCard:
    """A parsed chip citizen-ID (CCCD) QR payload."""

    citizen_id: str
    old_id: str | None
    name: str | None
    birth_date: BirthDate | None
    gender: Gender | None
    address: str | None
    issued_on: dt.date | None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    kind = "cccd"


Card = BhytCard | CccdCard


@dataclass(frozen=True, slots=True)
class CachedCard:
    """A card record of the local cache (synced from the hub, imported from a list, or a gateway answer).

    Same fields as the CSV import format: ``card_number,bhxh_number,citizen_id,name,birth_date,gender,
    facility_code,valid_from,valid_to,status,replaced_by``.
    """

    card_number: str
    bhxh_number: str | None = None
    citizen_id: str | None = None
    name: str | None = None
    birth_date: BirthDate | None = None
    gender: Gender | None = None
    facility_code: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    status: CardStatus = CardStatus.ACTIVE
    replaced_by: str | None = None
