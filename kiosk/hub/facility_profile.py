"""A facility's place in the 2025 route rules, as the hub knows it: its facility settings (reference data).

The kiosk reads its profile from ``[facility]`` in kiosk/config.py; the hub, which builds the XML0 of every
facility it serves, reads the same keys from the facility settings imported with
``kiosk hub reference import setting FILE --facility CODE`` (``key,value`` rows)::

    facility.level                  primary | basic | specialised
    facility.former_tier            commune | district | provincial | central
    facility.basic_score            -1 (not configured), 0 (temporarily basic), or the score
    facility.primary_full_coverage  true | false
    facility.primary_care_scope     province (default) | country | off

With at least ``facility.level`` set, the XML0 export builds ``Xml0Facility(profile=…)``, so
``MA_DOITUONG_KCB`` follows each visit's stored route and the visit date's code set, exactly as the
validator checks it (docs/eligibility.md, "XML0"). Without it the hub keeps the configured
``object_code_registered`` / ``object_code_elsewhere`` (only where the date's code set has them).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

import sqlalchemy as sa

from kiosk.cards.route import FacilityProfile
from kiosk.config import ConfigError, FacilityConfig
from kiosk.errors import KioskError
from kiosk.hub.schema import ALL_FACILITIES, reference

#: Facility-setting keys of the route profile (the fields of ``[facility]`` in kiosk/config.py).
PROFILE_KEYS: Final = ("level", "former_tier", "basic_score", "primary_full_coverage", "primary_care_scope")
PREFIX: Final = "facility."


class FacilityProfileError(KioskError):
    """A facility setting of the route profile has a value the rules do not know."""

    code = "facility_profile"


def facility_settings(conn: sa.Connection, facility_code: str) -> dict[str, Any]:
    """The live facility settings of ``facility_code`` (hub-wide ones, overridden by the facility's own)."""
    rows = conn.execute(sa.select(reference.c.scope, reference.c.data).where(
        reference.c.kind == "setting", reference.c.scope.in_([ALL_FACILITIES, facility_code]),
        reference.c.deleted.is_(False))).all()
    out: dict[str, Any] = {}
    for _scope, text in sorted(rows, key=lambda r: r[0] != ALL_FACILITIES):  # hub-wide first, then own
        data = json.loads(text)
        if isinstance(data, dict) and "key" in data:
            out[str(data["key"])] = data.get("value")
    return out


def profile_from_settings(facility_code: str, settings: Mapping[str, Any]) -> FacilityProfile | None:
    """The route profile from facility settings; None when ``facility.level`` is not set (no profile).
    Raises FacilityProfileError naming the key of a bad value."""
    if not settings.get(PREFIX + "level"):
        return None
    values: dict[str, Any] = {}
    for key in PROFILE_KEYS:
        value = settings.get(PREFIX + key)
        if value is None:
            continue
        try:
            if key == "basic_score":
                values[key] = int(value)
            elif key == "primary_full_coverage":
                values[key] = value if isinstance(value, bool) else str(value).strip().lower() in ("true", "1", "yes")
            else:
                values[key] = str(value).strip()
        except (TypeError, ValueError):
            raise FacilityProfileError(f"facility {facility_code}: setting {PREFIX}{key} = {value!r} is not a "
                                       "number") from None
    try:
        return FacilityConfig(code=facility_code, **values).profile()
    except ConfigError as exc:
        raise FacilityProfileError(f"facility {facility_code}: setting {exc}") from None


def facility_profile(conn: sa.Connection, facility_code: str) -> FacilityProfile | None:
    """The route profile of ``facility_code`` from the hub's facility settings (None: not configured)."""
    return profile_from_settings(facility_code, facility_settings(conn, facility_code))
