"""The hub's re-checks of provisional visits (``visit_updates``), flagged for staff at the desk.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_updates",
        sa.Column("visit_id", sa.String(36), nullable=False),
        sa.Column("gateway_verdict", sa.String(30), nullable=True),
        sa.Column("gateway_code", sa.String(10), nullable=True),
        sa.Column("gateway_note", sa.Text(), nullable=True),
        sa.Column("gateway_card_number", sa.String(15), nullable=True),
        sa.Column("verdict_changed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("needs_staff", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("checked_at", sa.String(40), nullable=True),
        sa.Column("acknowledged_at", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("visit_id", name="pk_visit_updates"),
    )


def downgrade() -> None:
    op.drop_table("visit_updates")
