"""What the XML0 check tells staff, word for word (a golden file: `UPDATE_GOLDEN=1` rewrites it after a
deliberate change of wording). The rules themselves are tested in test_xml0.py; this file holds the
messages, which the export report and the admin screen show unchanged."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kiosk.gateway.xml0 import build_xml0, validate_xml0, visit_problems
from tests.gateway.test_xml0 import BAD_CASES, GOOD
from tests.gateway.visits import BHYT_VISIT, CCCD_VISIT, FACILITY, UNINSURED_VISIT

GOLDEN = Path(__file__).parent / "golden" / "xml0_problems.txt"

#: Cases beyond BAD_CASES: boundaries (no problem on the limit itself) and formats the table rejects.
EXTRA_CASES: list[dict[str, str]] = [
    {"NGAY_VAO_NOI_TRU": "202503010815", "LY_DO_VNT": "x"},  # admitted at the arrival minute: fine
    {"NGAY_SINH": "202503010000"},  # born on the day of the visit: fine
    {"GT_THE_TU": "20251231"},  # a card valid for one day: fine
    {"NGAY_VAO": "2025-03-01T0"},
    {"NGAY_VAO_NOI_TRU": "2025-03-01T0", "LY_DO_VNT": "x"},
    {"GT_THE_TU": "2024-01-"},
    {"SO_CCCD": "Bb123456"},  # starts like a passport number but is not one
    {"SO_CCCD": "b1234567"},
    {"STT": "x1"},
    {"GT_THE_DEN": "2023121"},  # 7 digits: a format problem only, never read as a date
    {"NGAY_YL": "20250301081"},  # 11 digits: likewise
]

#: Changes to the uninsured record: card fields on a visit without a card.
UNINSURED_CASES: list[dict[str, str]] = [
    {"MA_DKBD": "10099", "GT_THE_TU": "20260101", "GT_THE_DEN": "20261231", "MA_DOITUONG_KCB": "1.1"},
]


def _visit_cases() -> list[tuple[str, dict[str, Any]]]:
    cccd_unconfirmed = {**CCCD_VISIT, "verdict": "unknown", "card_number": None, "card_facility_code": None,
                        "valid_from": None}
    return [
        ("cccd-unconfirmed", cccd_unconfirmed),
        ("cccd-self-pay", {**cccd_unconfirmed, "self_pay": True}),
        ("uninsured", UNINSURED_VISIT),
        ("bhyt", BHYT_VISIT),
    ]


def _lines() -> list[str]:
    lines = []
    for changes, _field, _problem in BAD_CASES:
        problems = validate_xml0(GOOD.replace(**changes))
        lines += [f"{sorted(changes.items())} -> {p.field} {p.problem}: {p.message}" for p in problems]
    for changes in EXTRA_CASES:
        problems = validate_xml0(GOOD.replace(**changes))
        lines += [f"{sorted(changes.items())} -> {p.field} {p.problem}: {p.message}" for p in problems] or [
            f"{sorted(changes.items())} -> no problem"]
    uninsured = build_xml0(UNINSURED_VISIT, FACILITY)
    for changes in UNINSURED_CASES:
        problems = validate_xml0(uninsured.replace(**changes))
        lines += [f"uninsured {sorted(changes.items())} -> {p.field} {p.problem}: {p.message}" for p in problems]
    for name, visit in _visit_cases():
        record = build_xml0(visit, FACILITY)
        lines += [f"visit {name} -> {p.field} {p.problem}: {p.message}" for p in visit_problems(visit, record)]
        blank = record.replace(MA_DOITUONG_KCB="")
        lines += [f"visit {name}, no object code -> {p.field} {p.problem}: {p.message}"
                  for p in visit_problems(visit, blank)]
        routed = {**visit, "route": "outside_route"}
        lines += [f"visit {name}, outside route, no object code -> {p.field} {p.problem}: {p.message}"
                  for p in visit_problems(routed, blank)]
    return lines


def test_every_problem_message_is_as_worded() -> None:
    text = "\n".join(_lines()) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
