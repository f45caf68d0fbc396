"""XML0 check-in records checked field by field against docs/xml0.md §2 for BHYT, CCCD and uninsured visits."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from kiosk.gateway.export import export_xml0
from kiosk.gateway.xml0 import (
    FirstItem,
    ItemKind,
    Xml0Extras,
    Xml0Facility,
    Xml0InputError,
    build_xml0,
    make_ma_lk,
    parse_xml0,
    read_record_key,
    to_xml,
    validate_xml0,
)
from kiosk.gateway.xml0_fields import FIELD_NAMES, FIELDS
from tests.gateway.visits import BHYT_VISIT, CCCD_VISIT, FACILITY, UNINSURED_VISIT

EMPTY_ITEMS = {"MA_THUOC": "", "TEN_THUOC": "", "MA_VAT_TU": "", "TEN_VAT_TU": ""}


def test_bhyt_visit_every_field() -> None:
    record = build_xml0(BHYT_VISIT, FACILITY)
    assert dict(record) == {
        "MA_LK": "10099_20250301_6f1c2b3a000040008000000000000042", "STT": "1", "MA_BN": "0123456789",
        "HO_TEN": "Nguyễn Văn An", "SO_CCCD": "", "NGAY_SINH": "198503150000", "GIOI_TINH": "1",
        "MA_THE_BHYT": "HC4100123456789", "MA_DKBD": "10099", "GT_THE_TU": "20240101", "GT_THE_DEN": "20251231",
        "MA_DOITUONG_KCB": "1.1", "NGAY_VAO": "202503010815", "NGAY_VAO_NOI_TRU": "", "LY_DO_VNT": "",
        "MA_LY_DO_VNT": "", "MA_LOAI_KCB": "01", "MA_CSKCB": "10099", "MA_DICH_VU": "02.1896",
        "TEN_DICH_VU": "Khám Nội", **EMPTY_ITEMS, "NGAY_YL": "202503010815", "DU_PHONG": "",
    }
    assert validate_xml0(record) == []


def test_cccd_visit_every_field() -> None:
    record = build_xml0(CCCD_VISIT, FACILITY, Xml0Extras(patient_id="BN000042",
                                                         ordered_at=dt.datetime(2026, 11, 22, 14, 30)))
    assert dict(record) == {
        "MA_LK": "10099_20261122_0b8e7c5511114222833394445555666" + "6", "STT": "1", "MA_BN": "BN000042",
        "HO_TEN": "Trần Thị Bình", "SO_CCCD": "001185000321", "NGAY_SINH": "198506210000", "GIOI_TINH": "2",
        "MA_THE_BHYT": "DN4790000000001", "MA_DKBD": "79001", "GT_THE_TU": "20260101", "GT_THE_DEN": "",
        "MA_DOITUONG_KCB": "1.11", "NGAY_VAO": "202611221405", "NGAY_VAO_NOI_TRU": "", "LY_DO_VNT": "",
        "MA_LY_DO_VNT": "", "MA_LOAI_KCB": "01", "MA_CSKCB": "10099", "MA_DICH_VU": "02.1900",
        "TEN_DICH_VU": "Khám Ngoại", **EMPTY_ITEMS, "NGAY_YL": "202611221430", "DU_PHONG": "",
    }
    assert validate_xml0(record) == []


def test_cccd_without_a_card_found_is_not_bhyt_but_keeps_the_id() -> None:
    visit = {**CCCD_VISIT, "verdict": "unknown", "card_number": None, "card_facility_code": None,
             "valid_from": None, "bhxh_number": None}
    record = build_xml0(visit, FACILITY)
    assert (record["SO_CCCD"], record["MA_THE_BHYT"], record["MA_DOITUONG_KCB"]) == ("001185000321", "", "9")
    assert record["MA_BN"] == "001185000321"
    assert (record["MA_DKBD"], record["GT_THE_TU"], record["GT_THE_DEN"]) == ("", "", "")
    assert validate_xml0(record) == []


def test_uninsured_visit_every_field() -> None:
    record = build_xml0(UNINSURED_VISIT, FACILITY)
    assert dict(record) == {
        "MA_LK": "10099_20261122_5d41402abc4b4a76b9719d911017c592", "STT": "1",
        "MA_BN": "V5d41402abc4b4a76b9719d911017c592", "HO_TEN": "Phạm Minh Đức", "SO_CCCD": "",
        "NGAY_SINH": "201000000000", "GIOI_TINH": "3", "MA_THE_BHYT": "", "MA_DKBD": "", "GT_THE_TU": "",
        "GT_THE_DEN": "", "MA_DOITUONG_KCB": "9", "NGAY_VAO": "202611220701", "NGAY_VAO_NOI_TRU": "",
        "LY_DO_VNT": "", "MA_LY_DO_VNT": "", "MA_LOAI_KCB": "01", "MA_CSKCB": "10099", "MA_DICH_VU": "",
        "TEN_DICH_VU": "", "MA_THUOC": "40.0001", "TEN_THUOC": "Paracetamol", "MA_VAT_TU": "", "TEN_VAT_TU": "",
        "NGAY_YL": "202611220701", "DU_PHONG": "",
    }
    assert validate_xml0(record) == []


@pytest.mark.parametrize("verdict", ["expired", "revoked", "reduced", "replaced", "name_mismatch",
                                     "birth_date_mismatch"])
def test_a_card_that_is_not_good_today_makes_an_uninsured_record(verdict: str) -> None:
    record = build_xml0({**BHYT_VISIT, "verdict": verdict}, FACILITY)
    assert (record["MA_THE_BHYT"], record["MA_DKBD"], record["GT_THE_TU"], record["MA_DOITUONG_KCB"]) == (
        "", "", "", "9")
    assert validate_xml0(record) == []


def test_unknown_verdict_with_a_card_is_reported_with_the_card_unless_configured() -> None:
    visit = {**BHYT_VISIT, "verdict": "unknown", "provisional": True}
    assert build_xml0(visit, FACILITY)["MA_THE_BHYT"] == "HC4100123456789"
    strict = Xml0Facility("10099", default_item=FACILITY.default_item, unknown_is_insured=False)
    assert build_xml0(visit, strict)["MA_DOITUONG_KCB"] == "9"


def test_ma_lk_is_stable_and_a_stored_key_wins() -> None:
    first = build_xml0(BHYT_VISIT, FACILITY)["MA_LK"]
    later = build_xml0({**BHYT_VISIT, "department_code": "K02", "created_at": "2025-03-01T09:00:00+07:00"},
                       FACILITY)["MA_LK"]
    assert first == later == make_ma_lk("10099", dt.date(2025, 3, 1), BHYT_VISIT["id"])
    assert len(first) <= 100
    assert build_xml0(BHYT_VISIT, FACILITY, Xml0Extras(ma_lk="10099_2025_03_BN42_1"))["MA_LK"] == (
        "10099_2025_03_BN42_1")


def test_admission_fields_and_overrides() -> None:
    extras = Xml0Extras(admitted_at=dt.datetime(2025, 3, 1, 10, 0), admission_reason="Sốt cao & co giật <3 ngày>",
                        object_code="1.5", item=FirstItem("VT.01", "Bơm tiêm", ItemKind.SUPPLY), stt=2)
    record = build_xml0(BHYT_VISIT, FACILITY, extras)
    assert (record["NGAY_VAO_NOI_TRU"], record["LY_DO_VNT"]) == ("202503011000", "Sốt cao & co giật <3 ngày>")
    assert (record["MA_DOITUONG_KCB"], record["STT"]) == ("1.5", "2")
    assert (record["MA_VAT_TU"], record["TEN_VAT_TU"], record["MA_DICH_VU"]) == ("VT.01", "Bơm tiêm", "")
    assert validate_xml0(record) == []


def test_unreadable_visit_values_are_reported_by_field() -> None:
    with pytest.raises(Xml0InputError) as err:
        build_xml0({**BHYT_VISIT, "created_at": "yesterday", "birth_date": "15/03/1985", "id": ""}, FACILITY)
    assert {p.field for p in err.value.problems} == {"NGAY_VAO", "NGAY_SINH", "MA_LK"}


GOOD = build_xml0(BHYT_VISIT, FACILITY)

#: (changes to the good BHYT record, field, problem) for every rule of the table.
BAD_CASES: list[tuple[dict[str, str], str, str]] = [
    ({"MA_LK": ""}, "MA_LK", "required"),
    ({"MA_LK": "X" * 101}, "MA_LK", "too_long"),
    ({"STT": ""}, "STT", "required"),
    ({"STT": "a"}, "STT", "bad_format"),
    ({"STT": "0"}, "STT", "out_of_range"),
    ({"MA_BN": ""}, "MA_BN", "required"),
    ({"MA_BN": "B" * 101}, "MA_BN", "too_long"),
    ({"HO_TEN": ""}, "HO_TEN", "required"),
    ({"HO_TEN": "A" * 256}, "HO_TEN", "too_long"),
    ({"HO_TEN": "An\x07"}, "HO_TEN", "bad_character"),
    ({"SO_CCCD": "0011850003211234"}, "SO_CCCD", "too_long"),
    ({"SO_CCCD": "00118500"}, "SO_CCCD", "bad_format"),
    ({"NGAY_SINH": ""}, "NGAY_SINH", "required"),
    ({"NGAY_SINH": "19850315"}, "NGAY_SINH", "wrong_length"),
    ({"NGAY_SINH": "198513150000"}, "NGAY_SINH", "bad_format"),
    ({"NGAY_SINH": "198503152500"}, "NGAY_SINH", "bad_format"),
    ({"NGAY_SINH": "203001010000"}, "NGAY_SINH", "after_arrival"),
    ({"GIOI_TINH": ""}, "GIOI_TINH", "required"),
    ({"GIOI_TINH": "4"}, "GIOI_TINH", "not_in_list"),
    ({"GIOI_TINH": "12"}, "GIOI_TINH", "too_long"),
    ({"MA_THE_BHYT": "X" * 51}, "MA_THE_BHYT", "too_long"),
    ({"MA_THE_BHYT": "0123456789"}, "MA_THE_BHYT", "bad_format"),
    ({"MA_DKBD": "1009"}, "MA_DKBD", "wrong_length"),
    ({"MA_DKBD": "AB099"}, "MA_DKBD", "bad_format"),
    ({"MA_DKBD": ""}, "MA_DKBD", "required"),
    ({"GT_THE_TU": "2024011"}, "GT_THE_TU", "wrong_length"),
    ({"GT_THE_TU": "20241301"}, "GT_THE_TU", "bad_format"),
    ({"GT_THE_TU": ""}, "GT_THE_TU", "required"),
    ({"GT_THE_DEN": "31/12/25"}, "GT_THE_DEN", "bad_format"),
    ({"GT_THE_DEN": "2025123"}, "GT_THE_DEN", "wrong_length"),
    ({"GT_THE_DEN": "20231231"}, "GT_THE_DEN", "before_start"),
    ({"MA_DOITUONG_KCB": ""}, "MA_DOITUONG_KCB", "required"),
    ({"MA_DOITUONG_KCB": "1.111"}, "MA_DOITUONG_KCB", "too_long"),
    ({"MA_DOITUONG_KCB": "1.11"}, "MA_DOITUONG_KCB", "not_in_list"),  # 2025-03-01: QĐ 824 list
    ({"MA_DOITUONG_KCB": "9"}, "MA_DOITUONG_KCB", "inconsistent"),
    ({"NGAY_VAO": ""}, "NGAY_VAO", "required"),
    ({"NGAY_VAO": "2025030108"}, "NGAY_VAO", "wrong_length"),
    ({"NGAY_VAO": "202503012415"}, "NGAY_VAO", "bad_format"),
    ({"NGAY_VAO_NOI_TRU": "202503010700", "LY_DO_VNT": "x"}, "NGAY_VAO_NOI_TRU", "before_arrival"),
    ({"NGAY_VAO_NOI_TRU": "202503011000"}, "LY_DO_VNT", "required"),
    ({"MA_LY_DO_VNT": "01"}, "MA_LY_DO_VNT", "must_be_empty"),
    ({"MA_LY_DO_VNT": "123456"}, "MA_LY_DO_VNT", "too_long"),
    ({"MA_LOAI_KCB": ""}, "MA_LOAI_KCB", "required"),
    ({"MA_LOAI_KCB": "1"}, "MA_LOAI_KCB", "wrong_length"),
    ({"MA_LOAI_KCB": "10"}, "MA_LOAI_KCB", "not_in_list"),  # 2025: QĐ 1804 codes not yet in force
    ({"MA_CSKCB": ""}, "MA_CSKCB", "required"),
    ({"MA_CSKCB": "100999"}, "MA_CSKCB", "too_long"),
    ({"MA_CSKCB": "1o099"}, "MA_CSKCB", "bad_format"),
    ({"MA_DICH_VU": "", "TEN_DICH_VU": ""}, "MA_DICH_VU", "one_of_items"),
    ({"MA_THUOC": "40.1", "TEN_THUOC": "x"}, "MA_DICH_VU", "one_of_items"),
    ({"MA_DICH_VU": "D" * 51}, "MA_DICH_VU", "too_long"),
    ({"TEN_DICH_VU": ""}, "TEN_DICH_VU", "required"),
    ({"TEN_DICH_VU": "T" * 1025}, "TEN_DICH_VU", "too_long"),
    ({"MA_THUOC": "M" * 256}, "MA_THUOC", "too_long"),
    ({"TEN_THUOC": "Thuốc"}, "MA_THUOC", "required"),
    ({"TEN_THUOC": "T" * 1025}, "TEN_THUOC", "too_long"),
    ({"MA_VAT_TU": "V" * 256}, "MA_VAT_TU", "too_long"),
    ({"MA_VAT_TU": "VT.01"}, "TEN_VAT_TU", "required"),
    ({"TEN_VAT_TU": "T" * 1025}, "TEN_VAT_TU", "too_long"),
    ({"NGAY_YL": ""}, "NGAY_YL", "required"),
    ({"NGAY_YL": "2025030108150"}, "NGAY_YL", "too_long"),
    ({"NGAY_YL": "202503010800"}, "NGAY_YL", "before_arrival"),
    ({"DU_PHONG": "\x01"}, "DU_PHONG", "bad_character"),
]


def test_bad_cases_cover_every_field_of_the_table() -> None:
    assert {f for _, f, _ in BAD_CASES} | {"LY_DO_VNT"} >= set(FIELD_NAMES) - {"LY_DO_VNT"}
    assert len(FIELDS) == 26


@pytest.mark.parametrize(("changes", "field", "problem"), BAD_CASES,
                         ids=[f"{f}-{p}-{i}" for i, (_, f, p) in enumerate(BAD_CASES)])
def test_each_rule_reports_the_field(changes: dict[str, str], field: str, problem: str) -> None:
    problems = validate_xml0(GOOD.replace(**changes))
    assert (field, problem) in {(p.field, p.problem) for p in problems}, problems


def test_uninsured_record_with_card_dates_is_inconsistent() -> None:
    record = build_xml0(UNINSURED_VISIT, FACILITY)
    problems = {(p.field, p.problem) for p in validate_xml0(record.replace(MA_DKBD="10099", MA_DOITUONG_KCB="1.1"))}
    assert problems == {("MA_DKBD", "must_be_empty"), ("MA_DOITUONG_KCB", "inconsistent")}


def test_code_lists_follow_the_visit_date() -> None:
    late_2026 = build_xml0(CCCD_VISIT, FACILITY)
    assert validate_xml0(late_2026.replace(MA_LOAI_KCB="16")) == []
    assert {p.problem for p in validate_xml0(late_2026.replace(MA_DOITUONG_KCB="1.8"))} == {"not_in_list"}
    assert {p.problem for p in validate_xml0(late_2026.replace(MA_DOITUONG_KCB="7.1"))} == {"not_in_list"}
    assert validate_xml0(GOOD.replace(MA_DOITUONG_KCB="1.8")) == []  # 2025-03-01: QĐ 824 list
    assert validate_xml0(GOOD.replace(NGAY_SINH="198500000000")) == []  # year only


def test_document_layout_encoding_and_round_trip() -> None:
    record = build_xml0(BHYT_VISIT, FACILITY, Xml0Extras(
        admitted_at=dt.datetime(2025, 3, 1, 10, 0), admission_reason="Đau bụng & sốt <39°C> ]]> kéo dài",
        patient_id="BN<42>&"))
    data = to_xml(record)
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<CHI_TIEU_TRANG_THAI_KCB>\n')
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert "<HO_TEN>Nguyễn Văn An</HO_TEN>" in text  # UTF-8, not entities
    assert "<LY_DO_VNT><![CDATA[Đau bụng & sốt <39°C> ]]]]><![CDATA[> kéo dài]]></LY_DO_VNT>" in text
    assert "<MA_BN>BN&lt;42&gt;&amp;</MA_BN>" in text
    assert "<SO_CCCD></SO_CCCD>" in text
    root = ET.fromstring(data)
    row = root.find("./DSACH_TRANG_THAI_KCB/TRANG_THAI_KCB")
    assert row is not None and [child.tag for child in row] == list(FIELD_NAMES)
    (parsed,) = parse_xml0(data)
    assert dict(parsed) == dict(record)
    assert read_record_key(data) == record["MA_LK"]
    assert read_record_key(b"<nope") is None


def test_parse_rejects_other_documents() -> None:
    with pytest.raises(ValueError, match="root element"):
        parse_xml0(b"<GIAMDINHHS/>")
    with pytest.raises(ValueError, match="no TRANG_THAI_KCB"):
        parse_xml0(b"<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB/></CHI_TIEU_TRANG_THAI_KCB>")


def test_export_writes_one_file_per_good_visit_and_reports_the_rest(tmp_path: Path) -> None:
    broken = {**UNINSURED_VISIT, "id": "9a9a9a9a-0000-4000-8000-000000000001", "name": "  "}
    unreadable = {**UNINSURED_VISIT, "id": "9a9a9a9a-0000-4000-8000-000000000002", "created_at": "?"}
    visits = [BHYT_VISIT, CCCD_VISIT, UNINSURED_VISIT, broken, unreadable]
    report = export_xml0(visits, FACILITY, tmp_path / "out")
    assert len(report.written) == 3 and len(report.failed) == 2
    assert [(p.field, p.problem) for p in report.failed[0].problems] == [("HO_TEN", "required")]
    assert report.failed[1].problems[0].field == "NGAY_VAO"
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(f"{v.ma_lk}.unsigned.xml" for v in report.written)  # drafts; no temporary files left
    first = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    again = export_xml0(visits, FACILITY, tmp_path / "out")
    assert {v.ma_lk for v in again.written} == {v.ma_lk for v in report.written}
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == first
    assert report.to_json()["written"] == 3


def test_facility_from_the_hub_service_reference() -> None:
    from kiosk.gateway.export import facility_from_services

    services: list[dict[str, Any]] = [
        {"code": "02.1896", "name": "Khám Nội", "department_code": "K01", "active": True},
                {"code": "02.1897", "name": "Khám Nội (lần 2)", "department_code": "K01"},
                {"code": "02.9999", "name": "Cũ", "department_code": "K02", "active": False},
                {"code": "02.1900", "name": "Khám Ngoại", "department_code": None}]
    facility = facility_from_services("10099", services, default_service="02.1900", object_code_elsewhere="1.12")
    assert facility.first_items == {"K01": FirstItem("02.1896", "Khám Nội")}
    assert facility.default_item == FirstItem("02.1900", "Khám Ngoại")
    assert facility.object_code_elsewhere == "1.12"
    record = build_xml0({**BHYT_VISIT, "department_code": "K02"}, facility)
    assert (record["MA_DICH_VU"], record["TEN_DICH_VU"]) == ("02.1900", "Khám Ngoại")
