"""Detecting keyboard-wedge payloads that the keyboard layout or a Vietnamese IME has altered.

A wedge scanner "types" the payload. Three things commonly corrupt it on the way (see
``kiosk/scanner/README.md``):

* A Vietnamese input method (Unikey/EVKey/ibus-unikey in Telex mode) rewrites letter sequences:
  ``aa``→``â``, ``ee``→``ê``, ``dd``→``đ``, and ``f`` (a hex digit *and* the Telex grave-accent key)
  turns ``af``/``ef`` into ``à``/``è``. BHYT hex fields contain exactly such sequences.
* Characters outside the scanner's keyboard table (Vietnamese letters in CCCD names, the BHYT
  guardian field) arrive as ``?`` or not at all.
* A layout mismatch between scanner and OS changes punctuation: the ``|`` separator becomes ``\\``,
  ``¦``, ``>`` or disappears.

:func:`wedge_problems` returns what looks wrong; an empty list means "plausible".
"""

from __future__ import annotations

import enum
import re
import unicodedata

_HEX = re.compile(r"^[0-9a-fA-F]*$")
#: Separators a mismatched layout produces instead of "|".
_LAYOUT_SEPARATORS = ("\\", "¦", "§")


class WedgeProblem(enum.StrEnum):
    IME_ALTERED = "ime_altered"  # Vietnamese letters where the payload only has ASCII (Telex/VNI IME on)
    BAD_HEX = "bad_hex"  # a hex field with non-hex characters or an odd length
    NON_ASCII_LOST = "non_ascii_lost"  # "?" in place of Vietnamese letters
    LAYOUT_MISMATCH = "layout_mismatch"  # the "|" separators are missing or replaced


def _is_vietnamese_letter(ch: str) -> bool:
    if ord(ch) < 128 or not ch.isalpha():
        return False
    base = unicodedata.normalize("NFD", ch)[0]
    return base.isascii() or ch in "đĐ"


def _bhyt_like(text: str) -> bool:
    return text.count("|") >= 8 or text.rstrip().endswith("|$")


def wedge_problems(text: str) -> list[WedgeProblem]:
    problems: list[WedgeProblem] = []
    if "|" not in text:
        if any(sep in text for sep in _LAYOUT_SEPARATORS) and len(text) > 20:
            problems.append(WedgeProblem.LAYOUT_MISMATCH)
        return problems
    fields = text.split("|")
    if _bhyt_like(text):
        ascii_fields = [0, 2, 3, 5, 6, 7, 8, 9, 11, 12, 13, 14]
        hex_fields = [1, 4, 15]
        for i in hex_fields:
            if i >= len(fields) - 1 or fields[i].strip() in ("", "-"):
                continue
            value = fields[i].strip()
            if any(_is_vietnamese_letter(ch) for ch in value):
                problems.append(WedgeProblem.IME_ALTERED)
            elif not _HEX.match(value) or len(value) % 2:
                problems.append(WedgeProblem.BAD_HEX)
        for i in ascii_fields:
            if i < len(fields) - 1 and any(_is_vietnamese_letter(ch) for ch in fields[i]):
                problems.append(WedgeProblem.IME_ALTERED)
        if len(fields) > 10 and "?" in fields[10]:
            problems.append(WedgeProblem.NON_ASCII_LOST)
    elif len(fields) >= 7 and fields[0].strip().isdigit() and any("?" in fields[i] for i in (2, 4, 5)):
        problems.append(WedgeProblem.NON_ASCII_LOST)  # CCCD: name and address are plain UTF-8
    return list(dict.fromkeys(problems))
