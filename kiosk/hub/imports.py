"""Feeding the hub: card lists (the kiosk's CSV/XLSX format) and reference data (CSV or JSON).

A bad row is reported with its line number and the other rows are imported. ``replace=True`` also
tombstones what the file no longer lists, but only when every row of the file was readable: a file
with bad rows never deletes anything.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ValidationError

from kiosk.errors import KioskError
from kiosk.hub import changes
from kiosk.hub.schema import ALL_FACILITIES, reference
from kiosk.protocol.models import Department, FacilitySetting, Service

REFERENCE_MODELS: dict[str, type[BaseModel]] = {
    "department": Department, "service": Service, "setting": FacilitySetting,
}
_KEY_FIELD = {"department": "code", "service": "code", "setting": "key"}


class ImportFileError(KioskError):
    """The file as a whole cannot be read (missing, wrong format)."""


@dataclass
class ImportResult:
    read: int = 0
    written: int = 0
    deleted: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    replace_skipped: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"read": self.read, "written": self.written, "deleted": self.deleted,
                "errors": [{"line": line, "message": msg} for line, msg in self.errors],
                "replace_skipped": self.replace_skipped}


def cached_card_row(card: Any) -> dict[str, Any]:
    """A kiosk.cards.model.CachedCard as a hub_cards row (without scope and bookkeeping)."""
    return {
        "card_number": card.card_number, "bhxh_number": card.bhxh_number, "citizen_id": card.citizen_id,
        "name": card.name, "birth_date": card.birth_date.iso() if card.birth_date else None,
        "gender": str(card.gender) if card.gender else None, "facility_code": card.facility_code,
        "valid_from": card.valid_from, "valid_to": card.valid_to, "status": str(card.status),
        "replaced_by": card.replaced_by,
    }


def list_as_of(path: Path) -> dt.datetime:
    """When a card list's data was current at the latest: the file's modification time (UTC)."""
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return dt.datetime.now(dt.UTC)


def import_cards(conn: sa.Connection, path: Path, *, scope: str = ALL_FACILITIES,
                 replace: bool = False, as_of: dt.datetime | None = None) -> ImportResult:
    """Import a card list. ``as_of`` (default: the file's modification time) is when the list's data
    was current: a card that a gateway answer vouched for *after* it is neither overwritten nor removed."""
    from kiosk.cards.cardlist import CardListError, CardListRowError, read_card_list

    at = as_of or list_as_of(path)

    result = ImportResult()
    rows: dict[str, dict[str, Any]] = {}
    try:
        for line, item in read_card_list(path):
            if isinstance(item, CardListRowError):
                result.errors.append((line, item.message))
                continue
            result.read += 1
            rows[item.card_number] = cached_card_row(item)
    except CardListError as exc:
        raise ImportFileError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read: {exc}") from exc
    result.written = changes.upsert_cards(conn, rows.values(), scope=scope, source="list", source_at=at)
    if replace:
        if result.errors:
            result.replace_skipped = True
        else:
            gone = changes.live_card_numbers(conn, scope, keep_gateway_after=at) - rows.keys()
            result.deleted = changes.delete_cards(conn, gone, scope=scope)
    return result


def _read_items(path: Path) -> list[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, list):
                raise ImportFileError(f"{path}: expected a JSON list of objects")
            return [(i + 1, item) for i, item in enumerate(data)]
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [(i + 2, {k: v for k, v in row.items() if v not in ("", None)})
                    for i, row in enumerate(csv.DictReader(handle))]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
        raise ImportFileError(f"{path}: cannot read: {exc}") from exc


def _setting_value(item: dict[str, Any]) -> dict[str, Any]:
    value = item.get("value")
    if isinstance(value, str):
        with contextlib.suppress(json.JSONDecodeError):  # else a plain text value
            item = {**item, "value": json.loads(value)}
    return item


def import_reference(conn: sa.Connection, kind: str, path: Path, *, scope: str = ALL_FACILITIES,
                     replace: bool = False) -> ImportResult:
    """Import departments, services or settings from CSV (header = field names) or a JSON list."""
    model = REFERENCE_MODELS.get(kind)
    if model is None:
        raise ImportFileError(f"unknown kind {kind!r}: use one of {', '.join(REFERENCE_MODELS)}")
    result = ImportResult()
    items: dict[str, dict[str, Any]] = {}
    for line, raw in _read_items(path):
        if kind == "setting" and isinstance(raw, dict):
            raw = _setting_value(raw)
        try:
            obj = model.model_validate(raw)
        except ValidationError as exc:
            errs = exc.errors(include_url=False, include_input=False)
            result.errors.append((line, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errs)))
            continue
        result.read += 1
        # Only what the file gave: a field the file leaves out keeps the kiosk's own value.
        data = obj.model_dump(mode="json", exclude_unset=kind != "setting")
        items[str(data[_KEY_FIELD[kind]])] = data
    result.written = changes.upsert_reference(conn, kind, items.items(), scope=scope)
    if replace:
        if result.errors:
            result.replace_skipped = True
        else:
            live = set(conn.execute(sa.select(reference.c.key).where(
                reference.c.kind == kind, reference.c.scope == scope, reference.c.deleted.is_(False))).scalars())
            result.deleted = changes.delete_reference(conn, kind, live - items.keys(), scope=scope)
    return result
