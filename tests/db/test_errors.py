"""Environment errors are recognised and reported as such: read-only, corrupt, locked, disk full,
cannot connect (newer schema: test_migrations.py). Real conditions, no mocks: a read-only and a
tiny tmpfs mount (root only; otherwise those tests fall back as stated in each), a second
connection holding the lock, a damaged file, a closed port.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from kiosk.cards.model import CachedCard
from kiosk.db.convert import visit_card_fields
from kiosk.db.demo import load_demo
from kiosk.db.errors import (
    CannotOpenDatabaseError,
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    EnvironmentProblem,
    ReadOnlyDatabaseError,
    classify,
)
from kiosk.db.store import Store
from tests.db.conftest import MORNING

MANUAL = visit_card_fields(None, None, verdict="unknown", provisional=True, registered_here=None,
                           benefit_level=None)


def _mount(path: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path | None]:
    """A 600 KiB tmpfs, or None where mounting is not allowed."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = _mount(mount_point, "size=600k")
    yield mount_point if mounted else None
    if mounted:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _cards(n: int, start: int = 0) -> list[CachedCard]:
    return [CachedCard(card_number=f"DN401{i:010d}", bhxh_number=f"{i:010d}",
                       name=f"Nguyễn Văn Thử Nghiệm Số {i}") for i in range(start, start + n)]


def test_disk_full(small_fs: Path | None, tmp_path: Path) -> None:
    """A real full file system (tmpfs, 600 KiB); without mount rights, SQLite's own page limit."""
    folder = small_fs or tmp_path
    url = f"sqlite:///{folder / 'kiosk.sqlite3'}"
    with Store.open(url, clock=lambda: MORNING) as store:
        store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
        first = store.add_visit("K01", MANUAL)
        if small_fs is None:
            with store.engine.connect() as conn:  # injected limit: SQLite reports SQLITE_FULL itself
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            sa.event.listen(store.engine, "connect",
                            lambda dbapi, _r: dbapi.execute(f"PRAGMA max_page_count = {int(pages or 0) + 20}"))
            store.engine.dispose()
        with pytest.raises(DiskFullError, match="disk is full") as exc:
            store.upsert_cards(_cards(20_000))
        assert isinstance(exc.value, EnvironmentProblem) and "Free some disk space" in str(exc.value)
        # Nothing half-written, and what was committed before is still there and readable.
        assert store.cache_stats().cards == 0
        assert [v["id"] for v in store.list_visits()] == [first["id"]]


def test_read_only_file_system(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    if not _mount(folder, "size=4m"):
        pytest.skip("needs root to mount a read-only tmpfs (chmod does not stop root)")
    try:
        with Store.open(f"sqlite:///{folder / 'kiosk.sqlite3'}") as store:
            load_demo(store)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
            Store.open(f"sqlite:///{folder / 'kiosk.sqlite3'}")
        with pytest.raises(ReadOnlyDatabaseError):  # a new database in a read-only folder
            Store.open(f"sqlite:///{folder / 'new' / 'kiosk.sqlite3'}")
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions (the tmpfs test covers root)")
def test_read_only_file_permissions(tmp_path: Path) -> None:  # pragma: no cover - non-root machines
    path = tmp_path / "kiosk.sqlite3"
    Store.open(f"sqlite:///{path}").close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(ReadOnlyDatabaseError):
            Store.open(f"sqlite:///{path}")
    finally:
        tmp_path.chmod(0o755)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    with pytest.raises(CorruptDatabaseError, match="not a database") as exc:
        Store.open(f"sqlite:///{path}")
    assert str(path) in str(exc.value) and "restore a backup" in str(exc.value)


def test_damaged_pages(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    with Store.open(f"sqlite:///{path}") as store:
        store.upsert_cards(_cards(3000))
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data), 7):  # keep page 1 (header, schema), scribble over the rest
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError), Store.open(f"sqlite:///{path}") as store:
        store.cards_by_bhxh_number("0000000007")


def test_locked_database(sqlite_url: str, tmp_path: Path) -> None:
    with Store.open(sqlite_url, busy_timeout_s=0.2, clock=lambda: MORNING) as store:
        store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
        other = sqlite3.connect(tmp_path / "kiosk.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(DatabaseLockedError, match="locked"):
                store.add_visit("K01", MANUAL)
            assert store.card_by_number("DN4010000000001") is None  # reading still works in WAL mode
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.add_visit("K01", MANUAL)["queue_number"] == 1  # the failed attempt used no number


@pytest.mark.postgres
def test_locked_postgres(pg_url: str) -> None:
    with Store.open(pg_url, busy_timeout_s=0.3, clock=lambda: MORNING) as store:
        store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
        store.add_visit("K01", MANUAL)
        blocker = sa.create_engine(pg_url)
        with blocker.connect() as conn:
            conn.execute(sa.text("SELECT * FROM queue_counters FOR UPDATE"))
            with pytest.raises(DatabaseLockedError):
                store.add_visit("K01", MANUAL)
            conn.rollback()
        blocker.dispose()
        assert store.add_visit("K01", MANUAL)["queue_number"] == 2


@pytest.mark.postgres
def test_read_only_postgres(pg_url: str) -> None:
    Store.open(pg_url).close()
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        name = engine.url.database
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    engine.dispose()
    with Store.open(pg_url) as store:
        assert store.cache_stats().cards == 0
        with pytest.raises(ReadOnlyDatabaseError):
            store.upsert_cards(_cards(1))


def test_postgres_not_reachable() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once closed
    with pytest.raises(CannotOpenDatabaseError, match="Cannot connect"):
        Store.open(f"postgresql://app@127.0.0.1:{port}/kiosk", busy_timeout_s=1)


def test_classify_separates_environment_from_bugs() -> None:
    assert isinstance(classify(OSError(errno.ENOSPC, "No space left on device")), DiskFullError)
    assert isinstance(classify(OSError(errno.EROFS, "Read-only file system")), ReadOnlyDatabaseError)
    assert classify(ValueError("a bug")) is None
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)")
    con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError) as exc:
        con.execute("INSERT INTO t VALUES (1)")
    assert classify(exc.value) is None  # a constraint violation is a bug, not the environment


def test_a_bug_is_not_disguised(store: Store) -> None:
    store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
    store.add_visit("K01", MANUAL, visit_id="x")
    with pytest.raises(sa.exc.IntegrityError):  # duplicate id: propagates as the driver's error
        store.add_visit("K01", MANUAL, visit_id="x")
    assert len(store.list_visits()) == 1  # the store is still usable afterwards
    assert store.add_visit("K01", MANUAL)["queue_number"] == 2  # the failed attempt used no number
