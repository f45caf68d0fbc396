"""Sounds ship with the kiosk and are optional: without sound files the player stays silent."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.ui.sound import SOUNDS_DIR, SoundPlayer


def test_sounds_are_optional(tmp_path: Path, qtbot: QtBot) -> None:
    assert (SOUNDS_DIR / "success.wav").stat().st_size > 1000 and (SOUNDS_DIR / "failure.wav").exists()
    silent = SoundPlayer(tmp_path)  # no sound files there: off, and play() is harmless
    assert not silent.available
    silent.play(True)
    assert silent.played == [True]
