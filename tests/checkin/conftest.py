"""Fixtures for the check-in core: a real SQLite store with the demo cards and departments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.db.demo import DEMO_DAY, load_demo
from kiosk.db.store import Store

NOW = dt.datetime.combine(DEMO_DAY, dt.time(9, 15)).astimezone()


@pytest.fixture(scope="session")
def checkin_demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("checkin-demo") / "demo.sqlite3"
    with Store.open(f"sqlite:///{path}", clock=lambda: NOW) as store:
        load_demo(store)
    return path


@pytest.fixture
def store(checkin_demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "kiosk.sqlite3"
    copy.write_bytes(checkin_demo_db.read_bytes())
    with Store.open(f"sqlite:///{copy}", clock=lambda: NOW) as s:
        yield s
