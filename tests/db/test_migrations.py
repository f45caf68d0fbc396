"""Schema: shipped migrations build exactly the models, upgrade from empty and from revision 0001."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kiosk.db import schema
from kiosk.db.engine import make_engine
from kiosk.db.errors import NewerSchemaError, StoreUsageError
from kiosk.db.models import Base
from kiosk.db.store import Store


def test_known_revisions_match_the_shipped_scripts() -> None:
    assert list(schema.KNOWN_REVISIONS) == schema.script_revisions()


def test_upgrade_from_empty_builds_exactly_the_models(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.opened_at_revision is None
        assert store.schema_revision() == schema.HEAD
        assert len(store.device_id) == 36 and len(store.instance_id) == 36
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                             "version_table": schema.VERSION_TABLE})
            diff = compare_metadata(context, Base.metadata)
        assert diff == []


def test_reopening_keeps_the_device_id(db_url: str) -> None:
    with Store.open(db_url) as store:
        device = store.device_id
    with Store.open(db_url) as store:
        assert store.device_id == device
        assert store.opened_at_revision == schema.HEAD


def test_upgrade_from_previous_revision_keeps_data(db_url: str) -> None:
    engine = make_engine(db_url)
    schema.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO departments (code, names, ticket_prefix) "
                             "VALUES ('K01', '{\"vi\": \"Khám\"}', 'K01')"))
        conn.execute(sa.text(
            "INSERT INTO visits (id, created_at, visit_date, queue_day, department_code, queue_number, "
            "ticket, verdict, provisional, card_kind, name) VALUES ('6f1c1f3e-0000-4000-8000-000000000001', "
            "'2026-11-21T08:00:00.000+07:00', '2026-11-21', '2026-11-21', 'K01', 1, 'K01-001', 'valid', "
            "false, 'bhyt', 'Nguyễn Văn An')"))
        conn.execute(sa.text("INSERT INTO queue_counters VALUES ('K01', '2026-11-21', 1)"))
        tables = set(sa.inspect(conn).get_table_names())
    assert "services" not in tables and "audit_log" not in tables
    engine.dispose()

    with Store.open(db_url) as store:
        assert store.opened_at_revision == "0001"
        assert store.schema_revision() == schema.HEAD
        visits = store.list_visits()
        assert [v["name"] for v in visits] == ["Nguyễn Văn An"]
        assert visits[0]["sync_state"] == "to_send"
        assert store.pending_visits()[0]["id"] == "6f1c1f3e-0000-4000-8000-000000000001"
        assert store.mark_sending([visits[0]["id"]]) == 1  # the new sync_attempts column works
        store.audit("upgrade_test")
        assert store.audit_entries()[0]["action"] == "upgrade_test"


def test_upgrade_from_0002_adds_visit_updates(db_url: str) -> None:
    engine = make_engine(db_url)
    schema.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO departments (code, names, ticket_prefix) "
                             "VALUES ('K01', '{\"vi\": \"Khám\"}', 'K01')"))
        assert "visit_updates" not in set(sa.inspect(conn).get_table_names())
    engine.dispose()
    with Store.open(db_url) as store:
        assert store.opened_at_revision == "0002"
        assert store.departments()[0].code == "K01"
        tally = store.apply_pull_page({"visit_updates": {"upserted": [
            {"visit_id": "6f1c1f3e-0000-4000-8000-000000000009", "gateway_verdict": "expired",
             "gateway_code": "010", "verdict_changed": True, "checked_at": "2026-11-22T10:00:00+07:00"}]}},
            cursor_name="hub", next_cursor="7")
        assert tally.upserted["visit_updates"] == 1
        assert store.get_cursor("hub") == "7"
        assert [u["visit_id"] for u in store.flagged_visit_updates()] == ["6f1c1f3e-0000-4000-8000-000000000009"]


def test_upgrade_false_refuses_an_old_database(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    schema.upgrade(engine, "0001")
    engine.dispose()
    with pytest.raises(StoreUsageError, match="kiosk db upgrade"):
        Store.open(sqlite_url, upgrade=False)


def _make_newer(url: str) -> None:
    with Store.open(url) as store, store.engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE {schema.VERSION_TABLE} SET version_num = '0099'"))


def test_newer_schema_sqlite_is_refused_and_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    _make_newer(f"sqlite:///{path}")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    with pytest.raises(NewerSchemaError, match="0099") as exc:
        Store.open(f"sqlite:///{path}")
    assert "Update the kiosk" in str(exc.value)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    assert after == before  # not even a -wal or -shm file appeared


@pytest.mark.postgres
def test_newer_schema_postgres_is_refused(pg_url: str) -> None:
    _make_newer(pg_url)
    with pytest.raises(NewerSchemaError):
        Store.open(pg_url)
    engine = make_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text(f"SELECT version_num FROM {schema.VERSION_TABLE}")).scalar() == "0099"
    engine.dispose()


def test_someone_elses_database_is_refused(sqlite_url: str) -> None:
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE patients (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StoreUsageError, match="not a kiosk store"):
        Store.open(sqlite_url)


def test_sqlite_runs_in_wal_mode_with_full_sync(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_a_copied_sqlite_file_gets_a_new_instance_id(tmp_path: Path) -> None:
    import shutil

    original = tmp_path / "kiosk.sqlite3"
    with Store.open(original) as store:
        device, instance = store.device_id, store.instance_id
    copy = tmp_path / "restored.sqlite3"
    shutil.copy(original, copy)
    with Store.open(copy) as store:
        assert store.device_id == device
        assert store.instance_id != instance
        assert store.audit_entries()[0]["action"] == "database_copy_detected"
        copied_instance = store.instance_id
    with Store.open(copy) as store:
        assert store.instance_id == copied_instance  # stable from then on
    with Store.open(original) as store:
        assert store.instance_id == instance


def test_two_processes_opening_a_new_database_at_once(db_url: str) -> None:
    import threading

    ids: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def opener() -> None:
        try:
            start.wait()
            with Store.open(db_url) as store:
                ids.append(store.device_id)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(ids)) == 1 and len(ids) == 3
