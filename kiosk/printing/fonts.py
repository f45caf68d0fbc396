"""Finding the Noto fonts that print Vietnamese and CJK (Debian fonts-noto-core, fonts-noto-cjk).

Latin/Vietnamese text uses Noto Sans; text containing CJK characters uses Noto Sans CJK in the face
that matches the ticket language (SC for Chinese, KR for Korean, JP for Japanese; SC otherwise),
because the same code point has different glyph shapes per locale. Lookup order: fontconfig
(``fc-match``), then the known Debian paths. A missing font raises FontMissingError that names the
package to install; there is no silent fall-back to a font that prints boxes.
"""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

from kiosk.printing.errors import PrintingError
from kiosk.printing.labels import Language

log = logging.getLogger(__name__)

FontFile = tuple[str, int]  # path, face index inside a .ttc collection

_LATIN_PATHS = {
    False: ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",),
    True: ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",),
}
_CJK_PATHS = {
    False: ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",),
    True: ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",),
}
_CJK_FAMILY: dict[Language, str] = {"zh": "SC", "ko": "KR", "ja": "JP", "vi": "SC", "en": "SC"}


class FontMissingError(PrintingError, RuntimeError):
    """A font needed for the ticket is not installed; the message says what to install."""

    code = "font_missing"
    summary = "A font for the ticket is missing"
    environment = True


def _fc_match(pattern: str) -> FontFile | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        out = subprocess.run(
            [exe, "-f", "%{file}\t%{index}\t%{family}", pattern],
            capture_output=True, text=True, timeout=5, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.split("\t")
    if len(parts) < 3 or not parts[0]:
        return None
    family = parts[2]
    wanted = pattern.split(":")[0]
    if wanted.lower() not in family.lower():
        return None  # fontconfig substituted some other family: not what we asked for
    try:
        return parts[0], int(parts[1] or 0)
    except ValueError:
        return parts[0], 0


def _face_in_collection(path: str, family: str) -> int | None:
    """Index of ``family`` (e.g. "Noto Sans CJK KR") inside a font file, or None."""
    for index in range(12):
        try:
            name = ImageFont.truetype(path, 12, index=index).getname()[0]
        except OSError:
            return None
        if name == family:
            return index
    return None


def _locate(family: str, bold: bool, known: tuple[str, ...]) -> FontFile | None:
    found = _fc_match(f"{family}:{'bold' if bold else 'regular'}")
    if found is not None and Path(found[0]).is_file():
        index = _face_in_collection(found[0], family)
        if index is not None:
            return found[0], index
    for path in known:
        if Path(path).is_file():
            index = _face_in_collection(path, family)
            if index is not None:
                return path, index
    return None


@functools.cache
def latin_font_file(bold: bool) -> FontFile:
    found = _locate("Noto Sans", bold, _LATIN_PATHS[bold])
    if found is None:
        raise FontMissingError("Noto Sans is not installed: install Debian package fonts-noto-core (scripts/setup.sh)")
    return found


@functools.cache
def cjk_font_file(language: Language, bold: bool) -> FontFile:
    family = f"Noto Sans CJK {_CJK_FAMILY[language]}"
    found = _locate(family, bold, _CJK_PATHS[bold])
    if found is None:
        raise FontMissingError(f"{family} is not installed: install Debian package fonts-noto-cjk (scripts/setup.sh)")
    return found


def is_cjk(ch: str) -> bool:
    """Characters that need the CJK face (Han, kana, Hangul, CJK punctuation, full-width forms)."""
    cp = ord(ch)
    return (
        0x1100 <= cp <= 0x11FF  # Hangul Jamo
        or 0x2E80 <= cp <= 0x9FFF  # CJK radicals, punctuation, kana, Hangul compat, CJK ideographs
        or 0xA960 <= cp <= 0xA97F
        or 0xAC00 <= cp <= 0xD7FF  # Hangul syllables
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F
        or 0xFF00 <= cp <= 0xFFEF  # half/full-width forms
        or 0x20000 <= cp <= 0x3FFFF
    )


@dataclass(frozen=True)
class FontSet:
    """Picks a loaded font per text: Noto Sans for Latin/Vietnamese, the language's CJK face otherwise."""

    language: Language

    def for_text(self, text: str, size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
        cjk = any(is_cjk(ch) for ch in text)
        path, index = cjk_font_file(self.language, bold) if cjk else latin_font_file(bold)
        return _load(path, index, size)


@functools.lru_cache(maxsize=64)
def _load(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.RAQM
                              if _has_raqm() else ImageFont.Layout.BASIC)


@functools.cache
def _has_raqm() -> bool:
    from PIL import features

    available = bool(features.check("raqm"))
    if not available:
        log.warning("Pillow has no libraqm: Vietnamese stacked diacritics may be placed less precisely")
    return available


def check_fonts(languages: tuple[Language, ...] = ("vi", "en", "zh", "ko", "ja")) -> list[str]:
    """Problems with the installed fonts for the given languages (empty list: all fine)."""
    problems: list[str] = []
    for bold in (False, True):
        try:
            latin_font_file(bold)
        except FontMissingError as exc:
            problems.append(str(exc))
        for language in languages:
            if language in ("zh", "ko", "ja"):
                try:
                    cjk_font_file(language, bold)
                except FontMissingError as exc:
                    problems.append(str(exc))
    return sorted(set(problems))
