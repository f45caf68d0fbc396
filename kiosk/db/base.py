"""What every part of the store shares: the engine, transactions, error translation, the clock."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from kiosk.db.errors import StoreError, classify
from kiosk.db.lookup import CardLookup
from kiosk.queueing import QueueRules


def local_now() -> dt.datetime:
    """The kiosk's local time, with its UTC offset."""
    return dt.datetime.now().astimezone()


def iso_now(now: dt.datetime | None = None) -> str:
    """ISO 8601 with milliseconds and UTC offset, e.g. ``2026-11-22T08:15:03.123+07:00``."""
    moment = now if now is not None else local_now()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="milliseconds")


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn environment errors (disk full, locked, read-only, corrupt …) into store errors."""
    try:
        yield
    except StoreError:
        raise
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        problem = classify(exc)
        if problem is None:
            raise
        raise problem from exc


class StoreBase:
    """Engine, transaction helpers and settings shared by the store's parts."""

    engine: Engine
    lookup: CardLookup
    queue_rules: QueueRules
    clock: Callable[[], dt.datetime]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with translate_errors(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One durable write transaction (SQLite: BEGIN IMMEDIATE; committed on success)."""
        with translate_errors(), self.engine.connect().execution_options(kiosk_write=True) as conn, \
                conn.begin():
            yield conn

    def _now(self) -> dt.datetime:
        return self.clock()
