"""Departments for the setup: read a JSON or CSV file, check every row, import into the local store.

JSON: the shape of ``resources/demo/departments.json`` (``{"departments": [...], "services": [...]}``)
or a bare list of departments. CSV (UTF-8, header row): ``code``, ``name_vi`` (or ``name``), optional
``name_en``/``name_zh``/``name_ko``/``name_ja``, ``room``, ``ticket_prefix``, ``sort_order``.
A file with any bad row is refused as a whole (nothing is imported) and every bad row is named.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from kiosk.db.reference import default_prefix
from kiosk.errors import KioskError
from kiosk.queueing import check_prefix

LANGS: Final = ("vi", "en", "zh", "ko", "ja")
MAX_BYTES: Final = 2 * 1024 * 1024


class DepartmentsFileError(KioskError):
    """The departments file cannot be used; ``problems`` lists every bad row."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message if not problems else f"{message}: " + "; ".join(problems[:5]))
        self.problems = problems or []


@dataclass
class DepartmentsData:
    departments: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)

    def names(self, lang: str = "vi") -> list[str]:
        """"K01 – Khám bệnh" lines for a preview."""
        return [f"{d['code']} – {d['names'].get(lang) or d['names'].get('vi') or ''}" for d in self.departments]


def _department(raw: Any, where: str, problems: list[str]) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected an object with code and names")
        return None
    code = str(raw.get("code") or "").strip()
    if not code or len(code) > 20:
        problems.append(f"{where}: code is required (1-20 characters)")
        return None
    names: dict[str, str] = {}
    if isinstance(raw.get("names"), dict):
        names = {str(k): str(v).strip() for k, v in raw["names"].items() if v and str(v).strip()}
    for lang in LANGS:
        value = str(raw.get(f"name_{lang}") or "").strip()
        if value:
            names[lang] = value
    if raw.get("name") and "vi" not in names:
        names["vi"] = str(raw["name"]).strip()
    if not names.get("vi"):
        problems.append(f"{where} ({code}): a Vietnamese name (names.vi / name_vi) is required")
        return None
    prefix = str(raw.get("ticket_prefix") or "").strip() or default_prefix(code)
    try:
        check_prefix(prefix)
    except ValueError as exc:
        problems.append(f"{where} ({code}): {exc}")
        return None
    sort_raw = raw.get("sort_order", 0)
    try:
        sort_order = int(sort_raw or 0)
    except (TypeError, ValueError):
        problems.append(f"{where} ({code}): sort_order {sort_raw!r} is not a whole number")
        return None
    room = str(raw.get("room") or "").strip() or None
    return {"code": code, "names": names, "room": room, "ticket_prefix": prefix, "sort_order": sort_order,
            "active": bool(raw.get("active", True))}


def parse_departments(text: str, *, kind: str, source: str = "file") -> DepartmentsData:
    """Parse JSON (``kind="json"``) or CSV text; raises DepartmentsFileError naming every bad row."""
    problems: list[str] = []
    services: list[dict[str, Any]] = []
    rows: list[Any]
    if kind == "json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise DepartmentsFileError(f"{source}: not valid JSON ({exc})") from None
        if isinstance(data, dict):
            rows = data.get("departments") if isinstance(data.get("departments"), list) else None  # type: ignore[assignment]
            if rows is None:
                raise DepartmentsFileError(f"{source}: expected a \"departments\" list")
            services = [s for s in data.get("services") or [] if isinstance(s, dict)]
        elif isinstance(data, list):
            rows = data
        else:
            raise DepartmentsFileError(f"{source}: expected a list of departments")
        label = "department"
    else:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in reader.fieldnames or []]
        if "code" not in header or not ({"name", "name_vi"} & set(header)):
            raise DepartmentsFileError(f"{source}: the CSV header needs the columns code and name_vi")
        rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in reader]
        label = "line"
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, raw in enumerate(rows):
        where = f"{label} {i + 2 if kind == 'csv' else i + 1}"
        dept = _department(raw, where, problems)
        if dept is None:
            continue
        if dept["code"] in seen:
            problems.append(f"{where}: department code {dept['code']} appears twice")
            continue
        seen.add(dept["code"])
        found.append(dept)
    if problems:
        raise DepartmentsFileError(f"{source}: {len(problems)} bad row(s), nothing imported", problems)
    if not found:
        raise DepartmentsFileError(f"{source}: no departments in the file")
    services = [s for s in services if str(s.get("department_code") or "") in seen]
    return DepartmentsData(found, services)


def read_departments(path: Path) -> DepartmentsData:
    """Read and check a departments file (``.json`` or ``.csv``)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DepartmentsFileError(f"{path}: larger than {MAX_BYTES // 1024} KiB; not a departments file")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DepartmentsFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DepartmentsFileError(f"{path}: cannot read ({exc})") from None
    kind = "csv" if path.suffix.lower() in (".csv", ".txt") else "json"
    return parse_departments(text, kind=kind, source=str(path))


def import_departments(database_url: str, data: DepartmentsData) -> int:
    """Upsert the departments (and their services) into the store in one transaction; returns the count."""
    from kiosk.db.store import Store  # lazy: reading a departments file needs no SQLAlchemy

    with Store.open(database_url) as store:
        store.apply_reference_data(departments=data.departments, services=data.services)
        store.audit("setup_departments_imported", actor="setup",
                    details={"departments": [d["code"] for d in data.departments]})
    return len(data.departments)
