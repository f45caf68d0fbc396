"""Write XML0 files for a set of visits (what ``kiosk hub export xml0 --date D --out DIR`` needs).

One file per visit, written atomically (temporary file + rename): a visit whose record has problems gets no
file and is reported with its field-level problems; the others are written. With the facility's signing
credentials each file is signed (``<MA_LK>.xml``, the exact bytes to store and send); without them the file
is an unsigned draft for inspection, named ``<MA_LK>.unsigned.xml`` and reported with ``signed: false``.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.gateway.xml0 import (
    FirstItem,
    Xml0Extras,
    Xml0Facility,
    Xml0InputError,
    build_xml0,
    to_xml,
    validate_xml0,
    visit_problems,
)
from kiosk.gateway.xml0_fields import FieldProblem

if TYPE_CHECKING:
    from kiosk.gateway.signing import SigningCredentials


@dataclass(frozen=True)
class ExportedVisit:
    visit_id: str
    ma_lk: str | None
    path: Path | None
    problems: tuple[FieldProblem, ...] = ()
    #: The file carries the facility signature (False: an unsigned draft, never to be uploaded).
    signed: bool = False

    @property
    def ok(self) -> bool:
        return self.path is not None


@dataclass
class ExportReport:
    visits: list[ExportedVisit] = field(default_factory=list)

    @property
    def written(self) -> list[ExportedVisit]:
        return [v for v in self.visits if v.ok]

    @property
    def failed(self) -> list[ExportedVisit]:
        return [v for v in self.visits if not v.ok]

    def to_json(self) -> dict[str, Any]:
        return {"written": len(self.written), "failed": len(self.failed),
                "visits": [{"visit_id": v.visit_id, "ma_lk": v.ma_lk, "path": None if v.path is None else str(v.path),
                            "signed": v.signed,
                            "problems": [{"field": p.field, "problem": p.problem, "message": p.message}
                                         for p in v.problems]} for v in self.visits]}


def facility_from_services(facility_code: str, services: Iterable[Mapping[str, Any]], *,
                           default_service: str | None = None, **options: Any) -> Xml0Facility:
    """Xml0Facility from the hub's service reference rows (``code``, ``name``, ``department_code``, ``active``).

    The first active service of each department is its first chargeable item (normally the consultation);
    ``default_service`` (a service code) is used for departments without one. ``options`` are passed on
    (``visit_type``, ``object_code_registered``, ``object_code_elsewhere``, ``unknown_is_insured``, ``profile``).
    """
    first: dict[str, FirstItem] = {}
    by_code: dict[str, FirstItem] = {}
    for row in services:
        if row.get("active", True) is False or not row.get("code") or not row.get("name"):
            continue
        item = FirstItem(str(row["code"]), str(row["name"]))
        by_code.setdefault(item.code, item)
        department = row.get("department_code")
        if department:
            first.setdefault(str(department), item)
    default = by_code.get(default_service) if default_service else None
    return Xml0Facility(facility_code, first_items=first, default_item=default, **options)


def file_name(ma_lk: str, *, signed: bool = True) -> str:
    """``<MA_LK>.xml`` for a signed file, ``<MA_LK>.unsigned.xml`` for a draft."""
    return re.sub(r"[^0-9A-Za-z_.-]", "_", ma_lk) + (".xml" if signed else ".unsigned.xml")


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".xml0-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_xml0(visits: Iterable[Mapping[str, Any]], facility: Xml0Facility, out_dir: Path,
                extras_for: Callable[[Mapping[str, Any]], Xml0Extras | None] | None = None, *,
                credentials: SigningCredentials | None = None) -> ExportReport:
    """Write one XML0 file per visit into ``out_dir``; ``extras_for(visit)`` supplies stored MA_LK, MA_BN …
    With ``credentials`` every file is signed (SigningError when the certificate cannot sign any more)."""
    from kiosk.gateway.signing import sign_xml0  # lazy: signxml/lxml load only when exporting

    if credentials is not None:
        credentials.check_valid()
    report = ExportReport()
    for visit in visits:
        visit_id = str(visit.get("id") or "")
        try:
            record = build_xml0(visit, facility, extras_for(visit) if extras_for else None)
        except Xml0InputError as exc:
            report.visits.append(ExportedVisit(visit_id, None, None, tuple(exc.problems)))
            continue
        problems = visit_problems(visit, record) + validate_xml0(record)
        if problems:
            report.visits.append(ExportedVisit(visit_id, record["MA_LK"], None, tuple(problems)))
            continue
        data = to_xml(record)
        if credentials is not None:
            data = sign_xml0(data, credentials)  # after the final serialisation; these bytes are kept
        path = out_dir / file_name(record["MA_LK"], signed=credentials is not None)
        write_atomically(path, data)
        report.visits.append(ExportedVisit(visit_id, record["MA_LK"], path, signed=credentials is not None))
    return report
