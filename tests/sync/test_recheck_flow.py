"""A visit recorded with a provisional verdict is re-checked by the hub when it reaches the gateway, and
the desk of the kiosk that recorded it gets the new verdict flagged."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.cards import parse_payload
from kiosk.db.store import Store
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncEngine
from tests.cards.builders import bhyt_2018
from tests.gateway.fixtures import standin_fixture, standin_server_fixture
from tests.gateway.standin import DEFAULT_PASSWORD, StandinHolder
from tests.hub.gateway_support import CARD, FACILITY, NAME, STAFF_CCCD, STAFF_NAME, patient
from tests.hub.support import add_device, live_hub, open_engine

__all__ = ["standin_fixture", "standin_server_fixture"]  # fixtures used by name below


@pytest.mark.slow
def test_recheck_reaches_the_recording_kiosk(standin: StandinHolder, tmp_path: Path) -> None:
    patient(standin.state, valid_to="31/12/2020")  # the gateway knows the card: expired
    config = tmp_path / "gateway.toml"
    config.write_text(f'[gateway]\nbase_url = "{standin.url}"\nusername = "10099_BV"\n'
                      f'password = "{DEFAULT_PASSWORD}"\nfacility_code = "{FACILITY}"\nstaff_name = "{STAFF_NAME}"\n'
                      f'staff_citizen_id = "{STAFF_CCCD}"\ntotal_timeout_s = 5\n[hub]\nrecheck_interval_s = 0.3\n',
                      encoding="utf-8")
    hub_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    engine = open_engine(hub_db)
    token = add_device(engine, "kiosk-1", FACILITY)
    engine.dispose()
    with Store.open(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}") as store:
        store.apply_reference_data(departments=[{"code": "K01", "name": "Khám nội"}])
        # Offline at check-in: the card is not cached and its own dates look current -> provisional.
        card = parse_payload(bhyt_2018(card=CARD, name=NAME, dob="21/06/1985", facility="10 - 099",
                                       valid_from="01/01/2020", valid_to="-"))
        visit = store.check_in("K01", card, facility_code=FACILITY)
        assert visit["verdict"] == "unknown" and visit["provisional"] is True
        with live_hub(hub_db, tmp_path, extra=("--gateway-config", str(config))) as hub:
            client = HubClient(hub.url, token)
            sync = SyncEngine(store, client)
            assert sync.run_once().pushed == 1
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not store.flagged_visit_updates():
                time.sleep(0.3)
                sync.run_once()
            client.close()
        flagged = store.flagged_visit_updates()
        assert [(u["visit_id"], u["gateway_verdict"], u["verdict_changed"]) for u in flagged] == [
            (visit["id"], "expired", True)]
        assert store.acknowledge_visit_update(visit["id"])
        assert store.flagged_visit_updates() == []
        assert store.audit_entries()[0]["action"] == "acknowledge_recheck"
