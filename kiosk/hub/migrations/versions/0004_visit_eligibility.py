"""Eligibility under the 2025 rules on the hub's visits (issue 14): route, benefit, self-pay, online
confirmation, identity step, issuing office and the treatment-history warning (docs/visit-wire-format.md).

Visits stored before keep null (``self_pay`` false): not confirmed online, so the re-check takes them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_COLUMNS = ("route", "benefit_percent", "self_pay", "confirmed_online", "identity_checked", "office",
            "admitted_elsewhere")


def upgrade() -> None:
    with op.batch_alter_table("hub_visits") as batch:
        batch.add_column(sa.Column("route", sa.String(30), nullable=True))
        batch.add_column(sa.Column("benefit_percent", sa.Integer, nullable=True))
        batch.add_column(sa.Column("self_pay", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("confirmed_online", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("identity_checked", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("office", sa.String(255), nullable=True))
        batch.add_column(sa.Column("admitted_elsewhere", sa.String(255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hub_visits") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
