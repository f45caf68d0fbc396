"""Batch ids scoped per device, the device's installation id, shared rate-limit buckets.

- ``hub_push_batches`` is keyed by ``(device_id, batch_id)``: a batch id another device used no longer
  blocks a kiosk (docs/hub-api.md, push).
- ``hub_devices.instance_id``: the installation that pushes with this device's token; a second
  installation (a copied device database) is told to re-register.
- ``hub_rate_buckets``: the per-device token buckets, shared by every uvicorn worker.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = "batch_id, device_id, received_at, fingerprint, record_count, result"


def _batches(name: str, primary_key: sa.PrimaryKeyConstraint) -> None:
    op.create_table(
        name,
        sa.Column("batch_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("record_count", sa.Integer, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        primary_key,
    )


def upgrade() -> None:
    op.rename_table("hub_push_batches", "hub_push_batches_0002")
    _batches("hub_push_batches", sa.PrimaryKeyConstraint("device_id", "batch_id", name="pk_hub_push_batches"))
    op.execute(f"INSERT INTO hub_push_batches ({_COLUMNS}) SELECT {_COLUMNS} FROM hub_push_batches_0002")
    op.drop_table("hub_push_batches_0002")
    with op.batch_alter_table("hub_devices") as batch:
        batch.add_column(sa.Column("instance_id", sa.String(64), nullable=True))
    op.create_table(
        "hub_rate_buckets",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("tokens", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("hub_rate_buckets")
    with op.batch_alter_table("hub_devices") as batch:
        batch.drop_column("instance_id")
    op.rename_table("hub_push_batches", "hub_push_batches_0003")
    _batches("hub_push_batches", sa.PrimaryKeyConstraint("batch_id", name="pk_hub_push_batches_0002"))
    # Only one device's row per batch id survives the way back.
    op.execute(f"INSERT INTO hub_push_batches ({_COLUMNS}) SELECT {_COLUMNS} FROM hub_push_batches_0003 b "
               "WHERE b.device_id = (SELECT MIN(o.device_id) FROM hub_push_batches_0003 o "
               "WHERE o.batch_id = b.batch_id)")
    op.drop_table("hub_push_batches_0003")
