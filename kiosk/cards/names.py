"""Comparing people's names: ignore case, spacing and Unicode normal form, never diacritics."""

from __future__ import annotations

import unicodedata


def normalise_name(name: str) -> str:
    """NFC, case-folded, whitespace collapsed. ``"NGUYỄN  Văn An"`` and ``"nguyễn văn an"`` are equal;
    ``"Nguyen Van An"`` is a different name (diacritics carry meaning in Vietnamese)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def same_name(a: str, b: str) -> bool:
    return normalise_name(a) == normalise_name(b)
