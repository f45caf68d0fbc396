"""Fixtures for the setup tests: one real hub on loopback (SQLite database) with one device token."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hub.support import add_device, open_engine, start_hub, stop_hub

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
CLIP = DEMO / "vssid-demo.mp4"
DEPARTMENTS = DEMO / "departments.json"


@dataclass
class Hub:
    url: str
    token: str
    facility: str = "01999"


@pytest.fixture(scope="session")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    tmp = tmp_path_factory.mktemp("setup-hub")
    db_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
    live = start_hub(db_url, tmp, timeout=60.0)
    try:
        engine = open_engine(db_url)
        token = add_device(engine, "kiosk-setup-1", "01999")
        engine.dispose()
        yield Hub(live.url, token)
    finally:
        stop_hub(live)
