"""Engines for SQLite (WAL, synchronous=FULL, explicit BEGIN) and PostgreSQL.

SQLite: every connection uses the write-ahead log and ``synchronous=FULL``, so a committed visit is
on disk before ``commit()`` returns and survives ``kill -9`` and power loss. Python's sqlite3 module
is put in autocommit mode and SQLAlchemy emits ``BEGIN`` itself; write transactions ask for
``BEGIN IMMEDIATE`` (execution option ``kiosk_write=True``) so two writers queue on the busy timeout
instead of failing with a lock upgrade error halfway through.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.pool import StaticPool

#: Execution option: this transaction writes (SQLite takes the write lock at BEGIN).
WRITE = {"kiosk_write": True}


def normalise_url(url: str) -> URL:
    """``postgresql://`` means psycopg 3 here; a bare path means a SQLite file."""
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL, None for in-memory databases and other backends."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def _switch_to_wal(cursor: sqlite3.Cursor, busy_timeout_ms: int) -> Any:
    """``PRAGMA journal_mode = WAL``, retried while another connection holds the lock.

    SQLite answers "database is locked" at once, without its busy handler, when several processes open
    a brand-new database together and all try to switch it to WAL; wait for the others like any write.
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            return cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def _install_sqlite_hooks(engine: Engine, *, busy_timeout_ms: int, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            if wal:
                mode = _switch_to_wal(cursor, busy_timeout_ms)
                if mode is None or str(mode[0]).lower() != "wal":
                    raise sqlite3.OperationalError(f"cannot switch the database to WAL mode (got {mode})")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("kiosk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str | URL, *, busy_timeout_s: float = 5.0) -> Engine:
    """An engine for ``url``; SQLite files get WAL + synchronous=FULL, their folder is created.

    Raises OSError when the SQLite folder cannot be created (callers classify it).
    """
    parsed = normalise_url(url) if isinstance(url, str) else url
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(parsed)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, Any] = {"connect_args": {"timeout": busy_timeout_s, "check_same_thread": False}}
        if path is None:
            kwargs["poolclass"] = StaticPool
        engine = create_engine(parsed, **kwargs)
        _install_sqlite_hooks(engine, busy_timeout_ms=int(busy_timeout_s * 1000), wal=path is not None)
        return engine
    if backend == "postgresql":
        timeout_ms = int(busy_timeout_s * 1000)
        return create_engine(
            parsed,
            pool_pre_ping=True,
            connect_args={"connect_timeout": max(1, int(busy_timeout_s)),
                          "options": f"-c lock_timeout={timeout_ms}"},
        )
    return create_engine(parsed)
