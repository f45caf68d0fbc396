"""Alembic environment of the kiosk store; run through :func:`kiosk.db.schema.upgrade`.

The caller passes an open connection (already inside a write transaction) in
``config.attributes["connection"]``; ``kiosk db upgrade`` and the store's automatic upgrade both go
through it. A URL in ``sqlalchemy.url`` works too, for Alembic's own command line.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from kiosk.db.engine import make_engine
from kiosk.db.models import Base
from kiosk.db.schema import VERSION_TABLE

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        version_table=VERSION_TABLE,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()
