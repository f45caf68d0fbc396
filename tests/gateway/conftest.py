from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.gateway import GatewayClient, GatewayLookupService, GatewaySettings
from tests.gateway.fixtures import standin_fixture, standin_server_fixture  # noqa: F401 (fixtures)
from tests.gateway.standin import DEFAULT_PASSWORD, StandinHolder

STAFF_NAME = "Nguyễn Thị Lễ Tân"
STAFF_CCCD = "001090000001"


def make_settings(url: str, **overrides: object) -> GatewaySettings:
    values: dict[str, object] = {
        "base_url": url, "username": "10099_BV", "password": DEFAULT_PASSWORD, "facility_code": "10099",
        "staff_name": STAFF_NAME, "staff_citizen_id": STAFF_CCCD, "connect_timeout_s": 2.0, "total_timeout_s": 5.0,
        "answer_budget_s": 2.0, "offline_backoff_s": 30.0, "upload_backoff_s": 0.01,
        # Transport tests send unsigned files; signing has its own tests (test_signing*.py).
        "require_signature": False,
    }
    values.update(overrides)
    return GatewaySettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(standin: StandinHolder) -> GatewaySettings:
    return make_settings(standin.url)


@pytest.fixture
def client(settings: GatewaySettings) -> Iterator[GatewayClient]:
    c = GatewayClient(settings)
    yield c
    c.close()


@pytest.fixture
def service(client: GatewayClient) -> Iterator[GatewayLookupService]:
    s = GatewayLookupService(client)
    yield s
    s.close()
