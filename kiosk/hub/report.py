"""Counts of received visits per device and day: the device's reconciliation summary and the hub report."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from kiosk.hub.schema import devices, visits
from kiosk.protocol.models import VERDICTS


def _empty_verdicts() -> dict[str, int]:
    return dict.fromkeys(VERDICTS, 0)


def device_summary(conn: sa.Connection, device_id: int, day: dt.date) -> tuple[int, dict[str, int]]:
    """(visits, visits per verdict) that the hub holds from one device for one visit date."""
    rows = conn.execute(
        sa.select(visits.c.verdict, sa.func.count())
        .where(visits.c.device_id == device_id, visits.c.visit_date == day)
        .group_by(visits.c.verdict)).all()
    by_verdict = _empty_verdicts()
    for verdict, count in rows:
        by_verdict[verdict] = by_verdict.get(verdict, 0) + int(count)
    return sum(by_verdict.values()), by_verdict


def hub_report(conn: sa.Connection, day: dt.date) -> dict[str, Any]:
    """Per device: visits received for ``day`` and per verdict (every device listed, even with 0)."""
    counts = conn.execute(
        sa.select(visits.c.device_id, visits.c.verdict, sa.func.count())
        .where(visits.c.visit_date == day)
        .group_by(visits.c.device_id, visits.c.verdict)).all()
    per_device: dict[int, dict[str, int]] = {}
    for device_id, verdict, count in counts:
        per_device.setdefault(device_id, _empty_verdicts())[verdict] = int(count)
    rows = conn.execute(sa.select(devices.c.id, devices.c.name, devices.c.facility_code, devices.c.revoked_at,
                                  devices.c.last_push_at).order_by(devices.c.name)).all()
    out = []
    for row in rows:
        by_verdict = per_device.get(row.id, _empty_verdicts())
        out.append({
            "device": row.name, "facility_code": row.facility_code, "revoked": row.revoked_at is not None,
            "last_push_at": _iso(row.last_push_at), "visits": sum(by_verdict.values()),
            "by_verdict": by_verdict,
        })
    return {"date": day.isoformat(), "total": sum(d["visits"] for d in out), "devices": out}


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()
