"""Success / failure sounds without extra Qt modules: the WAVs in ``resources/sounds`` are played by
the system's player (``paplay``, ``pw-play`` or ``aplay``) as a detached process, so the UI never
waits. No player or no audio device: sounds are off (reported, never an error).
QtMultimedia would need pyside6-addons (+ libpulse0) for two short beeps; not worth it.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QProcess

log = logging.getLogger(__name__)

SOUNDS_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "sounds"
PLAYERS: Final = ("paplay", "pw-play", "aplay")


class SoundPlayer(QObject):
    def __init__(self, directory: Path = SOUNDS_DIR, *, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = {True: directory / "success.wav", False: directory / "failure.wav"}
        self.player = next((p for p in (shutil.which(name) for name in PLAYERS) if p), None) if enabled else None
        self.available = self.player is not None and all(f.exists() for f in self.files.values())
        if enabled and not self.available:
            log.info("sounds off: %s", "no audio player found" if self.player is None else "sound files missing")
        self.played: list[bool] = []

    def play(self, ok: bool) -> None:
        self.played.append(ok)
        del self.played[:-20]
        if not self.available or self.player is None:
            return
        args = ["-q", str(self.files[ok])] if self.player.endswith("aplay") else [str(self.files[ok])]
        process = QProcess()
        process.setProgram(self.player)
        process.setArguments(args)
        # A kiosk without a sound card must not fill the terminal or the journal with ALSA errors.
        process.setStandardOutputFile(QProcess.nullDevice())
        process.setStandardErrorFile(QProcess.nullDevice())
        process.startDetached()
