"""The hub's XML0 export uses the facility's route profile from its facility settings (issue 14): the code the
exporter proposes and the validator's code set agree on both sides of 17/10/2025 (QĐ 3276/QĐ-BYT), and each
visit's stored route decides MA_DOITUONG_KCB."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.cards.route import FacilityLevel
from kiosk.gateway.xml0 import parse_xml0, validate_xml0
from kiosk.hub.facility_profile import FacilityProfileError, facility_profile, profile_from_settings
from kiosk.hub.imports import import_reference
from kiosk.hub.xml0_export import export_day
from tests.gateway.standin import StandinHolder
from tests.hub.gateway_support import FACILITY, GatewayHub
from tests.hub.support import batch, visit

__all__ = ["StandinHolder"]


def _setup(hub: GatewayHub, tmp_path: Path, settings: list[dict[str, Any]]) -> None:
    services = tmp_path / "services.json"
    services.write_text(json.dumps([{"code": "02.1896", "name": "Khám Nội", "department_code": "K01"}]),
                        encoding="utf-8")
    profile = tmp_path / "settings.json"
    profile.write_text(json.dumps(settings), encoding="utf-8")
    with hub.engine.begin() as conn:
        import_reference(conn, "service", services)
        import_reference(conn, "setting", profile, scope=FACILITY)


def _visits(day: str, **routes: str) -> list[dict[str, Any]]:
    return [visit(visit_date=day, created_at=f"{day}T08:15:03+07:00", card_number="DN4790000000001",
                  card_facility_code="79001", registered_here=False, route=route, confirmed_online=True,
                  benefit_level=4, ticket=label) for label, route in routes.items()]


def _export(hub: GatewayHub, tmp_path: Path, day: str) -> dict[str, tuple[str | None, list[str]]]:
    """ticket → (MA_DOITUONG_KCB or None when not written, problem codes)."""
    import datetime as dt

    import sqlalchemy as sa

    from kiosk.hub.schema import visits

    report = export_day(hub.engine, dt.date.fromisoformat(day), tmp_path / f"xml0-{day}", require_signature=False)
    with hub.engine.connect() as conn:
        tickets = dict(conn.execute(sa.select(visits.c.id, visits.c.ticket)).all())
    out: dict[str, tuple[str | None, list[str]]] = {}
    for item in report.visits:
        code = None
        if item.path is not None:
            (record,) = parse_xml0(item.path.read_bytes())
            assert validate_xml0(record) == []  # the validator accepts what the exporter wrote
            code = record["MA_DOITUONG_KCB"]
        out[tickets[item.visit_id]] = (code, [p.problem for p in item.problems])
    return out


@pytest.mark.parametrize(("day", "expected"), [
    # Before QĐ 3276 (QĐ 824 list): the kiosk proposes only 1.1 and 2; self-referral is left to staff.
    ("2025-10-16", {"emergency": ("2", []), "referral": (None, ["staff_choice", "required"]),
                    "self": (None, ["staff_choice", "required"])}),
    # From 17/10/2025: the route's code of QĐ 3276 (basic level under 50 points: 1.12).
    ("2025-10-20", {"emergency": ("2", []), "referral": ("1.3", []), "self": ("1.12", [])}),
])
def test_export_follows_the_route_and_the_date_with_the_hubs_facility_profile(
        ghub_lite: GatewayHub, tmp_path: Path, day: str, expected: dict[str, Any]) -> None:
    _setup(ghub_lite, tmp_path, [{"key": "facility.level", "value": "basic"},
                                 {"key": "facility.basic_score", "value": 40}])
    records = _visits(day, emergency="emergency", referral="referral", self="self_referred")
    r = ghub_lite.client.post("/v1/sync/push", json=batch(records), headers=ghub_lite.headers)
    assert r.status_code == 200 and r.json()["accepted"] == 3, r.text
    assert _export(ghub_lite, tmp_path, day) == expected


def test_profile_from_the_facility_settings(ghub_lite: GatewayHub, tmp_path: Path) -> None:
    with ghub_lite.engine.connect() as conn:
        assert facility_profile(conn, FACILITY) is None  # not configured: the configured defaults stand
    _setup(ghub_lite, tmp_path, [{"key": "facility.level", "value": "primary"},
                                 {"key": "facility.primary_full_coverage", "value": True}])
    with ghub_lite.engine.connect() as conn:
        profile = facility_profile(conn, FACILITY)
    assert profile is not None and profile.code == FACILITY and profile.level is FacilityLevel.PRIMARY
    assert profile.primary_full_coverage
    with pytest.raises(FacilityProfileError, match=r"facility\.level"):
        profile_from_settings(FACILITY, {"facility.level": "hospital"})
    with pytest.raises(FacilityProfileError, match="basic_score"):
        profile_from_settings(FACILITY, {"facility.level": "basic", "facility.basic_score": "many"})


def test_a_cccd_visit_re_checked_by_the_hub_is_exported_with_the_card_the_gateway_named(
        ghub_lite: GatewayHub, standin: StandinHolder, tmp_path: Path) -> None:
    """Offline at check-in: the CCCD visit has no card; the hub's re-check finds it, and the XML0 carries that
    card with its registered facility and validity from the card record the answer stored."""
    from tests.hub.gateway_support import BIRTH_ISO, CARD, NAME, patient

    patient(standin.state, facility="79001", valid_from="01/01/2025", valid_to="31/12/2026")
    _setup(ghub_lite, tmp_path, [{"key": "facility.level", "value": "basic"},
                                 {"key": "facility.basic_score", "value": 40}])
    record = visit(visit_date="2026-11-22", created_at="2026-11-22T08:15:03+07:00", card_kind="cccd",
                   card_number=None, bhxh_number=None, citizen_id="001185000321", name=NAME, birth_date=BIRTH_ISO,
                   card_facility_code=None, valid_from=None, object_code=None, benefit_level=None,
                   registered_here=None, verdict="unknown", provisional=True, confirmed_online=False,
                   route="unknown", ticket="cccd")
    r = ghub_lite.client.post("/v1/sync/push", json=batch([record]), headers=ghub_lite.headers)
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text
    report = ghub_lite.gateway.recheck()
    assert (report.checked, report.needs_staff) == (1, 0)
    import datetime as dt

    exported = export_day(ghub_lite.engine, dt.date(2026, 11, 22), tmp_path / "xml0", require_signature=False)
    (item,) = exported.visits
    assert item.problems == () and item.path is not None
    (xml,) = parse_xml0(item.path.read_bytes())
    assert validate_xml0(xml) == []
    assert (xml["MA_THE_BHYT"], xml["SO_CCCD"], xml["MA_DKBD"], xml["GT_THE_TU"], xml["GT_THE_DEN"]) == (
        CARD, "001185000321", "79001", "20250101", "20261231")
    assert xml["MA_DOITUONG_KCB"] == "1.12"  # self-referred at a basic facility under 50 points (route recomputed)
