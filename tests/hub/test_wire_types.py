"""Strict wire types (docs/hub-api.md, "Strict wire types" and "Errors"): nothing is accepted that the
export or either database cannot hold, a bad record is rejected alone, bad bodies are a 400."""

from __future__ import annotations

import gzip
import json
import typing

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import BaseModel

from kiosk.hub.schema import visits
from kiosk.protocol.limits import VISIT_TEXT_LENGTHS
from kiosk.protocol.models import Visit
from tests.hub.support import add_device, auth, batch, visit


def _stored_ids(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.select(visits.c.id)).scalars())


@pytest.mark.parametrize("created_at", ["1985", "001085000101", "2026-12-07t09:00:00z",
                                        "2026-12-07T09:00:00.000+07:00" + " " * 16,  # 45 characters
                                        "2026-12-07T09:00:00", "2026-13-07T09:00:00Z", "2026-12-07T09:00:00+23:00",
                                        1985, None])
def test_bad_created_at_is_rejected_alone(client: TestClient, hub_engine: sa.Engine, created_at: object) -> None:
    token = add_device(hub_engine, "kiosk-1")
    good, bad = visit(), visit(created_at=created_at)
    r = client.post("/v1/sync/push", json=batch([good, bad]), headers=auth(token))
    assert r.status_code == 200
    results = {x["id"]: x for x in r.json()["results"]}
    assert results[good["id"]]["status"] == "accepted"
    assert results[bad["id"]]["status"] == "rejected" and "created_at" in results[bad["id"]]["reason"]
    assert _stored_ids(hub_engine) == {good["id"]}


def test_done_when_batch(client: TestClient, hub_engine: sa.Engine) -> None:
    """The issue's case: one good record, "1985", a 45-character string and lower-case separators."""
    token = add_device(hub_engine, "kiosk-1")
    good = visit()
    bad = [visit(created_at="1985"), visit(created_at="2" * 45), visit(created_at="2026-12-07t09:00:00z")]
    r = client.post("/v1/sync/push", json=batch([good, *bad]), headers=auth(token))
    assert r.status_code == 200
    assert (r.json()["accepted"], r.json()["rejected"]) == (1, 3)
    with hub_engine.connect() as conn:
        stored = conn.execute(sa.select(visits.c.id, visits.c.created_at)).all()
    assert stored == [(good["id"], good["created_at"])]  # kept verbatim, offset included


@pytest.mark.parametrize(("field", "value"), [
    ("visit_date", "0"), ("visit_date", 0), ("visit_date", "2026-02-30"), ("visit_date", "20261207"),
    ("valid_to", 1700000000), ("valid_from", "2026-12-07T00:00:00"), ("birth_date", "1985-02-30"),
    ("birth_date", "0000"), ("five_years_on", "2026-1-1"), ("ticket", "T" * 41), ("name", "N" * 256),
    ("card_number", "X" * 16), ("area", "A" * 21), ("department_code", "D" * 21), ("name", "a\x00b"),
])
def test_bad_fields_are_rejected_alone(client: TestClient, hub_engine: sa.Engine, field: str, value: object) -> None:
    token = add_device(hub_engine, "kiosk-1")
    good, bad = visit(), visit(**{field: value})
    r = client.post("/v1/sync/push", json=batch([bad, good]), headers=auth(token))
    assert r.status_code == 200 and [x["status"] for x in r.json()["results"]] == ["rejected", "accepted"]
    assert field in r.json()["results"][0]["reason"]
    assert _stored_ids(hub_engine) == {good["id"]}


def test_longest_values_fit_both_databases(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    longest = visit(created_at="2026-12-07T09:00:00.123456+07:00", ticket="Đ" * 40, name="Ữ" * 255,
                    card_number="X" * 15, bhxh_number="1" * 10, citizen_id="0" * 12, card_facility_code="F" * 20,
                    area="A" * 20, object_code="O" * 20, department_code="D" * 20)
    r = client.post("/v1/sync/push", json=batch([longest]), headers=auth(token))
    assert r.status_code == 200 and r.json()["accepted"] == 1


def _max_length(model: type[BaseModel], name: str) -> int | None:
    schema = model.model_json_schema()["properties"][name]
    options = schema.get("anyOf", [schema])
    lengths = [o["maxLength"] for o in options if "maxLength" in o]
    if lengths:
        return int(lengths[0])
    enums = [v for o in options for v in o.get("enum", [o.get("const")]) if isinstance(v, str)]
    return max(len(v) for v in enums) if enums else None


def test_visit_lengths_come_from_one_source() -> None:
    """Every text column of hub_visits holds what the model allows, and both read VISIT_TEXT_LENGTHS."""
    wire = set(Visit.model_fields)
    for column in visits.columns:
        if column.name not in wire or not isinstance(column.type, sa.String):
            continue
        assert column.type.length == VISIT_TEXT_LENGTHS[column.name], column.name
        if column.name == "id":
            continue  # a UUID: 36 characters once canonical
        allowed = _max_length(Visit, column.name)
        assert allowed is not None and allowed <= column.type.length, column.name
    for name in VISIT_TEXT_LENGTHS:
        assert name in visits.c and name in wire
    annotations = typing.get_type_hints(Visit)
    assert "created_at" in annotations


@pytest.mark.parametrize("path", ["/v1/sync/push", "/v1/cards/lookup"])
def test_deep_json_is_400_without_retry_after(client: TestClient, hub_engine: sa.Engine, path: str) -> None:
    token = add_device(hub_engine, "kiosk-1")
    for depth in (2000, 8000):
        body = "[" * depth + "]" * depth
        r = client.post(path, content=body, headers={**auth(token), "Content-Type": "application/json"})
        assert r.status_code == 400 and "Retry-After" not in r.headers
        assert set(r.json()["error"]) == {"code", "message"} and r.json()["error"]["code"] == "too_deep"


def test_nested_values_inside_a_record_reject_that_record(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    nested: object = 1
    for _ in range(900):
        nested = [nested]
    good = visit()
    r = client.post("/v1/sync/push", json=batch([visit(name=nested), good]), headers=auth(token))
    assert r.status_code == 200 and [x["status"] for x in r.json()["results"]] == ["rejected", "accepted"]
    lookup = {"card_number": nested, "name": "A", "birth_date": "1985", "visit_date": "2026-12-07"}
    r = client.post("/v1/cards/lookup", json=lookup, headers=auth(token))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_gzip_with_trailing_garbage_or_truncated_is_400(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    headers = {**auth(token), "Content-Encoding": "gzip", "Content-Type": "application/json"}
    packed = gzip.compress(json.dumps(batch([visit()])).encode())
    for body in (packed + b"garbage", packed[:-4], packed + packed):
        r = client.post("/v1/sync/push", content=body, headers=headers)
        assert r.status_code == 400 and r.json()["error"]["code"] == "bad_gzip"
    assert _stored_ids(hub_engine) == set()


@pytest.mark.parametrize("date", ["0", "1700000000", "2026-02-30", "2026-12-07T00:00:00"])
def test_summary_date_must_be_a_real_date(client: TestClient, hub_engine: sa.Engine, date: str) -> None:
    token = add_device(hub_engine, "kiosk-1")
    r = client.get("/v1/sync/summary", params={"date": date}, headers=auth(token))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    assert client.get("/v1/sync/summary", params={"date": "2026-12-07"}, headers=auth(token)).status_code == 200


def test_pull_bad_cursor_is_documented_400(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    r = client.get("/v1/sync/pull", params={"cursor": "abc"}, headers=auth(token))
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_cursor"
    doc = client.get("/openapi.json").json()
    assert "400" in doc["paths"]["/v1/sync/pull"]["get"]["responses"]
    assert "LookupBody" in doc["components"]["schemas"]
