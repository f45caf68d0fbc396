"""Initial hub schema: devices, push batches, visits, cards, reference data, change counter.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "hub_meta",
        sa.Column("key", sa.String(50), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    counter = op.create_table(
        "hub_change_counter",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "hub_devices",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("facility_code", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_push_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_pull_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_pull_cursor", sa.String(40), nullable=True),
        sa.Column("app_version", sa.String(40), nullable=True),
    )
    op.create_table(
        "hub_push_batches",
        sa.Column("batch_id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("record_count", sa.Integer, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
    )
    op.create_table(
        "hub_visits",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
        sa.Column("facility_code", sa.String(20), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
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
    )
    op.create_index("ix_hub_visits_device_date", "hub_visits", ["device_id", "visit_date"])
    op.create_index("ix_hub_visits_facility_date", "hub_visits", ["facility_code", "visit_date"])
    op.create_table(
        "hub_cards",
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
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("source_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("change_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_hub_cards_change_seq", "hub_cards", ["change_seq"])
    op.create_index("ix_hub_cards_citizen_id", "hub_cards", ["citizen_id"])
    op.create_index("ix_hub_cards_bhxh_number", "hub_cards", ["bhxh_number"])
    op.create_table(
        "hub_reference",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("scope", sa.String(20), primary_key=True),
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("change_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_hub_reference_change_seq", "hub_reference", ["change_seq"])
    op.bulk_insert(counter, [{"id": 1, "value": 0}])
    # A new identity per database: a kiosk that sees another hub_id drops its cache and pulls anew.
    op.bulk_insert(meta, [{"key": "hub_id", "value": str(uuid.uuid4())}])


def downgrade() -> None:
    for index, table in (("ix_hub_reference_change_seq", "hub_reference"),
                         ("ix_hub_cards_bhxh_number", "hub_cards"),
                         ("ix_hub_cards_citizen_id", "hub_cards"),
                         ("ix_hub_cards_change_seq", "hub_cards"),
                         ("ix_hub_visits_facility_date", "hub_visits"),
                         ("ix_hub_visits_device_date", "hub_visits")):
        op.drop_index(index, table_name=table)
    for table in ("hub_reference", "hub_cards", "hub_visits", "hub_push_batches", "hub_devices",
                  "hub_change_counter", "hub_meta"):
        op.drop_table(table)
