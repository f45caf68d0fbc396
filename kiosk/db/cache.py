"""The card cache: bulk import/upsert in committed steps, lookups (by card, BHXH, CCCD number), statistics."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

from sqlalchemy import delete, func, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection

from kiosk.cards.model import BhytCard, CachedCard, CardStatus, CccdCard
from kiosk.db.base import StoreBase, iso_now, translate_errors
from kiosk.db.convert import CARD_COLUMNS, cached_from_row, card_tuple
from kiosk.db.errors import classify
from kiosk.db.models import CARDS, SETTINGS
from kiosk.db.sqlite_tools import sqlite_table_bytes

_DATA_COLUMNS: Final = CARD_COLUMNS[1:]
#: Insert or update; an unchanged card is not rewritten (a daily re-import touches only what changed).
_SQLITE_UPSERT: Final = (
    f"INSERT INTO cards ({', '.join(CARD_COLUMNS)}) VALUES ({', '.join('?' * len(CARD_COLUMNS))}) "
    "ON CONFLICT (card_number) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _DATA_COLUMNS)
    + f" WHERE ({', '.join('cards.' + c for c in _DATA_COLUMNS)})"
    + f" IS NOT ({', '.join('excluded.' + c for c in _DATA_COLUMNS)})"
)
#: PostgreSQL: a batch is COPYed into a temporary table, then merged with one statement.
_PG_STAGE: Final = "CREATE TEMPORARY TABLE IF NOT EXISTS cards_import (LIKE cards) ON COMMIT DROP"
_PG_COPY: Final = f"COPY cards_import ({', '.join(CARD_COLUMNS)}) FROM STDIN"
_PG_MERGE: Final = (
    f"INSERT INTO cards ({', '.join(CARD_COLUMNS)}) SELECT {', '.join(CARD_COLUMNS)} FROM cards_import "
    "ON CONFLICT (card_number) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _DATA_COLUMNS)
    + f" WHERE ({', '.join('cards.' + c for c in _DATA_COLUMNS)})"
    + f" IS DISTINCT FROM ({', '.join('excluded.' + c for c in _DATA_COLUMNS)})"
)
#: A card as driver parameters in CARD_COLUMNS order (dates as ISO text): ``cardlist.CardRow``.
CardRow = tuple[str | None, ...]
#: Rank of a status when several records share a social-insurance or citizen-ID number.
_STATUS_RANK: Final = {CardStatus.ACTIVE: 0, CardStatus.REDUCED: 1, CardStatus.REVOKED: 2,
                       CardStatus.REPLACED: 3}
#: Keep at most this many row errors in an import result (the count covers all of them).
MAX_REPORTED_ERRORS: Final = 1000
LAST_IMPORT_KEY: Final = "cache.last_import_at"
_STEP_PAUSE_S: Final = 0.12


class _Refused(Exception):
    """A strict import met a bad row: roll everything back."""


@dataclass
class ImportResult:
    """Outcome of a card-list import."""

    rows: int = 0
    imported: int = 0
    inserted: int = 0
    updated: int = 0
    error_count: int = 0
    #: (line number, message) of bad rows, the first MAX_REPORTED_ERRORS of them.
    errors: list[tuple[int, str]] = field(default_factory=list)
    #: True when nothing was written because of --strict and at least one bad row.
    refused: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "imported": self.imported, "inserted": self.inserted,
                "updated": self.updated, "error_count": self.error_count, "refused": self.refused,
                "errors": [{"line": line, "message": msg} for line, msg in self.errors]}


@dataclass(frozen=True)
class CacheStats:
    cards: int
    by_status: dict[str, int]
    #: Bytes the card table and its indexes take; None when the database cannot tell.
    cache_bytes: int | None
    last_import_at: str | None

    @property
    def bytes_per_card(self) -> float | None:
        return None if self.cache_bytes is None or self.cards == 0 else self.cache_bytes / self.cards

    def to_json(self) -> dict[str, Any]:
        per_card = self.bytes_per_card
        return {"cards": self.cards, "by_status": self.by_status, "cache_bytes": self.cache_bytes,
                "bytes_per_card": None if per_card is None else round(per_card, 1),
                "last_import_at": self.last_import_at}


def _best(records: Sequence[CachedCard]) -> CachedCard | None:
    """Among records sharing a number: active first, then the one valid the longest."""
    if not records:
        return None
    return min(records, key=lambda c: (_STATUS_RANK[c.status],
                                        -(c.valid_to.toordinal() if c.valid_to else 10**7)))


class CardCache(StoreBase):
    # ----- writing -------------------------------------------------------------------------------
    def _upsert(self, conn: Connection, cards: Sequence[CachedCard]) -> None:
        self._upsert_rows(conn, [card_tuple(c) for c in cards])

    def _upsert_rows(self, conn: Connection, rows: Sequence[CardRow]) -> None:
        """Insert or update rows (CARD_COLUMNS order); of two rows for one card the later wins."""
        if not rows:
            return
        raw = conn.connection.driver_connection
        if raw is None:  # pragma: no cover - a live connection always has one
            raise RuntimeError("no driver connection")
        if self.dialect == "sqlite":
            # Sorted by key, a batch touches each B-tree page once instead of at random.
            # (Stable on the key alone: of two rows for one card, the later one still wins.)
            cursor = raw.cursor()
            try:
                cursor.executemany(_SQLITE_UPSERT, sorted(rows, key=itemgetter(0)))
            finally:
                cursor.close()
        elif self.dialect == "postgresql":
            # One row per card (the later wins): ON CONFLICT may not touch a row twice in one statement.
            unique = {row[0]: row for row in rows}.values() if len({r[0] for r in rows}) < len(rows) else rows
            try:
                with raw.cursor() as cursor:
                    cursor.execute(_PG_STAGE)
                    with cursor.copy(_PG_COPY) as copy:
                        for row in unique:
                            copy.write_row(row)
                    cursor.execute(_PG_MERGE)
                    cursor.execute("TRUNCATE cards_import")
            except Exception as exc:  # the driver's own errors: not wrapped by SQLAlchemy here
                problem = classify(exc)
                if problem is not None:
                    raise problem from exc
                raise
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise NotImplementedError(self.dialect)

    def _delete_cards(self, conn: Connection, numbers: Sequence[str]) -> None:
        for start in range(0, len(numbers), 500):
            conn.execute(delete(CARDS).where(CARDS.c.card_number.in_(numbers[start:start + 500])))

    def _count_cards(self, conn: Connection) -> int:
        return int(conn.execute(select(func.count()).select_from(CARDS)).scalar_one())

    def import_cards(self, rows: Iterable[tuple[int, object]], *, strict: bool = False,
                     batch_size: int = 5_000, step_s: float = 1.0,
                     progress: Callable[[int], None] | None = None) -> ImportResult:
        """Import ``(line, CachedCard | CardRow | error)`` pairs (``read_card_list`` or ``read_card_rows``
        output); the list wins.

        Bad rows are reported with their line numbers and the rest is imported, committed about every
        ``step_s`` seconds with a short pause after each step (SQLite), so a check-in waiting for the
        write lock gets it: it waits about a second at most, never for the whole list. A crash keeps
        what was committed (importing the file again completes it). With ``strict``, one bad row
        refuses everything: one transaction, rolled back (every bad row is still listed). For a file,
        :meth:`import_card_file` checks first and then imports in steps.
        """
        result = ImportResult()
        before = self._card_count()
        try:
            self._import(iter(rows), strict, batch_size, step_s, progress, result)
        except _Refused:
            result.refused = True
            result.imported = 0
            return result
        result.inserted = self._card_count() - before
        result.updated = result.imported - result.inserted
        if self.dialect == "sqlite":
            self._checkpoint()
        return result

    def import_card_file(self, path: Path, *, strict: bool = False,
                         progress: Callable[[int], None] | None = None) -> ImportResult:
        """Import a CSV/.xlsx card list. ``strict``: read it once to check every row, import only if
        all are good (without holding the write lock for the whole file).

        Raises ``kiosk.cards.cardlist.CardListError`` when the file as a whole is unusable.
        """
        from kiosk.cards.cardlist import read_card_rows

        if strict:
            check = ImportResult()
            for line, item in read_card_rows(path):
                check.rows += 1
                if not isinstance(item, tuple):
                    self._note_error(check, line, item)
            if check.error_count:
                check.refused = True
                return check
        return self.import_cards(read_card_rows(path), progress=progress)

    @staticmethod
    def _note_error(result: ImportResult, line: int, item: object) -> None:
        result.error_count += 1
        if len(result.errors) < MAX_REPORTED_ERRORS:
            result.errors.append((line, str(getattr(item, "message", None) or item)))

    def _card_count(self) -> int:
        with self._read() as conn:
            return self._count_cards(conn)

    def _checkpoint(self) -> None:
        """Fold the write-ahead log back into the database file (outside any transaction)."""
        with translate_errors():
            raw = self.engine.raw_connection()
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def _import(self, rows: Iterator[tuple[int, object]], strict: bool, batch_size: int, step_s: float,
                progress: Callable[[int], None] | None, result: ImportResult) -> None:
        batch: list[CardRow] = []
        finished = False
        first = True
        sqlite = self.dialect == "sqlite"
        indexes_dropped = False
        # One connection for all steps, so its page cache stays warm from step to step.
        with translate_errors(), self.engine.connect().execution_options(kiosk_write=True) as conn:
            driver: Any = conn.connection.driver_connection  # PRAGMAs outside SQLAlchemy's autobegin
            if sqlite:
                driver.execute("PRAGMA cache_size = -262144")  # 256 MiB while importing
            try:
                while not finished:  # one transaction per step (strict: a single step)
                    if not first and sqlite:
                        # SQLite's busy handler polls at most every 100 ms: pause longer than that, so a
                        # writer waiting for the lock (a check-in) gets it before the next step.
                        time.sleep(_STEP_PAUSE_S)
                    step_end = time.monotonic() + step_s
                    with conn.begin():
                        if first and self._cache_is_empty(conn):
                            # A first import into an empty cache: build the secondary indexes once at
                            # the end (sorting) instead of updating them row by row.
                            self._drop_card_indexes(conn)
                            indexes_dropped = True
                        first = False
                        for line, item in rows:
                            result.rows += 1
                            if type(item) is tuple:  # a CardRow from read_card_rows
                                row: CardRow = item
                            elif isinstance(item, CachedCard):
                                row = card_tuple(item)
                            else:
                                self._note_error(result, line, item)
                                continue
                            if strict and result.error_count:
                                continue  # nothing more will be written; keep listing bad rows
                            batch.append(row)
                            if len(batch) >= batch_size:
                                self._upsert_rows(conn, batch)
                                result.imported += len(batch)
                                batch.clear()
                                if progress:
                                    progress(result.rows)
                                if not strict and time.monotonic() >= step_end:
                                    break
                        else:
                            finished = True
                            if strict and result.error_count:
                                raise _Refused  # rolls the transaction back (with any index drop)
                            self._upsert_rows(conn, batch)
                            result.imported += len(batch)
                            batch.clear()
                            if indexes_dropped:
                                self._create_card_indexes(conn)
                                indexes_dropped = False
                            self._put_setting(conn, LAST_IMPORT_KEY, iso_now(self._now()))
            finally:
                if sqlite and not conn.invalidated:
                    driver.execute("PRAGMA cache_size = -2000")
                if indexes_dropped and not conn.invalidated:
                    # The import stopped after committed steps without the indexes: put them back
                    # (best effort: if the database itself failed, the next Store.open does it).
                    try:
                        if conn.in_transaction():
                            conn.rollback()
                        with conn.begin():
                            self._create_card_indexes(conn)
                    except Exception:  # the original error is the one to report
                        pass

    @staticmethod
    def _cache_is_empty(conn: Connection) -> bool:
        return conn.execute(select(CARDS.c.card_number).limit(1)).first() is None

    @staticmethod
    def _drop_card_indexes(conn: Connection) -> None:
        for index in CARDS.indexes:
            index.drop(conn, checkfirst=True)

    @staticmethod
    def _create_card_indexes(conn: Connection) -> None:
        for index in CARDS.indexes:
            index.create(conn, checkfirst=True)

    def ensure_card_indexes(self) -> None:
        """Recreate the card table's secondary indexes if an interrupted first import left them out."""
        with self._read() as conn:
            names = {index["name"] for index in sa_inspect(conn).get_indexes("cards")}
        if all(index.name in names for index in CARDS.indexes):
            return
        with self._write() as conn:
            self._create_card_indexes(conn)

    def upsert_cards(self, cards: Iterable[CachedCard]) -> int:
        """Insert or update cards in one transaction; returns how many were written."""
        items = list(cards)
        with self._write() as conn:
            self._upsert(conn, items)
        return len(items)

    def clear_card_cache(self) -> None:
        """Remove every cached card (e.g. the hub's identity changed and the cache is pulled again)."""
        with self._write() as conn:
            conn.execute(delete(CARDS))

    def _put_setting(self, conn: Connection, key: str, value: str) -> None:
        table = SETTINGS
        if conn.execute(select(table.c.key).where(table.c.key == key)).first() is None:
            conn.execute(table.insert().values(key=key, value=value))
        else:
            conn.execute(table.update().where(table.c.key == key).values(value=value))

    # ----- reading -------------------------------------------------------------------------------
    def _fetch(self, column: str, value: str) -> list[CachedCard]:
        return [cached_from_row(row) for row in self.lookup.fetch(column, value)]

    def card_by_number(self, card_number: str) -> CachedCard | None:
        found = self._fetch("card_number", card_number)
        return found[0] if found else None

    def cards_by_bhxh_number(self, bhxh_number: str) -> list[CachedCard]:
        return self._fetch("bhxh_number", bhxh_number)

    def cards_by_citizen_id(self, citizen_id: str) -> list[CachedCard]:
        return self._fetch("citizen_id", citizen_id)

    def find_cached(self, card: BhytCard | CccdCard) -> CachedCard | None:
        """The cached record for a scanned card, or None.

        BHYT: the exact card number first; else the records sharing its 10-digit social-insurance
        number (a renewed card), active first. CCCD: the records of that citizen-ID number.
        """
        if isinstance(card, CccdCard):
            return _best(self.cards_by_citizen_id(card.citizen_id))
        exact = self.card_by_number(card.card_number)
        if exact is not None:
            return exact
        bhxh = card.bhxh_number
        if bhxh is None and card.card_number[-10:].isdigit():
            bhxh = card.card_number[-10:]
        return _best(self.cards_by_bhxh_number(bhxh)) if bhxh else None

    def cache_stats(self) -> CacheStats:
        with self._read() as conn:
            counts = {str(status): int(n) for status, n in
                      conn.execute(select(CARDS.c.status, func.count()).group_by(CARDS.c.status))}
            last = conn.execute(select(SETTINGS.c.value)
                                .where(SETTINGS.c.key == LAST_IMPORT_KEY)).scalar()
            size: int | None
            if self.dialect == "postgresql":
                size = conn.exec_driver_sql("SELECT pg_total_relation_size('cards')").scalar()
            elif self.dialect == "sqlite":
                size = sqlite_table_bytes(conn, "cards")
            else:  # pragma: no cover
                size = None
        return CacheStats(cards=sum(counts.values()), by_status=counts,
                          cache_bytes=None if size is None else int(size), last_import_at=last)
