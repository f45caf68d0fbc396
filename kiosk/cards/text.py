"""Input hygiene and field decoding shared by the BHYT and CCCD parsers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from kiosk.cards.model import CardPayloadError, PayloadErrorCode

#: Real payloads are 110-314 bytes; anything far beyond is not a card payload.
MAX_PAYLOAD_CHARS: Final = 2048

#: NUL, CR/LF, BOM, zero-width and bidi marks (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069).
_INVISIBLE: Final = dict.fromkeys(
    [0x00, 0x0A, 0x0D, 0xFEFF, 0x00AD, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x206A)]
)
_AIM_PREFIX: Final = re.compile(r"\]Q[0-6]")
_HEX_RE: Final = re.compile(r"[0-9a-fA-F]+")
_ABSENT: Final = frozenset({"", "-"})
_SURROGATE_ESCAPE: Final = re.compile("[\udc80-\udcff]")
#: Replacement character, control characters, or "?" standing in for letters a scanner could not type.
_GARBLED: Final = re.compile("[\x00-\x1f\x7f-\x9f\ufffd?]")


@dataclass(frozen=True, slots=True)
class CleanPayload:
    text: str
    #: The payload ended with ``$`` (BHYT); text is cut there.
    terminated: bool
    warnings: tuple[str, ...]


def clean_payload(data: str | bytes) -> CleanPayload:
    """Make scanner output safe to split: decode, strip invisible characters and the AIM prefix, cut at ``$``."""
    warnings: list[str] = []
    if isinstance(data, bytes | bytearray):
        if len(data) > MAX_PAYLOAD_CHARS * 4:
            raise CardPayloadError(PayloadErrorCode.TOO_LONG,
                                   f"The code is too long ({len(data)} bytes) to be a card payload.")
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            text = bytes(data).decode("utf-8", errors="replace")
            warnings.append("invalid_utf8: the payload contains bytes that are not UTF-8; "
                            "affected characters are unreadable")
    else:
        text = data
        if _SURROGATE_ESCAPE.search(text):  # surrogate-escaped bytes from argv
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", errors="replace")
            warnings.append("invalid_utf8: the payload contains bytes that are not UTF-8; "
                            "affected characters are unreadable")
    if len(text) > MAX_PAYLOAD_CHARS * 4:
        raise CardPayloadError(PayloadErrorCode.TOO_LONG,
                               f"The code is too long ({len(text)} characters) to be a card payload.")
    text = text.translate(_INVISIBLE).strip()
    if _AIM_PREFIX.match(text):
        text = text[3:]
    dollar = text.find("$")
    terminated = dollar >= 0
    if terminated:
        text = text[:dollar]
    if not text.strip():
        raise CardPayloadError(PayloadErrorCode.EMPTY, "The code is empty: nothing was read.")
    if len(text) > MAX_PAYLOAD_CHARS:
        raise CardPayloadError(PayloadErrorCode.TOO_LONG,
                               f"The code is too long ({len(text)} characters) to be a card payload.")
    return CleanPayload(text, terminated, tuple(warnings))


def absent(value: str) -> bool:
    return value in _ABSENT


def is_garbled(text: str) -> bool:
    """Text damaged on the way: replacement characters, control characters, or '?' in place of letters."""
    return _GARBLED.search(text) is not None


def decode_hex_text(value: str, field_name: str, warnings: list[str]) -> str | None:
    """Decode a hex-of-UTF-8 field (name, address, issuing office). Never returns half-decoded text."""
    value = value.strip()
    if absent(value):
        return None
    if _HEX_RE.fullmatch(value):
        if len(value) % 2:
            warnings.append(f"corrupt_{field_name}: the {field_name} field is damaged (odd hex length)")
            return None
        try:
            decoded = bytes.fromhex(value).decode("utf-8")
        except UnicodeDecodeError:
            warnings.append(f"corrupt_{field_name}: the {field_name} field is not valid UTF-8")
            return None
        decoded = unicodedata.normalize("NFC", decoded).strip()
        if not decoded or is_garbled(decoded):
            warnings.append(f"corrupt_{field_name}: the {field_name} field decodes to unreadable text")
            return None
        return " ".join(decoded.split())
    hexish = sum(c in "0123456789abcdefABCDEF" for c in value)
    if hexish >= 0.8 * len(value):
        # Mostly hex with a few other letters: typically a keyboard-wedge scan altered by a Vietnamese
        # input method (Telex turns "aa" into "â", "dd" into "đ" ...).
        warnings.append(f"corrupt_{field_name}: the {field_name} field was altered on the way "
                        "(keyboard-wedge scanner with a Vietnamese input method?)")
        return None
    text = unicodedata.normalize("NFC", value)
    if is_garbled(text):
        warnings.append(f"corrupt_{field_name}: the {field_name} field is unreadable")
        return None
    warnings.append(f"plain_{field_name}: the {field_name} field is plain text, not hex-encoded")
    return " ".join(text.split())


def plain_text(value: str, field_name: str, warnings: list[str]) -> str | None:
    """A field carried as raw text (guardian, CCCD name and address)."""
    value = unicodedata.normalize("NFC", value.strip())
    if absent(value):
        return None
    if is_garbled(value):
        warnings.append(f"garbled_{field_name}: the {field_name} field arrived garbled "
                        "(scanner not sending Unicode?)")
        return None
    return " ".join(value.split())
