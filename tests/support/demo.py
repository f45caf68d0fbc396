"""The demo database for tests that need a real store with the demo cards and departments: built once
per session, copied per test (a copy of a file is faster than loading the demo again). A conftest uses the
fixtures with ``from tests.support.demo import demo_db, store``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.db.demo import DEMO_DAY, load_demo
from kiosk.db.store import Store

#: The instant the tests check in at: a morning of the demo day.
NOW = dt.datetime.combine(DEMO_DAY, dt.time(9, 15)).astimezone()


def build_demo_database(path: Path) -> Path:
    with Store.open(f"sqlite:///{path}", clock=lambda: NOW) as store:
        load_demo(store)
    return path


@contextmanager
def demo_store_copy(demo_db: Path, folder: Path) -> Iterator[Store]:
    """A Store on a fresh copy of ``demo_db`` in ``folder`` (``kiosk.sqlite3``), clock fixed at NOW."""
    copy = folder / "kiosk.sqlite3"
    copy.write_bytes(demo_db.read_bytes())
    with Store.open(f"sqlite:///{copy}", clock=lambda: NOW) as store:
        yield store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database built once per session; each test gets its own copy (``store``)."""
    return build_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")


@pytest.fixture
def store(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A Store on this test's own copy of the demo database, clock fixed at NOW."""
    with demo_store_copy(demo_db, tmp_path) as s:
        yield s
