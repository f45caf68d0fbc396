"""Queue numbering rules: a service prefix plus a daily counter that resets at a configurable time.

Pure domain logic (no database, no Qt). The number says nothing about the patient (docs/kiosk-ux.md §10):
``K01-012`` is the 12th ticket of department/service ``K01`` on that queue day. The counter itself
lives in the store (``queue_counters``); this module decides *which day* a moment belongs to and how a
ticket is written.
"""

from __future__ import annotations

import datetime as dt
import enum
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


class DeskQueue(enum.StrEnum):
    """Queues at the reception desk, for numbers issued without a department (docs/kiosk-ux.md §10a).

    ``reception``: a patient whose card could not be used (or who has none) takes a number for the desk.
    ``priority``: the same desk, served first: elderly, pregnant, children under 6, people with a
    disability — only where the facility turns it on (``[queue] priority_queue``).
    """

    RECEPTION = "reception"
    PRIORITY = "priority"

    @property
    def counter_key(self) -> str:
        """The key of this queue's daily counter in the store's ``queue_counters`` (next to the
        departments' codes; ``@`` never starts a department code, so the two can never meet)."""
        return f"@{self.value}"


def people_ahead(number: int) -> int:
    """Numbers issued before ``number`` on its queue day, in its queue.

    The kiosk does not know which numbers staff have already called, so this is an upper bound: the
    people who took a number before this patient today (docs/kiosk-ux.md §10a says so to the facility).
    """
    if number < 1:
        raise ValueError(f"queue numbers start at 1, got {number}")
    return number - 1


@dataclass(frozen=True, slots=True)
class DeskNumber:
    """A number issued for a reception-desk queue (no card, no visit)."""

    queue: DeskQueue
    number: int
    #: As printed, e.g. "TD-007".
    ticket: str
    queue_day: dt.date

    @property
    def ahead(self) -> int:
        return people_ahead(self.number)
