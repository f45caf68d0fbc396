"""One factory from configuration to parts: every part gets its configured values, and the CLI and the
app both build from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.checkin import factory
from kiosk.config import Config


def hub_config(tmp_path: Path) -> Config:
    config = Config()
    config.database.url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    config.hub.url, config.hub.token = "http://127.0.0.1:9", "device-token"
    config.hub.timeout_s, config.hub.push_batch_size, config.hub.pull_page_size = 4.0, 7, 9
    config.hub.interval_s, config.hub.pending_warn_minutes = 12.0, 30.0
    config.queue.ticket_digits = 4
    config.scan.duplicate_window_s = 2.5
    config.facility.code = "79123"
    return config


def test_parts_carry_their_configuration(tmp_path: Path) -> None:
    config = hub_config(tmp_path)
    with factory.open_store(config) as store, factory.open_sync_store(config) as sync_store:
        assert store is not sync_store and store.engine is not sync_store.engine  # its own connections
        assert store.queue_rules.ticket("K01", 5) == "K01-0005"
        client = factory.hub_client(config)
        assert client._timeout[1] == 4.0  # [hub] timeout_s: how long an answer may take
        client.close()
        loop = factory.sync_loop(config, sync_store)
        assert loop is not None and loop.interval_s == 12.0
        assert (loop.engine.batch_size, loop.engine.pull_limit) == (7, 9)
        assert loop.engine.store is sync_store
        service = factory.checkin_service(config, store)
        assert service.facility_code == "79123" and service.online is not None
        assert service.profile is not None and service.profile.code == "79123"
        service.online.close()  # type: ignore[union-attr]
        assert factory.checkin_service(config, store, online=False).online is None
    assert factory.scan_intake(config).gate.duplicate_window_s == 2.5
    assert factory.pending_warning(config) == dt.timedelta(minutes=30)


def test_without_a_hub_there_is_no_sync_loop_and_no_online_look_up(tmp_path: Path) -> None:
    config = Config()
    config.database.url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    with factory.open_store(config) as store:
        assert factory.sync_loop(config, store) is None
        assert factory.online_lookup(config) is None
        assert factory.checkin_service(config, store).online is None
    assert factory.serial_scanner(config, on_payload=print, on_state=lambda *a: None) is None
