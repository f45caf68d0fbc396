"""The sync parts built from the configuration (``[hub]``): the API client, the engine, the loop and the
online look-up. :mod:`kiosk.checkin.factory` (the app, ``kiosk visit add|card check``) and ``kiosk sync``
build them here, so each reads its keys in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.config import Config
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.lookup import HubLookupClient
from kiosk.sync.loop import SyncLoop


def hub_client(config: Config) -> HubClient:
    """The sync API client (``[hub]`` url, token, timeout_s, ca_bundle); ``NotConfigured`` without a hub."""
    return HubClient.from_config(config.hub)


def sync_engine(config: Config, store: Any, client: HubClient | None = None) -> SyncEngine:
    return SyncEngine(store, client or hub_client(config), batch_size=config.hub.push_batch_size,
                      pull_limit=config.hub.pull_page_size)


def sync_loop(config: Config, store: Any, *, on_status: Callable[[Any], None] | None = None) -> SyncLoop | None:
    """The background sync loop (its own thread once started), or None when no hub is configured."""
    if not config.hub.configured:
        return None
    return SyncLoop(sync_engine(config, store), interval_s=config.hub.interval_s, on_status=on_status)


def online_lookup(config: Config) -> HubLookupClient | None:
    """Online card look-ups through the hub, or None when no hub is configured (offline-only kiosk)."""
    if not config.hub.configured:
        return None
    return HubLookupClient(config.hub.url, config.hub.token, verify=config.hub.ca_bundle or True)
