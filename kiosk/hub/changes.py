"""Replicated data (card cache, reference data) and the change cursor that pulls page through.

The PostgreSQL sequence-visibility trap (docs/house-style.md §4): a value taken from a sequence becomes
visible only when its transaction commits, so a slow writer can commit a *lower* number after a reader
moved its cursor past it. Remedy (a): every writing transaction takes its ``change_seq`` values from the
single row of ``hub_change_counter`` with ``UPDATE … SET value = value + n``. That row stays locked
until the writer commits, so a second writer waits at its own UPDATE and can only receive higher numbers
after the first one has committed: numbers become visible in increasing order, and a cursor never
passes a row that is still to commit. Writers of replicated data queue behind each other; pushes of
visits do not touch the counter, so ingest is not serialised.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from kiosk.errors import KioskError
from kiosk.hub.schema import ALL_FACILITIES, REFERENCE_KINDS, cards, change_counter, reference

CHUNK = 5000
CARD_FIELDS: tuple[str, ...] = ("bhxh_number", "citizen_id", "name", "birth_date", "gender",
                                "facility_code", "valid_from", "valid_to", "status", "replaced_by")


class CursorError(KioskError, ValueError):
    """A pull cursor that this hub did not issue."""


def parse_cursor(text: str | None) -> int:
    if not text:
        return 0
    if not text.isdigit() or len(text) > 18:
        raise CursorError("cursor must be a value returned as next_cursor (or empty)")
    return int(text)


def allocate(conn: sa.Connection, n: int) -> int:
    """Reserve ``n`` change numbers for this transaction; returns the first. Locks the counter row
    until the transaction ends (remedy (a))."""
    stmt = (change_counter.update().where(change_counter.c.id == 1)
            .values(value=change_counter.c.value + n).returning(change_counter.c.value))
    last = conn.execute(stmt).scalar_one()
    return int(last) - n + 1


def current(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(change_counter.c.value).where(change_counter.c.id == 1)).scalar_one())


def _insert(conn: sa.Connection, table: sa.Table) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def _upsert(conn: sa.Connection, table: sa.Table, keys: Sequence[str], compare: Sequence[str],
            rows: list[dict[str, Any]]) -> int:
    """Insert or update ``rows`` (each already carrying its change_seq); unchanged rows are left
    alone (they keep their old change_seq, so a re-import sends nothing). Returns rows written."""
    if not rows:
        return 0
    ins = _insert(conn, table)
    if conn.dialect.name == "postgresql":
        # The whole chunk as ONE JSON parameter (json_to_recordset): thousands of bound parameters
        # would cost more in client-side query preparation than the upsert itself.
        columns = list(rows[0])
        source = (sa.func.json_to_recordset(sa.bindparam("rows", type_=sa.Text).op("::")(sa.literal_column("json")))
                  .table_valued(*[sa.column(c, table.c[c].type) for c in columns])
                  .render_derived(name="r", with_types=True))
        ins = ins.from_select(columns, sa.select(*[source.c[c] for c in columns]))
    ex = ins.excluded
    changed = sa.or_(table.c.deleted.is_(True),
                     *[table.c[c].is_distinct_from(ex[c]) for c in compare])
    if table is cards:
        # A gateway answer is never overwritten by data that is older than it (a card list exported
        # before the answer, or a late answer to an earlier look-up): see docs/hub-api.md.
        changed = sa.and_(changed, sa.not_(sa.and_(table.c.source == "gateway",
                                                   table.c.source_at > ex.source_at)))
    update = {c: ex[c] for c in (*compare, "deleted", "change_seq")}
    for extra in ("source", "source_at", "updated_at"):
        if extra in table.c:
            update[extra] = ex[extra]
    stmt = ins.on_conflict_do_update(index_elements=list(keys), set_=update, where=changed)
    stmt = stmt.returning(table.c[keys[-1]])
    if conn.dialect.name == "postgresql":
        payload = json.dumps(rows, default=_json_default, ensure_ascii=False)
        return len(conn.execute(stmt, {"rows": payload}).all())
    return len(conn.execute(stmt, rows).all())


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date):  # date and datetime
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _with_seqs(conn: sa.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    first = allocate(conn, len(rows))
    for offset, row in enumerate(rows):
        row["change_seq"] = first + offset
    return rows


def upsert_cards(conn: sa.Connection, records: Iterable[dict[str, Any]], *, scope: str = ALL_FACILITIES,
                 source: str = "list", source_at: dt.datetime | None = None) -> int:
    """Write card records (dicts with ``card_number`` and CARD_FIELDS). Returns the number changed.

    Used by the card-list import and, later, by online gateway look-ups (``source="gateway"``).
    """
    at = source_at or dt.datetime.now(dt.UTC)
    written = 0
    chunk: list[dict[str, Any]] = []
    for rec in records:
        row = {"scope": scope, "card_number": rec["card_number"], "source": source, "source_at": at,
               "deleted": False}
        row.update({f: rec.get(f) for f in CARD_FIELDS})
        row["status"] = row["status"] or "active"
        chunk.append(row)
        if len(chunk) >= CHUNK:
            written += _upsert(conn, cards, ("scope", "card_number"), CARD_FIELDS, _with_seqs(conn, chunk))
            chunk = []
    written += _upsert(conn, cards, ("scope", "card_number"), CARD_FIELDS, _with_seqs(conn, chunk))
    return written


def delete_cards(conn: sa.Connection, card_numbers: Iterable[str], *, scope: str = ALL_FACILITIES) -> int:
    """Tombstone cards (each gets its own change number so the deletion reaches every kiosk)."""
    existing = set(conn.execute(sa.select(cards.c.card_number).where(
        cards.c.scope == scope, cards.c.deleted.is_(False))).scalars())
    targets = sorted(existing.intersection(card_numbers))
    for start in range(0, len(targets), CHUNK):
        part = targets[start:start + CHUNK]
        first = allocate(conn, len(part))
        conn.execute(
            cards.update().where(cards.c.scope == scope, cards.c.card_number == sa.bindparam("cn"))
            .values(deleted=True, change_seq=sa.bindparam("seq")),
            [{"cn": cn, "seq": first + i} for i, cn in enumerate(part)],
        )
    return len(targets)


def live_card_numbers(conn: sa.Connection, scope: str, *, keep_gateway_after: dt.datetime | None = None) -> set[str]:
    """Card numbers held in ``scope``; with ``keep_gateway_after``, without the cards a gateway answer
    vouched for after that time (a list import with ``--replace`` must not remove them)."""
    stmt = sa.select(cards.c.card_number).where(cards.c.scope == scope, cards.c.deleted.is_(False))
    if keep_gateway_after is not None:
        stmt = stmt.where(sa.not_(sa.and_(cards.c.source == "gateway", cards.c.source_at > keep_gateway_after)))
    return set(conn.execute(stmt).scalars())


def upsert_reference(conn: sa.Connection, kind: str, items: Iterable[tuple[str, dict[str, Any]]], *,
                     scope: str = ALL_FACILITIES) -> int:
    """Write reference items ``(key, data)`` of ``kind`` (department, service, setting)."""
    if kind not in REFERENCE_KINDS:
        raise ValueError(f"unknown reference kind {kind!r}")
    now = dt.datetime.now(dt.UTC)
    rows = [{"kind": kind, "scope": scope, "key": key, "updated_at": now, "deleted": False,
             "data": json.dumps(data, ensure_ascii=False, sort_keys=True)} for key, data in items]
    written = 0
    for start in range(0, len(rows), CHUNK):
        part = _with_seqs(conn, rows[start:start + CHUNK])
        written += _upsert(conn, reference, ("kind", "scope", "key"), ("data",), part)
    return written


def delete_reference(conn: sa.Connection, kind: str, keys: Iterable[str], *,
                     scope: str = ALL_FACILITIES) -> int:
    existing = set(conn.execute(sa.select(reference.c.key).where(
        reference.c.kind == kind, reference.c.scope == scope, reference.c.deleted.is_(False))).scalars())
    targets = sorted(existing.intersection(keys))
    if targets:
        first = allocate(conn, len(targets))
        conn.execute(
            reference.update().where(reference.c.kind == kind, reference.c.scope == scope,
                                     reference.c.key == sa.bindparam("k"))
            .values(deleted=True, change_seq=sa.bindparam("seq")),
            [{"k": k, "seq": first + i} for i, k in enumerate(targets)],
        )
    return len(targets)
