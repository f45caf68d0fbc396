"""SQLite-only helpers: how much space a table takes."""

from __future__ import annotations

from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError


def sqlite_table_bytes(conn: Connection, table: str) -> int:
    """Bytes used by ``table`` and its indexes (``dbstat``), else the whole database's size."""
    try:
        names = [table] + [str(row[0]) for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,))]
        marks = ", ".join("?" * len(names))
        value = conn.exec_driver_sql(
            f"SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN ({marks})", tuple(names)).scalar()
        return int(value or 0)
    except OperationalError:  # SQLite built without the dbstat table
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar() or 0
        page_size = conn.exec_driver_sql("PRAGMA page_size").scalar() or 0
        return int(pages) * int(page_size)
