"""Languages of the interface: Qt translators (``translations/*.ts`` → ``.qm``) and fonts per language.

Vietnamese is the default; English is the source language (no catalogue needed). Switching installs
the language's ``QTranslator``; Qt then sends ``QEvent.LanguageChange`` to every widget and each screen
calls its ``retranslate_ui()`` (docs/kiosk-ux.md §7). Missing ``.qm`` files are compiled from the ``.ts``
files with ``pyside6-lrelease`` on first use, so a fresh checkout shows translated screens.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

TRANSLATIONS_DIR: Final = Path(__file__).resolve().parents[2] / "translations"
CATALOGUE_PREFIX: Final = "kiosk_"


@dataclass(frozen=True)
class Language:
    code: str  # vi, en, zh, ko, ja (the config's ui.language values)
    #: The language's own name in its own script (for the language bar; never translated).
    native_name: str
    #: Suffix of the Qt catalogue (``kiosk_zh_CN.ts``); None for the source language.
    catalogue: str | None
    #: Font families, first match per glyph: Latin/Vietnamese from Noto Sans, Han shapes per locale.
    families: tuple[str, ...]


_LATIN = ("Noto Sans", "DejaVu Sans")
LANGUAGES: Final[tuple[Language, ...]] = (
    Language("vi", "Tiếng Việt", "vi", (*_LATIN, "Noto Sans CJK SC")),
    Language("en", "English", None, (*_LATIN, "Noto Sans CJK SC")),
    Language("zh", "中文", "zh_CN", (*_LATIN, "Noto Sans CJK SC")),
    Language("ko", "한국어", "ko", (*_LATIN, "Noto Sans CJK KR")),
    Language("ja", "日本語", "ja", (*_LATIN, "Noto Sans CJK JP")),
)
BY_CODE: Final = {lang.code: lang for lang in LANGUAGES}
DEFAULT_LANGUAGE: Final = "vi"


def language(code: str) -> Language:
    """The language for a code; unknown codes raise ValueError naming the valid ones."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r}; use one of {', '.join(BY_CODE)}") from None


def ts_files(directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    return sorted(directory.glob(f"{CATALOGUE_PREFIX}*.ts"))


def _lrelease() -> str | None:
    local = Path(sys.executable).with_name("pyside6-lrelease")
    if local.exists():
        return str(local)
    return shutil.which("pyside6-lrelease")


def compile_catalogues(directory: Path = TRANSLATIONS_DIR, *, force: bool = False) -> list[Path]:
    """Compile each ``.ts`` whose ``.qm`` is missing or older; returns the ``.qm`` files written."""
    tool = _lrelease()
    written: list[Path] = []
    for ts in ts_files(directory):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            log.warning("pyside6-lrelease not found: %s stays untranslated", ts.name)
            continue
        result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True,
                                check=False)
        if result.returncode != 0 or not qm.exists():
            log.warning("cannot compile %s: %s", ts.name, result.stderr.strip())
            continue
        written.append(qm)
    return written


def font_for(code: str, point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(list(language(code).families))
    font.setPointSizeF(point_size)
    return font


class LanguageManager(QObject):
    """Owns the translators; ``switch(code)`` retranslates every screen and sets the language's fonts."""

    changed = Signal(str)

    def __init__(self, app: QApplication, *, default: str = DEFAULT_LANGUAGE, base_point_size: float = 14.0,
                 directory: Path = TRANSLATIONS_DIR) -> None:
        super().__init__(app)
        language(default)
        self._app = app
        self.default = default
        self.base_point_size = base_point_size
        self._directory = directory
        self._translators: dict[str, QTranslator] = {}
        self._installed: QTranslator | None = None
        self.current = ""
        compile_catalogues(directory)
        for lang in LANGUAGES:
            if lang.catalogue is None:
                continue
            translator = QTranslator(self)
            if translator.load(str(directory / f"{CATALOGUE_PREFIX}{lang.catalogue}.qm")):
                self._translators[lang.code] = translator
            else:
                log.warning("no compiled catalogue for %s: the screens stay in English", lang.code)

    @property
    def available(self) -> list[str]:
        return [lang.code for lang in LANGUAGES if lang.catalogue is None or lang.code in self._translators]

    def switch(self, code: str) -> None:
        """Install the language's catalogue and fonts; every widget has retranslated when this returns."""
        language(code)
        if code == self.current:
            return
        if self._installed is not None:
            self._app.removeTranslator(self._installed)
            self._installed = None
        translator = self._translators.get(code)
        if translator is not None:
            self._app.installTranslator(translator)
            self._installed = translator
        self.current = code
        # Installing/removing a translator makes Qt *post* LanguageChange to every window; deliver those
        # now so the switch is complete (every screen retranslated) when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.apply_font()
        self.changed.emit(code)

    def release(self) -> None:
        """Remove this manager's catalogue from the application (Qt's source language, English, shows
        again unless another manager has one installed)."""
        if self._installed is not None:
            self._app.removeTranslator(self._installed)
            self._installed = None
            self.current = ""
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def apply_font(self) -> None:
        self._app.setFont(font_for(self.current or self.default, self.base_point_size))
        # Widgets styled by the sheet keep stale font metrics until re-polished.
        for widget in self._app.allWidgets():
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
            widget.updateGeometry()

    def reset(self) -> None:
        self.switch(self.default)
