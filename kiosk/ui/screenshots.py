"""``--screenshot DIR --exit-after S``: a PNG of every screen the app passes through, then exit.

With ``autopilot`` the run also walks itself through the flow (continue on a good verdict, the first
department, finish) so one demo run shows every screen of the mode; it only presses the same buttons
a patient or receptionist would.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

log = logging.getLogger(__name__)

#: After the autopilot's last screen: time for the ticket print that it started to finish.
FINISH_DELAY_MS = 2000


class ScreenshotRecorder(QObject):
    def __init__(self, window: QWidget, directory: Path, *, delay_ms: int = 600,
                 finish_on: str | None = None, on_finished: Callable[[], None] | None = None,
                 parent: QObject | None = None) -> None:
        """``finish_on``: the autopilot's last screen; ``on_finished`` runs a moment after it is saved
        (so a screenshot run ends when its walk is done, however slow the machine, not on a timer)."""
        super().__init__(parent or window)
        self.finish_on = finish_on
        self.on_finished = on_finished
        self.window = window
        self.directory = directory
        self.delay_ms = delay_ms
        directory.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def capture(self, name: str) -> None:
        """Save the window a moment from now (after layout, fonts and a preview frame arrived)."""
        QTimer.singleShot(self.delay_ms, lambda: self.save_now(name))

    def save_now(self, name: str) -> Path | None:
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "screen"
        path = self.directory / f"{len(self.saved) + 1:02d}-{stem}.png"
        if not self.window.grab().save(str(path)):
            log.error("could not save screenshot %s", path)
            return None
        self.saved.append(path)
        log.info("screenshot %s", path)
        if name == self.finish_on and self.on_finished is not None:
            QTimer.singleShot(FINISH_DELAY_MS, self.on_finished)
        return path


def click_when_visible(find: Callable[[], QPushButton | None], after_ms: int) -> None:
    def press() -> None:
        target = find()
        if target is not None and target.isVisible() and target.isEnabled():
            target.click()

    QTimer.singleShot(after_ms, press)


def exit_after(seconds: float, code: int = 0) -> None:
    app = QApplication.instance()
    if app is not None:
        QTimer.singleShot(int(seconds * 1000), lambda: QApplication.exit(code))
