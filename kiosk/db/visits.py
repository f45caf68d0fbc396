"""Visits: durable recording with a daily queue number, listing, and daily counts."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from kiosk.db.base import StoreBase, iso_now
from kiosk.db.convert import VISIT_CARD_FIELDS, WIRE_FIELDS, visit_to_wire
from kiosk.db.errors import StoreUsageError, UnknownDepartmentError
from kiosk.db.models import DEPARTMENTS, VISITS
from kiosk.db.models import QUEUE_COUNTERS as COUNTERS
from kiosk.db.records import VisitRecord

VERDICTS: Final = frozenset({"valid", "expired", "not_yet_valid", "revoked", "reduced", "replaced",
                             "name_mismatch", "birth_date_mismatch", "unknown"})
CARD_KINDS: Final = frozenset({"bhyt", "cccd", "manual"})
#: Outbox states (docs/house-style.md §4): waiting, handed to an upload, confirmed, refused by the hub.
TO_SEND: Final = "to_send"
SENDING: Final = "sending"
SENT: Final = "sent"
REJECTED: Final = "rejected"
SYNC_STATES: Final = (TO_SEND, SENDING, SENT, REJECTED)


# Statements built once: SQLAlchemy then reuses their compiled form (a visit commit stays ~1 ms).
_DEPARTMENT = select(DEPARTMENTS.c.ticket_prefix, DEPARTMENTS.c.active).where(
    DEPARTMENTS.c.code == bindparam("code"))
_INSERT_VISIT = VISITS.insert()


def _counter_upsert(insert: Any) -> Any:
    stmt = insert(COUNTERS)
    return stmt.on_conflict_do_update(
        index_elements=[COUNTERS.c.department_code, COUNTERS.c.queue_day],
        set_={"last_number": COUNTERS.c.last_number + 1},
    ).returning(COUNTERS.c.last_number)


#: "Next number" as one atomic statement: INSERT … ON CONFLICT DO UPDATE … RETURNING. On PostgreSQL a
#: concurrent writer waits on the row lock and then sees the incremented value.
_COUNTER_UPSERT = {"sqlite": _counter_upsert(sqlite.insert), "postgresql": _counter_upsert(postgresql.insert)}


@dataclass
class DayCounts:
    """Visits of one visit date, for end-of-day reconciliation with the hub's summary."""

    date: dt.date
    visits: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)
    by_state: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "visits": self.visits, "by_verdict": self.by_verdict,
                "by_state": self.by_state}


def _check_card_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(VISIT_CARD_FIELDS)
    if unknown:
        raise StoreUsageError(f"unknown visit field(s): {', '.join(sorted(unknown))}")
    values = dict.fromkeys(VISIT_CARD_FIELDS)
    values.update(fields)
    if values["verdict"] not in VERDICTS:
        raise StoreUsageError(f"verdict must be one of {', '.join(sorted(VERDICTS))}, got {values['verdict']!r}")
    if values["card_kind"] not in CARD_KINDS:
        raise StoreUsageError(f"card_kind must be bhyt, cccd or manual, got {values['card_kind']!r}")
    values["provisional"] = bool(values["provisional"])
    values["self_pay"] = bool(values["self_pay"])
    for name in ("valid_from", "valid_to", "five_years_on"):
        value = values[name]
        if isinstance(value, str):
            values[name] = dt.date.fromisoformat(value)
    return values


class Visits(StoreBase):
    def _department_prefix(self, conn: Connection, code: str) -> str:
        row = conn.execute(_DEPARTMENT, {"code": code}).first()
        if row is None or not row.active:
            known = conn.execute(select(DEPARTMENTS.c.code).where(DEPARTMENTS.c.active)
                                 .order_by(DEPARTMENTS.c.sort_order, DEPARTMENTS.c.code)).scalars().all()
            listing = ", ".join(known) if known else "none yet; sync with the hub or load the demo data"
            state = "is not active" if row is not None else "does not exist"
            raise UnknownDepartmentError(f"department {code!r} {state}; known departments: {listing}")
        return str(row.ticket_prefix)

    def _next_queue_number(self, conn: Connection, department: str, day: dt.date) -> int:
        upsert = _COUNTER_UPSERT[self.dialect]
        return int(conn.execute(upsert, {"department_code": department, "queue_day": day,
                                         "last_number": 1}).scalar_one())

    def add_visit(self, department_code: str, card_fields: Mapping[str, Any], *,
                  now: dt.datetime | None = None, visit_id: str | None = None) -> dict[str, Any]:
        """:meth:`record_visit`, returned in wire format (the CLI's JSON and the tests)."""
        return self.record_visit(department_code, card_fields, now=now, visit_id=visit_id).to_wire()

    def record_visit(self, department_code: str, card_fields: Mapping[str, Any], *,
                     now: dt.datetime | None = None, visit_id: str | None = None) -> VisitRecord:
        """Record a visit durably and return it as a typed record.

        ``card_fields`` are the :data:`~kiosk.db.convert.VISIT_CARD_FIELDS` (see
        :func:`~kiosk.db.convert.visit_card_fields`). The queue number is the next of the department's
        sequence for the queue day of ``now``; numbers never repeat (a unique constraint backs it).
        When this returns, the visit is committed to disk (SQLite: WAL, synchronous=FULL).
        """
        values = _check_card_fields(card_fields)
        moment = now if now is not None else self._now()
        if moment.tzinfo is None:
            moment = moment.astimezone()
        queue_day = self.queue_rules.queue_day(moment)
        created_at = iso_now(moment)
        with self._write() as conn:
            prefix = self._department_prefix(conn, department_code)
            number = self._next_queue_number(conn, department_code, queue_day)
            row = {
                **values,
                "id": visit_id or str(uuid.uuid4()),
                "created_at": created_at,
                "visit_date": moment.date(),
                "queue_day": queue_day,
                "department_code": department_code,
                "queue_number": number,
                "ticket": self.queue_rules.ticket(prefix, number),
                "sync_state": TO_SEND,
                "sync_changed_at": created_at,
            }
            conn.execute(_INSERT_VISIT, row)
        return VisitRecord.from_row(row)

    def last_queue_number(self, department_code: str, queue_day: dt.date) -> int:
        """The last number issued for the department on that queue day (0: none yet)."""
        with self._read() as conn:
            value = conn.execute(select(COUNTERS.c.last_number).where(
                COUNTERS.c.department_code == department_code, COUNTERS.c.queue_day == queue_day)).scalar()
        return int(value or 0)

    def list_visits(self, visit_date: dt.date | None = None, *, department_code: str | None = None,
                    with_sync_state: bool = True) -> list[dict[str, Any]]:
        """Visits in recording order (all, or one visit date), wire format plus sync state/error."""
        columns = [VISITS.c[name] for name in WIRE_FIELDS]
        if with_sync_state:
            columns += [VISITS.c.sync_state, VISITS.c.sync_error]
        stmt = select(*columns).order_by(VISITS.c.seq)
        if visit_date is not None:
            stmt = stmt.where(VISITS.c.visit_date == visit_date)
        if department_code is not None:
            stmt = stmt.where(VISITS.c.department_code == department_code)
        with self._read() as conn:
            rows = conn.execute(stmt).mappings().all()
        out = []
        for row in rows:
            item = visit_to_wire(row)
            if with_sync_state:
                item["sync_state"] = row["sync_state"]
                item["sync_error"] = row["sync_error"]
            out.append(item)
        return out

    def visits_on(self, visit_date: dt.date, *, department_code: str | None = None,
                  card_numbers: frozenset[str] | None = None) -> list[VisitRecord]:
        """Typed visits of one visit date in recording order, with their upload state; optionally only
        one department's, or only those of a card (any of ``card_numbers`` as card number or CCCD)."""
        stmt = (select(*[VISITS.c[name] for name in WIRE_FIELDS], VISITS.c.sync_state, VISITS.c.sync_error)
                .where(VISITS.c.visit_date == visit_date).order_by(VISITS.c.seq))
        if department_code is not None:
            stmt = stmt.where(VISITS.c.department_code == department_code)
        if card_numbers is not None:
            if not card_numbers:
                return []
            numbers = sorted(card_numbers)
            stmt = stmt.where(or_(VISITS.c.card_number.in_(numbers), VISITS.c.citizen_id.in_(numbers)))
        with self._read() as conn:
            return [VisitRecord.from_row(row) for row in conn.execute(stmt).mappings()]

    def visit_counts(self, first: dt.date, last: dt.date | None = None) -> dict[dt.date, DayCounts]:
        """Per visit date from ``first`` to ``last`` (inclusive): totals, per verdict, per sync state."""
        end = last if last is not None else first
        stmt = (select(VISITS.c.visit_date, VISITS.c.verdict, VISITS.c.sync_state, func.count())
                .where(VISITS.c.visit_date >= first, VISITS.c.visit_date <= end)
                .group_by(VISITS.c.visit_date, VISITS.c.verdict, VISITS.c.sync_state))
        days: dict[dt.date, DayCounts] = {}
        with self._read() as conn:
            for day, verdict, state, count in conn.execute(stmt):
                entry = days.setdefault(day, DayCounts(day))
                entry.visits += count
                entry.by_verdict[verdict] = entry.by_verdict.get(verdict, 0) + count
                entry.by_state[state] = entry.by_state.get(state, 0) + count
        return dict(sorted(days.items()))
