"""Eligibility under the 2025 rules on the visit (issue 14): route, benefit, self-pay, online confirmation,
identity step, and the gateway's issuing office and treatment-history warning (docs/visit-wire-format.md).

Existing visits keep null (``self_pay`` false): they were recorded before the kiosk confirmed every
check-in online, and the hub re-checks every visit not confirmed online.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

_COLUMNS = ("route", "benefit_percent", "self_pay", "confirmed_online", "identity_checked", "office",
            "admitted_elsewhere")


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("route", sa.String(30), nullable=True))
        batch.add_column(sa.Column("benefit_percent", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("self_pay", sa.Boolean(), server_default=sa.text("false"), nullable=False))
        batch.add_column(sa.Column("confirmed_online", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("identity_checked", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("office", sa.String(255), nullable=True))
        batch.add_column(sa.Column("admitted_elsewhere", sa.String(255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
