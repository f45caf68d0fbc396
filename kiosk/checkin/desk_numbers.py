"""A number for the reception desk's queue, taken without a card (docs/kiosk-ux.md §10a).

The self-service screen offers it on every failure verdict ("Call staff / reception ticket") and, where
the facility runs one, a priority number too (``[queue] priority_queue``). Run on the database lane.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from kiosk.checkin.result import SYSTEM_ERROR, CheckResult
from kiosk.config import QueueConfig
from kiosk.queueing import DeskNumber, DeskQueue

#: ``reason`` of a number taken without any scan (the keypad's "no card" button).
NO_CARD = "no_card"


class DeskNumberStore(Protocol):
    def issue_desk_number(self, queue: DeskQueue, prefix: str, *, reason: str = "",
                          now: dt.datetime | None = None) -> DeskNumber: ...


def desk_reason(result: CheckResult | None) -> str:
    """Why the number was taken, for the audit log and the trace: the verdict, the error code, or no card."""
    if result is None:
        return NO_CARD
    if result.verdict is not None:
        return str(result.verdict.value)
    return result.error_code or SYSTEM_ERROR


def take_desk_number(store: DeskNumberStore, desk_queue: DeskQueue, queue: QueueConfig, *, reason: str,
                     now: dt.datetime) -> DeskNumber:
    """The next number of ``desk_queue`` with the prefix ``queue`` (``[queue]``) gives it; a priority number
    only where the facility turned the priority queue on."""
    if desk_queue is DeskQueue.PRIORITY and not queue.priority_queue:
        raise ValueError("the priority queue is off ([queue] priority_queue = false)")
    prefix = queue.priority_prefix if desk_queue is DeskQueue.PRIORITY else queue.reception_prefix
    return store.issue_desk_number(desk_queue, prefix, reason=reason, now=now)
