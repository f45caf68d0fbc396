"""Identity at check-in: when a patient must also show an identity document, and whether a scanned CCCD
belongs to the card holder. Pure functions; the rule and its source are in docs/eligibility.md ("Identity").

A card without a photo must be shown with an identity document (NĐ 188/2025/NĐ-CP, Điều 37, khoản 1). A QR
code never tells whether the card it came from has a photo, so the kiosk treats every BHYT card scan as
"no photo" when the setting asks for the identity step; the chip CCCD is itself an identity document, and
children under 6 show only their card or number (khoản 2).
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from dataclasses import dataclass
from typing import Final

from kiosk.cards.model import BhytCard, BirthDate, CachedCard, CccdCard


class IdentityPolicy(enum.StrEnum):
    """``[eligibility] identity_check``: where the identity step is asked for."""

    OFF = "off"
    SELF_SERVICE = "self_service"  # default: the unattended kiosk asks; the desk looks at the document
    ALWAYS = "always"              # the desk also records an "identity checked" step


class IdentityStep(enum.StrEnum):
    NONE = "none"              # nothing more to show
    SCAN_CCCD = "scan_cccd"    # self-service: scan the CCCD QR (or go to the reception desk)
    DESK_CHECK = "desk_check"  # desk: staff confirm they have seen an identity document


#: Children under this age show only their card, its number or a birth certificate (Điều 37, khoản 2).
CHILD_AGE_LIMIT: Final = 6


def _age_on(birth: BirthDate, on: dt.date) -> int:
    """Completed years on ``on``; with a partial date, the youngest age the person can have."""
    month = birth.month or 12
    day = birth.day or 31
    before_birthday = (on.month, on.day) < (month, day)
    return on.year - birth.year - (1 if before_birthday else 0)


def is_young_child(birth: BirthDate | None, on: dt.date) -> bool:
    """Under 6 on ``on`` (False when the birth date is unknown)."""
    return birth is not None and _age_on(birth, on) < CHILD_AGE_LIMIT


def identity_step(card: BhytCard | CccdCard, *, self_service: bool, policy: IdentityPolicy, on: dt.date,
                  birth_date: BirthDate | None = None) -> IdentityStep:
    """Which identity step a check-in with ``card`` needs. ``birth_date`` overrides the card's (e.g. from
    the cache or the gateway) for the under-6 exemption."""
    if policy is IdentityPolicy.OFF or isinstance(card, CccdCard):
        return IdentityStep.NONE
    if is_young_child(birth_date or card.birth_date, on):
        return IdentityStep.NONE
    if self_service:
        return IdentityStep.SCAN_CCCD
    return IdentityStep.DESK_CHECK if policy is IdentityPolicy.ALWAYS else IdentityStep.NONE


# -- comparing a CCCD with the card -----------------------------------------------------------------------
#: The five tone marks of Vietnamese (combining characters after NFD). Other marks (circumflex, breve,
#: horn) change the vowel itself and are kept.
_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _syllable_key(syllable: str, ignore_diacritics: bool) -> tuple[str, str]:
    letters: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONES:
            tones.append(ch)
        elif unicodedata.combining(ch):
            if not ignore_diacritics:
                letters.append(ch)
        else:
            letters.append("d" if ignore_diacritics and ch == "đ" else ch)
    tone = "" if ignore_diacritics else "".join(sorted(tones))
    return unicodedata.normalize("NFC", "".join(letters)), tone


def name_key(name: str, *, ignore_diacritics: bool = False) -> tuple[tuple[str, str], ...]:
    """A comparison key for a Vietnamese name: case, spacing, Unicode form and the position of the tone
    mark ("Hoà" / "Hòa", "Thuỷ" / "Thủy") do not matter; the letters and the tone do, unless
    ``ignore_diacritics`` (for names that lost their marks on the way, never the default)."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return tuple(_syllable_key(part, ignore_diacritics) for part in folded.split())


def same_person_name(a: str, b: str, *, ignore_diacritics: bool = False) -> bool:
    return name_key(a, ignore_diacritics=ignore_diacritics) == name_key(b, ignore_diacritics=ignore_diacritics)


class IdentityMismatch(enum.StrEnum):
    NAME = "name"
    BIRTH_DATE = "birth_date"
    ID_NUMBER = "id_number"
    MISSING = "missing"  # the card carries no name or birth date to compare


@dataclass(frozen=True, slots=True)
class IdentityMatch:
    mismatches: tuple[IdentityMismatch, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatches


def match_identity(card: BhytCard | CachedCard, document: CccdCard, *,
                   ignore_diacritics: bool = False) -> IdentityMatch:
    """Whether the scanned CCCD ``document`` belongs to the holder of ``card`` (a scanned card or its cached
    record): the same name and birth date, and the same number where the card carries a personal ID."""
    found: list[IdentityMismatch] = []
    if not card.name or card.birth_date is None or not document.name or document.birth_date is None:
        found.append(IdentityMismatch.MISSING)
    if card.name and document.name and not same_person_name(card.name, document.name,
                                                            ignore_diacritics=ignore_diacritics):
        found.append(IdentityMismatch.NAME)
    if card.birth_date is not None and document.birth_date is not None and not card.birth_date.matches(
            document.birth_date):
        found.append(IdentityMismatch.BIRTH_DATE)
    card_id = card.personal_id if isinstance(card, BhytCard) else card.citizen_id
    if card_id is not None and card_id != document.citizen_id:
        found.append(IdentityMismatch.ID_NUMBER)
    return IdentityMatch(tuple(found))
