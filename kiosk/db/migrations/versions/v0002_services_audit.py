"""Services per department, the staff audit log, and upload bookkeeping on visits.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "services",
        sa.Column("code", sa.String(50), nullable=False),
        sa.Column("department_code", sa.String(20), nullable=True),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("room", sa.String(64), nullable=True),
        sa.Column("ticket_prefix", sa.String(8), nullable=True),
        sa.Column("price_vnd", sa.BigInteger(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["department_code"], ["departments.code"],
                                name="fk_services_department_code_departments"),
        sa.PrimaryKeyConstraint("code", name="pk_services"),
    )
    op.create_index("ix_services_department_code", "services", ["department_code"])
    op.create_table(
        "audit_log",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("sync_attempts", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("sync_changed_at", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("sync_changed_at")
        batch.drop_column("sync_attempts")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_services_department_code", table_name="services")
    op.drop_table("services")
