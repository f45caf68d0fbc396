"""From decoded text to a scan: plausibility, AIM prefixes, duplicate suppression.

Every input path (camera, serial scanner, keyboard wedge, a number typed at the desk) ends here, so the
rules are the same (the camera in its pipeline, the others in :class:`kiosk.checkin.intake.ScanIntake`):

* A camera read is accepted at once only when it parses as a BHYT or CCCD payload
  (:func:`kiosk.cards.parse_payload`). Any other QR content must be read identically in two frames
  (within a few frames of each other) before it is reported. This is how the kiosk keeps **zero wrong
  reads**: a misread that happens to pass the QR checksum will not also be a well-formed card payload,
  nor repeat itself exactly.
* Hardware scanners (and typed numbers) have already verified the symbol: their text is reported once (with the parse
  result or error attached), never delayed.
* The same payload seen again within ``duplicate_window_s`` seconds of its last sighting is the same
  scan (a phone held in front of the camera is one check-in, not thirty a second).
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.cards import CardPayloadError, parse_payload
from kiosk.cards.model import BhytCard, CccdCard

AIM_PREFIXES = ("]Q0", "]Q1", "]Q2", "]Q3", "]Q4", "]Q5", "]Q6")
#: A non-card read must repeat within this many frames to count.
CONFIRM_WITHIN_FRAMES = 5


class ScanSource(enum.StrEnum):
    CAMERA = "camera"
    SERIAL = "serial"
    WEDGE = "wedge"
    TYPED = "typed"


@dataclass(frozen=True, slots=True)
class Scan:
    """One accepted scan. ``card`` is set when the text is a card payload, else ``error`` says why not."""

    text: str
    source: ScanSource
    card: BhytCard | CccdCard | None
    error: CardPayloadError | None
    at: float  # monotonic seconds
    warnings: tuple[str, ...] = field(default_factory=tuple)


def strip_aim(text: str) -> tuple[str, str | None]:
    """Remove a leading AIM symbology identifier (``]Q1`` …); returns (text, identifier or None)."""
    for prefix in AIM_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):], prefix
    return text, None


def clean_text(text: str) -> str:
    """The payload without AIM prefix, line terminators, NUL and BOM (what is compared for duplicates)."""
    text, _ = strip_aim(text.lstrip("\ufeff"))
    return text.replace("\x00", "").strip("\r\n")


def try_parse(text: str) -> tuple[BhytCard | CccdCard | None, CardPayloadError | None]:
    try:
        return parse_payload(text), None
    except CardPayloadError as exc:
        return None, exc


class ScanGate:
    """Decides which reads become scans. Not thread-safe: feed it from one thread."""

    def __init__(self, duplicate_window_s: float = 5.0, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.duplicate_window_s = duplicate_window_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}
        self._pending: dict[str, int] = {}  # non-card camera text -> frame number first seen
        self._frame = 0

    def next_frame(self) -> None:
        """Call once per camera frame (before offering that frame's texts)."""
        self._frame += 1
        self._pending = {t: f for t, f in self._pending.items() if self._frame - f <= CONFIRM_WITHIN_FRAMES}

    def offer(self, text: str, source: ScanSource, warnings: tuple[str, ...] = ()) -> Scan | None:
        """A decoded text; returns the Scan if it is new and plausible, else None."""
        now = self._clock()
        payload = clean_text(text)
        if not payload:
            return None
        self._expire(now)
        if payload in self._last_seen:
            self._last_seen[payload] = now  # still in front of the camera: extend the window
            return None
        card, error = try_parse(payload)
        if source is ScanSource.CAMERA and card is None:
            first = self._pending.get(payload)
            if first is None or first == self._frame:
                self._pending.setdefault(payload, self._frame)
                return None
            del self._pending[payload]
        self._last_seen[payload] = now
        return Scan(payload, source, card, error, now, warnings)

    def forget(self) -> None:
        """Forget recent scans (e.g. when the screen returns to idle and a re-scan should count)."""
        self._last_seen.clear()
        self._pending.clear()

    def _expire(self, now: float) -> None:
        old = [t for t, seen in self._last_seen.items() if now - seen > self.duplicate_window_s]
        for t in old:
            del self._last_seen[t]
