"""Reference data from the hub (departments, services, facility settings), sync cursors, pull pages.

A pull page is applied in ONE transaction together with its new cursor (docs/house-style.md §4, pull):
a crash either keeps the whole page and the cursor, or neither, so the next pull resumes correctly.
Departments and services accept the hub's shape (``name``, ``name_en``) and the demo files' shape
(``names`` by language, ``room``, ``ticket_prefix``); fields the hub does not send keep their value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection

from kiosk.cards.model import CachedCard
from kiosk.db.base import iso_now
from kiosk.db.cache import CardCache
from kiosk.db.convert import card_tuple, row_from_mapping
from kiosk.db.errors import StoreUsageError
from kiosk.db.models import DEPARTMENTS, SERVICES, SETTINGS
from kiosk.db.models import SYNC_CURSORS as CURSORS
from kiosk.db.updates import apply_visit_updates
from kiosk.queueing import check_prefix

#: Tables a pull page may carry; anything else is refused (never accept arbitrary table names).
PULL_TABLES: Final = ("departments", "services", "settings", "cards", "visit_updates")
#: Facility settings from the hub are kept under this key prefix in ``settings``.
HUB_SETTING_PREFIX: Final = "hub."


@dataclass(frozen=True)
class DepartmentInfo:
    code: str
    names: dict[str, str]
    room: str | None
    ticket_prefix: str
    active: bool
    sort_order: int

    def name(self, lang: str = "vi") -> str:
        return self.names.get(lang) or self.names.get("vi") or next(iter(self.names.values()), self.code)


@dataclass
class PullTally:
    upserted: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    #: Records that could not be used ("cards: HC4…: valid_to: …"); the rest of the page applied.
    skipped: list[str] = field(default_factory=list)


def _names(data: Mapping[str, Any], old: Mapping[str, str] | None) -> dict[str, str]:
    if isinstance(data.get("names"), Mapping):
        return {str(k): str(v) for k, v in data["names"].items() if v}
    names = dict(old or {})
    if data.get("name"):
        names["vi"] = str(data["name"])
    if data.get("name_en"):
        names["en"] = str(data["name_en"])
    if not names:
        raise ValueError("name: missing")
    return names


def default_prefix(code: str) -> str:
    """A ticket prefix from a code: its letters and digits, at most 8 (``"K.01"`` → ``"K01"``)."""
    prefix = re.sub(r"[^0-9A-Za-z]", "", code)[:8]
    return prefix or "Q"


def _upsert_row(conn: Connection, table: Table, key: str, values: dict[str, Any]) -> None:
    exists = conn.execute(select(table.c[key]).where(table.c[key] == values[key])).first()
    if exists is None:
        conn.execute(table.insert().values(values))
    else:
        conn.execute(update(table).where(table.c[key] == values[key]).values(values))


class Reference(CardCache):
    # ----- applying hub data ----------------------------------------------------------------------
    def _apply_department(self, conn: Connection, data: Mapping[str, Any]) -> None:
        code = str(data["code"])
        old = conn.execute(select(DEPARTMENTS).where(DEPARTMENTS.c.code == code)).mappings().first()
        values: dict[str, Any] = {"code": code, "names": _names(data, old["names"] if old else None)}
        prefix = data.get("ticket_prefix") or (old["ticket_prefix"] if old else default_prefix(code))
        values["ticket_prefix"] = check_prefix(str(prefix))
        for name, default in (("room", None), ("active", True), ("sort_order", 0)):
            if name in data:
                values[name] = data[name]
            elif old is None:
                values[name] = default
        _upsert_row(conn, DEPARTMENTS, "code", values)

    def _apply_service(self, conn: Connection, data: Mapping[str, Any], tally: PullTally) -> None:
        code = str(data["code"])
        department = data.get("department_code")
        if department is not None and conn.execute(
                select(DEPARTMENTS.c.code).where(DEPARTMENTS.c.code == department)).first() is None:
            # Sanitise rather than reject: keep the service, without the unknown department.
            tally.skipped.append(f"services: {code}: unknown department {department!r} left out")
            data = {**data, "department_code": None}
        old = conn.execute(select(SERVICES).where(SERVICES.c.code == code)).mappings().first()
        values: dict[str, Any] = {"code": code, "names": _names(data, old["names"] if old else None)}
        for name, default in (("department_code", None), ("room", None), ("ticket_prefix", None),
                              ("price_vnd", None), ("active", True), ("sort_order", 0)):
            if name in data:
                values[name] = data[name]
            elif old is None:
                values[name] = default
        _upsert_row(conn, SERVICES, "code", values)

    def _apply_changes(self, conn: Connection, changes: Mapping[str, Mapping[str, Sequence[Any]]],
                       tally: PullTally) -> None:
        unknown = set(changes) - set(PULL_TABLES)
        if unknown:
            raise StoreUsageError(f"pull page names unknown table(s): {', '.join(sorted(unknown))}")
        for table in PULL_TABLES:  # departments before services (foreign key), cards last
            part = changes.get(table) or {}
            upserted, deleted = list(part.get("upserted") or ()), [str(k) for k in part.get("deleted") or ()]
            done = 0
            if table == "visit_updates":  # the hub's re-checks of visits recorded here
                tally.upserted[table] = apply_visit_updates(conn, upserted, tally.skipped)
                continue
            if table == "cards":
                # Straight from the hub's dicts to checked driver tuples (no CachedCard per card).
                rows: list[tuple[Any, ...]] = []
                for item in upserted:
                    try:
                        rows.append(card_tuple(item) if isinstance(item, CachedCard) else row_from_mapping(item))
                    except (ValueError, TypeError) as exc:
                        tally.skipped.append(f"cards: {exc}")
                self._upsert_rows(conn, rows)
                self._delete_cards(conn, deleted)
                done = len(rows)
            else:
                for item in upserted:
                    try:
                        if table == "departments":
                            self._apply_department(conn, item)
                        elif table == "services":
                            self._apply_service(conn, item, tally)
                        else:
                            key = HUB_SETTING_PREFIX + str(item["key"])
                            _upsert_row(conn, SETTINGS, "key", {"key": key,
                                                                "value": json.dumps(item.get("value"))})
                        done += 1
                    except (KeyError, ValueError, TypeError) as exc:
                        tally.skipped.append(f"{table}: {item!r:.80}: {exc}")
                if deleted and table == "departments":
                    conn.execute(update(DEPARTMENTS).where(DEPARTMENTS.c.code.in_(deleted)).values(active=False))
                elif deleted and table == "services":
                    conn.execute(update(SERVICES).where(SERVICES.c.code.in_(deleted)).values(active=False))
                elif deleted:
                    keys = [HUB_SETTING_PREFIX + k for k in deleted]
                    conn.execute(SETTINGS.delete().where(SETTINGS.c.key.in_(keys)))
            tally.upserted[table] = done
            tally.deleted[table] = len(deleted)

    def apply_pull_page(self, changes: Mapping[str, Mapping[str, Sequence[Any]]], *, cursor_name: str,
                        next_cursor: str) -> PullTally:
        """Apply one pulled page ``{table: {"upserted": [...], "deleted": [keys]}}`` and save
        ``next_cursor`` under ``cursor_name`` in the same transaction.

        Tables: departments, services, settings (facility settings ``{key, value}``), cards (hub
        ``CardRecord`` dicts or CachedCard). Deleted departments/services become inactive (visits
        refer to them); deleted cards and settings are removed. A record that cannot be used is
        skipped and listed in the tally; an unknown table refuses the whole page.
        """
        tally = PullTally()
        with self._write() as conn:
            self._apply_changes(conn, changes, tally)
            self._set_cursor(conn, cursor_name, next_cursor)
        return tally

    def apply_reference_data(self, *, departments: Sequence[Mapping[str, Any]] = (),
                             services: Sequence[Mapping[str, Any]] = (),
                             settings: Sequence[Mapping[str, Any]] = ()) -> PullTally:
        """Upsert departments, services and facility settings (``{key, value}``) in one transaction."""
        tally = PullTally()
        changes = {"departments": {"upserted": departments}, "services": {"upserted": services},
                   "settings": {"upserted": settings}}
        with self._write() as conn:
            self._apply_changes(conn, changes, tally)
        return tally

    # ----- reading reference data ------------------------------------------------------------------
    def departments(self, *, include_inactive: bool = False) -> list[DepartmentInfo]:
        stmt = select(DEPARTMENTS).order_by(DEPARTMENTS.c.sort_order, DEPARTMENTS.c.code)
        if not include_inactive:
            stmt = stmt.where(DEPARTMENTS.c.active)
        with self._read() as conn:
            return [DepartmentInfo(code=r["code"], names=dict(r["names"]), room=r["room"],
                                   ticket_prefix=r["ticket_prefix"], active=bool(r["active"]),
                                   sort_order=int(r["sort_order"]))
                    for r in conn.execute(stmt).mappings()]

    def services(self, department_code: str | None = None) -> list[dict[str, Any]]:
        stmt = select(SERVICES).where(SERVICES.c.active).order_by(SERVICES.c.sort_order, SERVICES.c.code)
        if department_code is not None:
            stmt = stmt.where(SERVICES.c.department_code == department_code)
        with self._read() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def facility_settings(self) -> dict[str, Any]:
        """Facility settings received from the hub (``{key: value}``)."""
        with self._read() as conn:
            rows = conn.execute(select(SETTINGS).where(SETTINGS.c.key.startswith(HUB_SETTING_PREFIX)))
            return {r.key[len(HUB_SETTING_PREFIX):]: json.loads(r.value) for r in rows}

    # ----- settings and cursors ----------------------------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        with self._read() as conn:
            value = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == key)).scalar()
        return None if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            _upsert_row(conn, SETTINGS, "key", {"key": key, "value": value})

    def _set_cursor(self, conn: Connection, name: str, value: str) -> None:
        _upsert_row(conn, CURSORS, "name", {"name": name, "value": value, "updated_at": iso_now(self._now())})

    def get_cursor(self, name: str) -> str | None:
        """The saved cursor of pull stream ``name`` (None: start from the beginning)."""
        with self._read() as conn:
            value = conn.execute(select(CURSORS.c.value).where(CURSORS.c.name == name)).scalar()
        return None if value is None else str(value)

    def set_cursor(self, name: str, value: str) -> None:
        with self._write() as conn:
            self._set_cursor(conn, name, value)
