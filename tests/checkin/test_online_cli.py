"""With a hub configured, ``kiosk card check``, ``kiosk visit add`` and the core the screens use ask it
for every card (cached ones too, issue 14), and agree: a real hub on loopback, the BHXH gateway's stand-in behind
it (the only stand-in: the real gateway is unreachable from here)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cards.eligibility import Verdict
from kiosk.checkin import factory
from kiosk.checkin.result import Source
from kiosk.cli import main
from kiosk.config import load_config
from tests.cards.builders import bhyt_2018
from tests.gateway.standin import DEFAULT_PASSWORD, StandinCard, StandinHolder
from tests.hub.support import LiveHub, add_device, open_engine, start_hub, stop_hub

FACILITY = "10099"
NAME = "Trần Thị Bình"


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveHub, str, StandinHolder]]:
    tmp = tmp_path_factory.mktemp("online-cli")
    standin = StandinHolder.start()
    config = tmp / "gateway.toml"
    config.write_text(f'[gateway]\nbase_url = "{standin.url}"\nusername = "10099_BV"\n'
                      f'password = "{DEFAULT_PASSWORD}"\nfacility_code = "{FACILITY}"\n'
                      'staff_name = "Nguyễn Thị Lễ Tân"\nstaff_citizen_id = "001090000001"\n'
                      'total_timeout_s = 5\nconnect_timeout_s = 2\n'
                      "[hub]\nrecheck_interval_s = 0\n", encoding="utf-8")
    db_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
    engine = open_engine(db_url)
    token = add_device(engine, "kiosk-1", FACILITY)
    engine.dispose()
    live = start_hub(db_url, tmp, extra=("--gateway-config", str(config)))
    try:
        yield live, token, standin
    finally:
        stop_hub(live)
        standin.stop()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_cli_and_core_ask_the_hub_for_an_uncached_card(
        hub: tuple[LiveHub, str, StandinHolder], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    live, token, standin = hub
    config_file = tmp_path / "kiosk.toml"
    config_file.write_text(f'[facility]\ncode = "{FACILITY}"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config_file))
    monkeypatch.setenv("KIOSK_HUB_URL", live.url)
    monkeypatch.setenv("KIOSK_HUB_TOKEN", token)
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    assert main(["db", "load-demo", "--db", url]) == 0
    capsys.readouterr()
    standin.state.add(StandinCard(card_number="DN4790000000201", name=NAME, birth="21/06/1985",
                                  facility=FACILITY, citizen_id=None))
    standin.state.add(StandinCard(card_number="DN4790000000202", name=NAME, birth="21/06/1985",
                                  facility=FACILITY, citizen_id=None, valid_to="31/12/2020"))
    for number, verdict in (("DN4790000000201", "valid"), ("DN4790000000202", "expired")):
        payload = bhyt_2018(card=number, name=NAME, dob="21/06/1985", facility="10 - 099",
                            valid_from="01/01/2024", valid_to="31/12/2030")
        config = load_config()
        with factory.open_store(config, url) as store:  # the core the screens call, built the same way
            service = factory.checkin_service(config, store)
            screens = service.check(payload, Source.CAMERA)
            service.online.close()  # type: ignore[union-attr]
        assert screens.online is not None and screens.online.confirmed, (number, screens.online.code,
                                                                          screens.online.message_en)
        assert screens.verdict is Verdict(verdict)
        asked = standin.state.lookups
        code, checked = run(capsys, "card", "check", "--json", "--db", url, payload)
        assert code == 0 and checked["verdict"] == verdict and checked["confirmed_online"] is True
        code, offline = run(capsys, "card", "check", "--json", "--offline", "--db", url, payload)
        assert code == 0 and offline["confirmed_online"] is False  # the cache alone, never the hub
        assert offline["verdict"] == ("valid" if verdict == "valid" else "unknown")  # only valid sent a record
        code, visit = run(capsys, "visit", "add", "--json", "--db", url, "--department", "K01", payload)
        assert code == 0 and visit["verdict"] == verdict and visit["provisional"] is False
        assert visit["card_number"] == number and visit["confirmed_online"] is True
        assert standin.state.lookups == asked  # the hub answered the repeats from its cache
