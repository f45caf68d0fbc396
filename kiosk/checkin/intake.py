"""Every input through the gate: serial, wedge and typed text pass one :class:`ScanGate` before a check.

The camera's reads pass the ScanGate inside its pipeline (:mod:`kiosk.scanner.pipeline`: two-frame
confirmation needs the frame count), so what reaches :meth:`ScanIntake.offer` from the camera has been
gated already. The other sources are gated here with the same rules (kiosk/scanner/README.md): AIM
prefix stripped, the same text again within ``duplicate_window_s`` dropped.

Not thread-safe, like the gate: call it from one thread (the UI thread in the app).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kiosk.checkin.result import Source
from kiosk.scanner.gate import ScanGate, ScanSource


class ScanIntake:
    def __init__(self, duplicate_window_s: float = 5.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.gate = ScanGate(duplicate_window_s, clock=clock)

    def offer(self, text: str, source: Source) -> str | None:
        """The text to check (AIM prefix and terminators removed), or None: a duplicate or empty."""
        if source is Source.CAMERA:
            return text
        scan = self.gate.offer(text, ScanSource(str(source)))
        return None if scan is None else scan.text

    def forget(self) -> None:
        """A new presentation starts (a visit was registered, the screen was cleared): re-scans count."""
        self.gate.forget()
