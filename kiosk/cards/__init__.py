"""Card payloads (BHYT/VssID, CCCD) and eligibility rules. Plain Python, no Qt, no database."""

from kiosk.cards.model import (
    BhytCard,
    BhytLayout,
    BirthDate,
    CachedCard,
    Card,
    CardPayloadError,
    CardStatus,
    CccdCard,
    Gender,
    PayloadErrorCode,
)
from kiosk.cards.parse import parse_payload
from kiosk.cards.serialize import card_to_json

__all__ = [
    "BhytCard",
    "BhytLayout",
    "BirthDate",
    "CachedCard",
    "Card",
    "CardPayloadError",
    "CardStatus",
    "CccdCard",
    "Gender",
    "PayloadErrorCode",
    "card_to_json",
    "parse_payload",
]
