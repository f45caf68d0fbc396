"""The visits outbox, as the sync engine uses it (docs/house-style.md §4, push).

Cycle: ``batch = pending_visits(500)`` → ``mark_sending(ids)`` → POST → ``record_push_results(results)``.
Records left in ``sending`` by a crash or a failed request are offered again by ``pending_visits``
(the hub treats a repeated id as ``duplicate``, so sending twice is safe). Each record is marked on its
own: accepted/duplicate → ``sent``, rejected → ``rejected`` with the hub's reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from kiosk.db.base import StoreBase, iso_now
from kiosk.db.convert import WIRE_FIELDS, visit_to_wire
from kiosk.db.errors import StoreUsageError
from kiosk.db.models import VISITS
from kiosk.db.visits import REJECTED, SENDING, SENT, SYNC_STATES, TO_SEND

_PENDING = (TO_SEND, SENDING)
_CHUNK = 500


@dataclass(frozen=True)
class PushTally:
    sent: int = 0
    rejected: int = 0
    #: Results naming an id this database does not hold.
    unknown: int = 0


class Outbox(StoreBase):
    def pending_visits(self, limit: int = 500) -> list[dict[str, Any]]:
        """Visits not yet confirmed by the hub (to_send or sending), oldest first, wire format."""
        stmt = (select(*[VISITS.c[name] for name in WIRE_FIELDS])
                .where(VISITS.c.sync_state.in_(_PENDING)).order_by(VISITS.c.seq).limit(limit))
        with self._read() as conn:
            return [visit_to_wire(row) for row in conn.execute(stmt).mappings()]

    def mark_sending(self, ids: Sequence[str]) -> int:
        """Mark a batch as handed to an upload (counts an attempt); returns how many rows changed."""
        changed = 0
        stamp = iso_now(self._now())
        with self._write() as conn:
            for start in range(0, len(ids), _CHUNK):
                result = conn.execute(
                    update(VISITS)
                    .where(VISITS.c.id.in_(list(ids[start:start + _CHUNK])), VISITS.c.sync_state.in_(_PENDING))
                    .values(sync_state=SENDING, sync_attempts=VISITS.c.sync_attempts + 1,
                            sync_changed_at=stamp))
                changed += result.rowcount
        return changed

    def record_push_results(self, results: Iterable[Mapping[str, Any]]) -> PushTally:
        """Apply the hub's per-record results ``{"id", "status", "reason"}`` in one transaction.

        ``accepted`` and ``duplicate`` → sent; ``rejected`` → rejected with ``reason``.
        """
        sent: list[str] = []
        rejected: list[tuple[str, str]] = []
        for item in results:
            status = item.get("status")
            record_id = str(item.get("id"))
            if status in ("accepted", "duplicate"):
                sent.append(record_id)
            elif status == "rejected":
                rejected.append((record_id, str(item.get("reason") or "rejected by the hub")))
            else:
                raise StoreUsageError(f"push result for {record_id}: unknown status {status!r}")
        stamp = iso_now(self._now())
        done = 0
        with self._write() as conn:
            for start in range(0, len(sent), _CHUNK):
                done += conn.execute(
                    update(VISITS).where(VISITS.c.id.in_(sent[start:start + _CHUNK]))
                    .values(sync_state=SENT, sync_error=None, sync_changed_at=stamp)).rowcount
            refused = 0
            for record_id, reason in rejected:
                refused += conn.execute(
                    update(VISITS).where(VISITS.c.id == record_id)
                    .values(sync_state=REJECTED, sync_error=reason, sync_changed_at=stamp)).rowcount
        return PushTally(sent=done, rejected=refused, unknown=len(sent) + len(rejected) - done - refused)

    def reset_sending(self) -> int:
        """Put every ``sending`` record back to ``to_send`` (e.g. at start-up after a crash)."""
        with self._write() as conn:
            return int(conn.execute(update(VISITS).where(VISITS.c.sync_state == SENDING)
                                    .values(sync_state=TO_SEND, sync_changed_at=iso_now(self._now())))
                       .rowcount)

    def retry_rejected(self, ids: Sequence[str]) -> int:
        """Staff decided to send rejected records again (after the hub was fixed)."""
        with self._write() as conn:
            return int(conn.execute(update(VISITS).where(VISITS.c.id.in_(list(ids)),
                                                         VISITS.c.sync_state == REJECTED)
                                    .values(sync_state=TO_SEND, sync_error=None,
                                            sync_changed_at=iso_now(self._now()))).rowcount)

    def pending_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(VISITS)
                                    .where(VISITS.c.sync_state.in_(_PENDING))).scalar_one())

    def rejected_count(self) -> int:
        """Visits set aside because the hub rejected them (shown on the sync panel)."""
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(VISITS)
                                    .where(VISITS.c.sync_state == REJECTED)).scalar_one())

    def oldest_pending_at(self) -> dt.datetime | None:
        """When the oldest visit still waiting for the hub was recorded (aware), or None."""
        with self._read() as conn:
            value = conn.execute(select(VISITS.c.created_at).where(VISITS.c.sync_state.in_(_PENDING))
                                 .order_by(VISITS.c.seq).limit(1)).scalar()
        return None if value is None else dt.datetime.fromisoformat(value)

    def outbox_counts(self) -> dict[str, int]:
        """Number of visits per sync state (every state present, zero included)."""
        counts = dict.fromkeys(SYNC_STATES, 0)
        with self._read() as conn:
            for state, count in conn.execute(select(VISITS.c.sync_state, func.count())
                                             .group_by(VISITS.c.sync_state)):
                counts[state] = int(count)
        return counts

    def rejected_visits(self) -> list[dict[str, Any]]:
        """Visits the hub refused, with its reason under ``sync_error`` (for the staff screen)."""
        stmt = (select(*[VISITS.c[name] for name in WIRE_FIELDS], VISITS.c.sync_error)
                .where(VISITS.c.sync_state == REJECTED).order_by(VISITS.c.seq))
        with self._read() as conn:
            return [{**visit_to_wire(row), "sync_error": row["sync_error"]}
                    for row in conn.execute(stmt).mappings()]
