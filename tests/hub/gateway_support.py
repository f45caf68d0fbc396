"""Fixtures for the hub's gateway tests: the stand-in gateway (tests/gateway/standin.py) and a hub app
wired to it through a real HubGateway. Import the fixtures into a test module to use them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.gateway.settings import GatewaySettings
from kiosk.hub.app import HubSettings, create_app
from kiosk.hub.gateway_config import HubGatewayConfig
from kiosk.hub.gateway_hub import HubGateway
from tests.gateway.certs import shared_pem_files
from tests.gateway.fixtures import standin_fixture, standin_server_fixture  # noqa: F401 (fixtures)
from tests.gateway.standin import DEFAULT_PASSWORD, StandinCard, StandinHolder
from tests.hub.support import add_device, auth, open_engine

STAFF_NAME = "Nguyễn Thị Lễ Tân"
STAFF_CCCD = "001090000001"
FACILITY = "10099"
#: Patient data of the look-up tests; the log tests look for these strings.
NAME = "Trần Thị Bình"
CARD = "DN4790000000001"
BIRTH_DMY, BIRTH_ISO = "21/06/1985", "1985-06-21"


def gateway_settings(url: str, **overrides: Any) -> GatewaySettings:
    values: dict[str, Any] = {
        "base_url": url, "username": "10099_BV", "password": DEFAULT_PASSWORD, "facility_code": FACILITY,
        "staff_name": STAFF_NAME, "staff_citizen_id": STAFF_CCCD, "connect_timeout_s": 2.0,
        "total_timeout_s": 5.0, "answer_budget_s": 1.5, "offline_backoff_s": 30.0, "upload_backoff_s": 0.01,
    }
    # A throw-away facility certificate: check-in files are signed as in production.
    values["sign_certificate_file"], values["sign_key_file"] = shared_pem_files()
    values.update(overrides)
    return GatewaySettings(**values)


def patient(state: Any, **overrides: Any) -> StandinCard:
    values: dict[str, Any] = {"card_number": CARD, "name": NAME, "birth": BIRTH_DMY, "facility": FACILITY,
                              "bhxh_number": "7900000001", "citizen_id": "001185000321"}
    values.update(overrides)
    return state.add(StandinCard(**values))


def lookup_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"card_number": CARD, "name": NAME, "birth_date": BIRTH_ISO, "visit_date": "2026-11-22"}
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


class GatewayHub:
    """A hub app (TestClient) + its HubGateway + one device token, on a SQLite file."""

    def __init__(self, engine: sa.Engine, gateway: HubGateway, client: TestClient, token: str) -> None:
        self.engine, self.gateway, self.client, self.token = engine, gateway, client, token
        self.headers = auth(token)

    def lookup(self, **overrides: Any) -> Any:
        return self.client.post("/v1/cards/lookup", json=lookup_body(**overrides), headers=self.headers)


def make_gateway_hub(db_url: str, url: str, **settings: Any) -> Iterator[GatewayHub]:
    engine = open_engine(db_url)
    gateway = HubGateway(engine, HubGatewayConfig(gateway_settings(url, **settings), recheck_interval_s=0))
    app = create_app(HubSettings(rate_per_s=0), engine=engine, gateway=gateway)
    token = add_device(engine, "kiosk-1", FACILITY)
    try:
        with TestClient(app) as client:
            yield GatewayHub(engine, gateway, client, token)
    finally:
        gateway.close()
        engine.dispose()


@pytest.fixture
def ghub(standin: StandinHolder, hub_db_url: str) -> Iterator[GatewayHub]:
    yield from make_gateway_hub(hub_db_url, standin.url)


@pytest.fixture
def ghub_lite(standin: StandinHolder, tmp_path: Any) -> Iterator[GatewayHub]:
    """Like ``ghub`` on SQLite only: for behaviour that does not depend on the database."""
    yield from make_gateway_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", standin.url)
