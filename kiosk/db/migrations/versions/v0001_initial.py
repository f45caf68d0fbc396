"""Initial schema: card cache, departments, visits outbox, queue counters, sync cursors, settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "cards",
        sa.Column("card_number", sa.String(20), nullable=False),
        sa.Column("bhxh_number", sa.String(10), nullable=True),
        sa.Column("citizen_id", sa.String(12), nullable=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("birth_date", sa.String(10), nullable=True),
        sa.Column("gender", sa.String(6), nullable=True),
        sa.Column("facility_code", sa.String(5), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("status", sa.String(10), server_default="active", nullable=False),
        sa.Column("replaced_by", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("card_number", name="pk_cards"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_cards_bhxh_number", "cards", ["bhxh_number"],
                    sqlite_where=sa.text("bhxh_number IS NOT NULL"),
                    postgresql_where=sa.text("bhxh_number IS NOT NULL"))
    op.create_index("ix_cards_citizen_id", "cards", ["citizen_id"],
                    sqlite_where=sa.text("citizen_id IS NOT NULL"),
                    postgresql_where=sa.text("citizen_id IS NOT NULL"))
    op.create_table(
        "departments",
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("room", sa.String(64), nullable=True),
        sa.Column("ticket_prefix", sa.String(8), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_departments"),
    )
    op.create_table(
        "visits",
        sa.Column("seq", BigId, autoincrement=True, nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("queue_day", sa.Date(), nullable=False),
        sa.Column("department_code", sa.String(20), nullable=False),
        sa.Column("queue_number", sa.Integer(), nullable=False),
        sa.Column("ticket", sa.String(24), nullable=False),
        sa.Column("verdict", sa.String(24), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("registered_here", sa.Boolean(), nullable=True),
        sa.Column("card_kind", sa.String(8), nullable=False),
        sa.Column("card_number", sa.String(20), nullable=True),
        sa.Column("bhxh_number", sa.String(10), nullable=True),
        sa.Column("citizen_id", sa.String(12), nullable=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("birth_date", sa.String(10), nullable=True),
        sa.Column("gender", sa.String(6), nullable=True),
        sa.Column("card_facility_code", sa.String(5), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("area", sa.String(4), nullable=True),
        sa.Column("five_years_on", sa.Date(), nullable=True),
        sa.Column("object_code", sa.String(4), nullable=True),
        sa.Column("benefit_level", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(10), server_default="to_send", nullable=False),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_visits"),
        sa.UniqueConstraint("id", name="uq_visits_id"),
        sa.UniqueConstraint("department_code", "queue_day", "queue_number",
                            name="uq_visits_department_code_queue_day_queue_number"),
    )
    op.create_index("ix_visits_sync_state_seq", "visits", ["sync_state", "seq"])
    op.create_index("ix_visits_visit_date", "visits", ["visit_date"])
    op.create_table(
        "queue_counters",
        sa.Column("department_code", sa.String(20), nullable=False),
        sa.Column("queue_day", sa.Date(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("department_code", "queue_day", name="pk_queue_counters"),
    )
    op.create_table(
        "sync_cursors",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_sync_cursors"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_table("sync_cursors")
    op.drop_table("queue_counters")
    op.drop_index("ix_visits_visit_date", table_name="visits")
    op.drop_index("ix_visits_sync_state_seq", table_name="visits")
    op.drop_table("visits")
    op.drop_table("departments")
    op.drop_index("ix_cards_citizen_id", table_name="cards")
    op.drop_index("ix_cards_bhxh_number", table_name="cards")
    op.drop_table("cards")
