"""Whatever a kiosk sends, the hub answers with a per-record verdict or a clear 4xx, never a 500,
and stores exactly the records it accepted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.hub.app import HubSettings, create_app
from kiosk.hub.schema import visits
from tests.hub.support import add_device, auth, batch, open_engine, visit

JUNK = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                 st.floats(allow_nan=False, allow_infinity=False),
                 st.text(max_size=30), st.just("A\x00B"), st.lists(st.integers(), max_size=3),
                 st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))
FIELDS = list(visit())


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    rec = visit()
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=4, unique=True)):
        if draw(st.booleans()):
            rec.pop(name)
        else:
            rec[name] = draw(JUNK)
    if draw(st.booleans()):
        rec[draw(st.text(min_size=1, max_size=8))] = draw(JUNK)
    return rec


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub(request: pytest.FixtureRequest,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str, sa.Engine]]:
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("fuzz") / "hub.sqlite3"
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_cluster").create_database()
    engine = open_engine(url)
    token = add_device(engine, "fuzz")
    with TestClient(create_app(HubSettings(rate_per_s=0), engine=engine)) as client:
        yield client, token, engine
    engine.dispose()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(records(), max_size=6))
def test_any_batch_gets_clear_answers(hub: tuple[TestClient, str, sa.Engine], recs: list[dict[str, Any]]) -> None:
    client, token, engine = hub
    with engine.connect() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(visits)).scalar_one()
    r = client.post("/v1/sync/push", json=batch(recs), headers=auth(token))
    assert r.status_code == 200, r.text
    data = r.json()
    assert len(data["results"]) == len(recs)
    assert all(x["status"] in ("accepted", "duplicate", "rejected") for x in data["results"])
    assert all((x["reason"] is not None) == (x["status"] == "rejected") for x in data["results"])
    with engine.connect() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(visits)).scalar_one()
    assert after - before == data["accepted"]
