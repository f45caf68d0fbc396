"""Field-level checks of an XML0 record against the table of docs/xml0.md §2 and the formats of §4, and
visit-level checks the record alone cannot show (docs/eligibility.md: a CCCD visit without a card number)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Final

from kiosk.gateway.xml0_fields import (
    FIELDS,
    ITEM_PAIRS,
    UNINSURED_OBJECT_CODE,
    FieldProblem,
    Fmt,
    Req,
    object_codes_on,
    visit_types_on,
)

_BAD_CHARS: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FACILITY: Final = re.compile(r"\d{2}[0-9A-Z]{3}")
#: A card number as issued: 15 characters, or the 12-digit personal ID that replaces the social-insurance
#: number (docs/eligibility.md, "Card numbers"). The 10-digit QR value alone is not enough.
_CARD_AS_ISSUED: Final = re.compile(r"[A-Z]{2}[1-5]\d{2}[0-9A-Z]{10}|\d{12}")
_PASSPORT: Final = re.compile(r"[A-Z]\d{7}")


def _timestamp(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d%H%M") if re.fullmatch(r"\d{12}", text) else None
    except ValueError:
        return None


def _date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date() if re.fullmatch(r"\d{8}", text) else None
    except ValueError:
        return None


def _birth_ok(text: str) -> bool:
    if re.fullmatch(r"\d{4}00000000", text):
        return True
    return _date(text[:8]) is not None and re.fullmatch(r"([01]\d|2[0-3])[0-5]\d", text[8:]) is not None


def _format_problem(fmt: Fmt, value: str) -> str | None:
    if fmt is Fmt.TIMESTAMP and _timestamp(value) is None:
        return "must be a time yyyyMMddHHmm (24-hour)"
    if fmt is Fmt.DATE and _date(value) is None:
        return "must be a date yyyyMMdd"
    if fmt is Fmt.BIRTH and not _birth_ok(value):
        return "must be yyyyMMddHHmm (unknown time 0000; year only yyyy00000000)"
    if fmt is Fmt.NUMBER and not value.isdigit():
        return "must be a number"
    return None


def _field_problems(record: Mapping[str, str]) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    for spec in FIELDS:
        value = record.get(spec.name, "")
        if _BAD_CHARS.search(value):
            out.append(FieldProblem(spec.name, "bad_character", "contains control characters not allowed in XML"))
        if not value:
            if spec.required is Req.YES:
                out.append(FieldProblem(spec.name, "required", "is required"))
            continue
        if spec.max_len is not None and len(value) > spec.max_len:
            out.append(FieldProblem(spec.name, "too_long", f"has {len(value)} characters, at most {spec.max_len}"))
        elif spec.exact_len is not None and len(value) != spec.exact_len:
            out.append(FieldProblem(spec.name, "wrong_length",
                                    f"has {len(value)} characters, must have exactly {spec.exact_len}"))
        else:
            why = _format_problem(spec.fmt, value)
            if why:
                out.append(FieldProblem(spec.name, "bad_format", f"{why}, got {value!r}"))
    return out


def _code_problems(record: Mapping[str, str], day: dt.date | None) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    if record["STT"].isdigit() and int(record["STT"]) < 1:
        out.append(FieldProblem("STT", "out_of_range", "must be 1 or more"))
    if record["GIOI_TINH"] and record["GIOI_TINH"] not in ("1", "2", "3"):
        out.append(FieldProblem("GIOI_TINH", "not_in_list", "must be 1 (Nam), 2 (Nữ) or 3 (undetermined)"))
    cccd = record["SO_CCCD"]
    if cccd and cccd.isdigit() and len(cccd) not in (9, 12):
        out.append(FieldProblem("SO_CCCD", "bad_format", "a CCCD has 12 digits and a CMND 9"))
    elif cccd and not cccd.isdigit() and cccd[:1].isupper() and len(cccd) == 8 and not _PASSPORT.fullmatch(cccd):
        out.append(FieldProblem("SO_CCCD", "bad_format", "a passport number is 1 upper-case letter and 7 digits"))
    for part in filter(None, record["MA_THE_BHYT"].split(";")):
        if not _CARD_AS_ISSUED.fullmatch(part):
            out.append(FieldProblem("MA_THE_BHYT", "bad_format",
                                    f"{part!r} is not a card number as issued (15 characters or the 12-digit "
                                    "personal ID; look it up on the gateway: the 10-digit QR value alone is not "
                                    "enough)"))
    for name in ("MA_DKBD", "MA_CSKCB"):
        if record[name] and not _FACILITY.fullmatch(record[name]):
            out.append(FieldProblem(name, "bad_format", f"{record[name]!r} is not a facility code (2 digits + 3)"))
    if record["MA_LY_DO_VNT"]:
        out.append(FieldProblem("MA_LY_DO_VNT", "must_be_empty", "is not defined by the Ministry yet: leave it empty"))
    if day is not None:
        if record["MA_DOITUONG_KCB"] and record["MA_DOITUONG_KCB"] not in object_codes_on(day):
            out.append(FieldProblem("MA_DOITUONG_KCB", "not_in_list",
                                    f"{record['MA_DOITUONG_KCB']!r} is not in the object-of-visit list for {day}"))
        if record["MA_LOAI_KCB"] and record["MA_LOAI_KCB"] not in visit_types_on(day):
            out.append(FieldProblem("MA_LOAI_KCB", "not_in_list",
                                    f"{record['MA_LOAI_KCB']!r} is not in the visit-type list for {day}"))
    return out


def _rule_problems(record: Mapping[str, str]) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    arrival = _timestamp(record["NGAY_VAO"])
    admitted = _timestamp(record["NGAY_VAO_NOI_TRU"])
    if admitted and arrival and admitted < arrival:
        out.append(FieldProblem("NGAY_VAO_NOI_TRU", "before_arrival", "must not be before NGAY_VAO"))
    if record["NGAY_VAO_NOI_TRU"] and not record["LY_DO_VNT"].strip():
        out.append(FieldProblem("LY_DO_VNT", "required", "is required when NGAY_VAO_NOI_TRU is set"))
    ordered = _timestamp(record["NGAY_YL"])
    if ordered and arrival and ordered < arrival:
        out.append(FieldProblem("NGAY_YL", "before_arrival", "the first order cannot be before NGAY_VAO"))
    birth = _date(record["NGAY_SINH"][:8]) if not record["NGAY_SINH"].endswith("00000000") else None
    if birth and arrival and birth > arrival.date():
        out.append(FieldProblem("NGAY_SINH", "after_arrival", "the date of birth is after the arrival"))
    start, end = _date(record["GT_THE_TU"]), _date(record["GT_THE_DEN"])
    if start and end and start > end:
        out.append(FieldProblem("GT_THE_DEN", "before_start", "the card's end date is before its start date"))
    codes = [code for code, _name in ITEM_PAIRS if record[code]]
    if len(codes) != 1:
        out.append(FieldProblem("MA_DICH_VU", "one_of_items",
                                "exactly one of MA_DICH_VU, MA_THUOC, MA_VAT_TU must name the first chargeable item"
                                f" (found {len(codes)})"))
    for code, name in ITEM_PAIRS:
        if record[code] and not record[name]:
            out.append(FieldProblem(name, "required", f"is required with {code}"))
        if record[name] and not record[code]:
            out.append(FieldProblem(code, "required", f"is required with {name}"))
    insured = bool(record["MA_THE_BHYT"])
    if insured:
        for name in ("MA_DKBD", "GT_THE_TU"):
            if not record[name]:
                out.append(FieldProblem(name, "required", "is required for a BHYT visit"))
        if record["MA_DOITUONG_KCB"] == UNINSURED_OBJECT_CODE:
            out.append(FieldProblem("MA_DOITUONG_KCB", "inconsistent", "is 9 (not BHYT) but MA_THE_BHYT is set"))
    else:
        for name in ("MA_DKBD", "GT_THE_TU", "GT_THE_DEN"):
            if record[name]:
                out.append(FieldProblem(name, "must_be_empty", "must be empty when MA_THE_BHYT is empty"))
        if record["MA_DOITUONG_KCB"] and record["MA_DOITUONG_KCB"] != UNINSURED_OBJECT_CODE:
            out.append(FieldProblem("MA_DOITUONG_KCB", "inconsistent",
                                    "a visit without MA_THE_BHYT is not a BHYT visit: the code must be 9"))
    return out


def visit_problems(visit: Mapping[str, object], record: Mapping[str, str]) -> list[FieldProblem]:
    """Problems of the visit behind ``record`` that the record alone cannot show.

    - A CCCD visit without a card number confirmed by the gateway is never exported as "not BHYT" (object
      code 9) unless the visit says so explicitly (``self_pay``): look the card up, or mark it self-pay.
    - An insured visit whose object code the kiosk could not propose (a route it cannot place, or a date
      before QĐ 3276 for a route the earlier list leaves open) is named as such, not only as "required".
    """
    out: list[FieldProblem] = []
    if (visit.get("card_kind") == "cccd" and not record["MA_THE_BHYT"] and not visit.get("self_pay")
            and record["MA_DOITUONG_KCB"] in ("", UNINSURED_OBJECT_CODE)):
        out.append(FieldProblem("MA_THE_BHYT", "cccd_without_card",
                                "CCCD visit without a card number confirmed by the gateway: look the card up "
                                "online (or mark the visit self-pay); it is not exported as not insured"))
    if record["MA_THE_BHYT"] and not record["MA_DOITUONG_KCB"]:
        route = visit.get("route") or "not recorded"
        out.append(FieldProblem("MA_DOITUONG_KCB", "staff_choice",
                                f"no object-of-visit code can be proposed for route {route} on this date: "
                                "reception chooses it"))
    return out


def validate_xml0(record: Mapping[str, str]) -> list[FieldProblem]:
    """Every field-level problem of ``record`` (empty list: the record satisfies the table)."""
    arrival = _timestamp(record["NGAY_VAO"])
    return (_field_problems(record) + _code_problems(record, arrival.date() if arrival else None)
            + _rule_problems(record))
