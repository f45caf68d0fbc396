"""Pull answers (kiosk/hub/pull.py, docs/hub-api.md "Pull"): optional tables only when asked for, and named
in the answer's ``features``."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi.testclient import TestClient

from tests.hub.support import add_device, auth


def test_optional_tables_come_only_when_asked_for_and_are_named(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    plain = client.get("/v1/sync/pull", headers=auth(token)).json()
    assert "features" not in plain and "visit_updates" not in plain["changes"]
    asked = client.get("/v1/sync/pull", params={"features": "visit_updates,unknown"}, headers=auth(token)).json()
    assert asked["features"] == ["visit_updates"]
    assert asked["changes"]["visit_updates"] == {"upserted": [], "deleted": []}
