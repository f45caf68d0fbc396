"""The hub's tables (SQLAlchemy Core). The Alembic migrations in kiosk/hub/migrations create them.

Replicated tables (cards, reference data) carry ``change_seq``: a number from the single-row counter
``hub_change_counter`` (see kiosk/hub/changes.py, remedy (a) of house-style.md §4), so pulls by cursor
never skip a row that commits late. Deletions are tombstones (``deleted = true``), never row removals.

``scope`` on replicated rows is a facility code, or ``*`` for rows every facility of this hub receives.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

#: ``scope`` value of rows that every facility of the hub receives.
ALL_FACILITIES = "*"

meta = sa.Table(
    "hub_meta", metadata,
    sa.Column("key", sa.String(50), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

change_counter = sa.Table(
    "hub_change_counter", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("value", sa.BigInteger, nullable=False),
)

devices = sa.Table(
    "hub_devices", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("facility_code", sa.String(20), nullable=False),
    # sha256 hex of the token; the token itself is never stored.
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_push_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_pull_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_pull_cursor", sa.String(40), nullable=True),
    sa.Column("app_version", sa.String(40), nullable=True),
)

push_batches = sa.Table(
    "hub_push_batches", metadata,
    sa.Column("batch_id", sa.String(36), primary_key=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    # sha256 of the batch's record ids: a reused batch id with other records is refused (422).
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("record_count", sa.Integer, nullable=False),
    # The PushResponse JSON answered the first time; replayed verbatim (with replayed=true).
    sa.Column("result", sa.Text, nullable=False),
)

visits = sa.Table(
    "hub_visits", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
    sa.Column("facility_code", sa.String(20), nullable=False),
    sa.Column("batch_id", sa.String(36), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    # As sent (ISO 8601 with the kiosk's UTC offset): XML0 NGAY_VAO needs the local time.
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("visit_date", sa.Date, nullable=False),
    sa.Column("department_code", sa.String(20), nullable=False),
    sa.Column("queue_number", sa.Integer, nullable=False),
    sa.Column("ticket", sa.String(40), nullable=False),
    sa.Column("verdict", sa.String(30), nullable=False),
    sa.Column("provisional", sa.Boolean, nullable=False),
    sa.Column("registered_here", sa.Boolean, nullable=True),
    sa.Column("card_kind", sa.String(10), nullable=False),
    sa.Column("card_number", sa.String(15), nullable=True),
    sa.Column("bhxh_number", sa.String(10), nullable=True),
    sa.Column("citizen_id", sa.String(12), nullable=True),
    sa.Column("name", sa.String(255), nullable=True),
    sa.Column("birth_date", sa.String(10), nullable=True),
    sa.Column("gender", sa.String(10), nullable=True),
    sa.Column("card_facility_code", sa.String(20), nullable=True),
    sa.Column("valid_from", sa.Date, nullable=True),
    sa.Column("valid_to", sa.Date, nullable=True),
    sa.Column("area", sa.String(20), nullable=True),
    sa.Column("five_years_on", sa.Date, nullable=True),
    sa.Column("object_code", sa.String(20), nullable=True),
    sa.Column("benefit_level", sa.Integer, nullable=True),
    sa.Index("ix_hub_visits_device_date", "device_id", "visit_date"),
    sa.Index("ix_hub_visits_facility_date", "facility_code", "visit_date"),
)

cards = sa.Table(
    "hub_cards", metadata,
    sa.Column("scope", sa.String(20), primary_key=True),
    sa.Column("card_number", sa.String(15), primary_key=True),
    sa.Column("bhxh_number", sa.String(10), nullable=True),
    sa.Column("citizen_id", sa.String(12), nullable=True),
    sa.Column("name", sa.String(255), nullable=True),
    sa.Column("birth_date", sa.String(10), nullable=True),
    sa.Column("gender", sa.String(10), nullable=True),
    sa.Column("facility_code", sa.String(20), nullable=True),
    sa.Column("valid_from", sa.Date, nullable=True),
    sa.Column("valid_to", sa.Date, nullable=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("replaced_by", sa.String(15), nullable=True),
    # Where the current values came from: "list" (card-list import) or "gateway" (online look-up).
    sa.Column("source", sa.String(20), nullable=False),
    # When the source vouched for these values (import time, or the gateway answer's time).
    sa.Column("source_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("change_seq", sa.BigInteger, nullable=False),
    sa.Index("ix_hub_cards_change_seq", "change_seq"),
    sa.Index("ix_hub_cards_citizen_id", "citizen_id"),
    sa.Index("ix_hub_cards_bhxh_number", "bhxh_number"),
)

#: Reference data (departments, services, facility settings): one row per (kind, scope, key);
#: ``data`` is the JSON of the protocol model (Department, Service, FacilitySetting).
reference = sa.Table(
    "hub_reference", metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("scope", sa.String(20), primary_key=True),
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("change_seq", sa.BigInteger, nullable=False),
    sa.Index("ix_hub_reference_change_seq", "change_seq"),
)

#: Reference kinds and the pull-table name each one travels in.
REFERENCE_KINDS: dict[str, str] = {"department": "departments", "service": "services",
                                   "setting": "settings"}
