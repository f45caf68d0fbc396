"""Devices (kiosks, reception desks) and their tokens.

A token is 32 random bytes (URL-safe base64, prefixed ``kh1_``) shown once at creation; the hub keeps
only its SHA-256. Tokens are high-entropy, so a plain hash is enough (no salt or slow KDF needed), and
a look-up by hash is one indexed query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from kiosk.errors import KioskError
from kiosk.hub.schema import devices

TOKEN_PREFIX = "kh1_"
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_FACILITY_RE = re.compile(r"^[A-Za-z0-9]{1,20}$")


class DeviceError(KioskError):
    """A device operation that cannot be done; the message is for the administrator."""


@dataclass(frozen=True)
class Device:
    id: int
    name: str
    facility_code: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_push_at: dt.datetime | None
    last_pull_at: dt.datetime | None
    app_version: str | None
    #: The kiosk installation that pushes with this token (None until its first push that names one).
    instance_id: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _row_to_device(row: Any) -> Device:
    m = row._mapping
    return Device(id=m["id"], name=m["name"], facility_code=m["facility_code"], created_at=m["created_at"],
                  revoked_at=m["revoked_at"], last_push_at=m["last_push_at"],
                  last_pull_at=m["last_pull_at"], app_version=m["app_version"],
                  instance_id=m["instance_id"])


_COLUMNS = (devices.c.id, devices.c.name, devices.c.facility_code, devices.c.created_at,
            devices.c.revoked_at, devices.c.last_push_at, devices.c.last_pull_at, devices.c.app_version,
            devices.c.instance_id)


def add_device(conn: sa.Connection, name: str, facility_code: str) -> tuple[Device, str]:
    """Register a device; returns it and its token (the only time the token is available)."""
    if not _NAME_RE.match(name):
        raise DeviceError(f"invalid device name {name!r}: use letters, digits, '.', '_' or '-' "
                          "(at most 100 characters, starting with a letter or digit)")
    if not _FACILITY_RE.match(facility_code):
        raise DeviceError(f"invalid facility code {facility_code!r}: letters and digits only, e.g. 01999")
    existing = conn.execute(sa.select(devices.c.id).where(devices.c.name == name)).first()
    if existing is not None:
        raise DeviceError(f"a device named {name!r} already exists (also when revoked); choose another name")
    token = new_token()
    conn.execute(devices.insert().values(name=name, facility_code=facility_code,
                                         token_hash=hash_token(token), created_at=utcnow()))
    device = get_device(conn, name)
    assert device is not None
    return device, token


def get_device(conn: sa.Connection, name: str) -> Device | None:
    row = conn.execute(sa.select(*_COLUMNS).where(devices.c.name == name)).first()
    return None if row is None else _row_to_device(row)


def list_devices(conn: sa.Connection) -> list[Device]:
    rows = conn.execute(sa.select(*_COLUMNS).order_by(devices.c.name)).all()
    return [_row_to_device(r) for r in rows]


def revoke_device(conn: sa.Connection, name: str) -> Device:
    device = get_device(conn, name)
    if device is None:
        raise DeviceError(f"no device named {name!r}")
    if device.revoked_at is None:
        conn.execute(devices.update().where(devices.c.id == device.id).values(revoked_at=utcnow()))
    revoked = get_device(conn, name)
    assert revoked is not None
    return revoked


def authenticate(conn: sa.Connection, token: str) -> Device | None:
    """The active device holding ``token``, or None (unknown or revoked)."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = conn.execute(sa.select(*_COLUMNS).where(devices.c.token_hash == hash_token(token))).first()
    if row is None:
        return None
    device = _row_to_device(row)
    return device if device.active else None


class DeviceCloned(DeviceError):
    """Another kiosk installation already pushes with this device's token (e.g. a copied device database)."""


def claim_instance(conn: sa.Connection, device: Device, instance_id: str | None) -> None:
    """Bind ``device`` to the installation ``instance_id`` on its first push that names one; raise
    DeviceCloned when another installation holds it. ``kiosk hub device reset NAME`` frees it."""
    if instance_id is None or device.instance_id == instance_id:
        return
    if device.instance_id is None:
        conn.execute(devices.update().where(devices.c.id == device.id, devices.c.instance_id.is_(None))
                     .values(instance_id=instance_id))
        holder = conn.execute(sa.select(devices.c.instance_id).where(devices.c.id == device.id)).scalar()
        if holder == instance_id:
            return
    raise DeviceCloned("another kiosk installation already uploads with this device's token (a copied "
                       "device database?); register this kiosk as a new device (kiosk hub device add) and "
                       "set its token, or free the token on the hub (kiosk hub device reset NAME)")


def reset_instance(conn: sa.Connection, name: str) -> Device:
    """Forget which installation uses ``name``'s token (after moving a kiosk to new hardware)."""
    device = get_device(conn, name)
    if device is None:
        raise DeviceError(f"no device named {name!r}")
    conn.execute(devices.update().where(devices.c.id == device.id).values(instance_id=None))
    return get_device(conn, name) or device


def record_pull(conn: sa.Connection, device_id: int, cursor: str) -> None:
    """Note a device's pull (``hub device list`` shows it)."""
    conn.execute(devices.update().where(devices.c.id == device_id)
                 .values(last_pull_at=utcnow(), last_pull_cursor=cursor))
