"""SQLAlchemy 2 models of the local store (the schema at the newest migration, ``schema.HEAD``).

The same models serve SQLite (embedded default) and PostgreSQL. Migrations in
``kiosk/db/migrations/versions`` build exactly this schema; ``tests/db/test_migrations.py`` compares
them with Alembic's autogenerate diff on both databases.

Date-and-time values that travel on the wire (``created_at``) are kept as the ISO 8601 text the kiosk
generated, offset included, so what the hub receives is byte-for-byte what was recorded; ``seq`` gives
the local order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Integer primary keys: 64-bit on PostgreSQL, SQLite's rowid alias on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CardRecord(Base):
    """One card of the local card cache (hub sync or list import); the hub's copy always wins."""

    __tablename__ = "cards"
    __table_args__ = (
        # Partial indexes: most cards have no CCCD number; ``col = ?`` implies ``col IS NOT NULL``.
        Index("ix_cards_bhxh_number", "bhxh_number", sqlite_where=text("bhxh_number IS NOT NULL"),
              postgresql_where=text("bhxh_number IS NOT NULL")),
        Index("ix_cards_citizen_id", "citizen_id", sqlite_where=text("citizen_id IS NOT NULL"),
              postgresql_where=text("citizen_id IS NOT NULL")),
        {"sqlite_with_rowid": False},
    )

    card_number: Mapped[str] = mapped_column(String(20), primary_key=True)
    bhxh_number: Mapped[str | None] = mapped_column(String(10))
    citizen_id: Mapped[str | None] = mapped_column(String(12))
    name: Mapped[str | None] = mapped_column(String(200))
    #: ``YYYY-MM-DD`` or ``YYYY`` (BHYT cards may hold only the year of birth).
    birth_date: Mapped[str | None] = mapped_column(String(10))
    gender: Mapped[str | None] = mapped_column(String(6))
    facility_code: Mapped[str | None] = mapped_column(String(5))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), server_default="active")
    replaced_by: Mapped[str | None] = mapped_column(String(20))


class Department(Base):
    """A clinic department (khoa/phòng khám) with its own daily queue; reference data from the hub."""

    __tablename__ = "departments"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    #: Names by language code, e.g. ``{"vi": "Khoa Nội", "en": "Internal medicine"}``.
    names: Mapped[dict[str, str]] = mapped_column(JSON)
    room: Mapped[str | None] = mapped_column(String(64))
    ticket_prefix: Mapped[str] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    sort_order: Mapped[int] = mapped_column(Integer, server_default="0")


class Service(Base):
    """A service offered by a department (added in revision 0002)."""

    __tablename__ = "services"

    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    department_code: Mapped[str | None] = mapped_column(ForeignKey("departments.code"), index=True)
    names: Mapped[dict[str, str]] = mapped_column(JSON)
    room: Mapped[str | None] = mapped_column(String(64))
    ticket_prefix: Mapped[str | None] = mapped_column(String(8))
    price_vnd: Mapped[int | None] = mapped_column(BigInteger)
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    sort_order: Mapped[int] = mapped_column(Integer, server_default="0")


class Visit(Base):
    """A recorded check-in; also the outbox row the sync engine pushes to the hub (wire format)."""

    __tablename__ = "visits"
    __table_args__ = (
        # A queue number is never issued twice on one queue day for one department.
        UniqueConstraint("department_code", "queue_day", "queue_number"),
        Index("ix_visits_sync_state_seq", "sync_state", "seq"),
    )

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[str] = mapped_column(String(40))
    visit_date: Mapped[dt.date] = mapped_column(Date, index=True)
    #: The queue day the number belongs to (differs from visit_date before the daily reset time).
    queue_day: Mapped[dt.date] = mapped_column(Date)
    department_code: Mapped[str] = mapped_column(String(20))
    queue_number: Mapped[int] = mapped_column(Integer)
    ticket: Mapped[str] = mapped_column(String(24))
    verdict: Mapped[str] = mapped_column(String(24))
    provisional: Mapped[bool] = mapped_column(Boolean)
    registered_here: Mapped[bool | None] = mapped_column(Boolean)
    card_kind: Mapped[str] = mapped_column(String(8))
    card_number: Mapped[str | None] = mapped_column(String(20))
    bhxh_number: Mapped[str | None] = mapped_column(String(10))
    citizen_id: Mapped[str | None] = mapped_column(String(12))
    name: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    gender: Mapped[str | None] = mapped_column(String(6))
    card_facility_code: Mapped[str | None] = mapped_column(String(5))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    area: Mapped[str | None] = mapped_column(String(4))
    five_years_on: Mapped[dt.date | None] = mapped_column(Date)
    object_code: Mapped[str | None] = mapped_column(String(4))
    benefit_level: Mapped[int | None] = mapped_column(Integer)
    # Eligibility under the 2025 rules (revision 0004; docs/visit-wire-format.md).
    route: Mapped[str | None] = mapped_column(String(30))
    benefit_percent: Mapped[int | None] = mapped_column(Integer)
    self_pay: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    confirmed_online: Mapped[bool | None] = mapped_column(Boolean)
    identity_checked: Mapped[bool | None] = mapped_column(Boolean)
    office: Mapped[str | None] = mapped_column(String(255))
    admitted_elsewhere: Mapped[str | None] = mapped_column(String(255))
    #: Outbox state: to_send -> sending -> sent | rejected (docs/house-style.md §4).
    sync_state: Mapped[str] = mapped_column(String(10), server_default="to_send")
    #: The hub's reason when it rejected the record.
    sync_error: Mapped[str | None] = mapped_column(Text)
    #: Upload attempts so far (revision 0002).
    sync_attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    #: When sync_state last changed, ISO 8601 (revision 0002).
    sync_changed_at: Mapped[str | None] = mapped_column(String(40))


class QueueCounter(Base):
    """The last number issued per department and queue day."""

    __tablename__ = "queue_counters"

    department_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    queue_day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class SyncCursor(Base):
    """Where a pull stream stopped (saved in the same transaction as the page it follows)."""

    __tablename__ = "sync_cursors"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))


class Setting(Base):
    """Device settings: ``device_id``, ``instance_id``, facility data from the hub, last import …"""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """A staff action (admin login, manual check-in, cache import …); revision 0002."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class VisitUpdate(Base):
    """The hub's re-check of a visit recorded here (pulled as ``visit_updates``); revision 0003.

    ``verdict_changed``: the gateway's verdict differs from the one shown at check-in, so the desk
    flags the visit; ``needs_staff``: the visit needs a person (e.g. the gateway refused the data).
    """

    __tablename__ = "visit_updates"

    visit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    gateway_verdict: Mapped[str | None] = mapped_column(String(30))
    gateway_code: Mapped[str | None] = mapped_column(String(10))
    gateway_note: Mapped[str | None] = mapped_column(Text)
    gateway_card_number: Mapped[str | None] = mapped_column(String(15))
    verdict_changed: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    needs_staff: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    checked_at: Mapped[str | None] = mapped_column(String(40))
    #: When staff acknowledged the flag at the desk (None: still flagged).
    acknowledged_at: Mapped[str | None] = mapped_column(String(40))


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


#: Core tables, typed (``Model.__table__`` is only a FromClause to type checkers).
CARDS = _table(CardRecord)
DEPARTMENTS = _table(Department)
SERVICES = _table(Service)
VISITS = _table(Visit)
QUEUE_COUNTERS = _table(QueueCounter)
SYNC_CURSORS = _table(SyncCursor)
SETTINGS = _table(Setting)
AUDIT_LOG = _table(AuditEntry)
VISIT_UPDATES = _table(VisitUpdate)
