"""The committed OpenAPI document, and the migrations against the table definitions."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kiosk.hub import db
from kiosk.hub.app import HubSettings, create_app
from kiosk.hub.openapi_doc import COMMITTED, render
from kiosk.hub.schema import metadata


def test_committed_openapi_matches_the_app(tmp_path: Path) -> None:
    app = create_app(HubSettings(db_url=f"sqlite:///{tmp_path / 'hub.sqlite3'}"))
    generated = render(app)
    assert COMMITTED.read_text(encoding="utf-8") == generated, (
        "kiosk/hub/openapi.json is out of date: regenerate it with "
        "`python -m kiosk.hub.openapi_write` and commit it")


def test_migrations_match_tables_and_go_both_ways(hub_db_url: str) -> None:
    engine = db.make_engine(hub_db_url)
    db.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"version_table": "hub_alembic_version"}),
                                metadata)
        first_id = db.hub_id(conn)
    assert diff == []
    assert db.current_revision(engine) == "0004"
    db.downgrade(engine)
    assert "hub_visits" not in sa.inspect(engine).get_table_names()
    db.upgrade(engine)
    with engine.connect() as conn:
        assert db.hub_id(conn) != first_id  # a new database is a new hub identity
    engine.dispose()
