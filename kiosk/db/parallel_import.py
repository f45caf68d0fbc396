"""A big CSV card list read by several processes at once, each into its own sorted staging file.

Reading and checking a card list costs about 4 µs of Python per row and staging it about 6 µs more,
which one interpreter cannot overlap (the GIL). So a large, quote-free CSV file is cut at line
boundaries into one byte range per core; a child process reads each range (whole blocks of lines
through :func:`kiosk.cards.cardlist.rows_of_unquoted_text`: the same checks, messages and line
numbers as the one-process reader) into a private SQLite file, as runs sorted in memory, into a
``WITHOUT ROWID`` table keyed by (card number, line). The store's connection then attaches those files
and copies each into the cache with one sorted ``INSERT … SELECT … ON CONFLICT``, in file order, all
in ONE write transaction: of two rows for one card the later line wins, and a crash at any point
leaves the cache as it was. The write lock is held for the copy only (no parsing, no sorting).

Only what is safe to cut goes here: CSV (not .xlsx) with no ``"`` at all (a quoted cell may hold a
line break), no bare CR, big enough to pay for starting the processes; anything else takes the
one-process path. A reader is a plain child process of this interpreter (or of the frozen kiosk
executable) started with a hidden flag (:func:`reader_command`), not ``multiprocessing``: nothing of
the caller's ``__main__`` is re-run, it is safe beside Qt's threads, and it works the same on Windows
and in the PyInstaller bundle. Its job goes in as JSON on stdin; progress, the result or the error
come back as JSON lines; an error is raised in the parent as the same kind (a bad file, a full disk).
"""

from __future__ import annotations

import contextlib
import json
import operator
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Final

from kiosk.cards.cardlist import (
    CardListError,
    header_names,
    not_utf8_error,
    rows_of_unquoted_text,
)
from kiosk.db.convert import CARD_COLUMNS
from kiosk.db.import_stage import DEFAULT_CACHE_SIZE, IMPORT_CACHE_KIB
from kiosk.db.reader_flag import READER_FLAG

#: Below this size a file is read by one process (starting the others costs ~0.3 s).
MIN_PARALLEL_BYTES: Final = 16 * 1024 * 1024
#: At most this many reader processes (the merge is serial; more readers stop paying off).
MAX_WORKERS: Final = 4
#: Rows a reader sorts in memory before inserting them (~30 MB).
_RUN_ROWS: Final = 50_000
_card_number_of: Final = operator.itemgetter(1)  # of a staged row: (line, card_number, …)
#: Bytes of the file read, decoded and parsed at a time by a reader (whole lines).
_BLOCK_BYTES: Final = 1 << 20
_STAGE_PAGE_BYTES: Final = 16_384
#: Page cache of each staging file while it is filled and sorted (KiB).
_STAGE_CACHE_KIB: Final = 65_536
_COLUMNS: Final = ", ".join(CARD_COLUMNS)
#: The staged table: the card columns plus the line number (file order, for "the later row wins").
SORTED_TABLE: Final = "sorted_cards"


@dataclass(frozen=True)
class Chunk:
    """One byte range of the file (whole lines) and the line number of its first line."""

    start: int
    end: int
    first_line: int


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    names: list[str]
    chunks: list[Chunk]


@dataclass
class ChunkResult:
    """What one reader process saw: row counts and its bad rows (the first ``max_errors``)."""

    rows: int = 0
    imported: int = 0
    error_count: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def plan_import(path: Path, workers: int | None = None, *, min_bytes: int | None = None) -> ImportPlan | None:
    """How to cut ``path`` into ``workers`` ranges (default: one per core), or None when it should be
    read by one process (small, not CSV, quoted cells, bare CR, a single core).

    Raises CardListError for a header that is not UTF-8 or lacks columns, like the one-process reader.
    """
    if path.suffix.lower() in (".xlsx", ".xlsm") or not path.is_file():
        return None
    count = min(MAX_WORKERS, workers if workers is not None else (os.cpu_count() or 1))
    size = path.stat().st_size
    if count < 2 or size < max(MIN_PARALLEL_BYTES if min_bytes is None else min_bytes, 1):
        return None
    with path.open("rb") as handle:
        header = handle.readline()
        if b'"' in header or b"\r" in header.rstrip(b"\r\n") or header.endswith(b"\r"):
            return None  # the one-process reader decides what such a header means
        try:
            names = header_names(header.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise not_utf8_error(path) from exc
        body = len(header)
        bounds = [body]
        for k in range(1, count):
            cut = _line_start_after(handle, body + (size - body) * k // count)
            if bounds[-1] < cut < size:
                bounds.append(cut)
        if len(bounds) < 2:
            return None
        lines_before = _scan(handle, body, bounds[1:])
    if lines_before is None:
        return None
    ends = [*bounds[1:], size]
    return ImportPlan(path, names, [Chunk(start, end, 2 + lines) for start, end, lines
                                    in zip(bounds, ends, [0, *lines_before], strict=True)])


def _scan(handle: BinaryIO, start: int, cuts: list[int]) -> list[int] | None:
    """One pass over the file from ``start``: None if it holds a ``"`` or a bare CR (not safe to cut),
    else the number of line breaks between ``start`` and each of ``cuts`` (ascending)."""
    counts: list[int] = []
    newlines, position, previous_cr = 0, start, False
    handle.seek(start)
    while block := handle.read(1 << 22):
        if b'"' in block:
            return None
        if b"\r" in block or previous_cr:  # CR only as the first half of CRLF (csv would split at it)
            if previous_cr and not block.startswith(b"\n"):
                return None
            if block.count(b"\r") != block.count(b"\r\n") + block.endswith(b"\r"):
                return None
            previous_cr = block.endswith(b"\r")
        end = position + len(block)
        while len(counts) < len(cuts) and cuts[len(counts)] <= end:
            counts.append(newlines + block.count(b"\n", 0, cuts[len(counts)] - position))
        newlines += block.count(b"\n")
        position = end
    return None if previous_cr else counts


def _line_start_after(handle: BinaryIO, offset: int) -> int:
    """The offset of the first line that starts at or after ``offset`` (just past a LF)."""
    handle.seek(max(offset - 1, 0))
    skipped = handle.readline()
    return max(offset - 1, 0) + len(skipped)


# ----- the reader processes --------------------------------------------------------------------------


def _text_blocks(path: Path, chunk: Chunk, size: int = _BLOCK_BYTES) -> Iterator[str]:
    """The chunk's text in pieces of whole lines (the last may lack its line break)."""
    with path.open("rb") as handle:
        handle.seek(chunk.start)
        left, carry = chunk.end - chunk.start, b""
        while left > 0 or carry:
            data = handle.read(min(size, left)) if left > 0 else b""
            if left > 0 and not data:
                raise CardListError(f"{path.name} became shorter while it was being read")
            left -= len(data)
            data = carry + data
            cut = data.rfind(b"\n") + 1 if left > 0 else len(data)
            if cut == 0:  # one line longer than a block: read on
                carry = data
                continue
            piece, carry = data[:cut], data[cut:]
            try:
                yield piece.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise not_utf8_error(path, chunk.start) from exc


def stage_chunk(plan_path: str, names: list[str], chunk: Chunk, stage_file: str, strict: bool,
                max_errors: int, progress: Callable[[int], None] | None = None) -> ChunkResult:
    """Read one range of the card list into ``stage_file``, sorted (the body of a reader process);
    ``progress`` is told the number of rows read so far after each block.

    Rows go in as runs of :data:`_RUN_ROWS` sorted in memory (stable: file order within a card number)
    into a ``WITHOUT ROWID`` table keyed by (card number, line): each run is inserted in key order, so
    whatever the file's order, one B-tree insert per row and no separate sort (~1 µs a row less than
    appending, then sorting with SQL).
    """
    path = Path(plan_path)
    result = ChunkResult()
    db = sqlite3.connect(stage_file, isolation_level=None)
    try:
        # Big pages: about 1 µs less per row to insert than SQLite's default 4 KiB.
        for pragma in (f"page_size = {_STAGE_PAGE_BYTES}", "journal_mode = OFF", "synchronous = OFF",
                       "locking_mode = EXCLUSIVE", f"cache_size = -{_STAGE_CACHE_KIB}"):
            db.execute(f"PRAGMA {pragma}")
        db.execute("BEGIN")
        db.execute(f"CREATE TABLE {SORTED_TABLE} (line INTEGER NOT NULL, {_COLUMNS}, "
                   "PRIMARY KEY (card_number, line)) WITHOUT ROWID")
        insert = f"INSERT INTO {SORTED_TABLE} VALUES (?, {', '.join('?' * len(CARD_COLUMNS))})"
        run: list[tuple[Any, ...]] = []
        header_line = chunk.first_line - 1
        for text in _text_blocks(path, chunk):
            block = rows_of_unquoted_text(text, names, header_line)
            header_line = block.last_line
            result.rows += block.count
            for error in block.errors:
                result.error_count += 1
                if len(result.errors) < max_errors:
                    result.errors.append((error.line, error.message))
            if strict and result.error_count:
                continue  # nothing will be written; keep listing bad rows
            run.extend(block.rows)
            result.imported += len(block.rows)
            if len(run) >= _RUN_ROWS:
                _insert_run(db, insert, run)
            if progress is not None:
                progress(result.rows)
        if not (strict and result.error_count):
            _insert_run(db, insert, run)
        db.execute("COMMIT")
    finally:
        db.close()
    return result


def _insert_run(db: sqlite3.Connection, insert: str, run: list[tuple[Any, ...]]) -> None:
    run.sort(key=_card_number_of)
    db.executemany(insert, run)
    run.clear()


class ReaderFailed(RuntimeError):
    """A reader process ended without a result (killed, out of memory, a bug: its last words attached)."""


def reader_command() -> list[str]:
    """How to start a reader process: this interpreter (or the frozen kiosk executable) with the
    hidden first argument that :func:`kiosk.cli.main` hands to :mod:`kiosk.db.import_reader`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, READER_FLAG]
    return [sys.executable, "-m", "kiosk", READER_FLAG]


class _Reader:
    """One reader process: its job goes to stdin as JSON; it answers with JSON lines on stdout."""

    def __init__(self, job: dict[str, Any], log: Path) -> None:
        self.rows = 0
        self.answer: dict[str, Any] | None = None
        self._log = log
        with log.open("wb") as stderr:
            self.process = subprocess.Popen(reader_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=stderr, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(job).encode())
        self.process.stdin.close()
        self._thread = threading.Thread(target=self._listen, name="card-import-listen", daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            try:
                message = json.loads(raw)
            except ValueError:
                continue  # not ours (a library printing to stdout)
            if "rows" in message:
                self.rows = int(message["rows"])
            if "result" in message or "error" in message:
                self.answer = message

    def done(self, timeout: float) -> bool:
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        self._thread.join()
        return True

    def outcome(self, slot: int) -> ChunkResult:
        """The result, or the reader's error raised as the same kind of exception."""
        answer = self.answer or {}
        if "result" in answer:
            return ChunkResult(**{**answer["result"], "errors": [tuple(e) for e in answer["result"]["errors"]]})
        raise error_from_message(answer.get("error"), slot, self.process.returncode, self._last_words())

    def _last_words(self) -> str:
        try:
            lines = self._log.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return lines[-1] if lines else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._thread.join(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()


def error_message(exc: BaseException) -> dict[str, Any]:
    """A reader's exception as JSON: enough for the parent to raise the same kind (see below)."""
    if isinstance(exc, CardListError):
        return {"kind": "card_list", "message": str(exc)}
    if isinstance(exc, sqlite3.Error):
        return {"kind": "sqlite", "class": type(exc).__name__, "message": str(exc),
                "sqlite_errorcode": getattr(exc, "sqlite_errorcode", None)}
    if isinstance(exc, OSError):
        return {"kind": "os", "errno": exc.errno, "message": exc.strerror or str(exc), "filename": exc.filename}
    return {"kind": "bug", "message": f"{type(exc).__name__}: {exc}"}


def error_from_message(error: dict[str, Any] | None, slot: int, returncode: int | None,
                       last_words: str) -> BaseException:
    """The exception a reader reported, rebuilt in the parent; :class:`ReaderFailed` if it said nothing."""
    if not error:
        detail = f": {last_words}" if last_words else ""
        return ReaderFailed(f"card-list reader {slot} ended without a result (exit code {returncode}){detail}")
    kind, message = error.get("kind"), str(error.get("message", ""))
    if kind == "card_list":
        return CardListError(message)
    if kind == "sqlite":
        cls = getattr(sqlite3, str(error.get("class")), sqlite3.OperationalError)
        exc = cls(message) if isinstance(cls, type) and issubclass(cls, sqlite3.Error) else sqlite3.Error(message)
        if error.get("sqlite_errorcode") is not None:
            exc.sqlite_errorcode = error["sqlite_errorcode"]
        return exc
    if kind == "os":
        return OSError(error.get("errno"), message, error.get("filename"))
    return ReaderFailed(f"card-list reader {slot} failed: {message}")


def run_readers(plan: ImportPlan, work_dir: Path, *, strict: bool, max_errors: int,
                progress: Callable[[int], None] | None = None, poll_s: float = 0.25) -> list[tuple[Path, ChunkResult]]:
    """Stage every chunk of ``plan`` in its own process; the staging files (in ``work_dir``) with the
    results, in file order. The first failure stops the others and is raised as its own kind."""
    readers: list[_Reader] = []
    files = [work_dir / f"stage-{slot}.sqlite3" for slot in range(len(plan.chunks))]
    try:
        for slot, (chunk, file) in enumerate(zip(plan.chunks, files, strict=True)):
            job = {"path": str(plan.path), "names": plan.names, "chunk": [chunk.start, chunk.end, chunk.first_line],
                   "stage_file": str(file), "strict": strict, "max_errors": max_errors}
            readers.append(_Reader(job, work_dir / f"reader-{slot}.log"))
        results: dict[int, ChunkResult] = {}
        while len(results) < len(readers):
            for slot, reader in enumerate(readers):
                if slot not in results and reader.done(poll_s / len(readers)):
                    results[slot] = reader.outcome(slot)  # raises the reader's error
            if progress is not None:
                progress(sum(reader.rows for reader in readers))
        return [(file, results[slot]) for slot, file in enumerate(files)]
    finally:
        for reader in readers:
            reader.stop()


def new_work_dir(database: Path) -> Path:
    """A private folder for staging files beside the database (same disk, not a small /tmp)."""
    remove_stale_work_dirs(database.parent)
    return Path(tempfile.mkdtemp(prefix=".card-import-", dir=database.parent))


def remove_stale_work_dirs(folder: Path) -> None:
    """Staging folders of imports whose process is gone (killed mid-import) are removed: they hold card
    data. Called when the store opens and before each import."""
    for stale in folder.glob(".card-import-*"):
        owner = stale / "owner"
        try:
            pid = int(owner.read_text())
        except (OSError, ValueError):
            continue
        if not _alive(pid):
            shutil.rmtree(stale, ignore_errors=True)


def claim(work_dir: Path) -> None:
    (work_dir / "owner").write_text(str(os.getpid()))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class AttachedStages:
    """The staging files attached to the store's connection, copied in by sorted ``INSERT … SELECT`` s."""

    def __init__(self, driver: Any, files: list[Path]) -> None:
        self._driver, self._files = driver, files
        self._names = [f"card_stage_{i}" for i in range(len(files))]

    def attach(self) -> None:
        driver = self._driver
        driver.execute(f"PRAGMA main.cache_size = -{IMPORT_CACHE_KIB}")
        # No fsync at the merge's commit (WAL + NORMAL stays consistent; a power cut may only undo the
        # whole import): the store checkpoints with a sync right after, before the import returns.
        driver.execute("PRAGMA main.synchronous = NORMAL")
        # The readers are done: SQLite may sort the index builds on every core.
        driver.execute(f"PRAGMA threads = {min(os.cpu_count() or 1, 8)}")
        for name, file in zip(self._names, self._files, strict=True):
            driver.execute(f"ATTACH DATABASE ? AS {name}", (str(file),))

    def merge(self, upsert_tail: str) -> None:
        """One sorted ``INSERT … SELECT`` per staging file, in file order. That is the same as merging
        them all by (card number, line): every line of an earlier range comes before every line of a
        later one, so the upserts of a card still run in line order and the later row wins. (SQLite's
        ``UNION ALL … ORDER BY`` merge would cost 2.5 µs a row against 1.1 for this.)"""
        for name in self._names:
            # "WHERE true": SQLite's documented way to parse ON CONFLICT after INSERT … SELECT unambiguously.
            self._driver.execute(f"INSERT INTO main.cards ({_COLUMNS}) SELECT {_COLUMNS} FROM {name}.{SORTED_TABLE} "
                                 f"WHERE true ORDER BY card_number, line {upsert_tail}")

    def detach(self) -> None:
        driver = self._driver
        for name in self._names:
            with contextlib.suppress(sqlite3.OperationalError):  # never attached
                driver.execute(f"DETACH DATABASE {name}")
        driver.execute(f"PRAGMA main.cache_size = {DEFAULT_CACHE_SIZE}")
        driver.execute("PRAGMA threads = 0")
        driver.execute("PRAGMA main.synchronous = FULL")  # the engine's setting for every connection
