"""Gateway: per-visit re-check results (pulled as visit_updates) and the XML0 check-in upload queue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_visit_checks",
        sa.Column("visit_id", sa.String(36), sa.ForeignKey("hub_visits.id"), primary_key=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
        sa.Column("gateway_code", sa.String(10), nullable=True),
        sa.Column("gateway_note", sa.Text, nullable=True),
        sa.Column("gateway_verdict", sa.String(30), nullable=True),
        sa.Column("gateway_card_number", sa.String(15), nullable=True),
        sa.Column("gateway_checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verdict_changed", sa.Boolean, nullable=False),
        sa.Column("needs_staff", sa.Boolean, nullable=False),
        sa.Column("change_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_hub_visit_checks_change_seq", "hub_visit_checks", ["change_seq"])
    op.create_index("ix_hub_visit_checks_device", "hub_visit_checks", ["device_id", "change_seq"])
    op.create_table(
        "hub_gateway_checkins",
        sa.Column("visit_id", sa.String(36), sa.ForeignKey("hub_visits.id"), primary_key=True),
        sa.Column("ma_lk", sa.String(100), nullable=False, unique=True),
        sa.Column("document", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("transaction_id", sa.String(100), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_hub_gateway_checkins_status", "hub_gateway_checkins", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_hub_gateway_checkins_status", table_name="hub_gateway_checkins")
    op.drop_table("hub_gateway_checkins")
    op.drop_index("ix_hub_visit_checks_device", table_name="hub_visit_checks")
    op.drop_index("ix_hub_visit_checks_change_seq", table_name="hub_visit_checks")
    op.drop_table("hub_visit_checks")
