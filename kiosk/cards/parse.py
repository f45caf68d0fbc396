"""Entry point for scanned text: decide what kind of card payload it is and parse it."""

from __future__ import annotations

from kiosk.cards.bhyt import looks_like_bhyt, looks_like_personal_id_bhyt, parse_bhyt
from kiosk.cards.cccd import looks_like_cccd, parse_cccd
from kiosk.cards.model import BhytCard, CardPayloadError, CccdCard, PayloadErrorCode
from kiosk.cards.text import clean_payload

NOT_A_CARD_MESSAGE = "This code is not a health-insurance (BHYT) card or a citizen-ID (CCCD) code."


def parse_payload(data: str | bytes) -> BhytCard | CccdCard:
    """Parse a BHYT or CCCD QR payload. Raises CardPayloadError with a message for a receptionist."""
    clean = clean_payload(data)
    warnings = list(clean.warnings)
    fields = clean.text.split("|")
    if len(fields) > 1 and fields[-1].strip() == "" and clean.terminated:
        fields.pop()  # the empty slot between the last "|" and "$"
    if len(fields) < 2:
        raise CardPayloadError(PayloadErrorCode.NOT_A_CARD, NOT_A_CARD_MESSAGE)
    if looks_like_personal_id_bhyt(fields, clean.terminated):
        return parse_bhyt(fields, clean.terminated, warnings)
    if looks_like_cccd(fields):
        return parse_cccd(fields, warnings)
    if looks_like_bhyt(fields[0].strip()):
        return parse_bhyt(fields, clean.terminated, warnings)
    first = fields[0].strip()
    if 8 <= len(first) <= 16 and first.isalnum():
        raise CardPayloadError(
            PayloadErrorCode.BAD_CARD_NUMBER,
            f"Bad card number {first!r}: a card number has 15 characters (or 10 digits, or the 12-digit "
            f"personal ID), a citizen ID 12 digits; this one has {len(first)}.", length=len(first),
        )
    raise CardPayloadError(PayloadErrorCode.NOT_A_CARD, NOT_A_CARD_MESSAGE)
