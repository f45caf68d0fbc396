"""Reading one pull page: the changes after a cursor, oldest first, rendered straight to JSON.

Speed matters (a kiosk pulls 1 million cards in pages of up to 10,000): the database renders each card
row as a JSON object (``json_build_object`` on PostgreSQL, ``json_object`` on SQLite) and reference
rows are stored as JSON already, so the hub only joins text; no per-field Python work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from kiosk.hub.changes import CARD_FIELDS, current
from kiosk.hub.schema import ALL_FACILITIES, REFERENCE_KINDS, cards, reference

TABLES = ("cards", "departments", "services", "settings")
#: Optional tables (``?features=``): sent only to a kiosk that asks for them.
FEATURE_TABLES = ("visit_updates",)
_ALL = TABLES + FEATURE_TABLES


@dataclass
class Page:
    next_cursor: int
    has_more: bool
    count: int = 0
    #: table -> JSON texts of upserted rows
    upserted: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in _ALL})
    #: table -> keys of deleted rows
    deleted: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in _ALL})
    #: Optional tables this page carries.
    features: tuple[str, ...] = ()

    def render(self, envelope: dict[str, Any]) -> bytes:
        """The PullResponse body: ``envelope`` fields plus next_cursor, has_more, count and changes."""
        head_fields = {**envelope, "next_cursor": str(self.next_cursor), "has_more": self.has_more,
                       "count": self.count}
        if self.features:
            head_fields["features"] = list(self.features)
        head = json.dumps(head_fields, ensure_ascii=False)
        parts = [head[:-1], ',"changes":{']
        for n, table in enumerate(TABLES + self.features):
            if n:
                parts.append(",")
            parts.append(f'"{table}":{{"upserted":[')
            parts.append(",".join(self.upserted[table]))
            parts.append('],"deleted":')
            parts.append(json.dumps(self.deleted[table], ensure_ascii=False))
            parts.append("}")
        parts.append("}}")
        return "".join(parts).encode("utf-8")


_NAMES = ("card_number", *CARD_FIELDS)
# row_to_json over a LATERAL row of named columns: compact JSON, and cheaper for PostgreSQL than
# json_build_object (which looks up every argument's type on every call).
_PG_CARDS = sa.text(
    "SELECT h.change_seq, h.deleted, h.card_number, row_to_json(w)::text "
    f"FROM {cards.name} h, LATERAL (SELECT {', '.join('h.' + n for n in _NAMES)}) w "
    "WHERE h.change_seq > :after AND h.scope = ANY(:scopes) ORDER BY h.change_seq LIMIT :n"
)


def _card_rows(conn: sa.Connection, scopes: list[str], after: int, n: int) -> list[Any]:
    if conn.dialect.name == "postgresql":
        return list(conn.execute(_PG_CARDS, {"after": after, "scopes": scopes, "n": n}).all())
    pairs: list[Any] = []
    for name in _NAMES:
        pairs.extend((sa.literal_column(f"'{name}'"), cards.c[name]))
    return list(conn.execute(
        sa.select(cards.c.change_seq, cards.c.deleted, cards.c.card_number, sa.func.json_object(*pairs))
        .where(cards.c.change_seq > after, cards.c.scope.in_(scopes))
        .order_by(cards.c.change_seq).limit(n)).all())


def read_page(conn: sa.Connection, facility_code: str, after: int, limit: int, *,
              device_id: int | None = None, features: tuple[str, ...] = ()) -> Page:
    """Changes visible to ``facility_code`` with change_seq > ``after``, oldest first, at most ``limit``.

    ``features`` (with ``device_id``) adds optional tables: ``visit_updates`` = the gateway re-checks of
    that device's visits. Call inside one transaction with a stable snapshot (REPEATABLE READ on PostgreSQL).
    """
    from kiosk.hub.gateway_store import visit_update_rows

    features = tuple(f for f in FEATURE_TABLES if f in features) if device_id is not None else ()
    scopes = [ALL_FACILITIES, facility_code]
    card_rows = _card_rows(conn, scopes, after, limit + 1)
    ref_rows = conn.execute(
        sa.select(reference.c.change_seq, reference.c.deleted, reference.c.kind, reference.c.key,
                  reference.c.data)
        .where(reference.c.change_seq > after, reference.c.scope.in_(scopes))
        .order_by(reference.c.change_seq).limit(limit + 1)).all()
    merged: list[tuple[int, bool | None, Any]] = [(r[0], True, r) for r in card_rows]
    if ref_rows:
        merged.extend((r[0], False, r) for r in ref_rows)
        merged.sort(key=lambda item: item[0])
    if features and device_id is not None:
        updates = visit_update_rows(conn, device_id, after, limit + 1)
        if updates:
            merged.extend((r[0], None, r) for r in updates)
            merged.sort(key=lambda item: item[0])
    has_more = len(merged) > limit
    merged = merged[:limit]
    page = Page(next_cursor=merged[-1][0] if merged else after, has_more=has_more, count=len(merged),
                features=features)
    card_up, card_del = page.upserted["cards"], page.deleted["cards"]
    for _seq, is_card, row in merged:
        if is_card is None:
            page.upserted["visit_updates"].append(row[2])
        elif is_card:
            if row[1]:
                card_del.append(row[2])
            else:
                card_up.append(row[3])
        else:
            table = REFERENCE_KINDS[row[2]]
            if row[1]:
                page.deleted[table].append(row[3])
            else:
                page.upserted[table].append(row[4])
    if not has_more:
        # Safe under remedy (a): every number up to the committed counter belongs to a committed row.
        page.next_cursor = max(page.next_cursor, current(conn))
    return page
