from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.db.store import Store
from kiosk.queueing import QueueRules

#: A fixed local moment (Vietnam, UTC+7) for tests that record visits.
VN = dt.timezone(dt.timedelta(hours=7))
MORNING = dt.datetime(2026, 11, 22, 8, 15, 3, 123000, tzinfo=VN)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store database: a SQLite file, and a throw-away PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url, queue_rules=QueueRules(), clock=lambda: MORNING) as opened:
        yield opened


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"


DEPARTMENTS = [
    {"code": "K01", "names": {"vi": "Khám bệnh", "en": "Consultation"}, "room": "P.101", "ticket_prefix": "K01"},
    {"code": "K02", "name": "Nội khoa", "name_en": "Internal medicine"},  # the hub's shape
]


@pytest.fixture
def departments(store: Store) -> Store:
    store.apply_reference_data(departments=DEPARTMENTS)
    return store
