"""Queue numbering rules: a service prefix plus a daily counter that resets at a configurable time.

Pure domain logic (no database, no Qt). The number says nothing about the patient (docs/kiosk-ux.md §10):
``K01-012`` is the 12th ticket of department/service ``K01`` on that queue day. The counter itself
lives in the store (``queue_counters``); this module decides *which day* a moment belongs to and how a
ticket is written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_RESET_RE = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_PREFIX_RE = re.compile(r"[0-9A-Za-z]{1,8}")


def parse_reset_time(text: str) -> dt.time:
    """``"HH:MM"`` (24-hour) -> time; raises ValueError with a clear message otherwise."""
    match = _RESET_RE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"queue reset time must be HH:MM (24-hour), got {text!r}")
    return dt.time(int(match.group(1)), int(match.group(2)))


def check_prefix(prefix: str) -> str:
    """A ticket prefix is 1-8 letters or digits; returns it unchanged or raises ValueError."""
    if not _PREFIX_RE.fullmatch(prefix):
        raise ValueError(f"ticket prefix must be 1-8 letters or digits, got {prefix!r}")
    return prefix


@dataclass(frozen=True, slots=True)
class QueueRules:
    """How queue days and tickets work at this kiosk."""

    #: Local time at which numbering starts again at 1. Before it, a moment belongs to the previous
    #: queue day (e.g. reset 05:00: a ticket taken at 02:00 on the 23rd continues the 22nd's queue).
    reset_at: dt.time = dt.time(0, 0)
    #: The number is zero-padded to this many digits (wider numbers are printed in full).
    digits: int = 3
    separator: str = "-"

    def __post_init__(self) -> None:
        if not 1 <= self.digits <= 6:
            raise ValueError(f"ticket digits must be 1-6, got {self.digits}")

    def queue_day(self, now: dt.datetime) -> dt.date:
        """The queue day of local time ``now`` (naive or aware; its wall-clock time is used)."""
        if now.time() < self.reset_at:
            return now.date() - dt.timedelta(days=1)
        return now.date()

    def ticket(self, prefix: str, number: int) -> str:
        """``ticket("K01", 12)`` -> ``"K01-012"``."""
        if number < 1:
            raise ValueError(f"queue numbers start at 1, got {number}")
        return f"{check_prefix(prefix)}{self.separator}{number:0{self.digits}d}"

    @classmethod
    def from_settings(cls, reset_time: str = "00:00", digits: int = 3) -> QueueRules:
        return cls(reset_at=parse_reset_time(reset_time), digits=digits)


def next_number(last: int | None) -> int:
    """The number after ``last`` (None: nothing issued yet on this queue day)."""
    return 1 if last is None else last + 1
