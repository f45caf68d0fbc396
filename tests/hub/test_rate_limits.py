"""Rate limits (docs/hub-api.md, "Rate limits"): one token bucket (kiosk/ratelimit.py) for the hub and the
gateway; the per-device bucket lives in the hub's database, so every worker process draws from the same
one; requests without a valid token are limited per client address before any database look-up."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.hub.app import create_app
from kiosk.hub.rate_store import SqlBuckets
from kiosk.hub.settings import HubSettings
from kiosk.ratelimit import MemoryBuckets, TokenBucket, take_token
from tests.hub.support import add_device, auth


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_arithmetic() -> None:
    assert take_token(3.0, 0.0, 0.0, 1.0, 3.0) == (2.0, 0.0)
    tokens, wait = take_token(0.5, 0.0, 0.0, 2.0, 3.0)
    assert tokens == 0.5 and wait == pytest.approx(0.25)
    assert take_token(0.0, 0.0, 100.0, 1.0, 3.0) == (2.0, 0.0)  # refilled to the burst, not beyond


@pytest.mark.parametrize("store", ["memory", "sql"])
def test_one_bucket_two_stores(store: str, hub_engine: sa.Engine) -> None:
    clock = Clock()
    buckets = MemoryBuckets() if store == "memory" else SqlBuckets(hub_engine)
    bucket = TokenBucket(1.0, 2, clock, buckets)
    assert [bucket.acquire("k") for _ in range(3)][:2] == [0.0, 0.0]
    assert bucket.blocked("k") == pytest.approx(1.0)
    bucket.refund("k")
    assert bucket.acquire("k") == 0.0
    clock.now += 1.0
    assert bucket.acquire("k") == 0.0 and bucket.acquire("other") == 0.0


def test_device_limit_holds_across_workers(hub_engine: sa.Engine) -> None:
    """Two apps on one database stand for two uvicorn workers: together they allow one burst, not two."""
    token = add_device(hub_engine, "kiosk-1")
    settings = HubSettings(rate_per_s=0.01, burst=4)
    with TestClient(create_app(settings, engine=hub_engine)) as one, \
            TestClient(create_app(settings, engine=hub_engine)) as two:
        codes = [(one if i % 2 else two).get("/v1/device", headers=auth(token)).status_code for i in range(6)]
    assert codes == [200, 200, 200, 200, 429, 429]


def test_requests_without_a_valid_token_are_limited_per_address(hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    app = create_app(HubSettings(rate_per_s=0, anonymous_rate_per_s=0.01, anonymous_burst=3), engine=hub_engine)
    looked_up = []

    @sa.event.listens_for(hub_engine, "before_cursor_execute")
    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "token_hash" in statement:
            looked_up.append(statement)

    try:
        with TestClient(app) as client:
            bad = {"Authorization": "Bearer kh1_not-a-token"}
            codes = [client.get("/v1/device", headers=bad).status_code for _ in range(3)]
            codes += [client.get("/v1/device").status_code, client.get("/v1/device", headers=bad).status_code]
            assert codes == [401, 401, 401, 429, 429]
            lookups = len(looked_up)
            r = client.get("/v1/device", headers=bad)
            assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
            assert len(looked_up) == lookups  # a blocked address costs no database look-up
            assert r.json()["error"]["code"] == "rate_limited"
            # The address is blocked until its bucket refills, whatever token it sends (checking one would
            # be the database look-up the limit saves); other addresses are not affected.
            assert client.get("/v1/device", headers=auth(token)).status_code == 429
        with TestClient(app, client=("192.0.2.7", 50000)) as other:
            assert other.get("/v1/device", headers=auth(token)).status_code == 200
    finally:
        sa.event.remove(hub_engine, "before_cursor_execute", count)
