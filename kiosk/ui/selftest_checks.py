"""The self-test's Qt checks (``kiosk --self-test``, :mod:`kiosk.selftest`): the translation catalogues
load and translate, a widget renders, the platform plugins the kiosk sessions use are bundled."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.errors import CheckFailed
from kiosk.ui.i18n import CATALOGUE_PREFIX, LANGUAGES, TRANSLATIONS_DIR


def check_translations(known: tuple[str, str]) -> str:
    """Every shipped catalogue loads and translates ``known`` (context, source text)."""
    loaded = []
    for lang in LANGUAGES:
        if lang.catalogue is None:
            continue
        qm = TRANSLATIONS_DIR / f"{CATALOGUE_PREFIX}{lang.catalogue}.qm"
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise CheckFailed(f"cannot load {qm}")
        text = translator.translate(*known)
        if not text or text == known[1]:
            raise CheckFailed(f"{qm.name} does not translate {known[1]!r}")
        loaded.append(f"{lang.code}={text}")
    return "; ".join(loaded)


def check_widgets(work: Path, needed_platforms: tuple[str, ...]) -> str:
    """A widget renders to a PNG in ``work``; the platform plugins ``needed_platforms`` are present."""
    app = QApplication.instance() or QApplication(["kiosk-self-test"])
    label = QLabel("Xin chào – 请扫描")
    label.resize(320, 80)
    pixmap = label.grab()
    label.deleteLater()
    if pixmap.isNull() or pixmap.width() < 320:
        raise CheckFailed("grabbing a widget gave no image")
    if not pixmap.save(str(work / "grab.png")):
        raise CheckFailed("cannot save the grabbed image as PNG")
    folders = [*QCoreApplication.libraryPaths(), QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)]
    found = {name.removeprefix("libq").split(".")[0] for folder in folders
             if (Path(folder) / "platforms").is_dir() for name in os.listdir(Path(folder) / "platforms")}
    missing = [name for name in needed_platforms if name not in found]
    if missing:
        raise CheckFailed(f"Qt platform plugins missing: {', '.join(missing)} (found {', '.join(sorted(found))})")
    platform = QApplication.platformName() if isinstance(app, QApplication) else "?"
    return f"widget grabbed on {platform}; platform plugins {', '.join(needed_platforms)} present"
