"""Inserting validated visits: one statement per batch, existing ids left alone (ON CONFLICT DO NOTHING).

On PostgreSQL the whole batch travels as ONE JSON parameter expanded by ``json_to_recordset``: a
multi-row VALUES list with 27 parameters per row would cost more in client-side query preparation
than the insert itself. That JSON is written by pydantic's serialiser straight from the validated
models (ids as UUID text, dates as YYYY-MM-DD, ``created_at`` as sent). SQLite uses SQLAlchemy's
executemany.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from pydantic import TypeAdapter

from kiosk.hub.schema import visits
from kiosk.protocol.models import Visit

#: Per-record columns (the Visit wire fields) with their PostgreSQL types for json_to_recordset.
_PG_TYPES: dict[str, str] = {
    "id": "text", "created_at": "text", "visit_date": "date", "department_code": "text",
    "queue_number": "integer", "ticket": "text", "verdict": "text", "provisional": "boolean",
    "registered_here": "boolean", "card_kind": "text", "card_number": "text", "bhxh_number": "text",
    "citizen_id": "text", "name": "text", "birth_date": "text", "gender": "text",
    "card_facility_code": "text", "valid_from": "date", "valid_to": "date", "area": "text",
    "five_years_on": "date", "object_code": "text", "benefit_level": "integer",
    "route": "text", "benefit_percent": "integer", "self_pay": "boolean", "confirmed_online": "boolean",
    "identity_checked": "boolean", "office": "text", "admitted_elsewhere": "text",
}
_BATCH_COLUMNS = ("device_id", "facility_code", "batch_id", "received_at")


def _pg_statement() -> sa.TextClause:
    """The PostgreSQL insert. Built per call (a few microseconds; SQLAlchemy caches its compiled form by
    text), not once at import or in a cache, so that the mutation run (docs/testing.md §5) reaches it."""
    cols = list(_PG_TYPES)
    record = ", ".join(f"{c} {t}" for c, t in _PG_TYPES.items())
    return sa.text(
        f"INSERT INTO {visits.name} ({', '.join([*_BATCH_COLUMNS, *cols])}) "
        f"SELECT :device_id, :facility_code, :batch_id, :received_at, {', '.join('r.' + c for c in cols)} "
        f"FROM json_to_recordset(CAST(:rows AS json)) AS r({record}) "
        f"ON CONFLICT (id) DO NOTHING RETURNING id"
    ).bindparams(sa.bindparam("received_at", type_=sa.DateTime(timezone=True)))


_VISIT_LIST = TypeAdapter(list[Visit])


def insert_visits(conn: sa.Connection, records: list[Visit], *, device_id: int, facility_code: str,
                  batch_id: str, received_at: dt.datetime) -> set[str]:
    """Insert validated ``records``; returns the ids (UUID text) newly stored."""
    if not records:
        return set()
    if conn.dialect.name == "postgresql":
        payload = _VISIT_LIST.dump_json(records).decode()
        result = conn.execute(_pg_statement(), {"device_id": device_id, "facility_code": facility_code,
                                           "batch_id": batch_id, "received_at": received_at, "rows": payload})
        return set(result.scalars())
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    extra = {"device_id": device_id, "facility_code": facility_code, "batch_id": batch_id,
             "received_at": received_at}
    stmt = sqlite_insert(visits).on_conflict_do_nothing(index_elements=["id"]).returning(visits.c.id)
    rows = [{**visit.model_dump(), "id": str(visit.id), **extra} for visit in records]
    return set(conn.execute(stmt, rows).scalars())
