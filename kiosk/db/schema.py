"""Schema versions: which revision a database is at, refusing newer ones, upgrading with Alembic.

The migrations ship inside the package (``kiosk/db/migrations``). The revision a database carries is
in the table ``store_schema_version`` (not Alembic's default name, so the kiosk store can never be
confused with the hub's schema in the same PostgreSQL database).

A SQLite file is inspected through a separate *read-only* connection before the store's engine
touches it: a database from a newer kiosk (a revision this code does not know) is reported with
:class:`NewerSchemaError` and never opened for writing — not even to switch on WAL.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import quote

from sqlalchemy import Engine, inspect, text

from kiosk.db.errors import NewerSchemaError, StoreUsageError

VERSION_TABLE: Final = "store_schema_version"
#: Every revision this code knows, oldest first; the last is the head. Checked against the scripts
#: by tests/db/test_migrations.py, so the fast path at open needs no Alembic import.
KNOWN_REVISIONS: Final = ("0001", "0002", "0003", "0004")
HEAD: Final = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR: Final = Path(__file__).with_name("migrations")
#: Key for the PostgreSQL advisory lock that serialises concurrent upgrades.
_PG_UPGRADE_LOCK: Final = 0x4B494F534B  # "KIOSK"


@dataclass(frozen=True, slots=True)
class SchemaState:
    #: The revision the database is at; None for an empty database.
    revision: str | None
    #: Names of the tables found (to tell an empty database from someone else's).
    tables: frozenset[str]

    @property
    def is_current(self) -> bool:
        return self.revision == HEAD


def _check_known(state: SchemaState, where: str) -> SchemaState:
    if state.revision is not None and state.revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"{where} has schema revision {state.revision}, newer than this kiosk knows "
            f"(up to {HEAD})"
        )
    if state.revision is None and state.tables:
        shown = ", ".join(sorted(state.tables)[:5])
        raise StoreUsageError(f"{where} holds tables ({shown}) but is not a kiosk store; refusing to use it")
    return state


def sqlite_state(path: Path) -> SchemaState:
    """Read the schema state of a SQLite file without writing to it (None revision if absent/empty).

    Raises sqlite3 errors (e.g. NOTADB for a corrupt file), which the store classifies.
    """
    if not path.exists() or path.stat().st_size == 0:
        return SchemaState(None, frozenset())
    # No write-ahead log beside it (closed cleanly): read it as immutable, which creates no -shm/-wal
    # files either. With a log, a read-only connection must use it to see the latest commit.
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    con = sqlite3.connect(f"file:{quote(str(path))}?{flags}", uri=True)
    try:
        tables = frozenset(
            row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(row[0]).startswith("sqlite_")
        )
        revision = None
        if VERSION_TABLE in tables:
            row = con.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
            revision = None if row is None else str(row[0])
    finally:
        con.close()
    return _check_known(SchemaState(revision, tables - {VERSION_TABLE}), str(path))


def engine_state(engine: Engine) -> SchemaState:
    """The schema state through ``engine`` (read-only queries)."""
    with engine.connect() as conn:
        tables = frozenset(inspect(conn).get_table_names())
        revision = None
        if VERSION_TABLE in tables:
            value = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
            revision = None if value is None else str(value)
        conn.rollback()
    where = engine.url.render_as_string(hide_password=True)
    return _check_known(SchemaState(revision, tables - {VERSION_TABLE}), where)


def upgrade(engine: Engine, target: str = "head") -> None:
    """Apply the migrations up to ``target`` in one write transaction (serialised between processes)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect().execution_options(kiosk_write=True) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_UPGRADE_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def script_revisions() -> list[str]:
    """Revisions of the shipped migration scripts, oldest first (for the consistency test)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    return [rev.revision for rev in reversed(list(scripts.walk_revisions()))]
