"""Inserting validated visits: one statement per batch, existing ids left alone (ON CONFLICT DO NOTHING).

On PostgreSQL the whole batch travels as ONE JSON parameter expanded by ``json_to_recordset``: a
multi-row VALUES list with 27 parameters per row would cost more in client-side query preparation
than the insert itself. SQLite uses SQLAlchemy's executemany.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

from kiosk.hub.schema import visits

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
    cols = list(_PG_TYPES)
    record = ", ".join(f"{c} {t}" for c, t in _PG_TYPES.items())
    return sa.text(
        f"INSERT INTO {visits.name} ({', '.join([*_BATCH_COLUMNS, *cols])}) "
        f"SELECT :device_id, :facility_code, :batch_id, :received_at, {', '.join('r.' + c for c in cols)} "
        f"FROM json_to_recordset(CAST(:rows AS json)) AS r({record}) "
        f"ON CONFLICT (id) DO NOTHING RETURNING id"
    ).bindparams(sa.bindparam("received_at", type_=sa.DateTime(timezone=True)))


_PG_INSERT = _pg_statement()


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def insert_visits(conn: sa.Connection, rows: list[dict[str, Any]], *, device_id: int, facility_code: str,
                  batch_id: str, received_at: dt.datetime) -> set[str]:
    """Insert ``rows`` (Visit fields, python values, ``id`` as text); returns the ids newly stored."""
    if not rows:
        return set()
    if conn.dialect.name == "postgresql":
        payload = json.dumps(rows, default=_json_default, ensure_ascii=False)
        result = conn.execute(_PG_INSERT, {"device_id": device_id, "facility_code": facility_code,
                                           "batch_id": batch_id, "received_at": received_at, "rows": payload})
        return set(result.scalars())
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    extra = {"device_id": device_id, "facility_code": facility_code, "batch_id": batch_id,
             "received_at": received_at}
    stmt = sqlite_insert(visits).on_conflict_do_nothing(index_elements=["id"]).returning(visits.c.id)
    return set(conn.execute(stmt, [{**row, **extra} for row in rows]).scalars())
