from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from kiosk.db.store import Store
from kiosk.queueing import QueueRules

#: A fixed local moment (Vietnam, UTC+7) for tests that record visits.
VN = dt.timezone(dt.timedelta(hours=7))
MORNING = dt.datetime(2026, 11, 22, 8, 15, 3, 123000, tzinfo=VN)

T = TypeVar("T")


def take_concurrently(db_url: str, per_writer: int, take: Callable[[Store], T], writers: int = 2) -> list[T]:
    """``writers`` stores on one database (as kiosks with their own engines would be), started together,
    each calling ``take`` ``per_writer`` times; every result, in no particular order. A writer's error
    fails the caller's test."""
    results: list[T] = []
    errors: list[BaseException] = []
    start = threading.Barrier(writers)

    def writer() -> None:
        try:
            with Store.open(db_url, clock=lambda: MORNING) as store:
                start.wait()
                for _ in range(per_writer):
                    results.append(take(store))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return results


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
