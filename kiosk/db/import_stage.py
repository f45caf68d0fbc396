"""The staging table of a card-list import: rows go in as they are read, then ONE statement merges them.

Staging keeps the import atomic without holding the store's write lock while the file is read: on
SQLite the stage is a TEMP table (the connection's private temporary database, so staging takes no
lock on the store and check-ins go on); on PostgreSQL a temporary table filled with COPY. The merge is
``INSERT … SELECT … ON CONFLICT DO UPDATE`` in key order inside the caller's write transaction: sorted by
key it appends to the card B-tree instead of inserting at random places; of two rows for one card the
later one in the file wins; an unchanged card is not rewritten. On SQLite the sort is done before the
write lock is taken (:meth:`ImportStage.sort`, about 2/3 of the merge's work), so the lock is held for
the sorted insert only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final, Protocol

from sqlalchemy.engine import Connection

from kiosk.db.convert import CARD_COLUMNS
from kiosk.db.errors import classify

_COLUMNS: Final = ", ".join(CARD_COLUMNS)
_DATA_COLUMNS: Final = CARD_COLUMNS[1:]
#: SQLite page cache while importing (KiB): the card B-tree's hot pages and the stage; then SQLite's
#: default again (``PRAGMA cache_size`` value: negative = KiB).
IMPORT_CACHE_KIB: Final = 262_144
DEFAULT_CACHE_SIZE: Final = -2000


def upsert_tail(dialect: str) -> str:
    """``ON CONFLICT`` clause: update a card only when a value differs (``IS NOT`` = null-safe)."""
    differs = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    return ("ON CONFLICT (card_number) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in _DATA_COLUMNS)
            + f" WHERE ({', '.join('cards.' + c for c in _DATA_COLUMNS)})"
            + f" {differs} ({', '.join('excluded.' + c for c in _DATA_COLUMNS)})")


class ImportStage(Protocol):
    def create(self) -> None: ...
    def add(self, rows: Sequence[tuple[str | None, ...]]) -> None: ...
    def sort(self) -> None: ...
    def merge(self) -> None: ...
    def drop(self) -> None: ...


class SqliteStage:
    """A TEMP table (rowid = file order) on the import's own connection, then a sorted copy of it."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._driver: Any = conn.connection.driver_connection

    def create(self) -> None:
        driver = self._driver
        driver.execute(f"PRAGMA main.cache_size = -{IMPORT_CACHE_KIB}")
        driver.execute(f"PRAGMA temp.cache_size = -{IMPORT_CACHE_KIB}")
        self._drop_tables()  # a leftover of an import that died
        driver.execute(f"CREATE TEMP TABLE card_import ({_COLUMNS})")

    def add(self, rows: Sequence[tuple[str | None, ...]]) -> None:
        if rows:
            self._driver.executemany(
                f"INSERT INTO temp.card_import VALUES ({', '.join('?' * len(CARD_COLUMNS))})", rows)

    def sort(self) -> None:
        """The staged rows in key order (file order within a key): rowid order of ``card_import_sorted``."""
        self._driver.execute(f"CREATE TEMP TABLE card_import_sorted AS SELECT {_COLUMNS} FROM temp.card_import "
                             "ORDER BY card_number, rowid")
        self._driver.execute("DROP TABLE temp.card_import")

    def merge(self) -> None:
        # "WHERE true": SQLite's documented way to parse ON CONFLICT after INSERT … SELECT unambiguously.
        self._driver.execute(f"INSERT INTO main.cards ({_COLUMNS}) SELECT {_COLUMNS} FROM temp.card_import_sorted "
                             f"WHERE true ORDER BY rowid {upsert_tail('sqlite')}")

    def _drop_tables(self) -> None:
        self._driver.execute("DROP TABLE IF EXISTS temp.card_import")
        self._driver.execute("DROP TABLE IF EXISTS temp.card_import_sorted")

    def drop(self) -> None:
        driver = self._driver
        if driver.in_transaction:  # pragma: no cover - the caller's transaction always ended first
            return
        self._drop_tables()
        driver.execute(f"PRAGMA main.cache_size = {DEFAULT_CACHE_SIZE}")
        driver.execute(f"PRAGMA temp.cache_size = {DEFAULT_CACHE_SIZE}")


@contextmanager
def _driver_errors() -> Iterator[None]:
    """psycopg's own errors (not wrapped by SQLAlchemy here) as the store's environment errors."""
    try:
        yield
    except Exception as exc:
        problem = classify(exc)
        if problem is not None:
            raise problem from exc
        raise


class PostgresStage:
    """A temporary table filled with COPY; ``seq`` keeps the file order for "the later row wins"."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._driver: Any = conn.connection.driver_connection

    def create(self) -> None:
        with _driver_errors(), self._driver.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS card_import")
            cursor.execute("CREATE TEMPORARY TABLE card_import (LIKE cards, seq bigserial)")

    def add(self, rows: Sequence[tuple[str | None, ...]]) -> None:
        if not rows:
            return
        with (_driver_errors(), self._driver.cursor() as cursor,
              cursor.copy(f"COPY card_import ({_COLUMNS}) FROM STDIN") as copy):
            for row in rows:
                copy.write_row(row)

    def sort(self) -> None:
        """Nothing ahead: PostgreSQL sorts in the merge (its row locks do not stop other writers)."""

    def merge(self) -> None:
        with _driver_errors(), self._driver.cursor() as cursor:
            cursor.execute(f"INSERT INTO cards ({_COLUMNS}) SELECT DISTINCT ON (card_number) {_COLUMNS} "
                           f"FROM card_import ORDER BY card_number, seq DESC {upsert_tail('postgresql')}")

    def drop(self) -> None:
        with self._conn.begin():
            self._conn.exec_driver_sql("DROP TABLE IF EXISTS card_import")


def make_stage(conn: Connection, dialect: str) -> ImportStage:
    if dialect == "sqlite":
        return SqliteStage(conn)
    if dialect == "postgresql":
        return PostgresStage(conn)
    raise NotImplementedError(dialect)  # pragma: no cover - only SQLite and PostgreSQL are supported
