"""Numbers for the reception desk's queues, issued without a card or a department (docs/kiosk-ux.md §10a).

The daily counter is the same ``queue_counters`` row type the departments use (key
:attr:`kiosk.queueing.DeskQueue.counter_key`), advanced by the same atomic upsert, so a number is never
issued twice on one queue day even with several kiosks on one PostgreSQL database. Each number is also
written to the audit log in the same transaction (queue, ticket, why it was taken — never patient data),
so the desk can account for every number it is handed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from kiosk.db.base import StoreBase, iso_now
from kiosk.db.models import AUDIT_LOG
from kiosk.db.models import QUEUE_COUNTERS as COUNTERS
from kiosk.db.visits import _COUNTER_UPSERT
from kiosk.queueing import DeskNumber, DeskQueue, check_prefix


class DeskQueueNumbers(StoreBase):
    def issue_desk_number(self, queue: DeskQueue, prefix: str, *, reason: str = "",
                          now: dt.datetime | None = None) -> DeskNumber:
        """The next number of ``queue`` for the queue day of ``now``, durably recorded.

        ``prefix`` is the facility's prefix for that queue (``[queue] reception_prefix`` /
        ``priority_prefix``); ``reason`` says why it was taken (a verdict or error code, "no_card").
        """
        queue = DeskQueue(queue)
        check_prefix(prefix)
        moment = now if now is not None else self._now()
        if moment.tzinfo is None:
            moment = moment.astimezone()
        day = self.queue_rules.queue_day(moment)
        with self._write() as conn:
            number = int(conn.execute(_COUNTER_UPSERT[self.dialect], {
                "department_code": queue.counter_key, "queue_day": day, "last_number": 1}).scalar_one())
            ticket = self.queue_rules.ticket(prefix, number)
            conn.execute(AUDIT_LOG.insert().values(
                at=iso_now(moment), actor="kiosk", action="desk_number",
                details={"queue": queue.value, "ticket": ticket, "queue_day": day.isoformat(), "reason": reason}))
        return DeskNumber(queue, number, ticket, day)

    def last_desk_number(self, queue: DeskQueue, queue_day: dt.date) -> int:
        """The last number issued in ``queue`` on that queue day (0: none yet)."""
        with self._read() as conn:
            value = conn.execute(select(COUNTERS.c.last_number).where(
                COUNTERS.c.department_code == DeskQueue(queue).counter_key,
                COUNTERS.c.queue_day == queue_day)).scalar()
        return int(value or 0)
