"""The card cache: atomic bulk import (staged, one merge), upserts, lookups (card, BHXH, CCCD number), stats."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

from sqlalchemy import delete, func, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection

from kiosk.cards.cardlist import CardListRowError, read_card_rows
from kiosk.cards.model import BhytCard, CachedCard, CardStatus, CccdCard
from kiosk.db import parallel_import
from kiosk.db.base import StoreBase, iso_now, translate_errors
from kiosk.db.convert import CARD_COLUMNS, cached_from_row, card_tuple
from kiosk.db.engine import sqlite_path
from kiosk.db.errors import classify
from kiosk.db.import_stage import ImportStage, make_stage, upsert_tail
from kiosk.db.models import CARDS, SETTINGS, SYNC_CURSORS
from kiosk.db.sqlite_tools import sqlite_table_bytes
from kiosk.errors import error_message

_log = logging.getLogger(__name__)
#: Insert or update (pull pages); an unchanged card is not rewritten (a daily re-import touches only what changed).
_SQLITE_UPSERT: Final = (f"INSERT INTO cards ({', '.join(CARD_COLUMNS)}) VALUES ({', '.join('?' * len(CARD_COLUMNS))}) "
                         + upsert_tail("sqlite"))
#: PostgreSQL pull pages: a batch is COPYed into a temporary table, then merged with one statement.
_PG_STAGE: Final = "CREATE TEMPORARY TABLE IF NOT EXISTS cards_import (LIKE cards) ON COMMIT DROP"
_PG_COPY: Final = f"COPY cards_import ({', '.join(CARD_COLUMNS)}) FROM STDIN"
_PG_MERGE: Final = (f"INSERT INTO cards ({', '.join(CARD_COLUMNS)}) SELECT {', '.join(CARD_COLUMNS)} "
                    f"FROM cards_import {upsert_tail('postgresql')}")
#: A card as driver parameters in CARD_COLUMNS order (dates as ISO text): ``cardlist.CardRow``.
CardRow = tuple[str | None, ...]
#: Rank of a status when several records share a social-insurance or citizen-ID number.
_STATUS_RANK: Final = {CardStatus.ACTIVE: 0, CardStatus.REDUCED: 1, CardStatus.REVOKED: 2,
                       CardStatus.REPLACED: 3}
#: Keep at most this many row errors in an import result (the count covers all of them).
MAX_REPORTED_ERRORS: Final = 1000
LAST_IMPORT_KEY: Final = "cache.last_import_at"


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
                     batch_size: int = 5_000,
                     progress: Callable[[int], None] | None = None) -> ImportResult:
        """Import ``(line, CachedCard | CardRow | error)`` pairs (``read_card_list`` or ``read_card_rows``
        output) as ONE transaction; the list wins, and of two rows for one card the later wins.

        Bad rows are reported with their line numbers and the rest is imported; with ``strict``, one
        bad row refuses everything (every bad row is still listed). Atomic: a crash or an error at any
        point leaves the cache as it was. The rows are first staged in a temporary table, which takes
        no lock on the store (check-ins go on meanwhile), and sorted by card number; then one
        ``INSERT … SELECT`` merges them (the write lock is held for that merge only).
        """
        result = ImportResult()
        with translate_errors(), self.engine.connect() as conn:
            stage = make_stage(conn, self.dialect)
            try:
                with conn.begin():  # SQLite: writes only the TEMP database, no lock on the store
                    stage.create()
                    self._stage_rows(stage, iter(rows), strict, batch_size, progress, result)
                    if not (strict and result.error_count):
                        stage.sort()
                if strict and result.error_count:
                    result.refused = True
                    result.imported = 0
                    return result
                self._merge_staged(conn, stage.merge, result)
            finally:
                if not conn.invalidated:
                    stage.drop()
        return self._finish_import(result)

    def _merge_staged(self, conn: Connection, merge: Callable[[], None], result: ImportResult) -> None:
        """The staged rows into the cache: ONE write transaction (SQLite: BEGIN IMMEDIATE)."""
        conn.execution_options(kiosk_write=True)
        with conn.begin():
            empty = self._cache_is_empty(conn)
            before = 0 if empty else self._count_cards(conn)
            if empty:
                # A first import: build the secondary indexes once, sorted, after the rows.
                self._drop_card_indexes(conn)
            merge()
            if empty:
                self._create_card_indexes(conn)
            result.inserted = self._count_cards(conn) - before
            self._put_setting(conn, LAST_IMPORT_KEY, iso_now(self._now()))

    def _finish_import(self, result: ImportResult) -> ImportResult:
        result.updated = result.imported - result.inserted
        if self.dialect == "sqlite":
            self._checkpoint()
        return result

    def import_card_file(self, path: Path, *, strict: bool = False,
                         progress: Callable[[int], None] | None = None,
                         workers: int | None = None) -> ImportResult:
        """Import a CSV/.xlsx card list (see :meth:`import_cards`): ``kiosk cache import FILE``.

        A big CSV file into a SQLite file is read by ``workers`` processes at once (default: one per
        core; 1 = this process only): see :mod:`kiosk.db.parallel_import`. Same result either way.
        Raises ``kiosk.cards.cardlist.CardListError`` when the file as a whole is unusable.
        """
        database = sqlite_path(self.engine.url)
        if database is not None and workers != 1:
            plan = parallel_import.plan_import(path, workers)
            if plan is not None:
                return self._import_plan(plan, database, strict=strict, progress=progress)
        return self.import_cards(read_card_rows(path), strict=strict, progress=progress)

    def _import_plan(self, plan: parallel_import.ImportPlan, database: Path, *, strict: bool,
                     progress: Callable[[int], None] | None) -> ImportResult:
        """:meth:`import_card_file` with reader processes (each stages and sorts its part), then one merge."""
        result = ImportResult()
        _log.info("card import: %s read by %d reader processes", plan.path.name, len(plan.chunks))
        with translate_errors():
            work_dir = parallel_import.new_work_dir(database)
        try:
            parallel_import.claim(work_dir)
            with translate_errors():
                parts = parallel_import.run_readers(plan, work_dir, strict=strict, max_errors=MAX_REPORTED_ERRORS,
                                                    progress=progress)
            for _file, part in parts:
                result.rows += part.rows
                result.imported += part.imported
                result.error_count += part.error_count
                result.errors.extend(part.errors[:MAX_REPORTED_ERRORS - len(result.errors)])
            if strict and result.error_count:
                result.refused = True
                result.imported = 0
                return result
            with translate_errors(), self.engine.connect() as conn:
                stages = parallel_import.AttachedStages(conn.connection.driver_connection,
                                                        [file for file, _part in parts])
                stages.attach()
                try:
                    self._merge_staged(conn, lambda: stages.merge(upsert_tail("sqlite")), result)
                finally:
                    if not conn.invalidated:
                        stages.detach()
        finally:
            shutil.rmtree(work_dir, ignore_errors=True)
        return self._finish_import(result)

    @staticmethod
    def _note_error(result: ImportResult, line: int, item: object) -> None:
        result.error_count += 1
        if len(result.errors) < MAX_REPORTED_ERRORS:
            # a CardListRowError (read_card_rows) or an exception (a caller's own row source)
            text = item.message if isinstance(item, CardListRowError) else (
                error_message(item) if isinstance(item, BaseException) else str(item))
            result.errors.append((line, text))

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

    def _stage_rows(self, stage: ImportStage, rows: Iterator[tuple[int, object]], strict: bool, batch_size: int,
                    progress: Callable[[int], None] | None, result: ImportResult) -> None:
        """Good rows into the stage in file order, in batches; bad rows into ``result``."""
        batch: list[CardRow] = []
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
                continue  # nothing will be written; keep listing bad rows
            batch.append(row)
            if len(batch) >= batch_size:
                stage.add(batch)
                result.imported += len(batch)
                batch.clear()
                if progress:
                    progress(result.rows)
        if not (strict and result.error_count):
            stage.add(batch)
            result.imported += len(batch)

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
    def cache_synced_at(self) -> dt.datetime | None:
        """When the card cache last heard from its sources: the newest of the last pull from the hub (every
        pull page, empty ones too, saves its cursor with the time) and the last card-list import. None:
        never synced. The desk shows the age of a cached verdict from it (docs/eligibility.md)."""
        with self._read() as conn:
            times = [str(v) for v in conn.execute(select(SYNC_CURSORS.c.updated_at)).scalars() if v]
            last_import = conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == LAST_IMPORT_KEY)).scalar()
        if last_import:
            times.append(str(last_import))
        moments = []
        for text in times:
            try:
                moments.append(dt.datetime.fromisoformat(text))
            except ValueError:
                continue
        aware = [m if m.tzinfo is not None else m.astimezone() for m in moments]
        return max(aware) if aware else None

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
        """The cached record for a scanned card, or None (docs/eligibility.md, "Card numbers").

        BHYT: the exact card number first; a 12-digit personal ID then finds the card of that citizen ID;
        other numbers the records sharing their 10-digit social-insurance number (a renewed card), active
        first. CCCD: the records of that citizen-ID number, else a card whose number is that personal ID.
        """
        if isinstance(card, CccdCard):
            return self.find_by_number(card.citizen_id)
        return self.find_by_number(card.card_number, bhxh_number=card.bhxh_number)

    def find_by_number(self, number: str, *, bhxh_number: str | None = None) -> CachedCard | None:
        """The cached card named by any form of number: 15-character card, 10-digit social-insurance
        number, or 12-digit personal ID / citizen ID (a typed number at the desk, a scanned card)."""
        exact = self.card_by_number(number)
        if exact is not None:
            return exact
        if len(number) == 12 and number.isdigit():
            return _best(self.cards_by_citizen_id(number))
        bhxh = bhxh_number
        if bhxh is None and number[-10:].isdigit():
            bhxh = number[-10:]
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
