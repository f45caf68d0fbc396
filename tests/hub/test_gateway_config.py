"""Hub gateway settings (TOML file + environment) and the background re-check task."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from kiosk.hub.gateway_config import GatewayConfigError, HubGatewayConfig, load_gateway_config
from kiosk.hub.gateway_hub import HubGateway
from kiosk.hub.schema import visit_checks
from tests.gateway.standin import StandinHolder
from tests.hub.gateway_support import BIRTH_ISO, CARD, FACILITY, NAME, GatewayHub, gateway_settings, patient
from tests.hub.support import batch, visit


def test_no_settings_means_no_gateway() -> None:
    assert load_gateway_config(None, env={}) is None


def test_file_then_environment_and_per_worker_rate(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text('[gateway]\nbase_url = "https://egw.example"\nusername = "10099_BV"\npassword = "pw"\n'
                    'lookups_per_minute = 30\nlookup_burst = 10\n[hub]\nrecheck_interval_s = 60\n', encoding="utf-8")
    config = load_gateway_config(path, env={"KIOSK_GATEWAY_STAFF_NAME": "Lễ Tân", "KIOSK_GATEWAY_STAFF_CCCD":
                                            "001090000001", "KIOSK_HUB_WORKERS": "3",
                                            "KIOSK_GATEWAY_BUDGET_S": "2.0"})
    assert config is not None
    s = config.settings
    assert (s.base_url, s.staff_name, s.answer_budget_s, config.recheck_interval_s) == (
        "https://egw.example", "Lễ Tân", 2.0, 60.0)
    assert (s.lookups_per_minute, s.lookup_burst) == (10.0, 3)  # the bucket lives in each of 3 workers
    only_env = load_gateway_config(None, env={"KIOSK_GATEWAY_URL": "http://gw", "KIOSK_GATEWAY_USER": "u",
                                              "KIOSK_GATEWAY_PASSWORD_MD5": "0" * 32})
    assert only_env is not None and only_env.settings.password_hash() == "0" * 32


@pytest.mark.parametrize(("text", "expected"), [
    ("[gateway]\nbase_url = 'http://x'\n", "username"),
    ("[gateway]\nbase_url = 'http://x'\nusername = 'u'\n", "password"),
    ("[gateway]\nbase_url = 'http://x'\nusername = 'u'\npassword = 'p'\ncolour = 'red'\n", "colour"),
    ("[gateway]\nbase_url = 'http://x'\nusername = 'u'\npassword = 'p'\nlookup_burst = 'many'\n", "lookup_burst"),
    ("[gateway\n", "TOML"),
])
def test_bad_settings_say_what_is_wrong_without_the_password(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "g.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GatewayConfigError) as info:
        load_gateway_config(path, env={})
    assert expected in str(info.value) and "'p'" not in str(info.value)
    with pytest.raises(GatewayConfigError, match="cannot read"):
        load_gateway_config(tmp_path / "missing.toml", env={})


def test_background_task_rechecks_provisional_visits(ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state, valid_to="31/12/2020")
    r = ghub_lite.client.post("/v1/sync/push", headers=ghub_lite.headers, json=batch([visit(
        card_number=CARD, name=NAME, birth_date=BIRTH_ISO, provisional=True, card_facility_code=FACILITY)]))
    assert r.json()["accepted"] == 1
    tasks = HubGateway(ghub_lite.engine, HubGatewayConfig(gateway_settings(standin.url), recheck_interval_s=0.2))
    tasks.start_background()
    try:
        deadline = time.monotonic() + 10
        found = None
        while found is None and time.monotonic() < deadline:
            with ghub_lite.engine.connect() as conn:
                found = conn.execute(sa.select(visit_checks.c.gateway_verdict)).scalar()
            time.sleep(0.1)
        assert found == "expired"
    finally:
        tasks.close()


def test_serve_refuses_bad_gateway_settings_before_starting(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main

    path = tmp_path / "g.toml"
    path.write_text("[gateway]\nbase_url = 'http://x'\nusername = 'u'\n", encoding="utf-8")
    code = main(["hub", "serve", "--db", f"sqlite:///{tmp_path / 'h.sqlite3'}", "--gateway-config", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "password" in err and "Traceback" not in err
