"""The push route's fast path (kiosk.hub.ingest.parse_valid_batch: the body validated from its bytes in one
pass when every record is valid) accepts nothing the step-by-step path refuses, and stores the same
values: it is a speed-up, never a second set of rules (docs/hub-api.md, "Strict wire types")."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.hub import ingest
from kiosk.hub.visit_store import _VISIT_LIST
from kiosk.protocol.models import MAX_BATCH_RECORDS, PushRequest, Visit
from tests.hub.support import batch, visit

_FIELDS = sorted(Visit.model_fields)


def _slow(raw: bytes) -> ingest._Checked | None:
    """The step-by-step path of the route: json.loads, the envelope, then record by record (None: refused)."""
    try:
        body = json.loads(raw)
        req = PushRequest.model_validate(body)
    except ValueError:  # JSONDecodeError and pydantic's ValidationError
        return None
    return ingest._check(req)


def _summary(checked: ingest._Checked) -> tuple[Any, ...]:
    return (checked.ids, checked.results, checked.fingerprint, json.loads(_VISIT_LIST.dump_json(checked.visits)))


def _assert_same_or_slow_only(raw: bytes) -> None:
    fast = ingest.parse_valid_batch(raw)
    if fast is None:
        return
    slow = _slow(raw)
    assert slow is not None, "the fast path accepted a body the step-by-step path refuses"
    assert all(r["status"] != "rejected" for r in slow.results), "the fast path accepted a record the other rejects"
    assert _summary(ingest._check(fast)) == _summary(slow)


def test_a_valid_batch_takes_the_fast_path_with_the_same_result() -> None:
    records = [visit() for _ in range(20)]
    records.append(dict(records[3]))  # a repeated id: a duplicate either way
    raw = json.dumps(batch(records)).encode()
    fast = ingest.parse_valid_batch(raw)
    assert fast is not None
    checked = ingest._check(fast)
    assert [r["status"] for r in checked.results].count("duplicate") == 1
    _assert_same_or_slow_only(raw)


@pytest.mark.parametrize(("field", "value"), [
    ("created_at", "1985"), ("created_at", 1985), ("created_at", "2026-12-07t09:00:00z"),
    ("created_at", "2026-12-07T09:00:00"), ("visit_date", 0), ("visit_date", "2026-02-30"),
    ("valid_to", 1700000000), ("birth_date", "0000"), ("name", "a\x00b"), ("ticket", "T" * 41),
    ("queue_number", "12"), ("queue_number", 12.0), ("queue_number", 12.5), ("provisional", "true"),
    ("provisional", 1), ("registered_here", "no"), ("benefit_level", "4"), ("id", "urn:uuid:" + str(uuid.uuid4())),
    ("id", "{" + str(uuid.uuid4()) + "}"), ("id", uuid.uuid4().hex.upper()), ("extra", 1), ("verdict", "VALID"),
])
def test_tricky_values_are_treated_alike(field: str, value: object) -> None:
    _assert_same_or_slow_only(json.dumps(batch([visit(), visit(**{field: value})])).encode())


@pytest.mark.parametrize("raw", [
    b'{"batch_id": "%s", "records": []}' % str(uuid.uuid4()).encode(),
    b'{"batch_id": "%s", "records": [], "records": 1}' % str(uuid.uuid4()).encode(),
    b'{"batch_id": "%s", "records": [], "protocol": NaN}' % str(uuid.uuid4()).encode(),
    b'{"batch_id": "%s", "records": []} trailing' % str(uuid.uuid4()).encode(),
    b'{"batch_id": "%s", "records": [], "app_version": "\\ud800"}' % str(uuid.uuid4()).encode(),
    b"\xff\xfe{}",
])
def test_odd_bodies_are_treated_alike(raw: bytes) -> None:
    _assert_same_or_slow_only(raw)


def test_too_many_records_never_take_the_fast_path() -> None:
    raw = json.dumps(batch([visit() for _ in range(MAX_BATCH_RECORDS + 1)])).encode()
    assert ingest.parse_valid_batch(raw) is None  # the route then answers 413 too_many_records


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.floats(allow_nan=False),
                     st.text(max_size=50), st.sampled_from(["2026-12-07", "2026-12-07T09:00:00Z", "1985", "valid",
                                                            "bhyt", "male", "12", "true", "0"]))


@settings(max_examples=300, deadline=None)
@given(changes=st.dictionaries(st.sampled_from(_FIELDS), _SCALARS, max_size=3))
def test_any_field_values_are_treated_alike(changes: dict[str, Any]) -> None:
    _assert_same_or_slow_only(json.dumps(batch([visit(), visit(**changes)])).encode())
