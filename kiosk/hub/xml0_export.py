"""XML0 files for a day's visits from the hub database, queued for upload with a stable MA_LK.

Per facility: ``facility_from_services`` over the hub's service reference data (the first active service
of each department) with the facility's route profile from its facility settings
(:mod:`kiosk.hub.facility_profile`: ``MA_DOITUONG_KCB`` follows each visit's route and the visit date's code
set, as the validator checks it), ``export_xml0`` into the folder, then each written file is stored in
``hub_gateway_checkins`` (first export sets MA_LK; later exports reuse it through ``Xml0Extras``; a file
already put on the wire is never replaced).

Signing: with the facility's credentials every file is signed and the signed bytes are queued (and re-sent
unchanged). Without them the files are unsigned drafts (``<MA_LK>.unsigned.xml``) and nothing is queued,
unless ``require_signature`` is off (a training gateway that accepts unsigned files).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine

from kiosk.errors import KioskError
from kiosk.gateway.export import ExportReport, export_xml0, facility_from_services
from kiosk.gateway.xml0 import Xml0Extras
from kiosk.hub import db, gateway_store
from kiosk.hub.facility_profile import facility_profile

if TYPE_CHECKING:
    from kiosk.gateway.signing import SigningCredentials


class UnknownServiceError(KioskError):
    """``--default-service CODE`` names no active service of the facility's reference data."""

    code = "unknown_service"


def _usable_codes(services: list[dict[str, Any]]) -> set[str]:
    return {str(row["code"]) for row in services
            if row.get("active", True) is not False and row.get("code") and row.get("name")}


def export_day(engine: Engine, day: dt.date, out_dir: Path, *, facility_code: str | None = None,
               default_service: str | None = None, credentials: SigningCredentials | None = None,
               require_signature: bool = True) -> ExportReport:
    """Write the day's XML0 files into ``out_dir`` and queue them for upload (signed ones; unsigned drafts only
    when ``require_signature`` is off). Raises SigningError when the credentials cannot sign."""
    with engine.connect() as raw:
        conn = db.reader(raw)
        with conn.begin():
            visits = gateway_store.visits_for_day(conn, day, facility_code)
            ma_lk = gateway_store.stored_ma_lk(conn, [str(v["id"]) for v in visits])
            by_facility: dict[str, list[dict[str, Any]]] = {}
            for visit in visits:
                by_facility.setdefault(str(visit["facility_code"]), []).append(visit)
            services = {code: gateway_store.services_for(conn, code) for code in by_facility}
            profiles = {code: facility_profile(conn, code) for code in by_facility}

    def extras_for(visit: Mapping[str, Any]) -> Xml0Extras | None:
        known = ma_lk.get(str(visit["id"]))
        return Xml0Extras(ma_lk=known) if known else None

    if default_service is not None:
        lacking = sorted(code for code in by_facility if default_service not in _usable_codes(services[code]))
        if lacking:
            raise UnknownServiceError(
                f"--default-service {default_service!r} is not an active service of facility "
                f"{', '.join(lacking)}; import it first (kiosk hub reference import service FILE)")
    report = ExportReport()
    for code, group in sorted(by_facility.items()):
        facility = facility_from_services(code, services[code], default_service=default_service,
                                          profile=profiles[code])
        part = export_xml0(group, facility, out_dir, extras_for=extras_for, credentials=credentials)
        report.visits.extend(part.visits)
    if credentials is None and require_signature:
        return report  # drafts for inspection: nothing unsigned is queued for the gateway
    with engine.begin() as conn:
        for item in report.written:
            assert item.path is not None and item.ma_lk is not None
            gateway_store.store_checkin_document(conn, item.visit_id, item.ma_lk, item.path.read_bytes())
    return report


def queue_checkins(engine: Engine, day: dt.date, *, facility_code: str | None = None,
                   default_service: str | None = None, credentials: SigningCredentials | None = None,
                   require_signature: bool = True) -> ExportReport:
    """Build, sign and queue the day's XML0 files without keeping them on disk."""
    with tempfile.TemporaryDirectory(prefix="xml0-") as tmp:
        return export_day(engine, day, Path(tmp), facility_code=facility_code, default_service=default_service,
                          credentials=credentials, require_signature=require_signature)
