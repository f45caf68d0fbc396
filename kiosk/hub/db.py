"""The hub database: URL resolution, engine set-up (SQLite and PostgreSQL) and schema upgrades."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kiosk.errors import KioskError
from kiosk.hub import schema

#: Environment variable naming the hub database URL (overridden by ``--db``).
ENV_DB = "KIOSK_HUB_DB"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
READ_ONLY = "hub_read_only"


class HubDatabaseError(KioskError):
    """The hub database cannot be used; the message says why (never contains patient data)."""


def default_url() -> str:
    """``$KIOSK_HUB_DB``, else a SQLite file ``hub.sqlite3`` in the kiosk data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return env
    from kiosk.config import data_dir

    return f"sqlite:///{data_dir() / 'hub.sqlite3'}"


def resolve_url(url: str | None) -> str:
    """Accept a SQLAlchemy URL, a bare path to a SQLite file, or ``None`` for the default."""
    if not url:
        return default_url()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine for the hub: WAL + ``BEGIN IMMEDIATE`` on SQLite, a sized pool on PostgreSQL."""
    url = resolve_url(url)
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                                  hide_parameters=True)
        _sqlite_setup(engine)
        return engine
    # hide_parameters: an error's text (logged by kiosk.hub.errors) never quotes patient data.
    return sa.create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True,
                            hide_parameters=True)


def _sqlite_setup(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let us issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # One writer at a time, decided at BEGIN: no lock-upgrade deadlocks between two writers.
        # Read-only work (``reader(conn)``) uses a deferred BEGIN and runs beside the writer (WAL).
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


def reader(conn: sa.Connection) -> sa.Connection:
    """``conn`` marked for read-only work: on SQLite its transactions do not take the write lock; on
    PostgreSQL they run in one REPEATABLE READ snapshot."""
    if conn.dialect.name == "postgresql":
        return conn.execution_options(isolation_level="REPEATABLE READ", **{READ_ONLY: True})
    return conn.execution_options(**{READ_ONLY: True})


def is_postgres(engine: Engine | sa.Connection) -> bool:
    return engine.dialect.name == "postgresql"


def _alembic_config(connection: sa.Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the hub schema to ``revision`` (idempotent)."""
    from alembic import command

    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), revision)
    except sa.exc.OperationalError as exc:
        raise HubDatabaseError(f"cannot open the hub database: {exc.orig}") from exc


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": "hub_alembic_version"})
        return ctx.get_current_revision()


def hub_id(conn: sa.Connection) -> str:
    value = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "hub_id")).scalar()
    if value is None:
        raise HubDatabaseError("the hub database has no hub_id: run `kiosk hub db upgrade`")
    return str(value)


def open_hub(url: str | None = None, *, migrate: bool = True, pool_size: int = 10) -> Engine:
    """Engine for the hub database at ``url`` (default: :func:`default_url`), upgraded to head."""
    engine = make_engine(resolve_url(url), pool_size=pool_size)
    if migrate:
        upgrade(engine)
    return engine
