"""This kiosk installation's identity for the hub (docs/hub-api.md, "One installation per device token").

A random seed kept in the local database, mixed with the machine's identity (``/etc/machine-id``, else the
host name): a database copied to a second machine yields a different id there, and the hub, which binds
a device token to the first installation that pushes with it, tells the copy to re-register.
"""

from __future__ import annotations

import hashlib
import socket
import uuid
from pathlib import Path
from typing import Protocol

SEED_SETTING = "sync.instance_seed"
_MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


class SettingsStore(Protocol):
    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


def machine_identity() -> str:
    for path in _MACHINE_ID_FILES:
        try:
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if text:
            return text
    return socket.gethostname()


def instance_id(store: SettingsStore, machine: str | None = None) -> str:
    """32 hex characters: sha256 of the database's seed and the machine identity."""
    seed = store.get_setting(SEED_SETTING)
    if not seed:
        seed = uuid.uuid4().hex
        store.set_setting(SEED_SETTING, seed)
    machine = machine_identity() if machine is None else machine
    return hashlib.sha256(f"{seed}:{machine}".encode()).hexdigest()[:32]
