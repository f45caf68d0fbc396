"""The pull path's ``row_from_mapping`` gives what ``card_tuple(cached_from_mapping(...))`` gives."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.db.convert import CARD_COLUMNS, cached_from_mapping, card_tuple, row_from_mapping

BASE: dict[str, Any] = {"card_number": "HC4010000000001", "bhxh_number": "0000000001", "citizen_id": None,
                        "name": "Người Thử 1", "birth_date": "1941-03-15", "gender": "male",
                        "facility_code": "01999", "valid_from": "2026-01-01", "valid_to": "2026-12-31",
                        "status": "active", "replaced_by": None}


def _both(data: dict[str, Any]) -> tuple[object, object]:
    def run(fn: Any) -> object:
        try:
            return fn(data)
        except (ValueError, TypeError) as exc:
            return ("error", str(exc))
    return run(row_from_mapping), run(lambda d: card_tuple(cached_from_mapping(d)))


@pytest.mark.parametrize("change", [
    {}, {"birth_date": "1941"}, {"birth_date": " 1941 "}, {"birth_date": "1941-02-30"}, {"birth_date": "19410315"},
    {"gender": "Male"}, {"gender": "other"}, {"status": ""}, {"status": "lost"}, {"status": None},
    {"valid_from": dt.date(2026, 1, 1)}, {"valid_to": "2026-13-01"}, {"valid_to": "20261231"},
    {"card_number": "  "}, {"card_number": None}, {"card_number": 5}, {"name": "  An  "}, {"bhxh_number": 7},
    {"citizen_id": ""}, {"birth_date": "０１２３"}, {"valid_from": "2026-01-01T00:00:00"},
])
def test_same_result_and_same_error(change: dict[str, Any]) -> None:
    fast, full = _both({**BASE, **change})
    assert fast == full


_value = st.one_of(st.none(), st.sampled_from(["", " ", "1985", "1985-03-15", "2026-02-29", "male", "female",
                                               "active", "revoked", "REPLACED", "01999", "x"]),
                   st.text(max_size=12), st.dates().map(dt.date.isoformat))


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({c: _value for c in CARD_COLUMNS}))
def test_random_records_agree(data: dict[str, Any]) -> None:
    fast, full = _both(data)
    assert fast == full
