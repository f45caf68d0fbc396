from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.hub.app import HubSettings, create_app
from tests.hub.support import open_engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh hub database URL: SQLite and the throw-away PostgreSQL (each test runs on both)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def hub_engine(hub_db_url: str) -> Iterator[sa.Engine]:
    engine = open_engine(hub_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def client(hub_engine: sa.Engine) -> Iterator[TestClient]:
    app = create_app(HubSettings(rate_per_s=0), engine=hub_engine)
    with TestClient(app) as c:
        yield c


# The stand-in BHXH gateway and a hub wired to it (tests/hub/gateway_support.py).
from tests.gateway.fixtures import standin_fixture, standin_server_fixture  # noqa: E402, F401
from tests.hub.gateway_support import ghub, ghub_lite  # noqa: E402, F401
