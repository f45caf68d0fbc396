"""Synthetic visits in the kiosk -> hub wire format (docs/visit-wire-format.md) and facility settings for XML0 tests."""

from __future__ import annotations

from typing import Any

from kiosk.gateway.xml0 import FirstItem, ItemKind, Xml0Facility

FACILITY = Xml0Facility("10099", first_items={"K01": FirstItem("02.1896", "Khám Nội"),
                                              "K02": FirstItem("40.0001", "Paracetamol", ItemKind.DRUG)},
                        default_item=FirstItem("02.1900", "Khám Ngoại"))

BHYT_VISIT: dict[str, Any] = {
    "id": "6f1c2b3a-0000-4000-8000-000000000042", "created_at": "2025-03-01T08:15:03.123+07:00",
    "visit_date": "2025-03-01", "department_code": "K01", "queue_number": 12, "ticket": "K01-012",
    "verdict": "valid", "provisional": False, "registered_here": True, "card_kind": "bhyt",
    "card_number": "HC4100123456789", "bhxh_number": "0123456789", "citizen_id": None, "name": "Nguyễn Văn An",
    "birth_date": "1985-03-15", "gender": "male", "card_facility_code": "10099", "valid_from": "2024-01-01",
    "valid_to": "2025-12-31", "area": "K1", "five_years_on": "2027-10-01", "object_code": "HC", "benefit_level": 4,
}
CCCD_VISIT: dict[str, Any] = {
    "id": "0b8e7c55-1111-4222-8333-944455556666", "created_at": "2026-11-22T14:05:59+07:00",
    "visit_date": "2026-11-22", "department_code": "K09", "queue_number": 3, "ticket": "K09-003",
    "verdict": "valid", "provisional": False, "registered_here": False, "card_kind": "cccd",
    "card_number": "DN4790000000001", "bhxh_number": "7900000001", "citizen_id": "001185000321",
    "name": "Trần  Thị Bình", "birth_date": "1985-06-21", "gender": "female", "card_facility_code": "79001",
    "valid_from": "2026-01-01", "valid_to": None, "area": None, "five_years_on": None, "object_code": "DN",
    "benefit_level": 4,
}
UNINSURED_VISIT: dict[str, Any] = {
    "id": "5d41402a-bc4b-4a76-b971-9d911017c592", "created_at": "2026-11-22T07:01:00+07:00",
    "visit_date": "2026-11-22", "department_code": "K02", "queue_number": 1, "ticket": "K02-001",
    "verdict": "unknown", "provisional": True, "registered_here": None, "card_kind": "manual",
    "card_number": None, "bhxh_number": None, "citizen_id": None, "name": "Phạm Minh Đức", "birth_date": "2010",
    "gender": None, "card_facility_code": None, "valid_from": None, "valid_to": None, "area": None,
    "five_years_on": None, "object_code": None, "benefit_level": None,
}
