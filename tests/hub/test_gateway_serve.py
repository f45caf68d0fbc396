"""`kiosk hub serve --workers 2 --gateway-config FILE`: look-ups in the workers, the background re-check
once in the supervising process, visit_updates reach the recording device."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.gateway.standin import DEFAULT_PASSWORD, StandinHolder
from tests.hub.gateway_support import BIRTH_ISO, CARD, FACILITY, NAME, STAFF_CCCD, STAFF_NAME, patient
from tests.hub.support import add_device, auth, batch, live_hub, open_engine, visit


@pytest.mark.slow
def test_multi_worker_hub_with_gateway(standin: StandinHolder, tmp_path: Path) -> None:
    patient(standin.state, valid_to="31/12/2020")
    config = tmp_path / "gateway.toml"
    config.write_text(f'[gateway]\nbase_url = "{standin.url}"\nusername = "10099_BV"\npassword = "{DEFAULT_PASSWORD}"\n'
                      f'facility_code = "{FACILITY}"\nstaff_name = "{STAFF_NAME}"\nstaff_citizen_id = "{STAFF_CCCD}"\n'
                      "total_timeout_s = 5\n[hub]\nrecheck_interval_s = 0.3\n", encoding="utf-8")
    db_url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    engine = open_engine(db_url)
    headers = auth(add_device(engine, "kiosk-1", FACILITY))
    engine.dispose()
    with live_hub(db_url, tmp_path, extra=("--workers", "2", "--gateway-config", str(config))) as hub:
        answer = httpx.post(hub.url + "/v1/cards/lookup", headers=headers, timeout=10, json={
            "card_number": CARD, "name": NAME, "birth_date": BIRTH_ISO, "visit_date": "2026-11-22"}).json()
        assert answer["kind"] == "verdict" and answer["verdict"] == "expired"
        v = visit(card_number=CARD, name=NAME, birth_date=BIRTH_ISO, provisional=True, card_facility_code=FACILITY)
        pushed = httpx.post(hub.url + "/v1/sync/push", headers=headers, json=batch([v]), timeout=10).json()
        assert pushed["accepted"] == 1
        deadline, updates = time.monotonic() + 15, []
        while not updates and time.monotonic() < deadline:
            page = httpx.get(hub.url + "/v1/sync/pull", params={"features": "visit_updates"}, headers=headers,
                             timeout=10).json()
            updates = page["changes"]["visit_updates"]["upserted"]
            time.sleep(0.2)
        assert [(u["visit_id"], u["gateway_verdict"], u["verdict_changed"]) for u in updates] == [
            (v["id"], "expired", True)]
        log = hub.log_text()
    assert log.count("gateway re-check:") >= 1
    assert NAME not in log and CARD not in log
