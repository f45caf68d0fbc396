"""This kiosk installation's identity for the hub (docs/hub-api.md, "One installation per device token").

It is the local database's instance id (``database.instance_id``, kept by kiosk.db.store): the store gives a
SQLite file that was copied to another place (another inode than recorded) a new one. The hub binds a
device token to the first installation that pushes with it and tells any other one to re-register, so
two kiosks imaged from one database cannot both upload as one device.
"""

from __future__ import annotations

import uuid
from typing import Final, Protocol

#: The store's setting (kiosk.db.store.INSTANCE_ID_KEY; tests/sync/test_poisoned_record.py checks they agree).
INSTANCE_SETTING: Final = "database.instance_id"


class SettingsStore(Protocol):
    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


def instance_id(store: SettingsStore) -> str:
    """The database's instance id (created when a store without one is used)."""
    value = store.get_setting(INSTANCE_SETTING)
    if not value:
        value = str(uuid.uuid4())
        store.set_setting(INSTANCE_SETTING, value)
    return value
