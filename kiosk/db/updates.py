"""Re-checks of visits by the hub (``visit_updates`` in a pull page): stored, shown, acknowledged.

A visit recorded with a provisional verdict (card not in the cache, gateway not reachable in time) is
re-checked by the hub when it next reaches the BHXH gateway. The outcome comes back to the device that
recorded the visit; when the verdict changed, the desk's visit list flags it until staff acknowledge it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from kiosk.db.base import StoreBase, iso_now
from kiosk.db.models import AUDIT_LOG, VISIT_UPDATES

#: Fields of one update as the hub sends it (docs/hub-api.md, ``visit_updates``).
UPDATE_FIELDS: Final = ("gateway_verdict", "gateway_code", "gateway_note", "gateway_card_number",
                        "verdict_changed", "needs_staff", "checked_at")
_LIMITS: Final = {"gateway_verdict": 30, "gateway_code": 10, "gateway_card_number": 15, "checked_at": 40}


def _row(item: Mapping[str, Any]) -> dict[str, Any]:
    visit_id = str(item["visit_id"])
    if not 1 <= len(visit_id) <= 36:
        raise ValueError(f"visit_id {visit_id!r:.40} is not a visit id")
    row: dict[str, Any] = {"visit_id": visit_id, "acknowledged_at": None}
    for name in UPDATE_FIELDS:
        value = item.get(name)
        if name in ("verdict_changed", "needs_staff"):
            row[name] = bool(value)
        elif value is None:
            row[name] = None
        else:
            text = str(value)
            limit = _LIMITS.get(name)
            if limit is not None and len(text) > limit:
                raise ValueError(f"{name} is longer than {limit} characters")
            row[name] = text
    return row


def apply_visit_updates(conn: Connection, items: Iterable[Mapping[str, Any]], skipped: list[str]) -> int:
    """Upsert the hub's re-checks in the caller's transaction (the pull page's); a newer re-check of the
    same visit replaces the older one and clears its acknowledgement."""
    done = 0
    for item in items:
        try:
            row = _row(item)
        except (KeyError, ValueError, TypeError) as exc:
            skipped.append(f"visit_updates: {exc}")
            continue
        exists = conn.execute(select(VISIT_UPDATES.c.visit_id)
                              .where(VISIT_UPDATES.c.visit_id == row["visit_id"])).first()
        if exists is None:
            conn.execute(VISIT_UPDATES.insert().values(row))
        else:
            conn.execute(update(VISIT_UPDATES).where(VISIT_UPDATES.c.visit_id == row["visit_id"]).values(row))
        done += 1
    return done


class VisitUpdates(StoreBase):
    def visit_updates(self, visit_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored re-checks of these visits, by visit id."""
        out: dict[str, dict[str, Any]] = {}
        ids = list(visit_ids)
        with self._read() as conn:
            for start in range(0, len(ids), 500):
                stmt = select(VISIT_UPDATES).where(VISIT_UPDATES.c.visit_id.in_(ids[start:start + 500]))
                for row in conn.execute(stmt).mappings():
                    out[row["visit_id"]] = dict(row)
        return out

    def flagged_visit_updates(self) -> list[dict[str, Any]]:
        """Re-checks that changed the verdict or need staff, not yet acknowledged."""
        stmt = (select(VISIT_UPDATES).where(VISIT_UPDATES.c.acknowledged_at.is_(None))
                .where(VISIT_UPDATES.c.verdict_changed | VISIT_UPDATES.c.needs_staff))
        with self._read() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def acknowledge_visit_update(self, visit_id: str, *, actor: str = "staff") -> bool:
        """Staff saw the flag: it stops being highlighted (the audit log keeps who and when)."""
        stamp = iso_now(self._now())
        with self._write() as conn:
            changed = conn.execute(update(VISIT_UPDATES).where(VISIT_UPDATES.c.visit_id == visit_id)
                                   .values(acknowledged_at=stamp)).rowcount
            if changed:
                conn.execute(AUDIT_LOG.insert().values(at=stamp, actor=actor, action="acknowledge_recheck",
                                                       details={"visit_id": visit_id}))
        return bool(changed)
