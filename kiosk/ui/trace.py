"""``kiosk run --trace FILE``: one JSON line per interface event, for scripts and tests.

Events (documented in kiosk/ui/README.md, "Trace"):

- ``{"t", "event": "screen", "screen", "mode", "lang", "demo"}`` whenever the shown screen changes;
- ``{"t", "event": "scan", "source", "ok", "verdict"}`` for every scan the check-in core handled;
- ``{"t", "event": "desk_number", "queue": "reception"|"priority", "reason"}`` for every number taken with
  "Call staff / reception ticket" (``reason``: the verdict or error code it followed, or ``no_card``).

``t`` is seconds since the trace was opened. No patient data is written: no payload, card number,
name or birth date. Each line is flushed at once, so a script can follow the file while the kiosk runs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QObject

from kiosk.checkin.result import CheckResult


class EventTrace(QObject):
    def __init__(self, path: Path, *, mode: str, language: Callable[[], str], demo: bool,
                 parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[str] | None = path.open("a", encoding="utf-8")
        self._clock = clock
        self._start = clock()
        self.mode = mode
        self.demo = demo
        self._language = language
        self._shown: tuple[str, str] | None = None

    @property
    def current_screen(self) -> str | None:
        return self._shown[0] if self._shown else None

    def screen(self, name: str) -> None:
        """The window showed ``name`` (or the language changed on it); repeated notices are one event."""
        shown = (name, self._language())
        if shown == self._shown:
            return
        self._shown = shown
        self._write({"event": "screen", "screen": name, "mode": self.mode, "lang": shown[1], "demo": self.demo})

    def scan(self, source: str, ok: bool, verdict: str | None) -> None:
        self._write({"event": "scan", "source": source, "ok": ok, "verdict": verdict})

    def checked(self, result: CheckResult | None) -> None:
        """A check-in result from a window's model (``result_changed``): its source, whether the card was
        read and decided, and the verdict (or the error code when there is none). ``None`` (the screen
        was cleared) is no scan."""
        if result is None:
            return
        verdict = result.verdict
        self.scan(str(result.source.value), result.ok, str(verdict.value) if verdict is not None
                  else result.error_code)

    def desk_number(self, issued: Any) -> None:
        """A reception-desk number from the self-service model (``desk_number_changed``); ``None`` (the
        screen was cleared) is none. The number itself is not patient data, but it is not needed either."""
        if issued is None:
            return
        self._write({"event": "desk_number", "queue": str(issued.number.queue.value), "reason": issued.reason})

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def _write(self, record: dict[str, Any]) -> None:
        if self._file is None:
            return
        line = {"t": round(self._clock() - self._start, 3), **record}
        self._file.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._file.flush()
