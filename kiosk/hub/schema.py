"""The hub's tables (SQLAlchemy Core). The Alembic migrations in kiosk/hub/migrations create them.

Replicated tables (cards, reference data) carry ``change_seq``: a number from the single-row counter
``hub_change_counter`` (see kiosk/hub/changes.py, remedy (a) of docs/house-style.md §4), so pulls by cursor
never skip a row that commits late. Deletions are tombstones (``deleted = true``), never row removals.

``scope`` on replicated rows is a facility code, or ``*`` for rows every facility of this hub receives.
"""

from __future__ import annotations

import sqlalchemy as sa

from kiosk.protocol.limits import VISIT_TEXT_LENGTHS as _LEN

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
    # The kiosk installation pushing with this token (revision 0003): another one is told to re-register.
    sa.Column("instance_id", sa.String(64), nullable=True),
)

#: Token buckets of the per-device rate limit, shared by the hub's worker processes (kiosk/ratelimit.py).
rate_buckets = sa.Table(
    "hub_rate_buckets", metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("tokens", sa.Float, nullable=False),
    # Wall-clock seconds (time.time()): every worker reads the same clock.
    sa.Column("updated_at", sa.Float, nullable=False),
)

#: Push batches, keyed per device (revision 0003): one device's batch id never blocks another device.
push_batches = sa.Table(
    "hub_push_batches", metadata,
    sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), primary_key=True),
    sa.Column("batch_id", sa.String(36), primary_key=True),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    # sha256 of the batch's record ids: a reused batch id with other records is refused (422).
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("record_count", sa.Integer, nullable=False),
    # The PushResponse JSON answered the first time; replayed verbatim (with replayed=true).
    sa.Column("result", sa.Text, nullable=False),
)

#: Every wire field of a visit; text lengths from kiosk/protocol/limits.py (the same the model validates).
visits = sa.Table(
    "hub_visits", metadata,
    sa.Column("id", sa.String(_LEN["id"]), primary_key=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
    sa.Column("facility_code", sa.String(20), nullable=False),
    sa.Column("batch_id", sa.String(36), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    # As sent (ISO 8601 with the kiosk's UTC offset): XML0 NGAY_VAO needs the local time.
    sa.Column("created_at", sa.String(_LEN["created_at"]), nullable=False),
    sa.Column("visit_date", sa.Date, nullable=False),
    sa.Column("department_code", sa.String(_LEN["department_code"]), nullable=False),
    sa.Column("queue_number", sa.Integer, nullable=False),
    sa.Column("ticket", sa.String(_LEN["ticket"]), nullable=False),
    sa.Column("verdict", sa.String(_LEN["verdict"]), nullable=False),
    sa.Column("provisional", sa.Boolean, nullable=False),
    sa.Column("registered_here", sa.Boolean, nullable=True),
    sa.Column("card_kind", sa.String(_LEN["card_kind"]), nullable=False),
    sa.Column("card_number", sa.String(_LEN["card_number"]), nullable=True),
    sa.Column("bhxh_number", sa.String(_LEN["bhxh_number"]), nullable=True),
    sa.Column("citizen_id", sa.String(_LEN["citizen_id"]), nullable=True),
    sa.Column("name", sa.String(_LEN["name"]), nullable=True),
    sa.Column("birth_date", sa.String(_LEN["birth_date"]), nullable=True),
    sa.Column("gender", sa.String(_LEN["gender"]), nullable=True),
    sa.Column("card_facility_code", sa.String(_LEN["card_facility_code"]), nullable=True),
    sa.Column("valid_from", sa.Date, nullable=True),
    sa.Column("valid_to", sa.Date, nullable=True),
    sa.Column("area", sa.String(_LEN["area"]), nullable=True),
    sa.Column("five_years_on", sa.Date, nullable=True),
    sa.Column("object_code", sa.String(_LEN["object_code"]), nullable=True),
    sa.Column("benefit_level", sa.Integer, nullable=True),
    # Eligibility under the 2025 rules (revision 0004).
    sa.Column("route", sa.String(_LEN["route"]), nullable=True),
    sa.Column("benefit_percent", sa.Integer, nullable=True),
    sa.Column("self_pay", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("confirmed_online", sa.Boolean, nullable=True),
    sa.Column("identity_checked", sa.Boolean, nullable=True),
    sa.Column("office", sa.String(_LEN["office"]), nullable=True),
    sa.Column("admitted_elsewhere", sa.String(_LEN["admitted_elsewhere"]), nullable=True),
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

#: Gateway re-check of a visit (one row per visit, written by the look-up endpoint's late answers and
#: by ``recheck``). Travels to the device that recorded the visit as pull table ``visit_updates``
#: (only when the kiosk asks for it, see docs/hub-api.md), hence ``change_seq``.
visit_checks = sa.Table(
    "hub_visit_checks", metadata,
    sa.Column("visit_id", sa.String(36), sa.ForeignKey("hub_visits.id"), primary_key=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("hub_devices.id"), nullable=False),
    # Raw maKetQua / ghiChu of the gateway's answer (None while there is none).
    sa.Column("gateway_code", sa.String(10), nullable=True),
    sa.Column("gateway_note", sa.Text, nullable=True),
    # The gateway's verdict (a Verdict value); None: no verdict yet (offline, configuration error).
    sa.Column("gateway_verdict", sa.String(30), nullable=True),
    # Card number the gateway names for the visit (maTheMoi after the new-card rule): XML0 needs it.
    sa.Column("gateway_card_number", sa.String(15), nullable=True),
    sa.Column("gateway_checked_at", sa.DateTime(timezone=True), nullable=False),
    # The gateway's verdict differs from the one the kiosk recorded: flag it in the desk's visit list.
    sa.Column("verdict_changed", sa.Boolean, nullable=False),
    # Changed to something other than valid: staff must act.
    sa.Column("needs_staff", sa.Boolean, nullable=False),
    sa.Column("change_seq", sa.BigInteger, nullable=False),
    sa.Index("ix_hub_visit_checks_change_seq", "change_seq"),
    sa.Index("ix_hub_visit_checks_device", "device_id", "change_seq"),
)

#: XML0 check-in upload queue (one row per visit): the exact bytes sent and the gateway's receipt.
gateway_checkins = sa.Table(
    "hub_gateway_checkins", metadata,
    sa.Column("visit_id", sa.String(36), sa.ForeignKey("hub_visits.id"), primary_key=True),
    # MA_LK set on the first export; passed back as Xml0Extras(ma_lk=...) forever after.
    sa.Column("ma_lk", sa.String(100), nullable=False, unique=True),
    # The XML0 file exactly as (to be) sent; a resend sends the same bytes.
    sa.Column("document", sa.LargeBinary, nullable=False),
    # pending | sent | rejected | failed (MAX_FAILURES reached) | auth_error
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
    # Why the last attempt failed (gateway message; no patient data).
    sa.Column("last_error", sa.Text, nullable=True),
    # maGiaoDich of the accepted upload (reconciliation with BHXH).
    sa.Column("transaction_id", sa.String(100), nullable=True),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_hub_gateway_checkins_status", "status", "next_attempt_at"),
)
