"""XML0 check-in documents (QĐ 4750 ``TRANG_THAI_KCB``) built from a kiosk visit (docs/xml0.md).

    record = build_xml0(visit, facility)          # visit: the wire format of docs/visit-wire-format.md
    problems = validate_xml0(record)              # field-level problems; empty means "send it"
    data = to_xml(record)                         # UTF-8 bytes, the whole file to base64 for the upload

``MA_LK`` is derived from the visit's id (``<MA_CSKCB>_<yyyyMMdd>_<uuid hex>``), so rebuilding the file for
a resend gives the same key; the hub should still store the key it first sent and pass it back in
:class:`Xml0Extras` so a later change of settings can never change it. The signature block
(``CHUKYDONVI``) is not produced here: sign the final bytes and keep them for resends.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from kiosk.cards.numbers import PERSONAL_ID_RE
from kiosk.cards.route import FacilityProfile, Route, circumstances_for, decide_route
from kiosk.gateway.errors import GatewayError
from kiosk.gateway.xml0_check import validate_xml0, visit_problems
from kiosk.gateway.xml0_fields import (
    FIELD_NAMES,
    LIST_TAG,
    RECORD_TAG,
    ROOT_TAG,
    SPECS,
    UNINSURED_OBJECT_CODE,
    FieldProblem,
    object_codes_on,
)

__all__ = ["FieldProblem", "FirstItem", "ItemKind", "Xml0Extras", "Xml0Facility", "Xml0InputError", "Xml0Record",
           "build_xml0", "make_ma_lk", "object_code_for_visit", "parse_xml0", "read_record_key", "to_xml",
           "validate_xml0", "visit_problems"]


class ItemKind(enum.StrEnum):
    SERVICE = "service"  # MA_DICH_VU / TEN_DICH_VU (normally the consultation)
    DRUG = "drug"        # MA_THUOC / TEN_THUOC
    SUPPLY = "supply"    # MA_VAT_TU / TEN_VAT_TU


_ITEM_FIELDS = {ItemKind.SERVICE: ("MA_DICH_VU", "TEN_DICH_VU"), ItemKind.DRUG: ("MA_THUOC", "TEN_THUOC"),
                ItemKind.SUPPLY: ("MA_VAT_TU", "TEN_VAT_TU")}


@dataclass(frozen=True)
class FirstItem:
    """The first chargeable item of a visit (a department's consultation, usually)."""

    code: str
    name: str
    kind: ItemKind = ItemKind.SERVICE


@dataclass(frozen=True)
class Xml0Facility:
    """Facility settings the XML0 needs."""

    #: MA_CSKCB, 5 characters.
    facility_code: str
    #: Department code -> its first chargeable item (service code from the DMDC catalogue and its name).
    first_items: Mapping[str, FirstItem] = field(default_factory=dict)
    #: Item used for departments missing from ``first_items`` (None: such visits get a problem).
    default_item: FirstItem | None = None
    #: MA_LOAI_KCB; a reception kiosk normally produces "01" (outpatient consultation).
    visit_type: str = "01"
    #: MA_DOITUONG_KCB proposed for an insured visit whose card is registered here (when no ``profile``).
    object_code_registered: str = "1.1"
    #: MA_DOITUONG_KCB proposed for an insured visit registered elsewhere when no ``profile`` is given; used
    #: only when it is in the visit date's code set (else staff choose: the record reports it).
    object_code_elsewhere: str = "1.11"
    #: The facility's level and route rules: with it, MA_DOITUONG_KCB follows the visit's route and the
    #: visit date's code set (docs/eligibility.md, "Object-of-visit codes").
    profile: FacilityProfile | None = None
    #: Visits whose verdict is still ``unknown`` (not yet confirmed online) are reported with their card.
    unknown_is_insured: bool = True


@dataclass(frozen=True)
class Xml0Extras:
    """Per-visit values the kiosk does not know; the hub / HIS supplies them when it has them."""

    #: The MA_LK first sent for this visit (keeps it stable for resends); None: derived from the visit id.
    ma_lk: str | None = None
    #: Facility patient id (MA_BN); None: derived (BHXH number, CCCD, card number, else the visit id).
    patient_id: str | None = None
    #: Overrides the department's first item.
    item: FirstItem | None = None
    #: NGAY_YL: time of the first order; None: the arrival time.
    ordered_at: dt.datetime | None = None
    #: Overrides the proposed MA_DOITUONG_KCB (e.g. 1.3 with a referral, 1.5 with an appointment).
    object_code: str | None = None
    #: NGAY_VAO_NOI_TRU and LY_DO_VNT when the patient is admitted.
    admitted_at: dt.datetime | None = None
    admission_reason: str | None = None
    #: STT within the submission.
    stt: int = 1


class Xml0InputError(GatewayError, ValueError):
    """The visit cannot be turned into an XML0 record (the problems say which field)."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems

    code = "xml0_input"
    summary = "The visit cannot be turned into a check-in file"


class Xml0Record(Mapping[str, str]):
    """The 26 values of one ``TRANG_THAI_KCB`` row, in table order (missing values are "")."""

    def __init__(self, values: Mapping[str, str]) -> None:
        unknown = set(values) - set(FIELD_NAMES)
        if unknown:
            raise KeyError(f"not XML0 fields: {sorted(unknown)}")
        self._values = {name: values.get(name, "") or "" for name in FIELD_NAMES}

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(FIELD_NAMES)

    def __len__(self) -> int:
        return len(FIELD_NAMES)

    def __repr__(self) -> str:
        return f"Xml0Record(MA_LK={self._values['MA_LK']!r})"

    def replace(self, **changes: str) -> Xml0Record:
        return Xml0Record({**self._values, **changes})


def make_ma_lk(facility_code: str, visit_date: dt.date, visit_id: str) -> str:
    """A stable episode key: ``<MA_CSKCB>_<yyyyMMdd>_<32 hex of the visit UUID>`` (47 characters)."""
    try:
        tail = uuid.UUID(visit_id).hex
    except ValueError:
        tail = re.sub(r"[^0-9A-Za-z]", "", visit_id)[:60]
    if not tail:
        raise ValueError("a visit id is needed to derive MA_LK")
    return f"{facility_code}_{visit_date:%Y%m%d}_{tail}"


def _timestamp(moment: dt.datetime) -> str:
    return f"{moment:%Y%m%d%H%M}"


def _date8(value: Any) -> str:
    if value in (None, ""):
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day:%Y%m%d}"


def _birth12(value: Any) -> str:
    """NGAY_SINH: ``yyyyMMdd0000``; year only ``yyyy00000000``. A month without a day (CCCD ``MMYYYY``) has
    no form of its own in the table, so it is written as the year alone."""
    text = "" if value is None else str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}00000000"
    if re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:
        return f"{text[:4]}00000000"
    return f"{dt.date.fromisoformat(text):%Y%m%d}0000"


_GENDER = {"male": "1", "female": "2"}


def _is_insured(visit: Mapping[str, Any], facility: Xml0Facility) -> bool:
    verdict = str(visit.get("verdict") or "")
    if not visit.get("card_number") or visit.get("self_pay"):
        return False  # no card, or staff marked the visit self-pay: not billed to BHYT (object code 9)
    return verdict == "valid" or (verdict == "unknown" and facility.unknown_is_insured)


def object_code_for_visit(visit: Mapping[str, Any], facility: Xml0Facility, visit_date: dt.date) -> str:
    """The proposed MA_DOITUONG_KCB of an insured visit, always in the visit date's code set ("" when the
    kiosk cannot tell: staff choose, and the check reports the field).

    The stored route (referral, appointment, emergency …) and the facility's profile decide it; without a
    profile, routes that do not depend on the facility's level still do, and the configured
    ``object_code_registered`` / ``object_code_elsewhere`` stand in for the rest.
    """
    registered = visit.get("registered_here") is True or visit.get("card_facility_code") == facility.facility_code
    profile = facility.profile or FacilityProfile(code=facility.facility_code)
    card_facility = visit.get("card_facility_code")
    if registered:
        card_facility = facility.facility_code
    level = visit.get("benefit_level")
    decision = decide_route(str(card_facility) if card_facility else None, level if isinstance(level, int) else None,
                            profile, visit_date, circumstances_for(visit.get("route")))
    legacy = facility.profile is None and decision.route in (Route.REGISTERED_HERE, Route.OUTSIDE_ROUTE,
                                                             Route.UNKNOWN)
    if decision.object_code and not legacy:
        return decision.object_code
    if legacy:
        proposed = facility.object_code_registered if registered else facility.object_code_elsewhere
        return proposed if proposed in object_codes_on(visit_date) else ""
    return ""


def _object_code(visit: Mapping[str, Any], facility: Xml0Facility, insured: bool, visit_date: dt.date) -> str:
    if not insured:
        return UNINSURED_OBJECT_CODE
    return object_code_for_visit(visit, facility, visit_date)


def _so_cccd(visit: Mapping[str, Any]) -> str:
    """SO_CCCD: the visit's citizen ID, else the card number when it is the 12-digit personal ID."""
    citizen_id = str(visit.get("citizen_id") or "")
    card_number = str(visit.get("card_number") or "")
    return citizen_id or (card_number if PERSONAL_ID_RE.fullmatch(card_number) else "")


def _patient_id(visit: Mapping[str, Any], visit_id: str) -> str:
    for key in ("patient_id", "bhxh_number", "citizen_id", "card_number"):
        if visit.get(key):
            return str(visit[key])
    return "V" + visit_id.replace("-", "")[:32]


def _read(visit: Mapping[str, Any], problems: list[FieldProblem], xml_field: str, key: str,
          convert: Any) -> Any:
    try:
        return convert(visit.get(key))
    except (TypeError, ValueError):
        problems.append(FieldProblem(xml_field, "unreadable",
                                     f"the visit's {key!r} ({visit.get(key)!r}) cannot be read"))
        return None


def _arrival(value: Any) -> dt.datetime:
    """The wall-clock time at the clinic, in the UTC offset the kiosk sent (never converted)."""
    return dt.datetime.fromisoformat(str(value))


def build_xml0(visit: Mapping[str, Any], facility: Xml0Facility, extras: Xml0Extras | None = None) -> Xml0Record:
    """The XML0 record of one visit. Raises Xml0InputError when visit values cannot be read at all."""
    extras = extras or Xml0Extras()
    problems: list[FieldProblem] = []
    visit_id = str(visit.get("id") or "")
    arrival = _read(visit, problems, "NGAY_VAO", "created_at", _arrival)
    visit_date = _read(visit, problems, "MA_LK", "visit_date", lambda v: dt.date.fromisoformat(str(v)))
    birth = _read(visit, problems, "NGAY_SINH", "birth_date", _birth12)
    insured = _is_insured(visit, facility)
    valid_from = _read(visit, problems, "GT_THE_TU", "valid_from", _date8) if insured else ""
    valid_to = _read(visit, problems, "GT_THE_DEN", "valid_to", _date8) if insured else ""
    if not visit_id:
        problems.append(FieldProblem("MA_LK", "required", "the visit has no id"))
    if problems:
        raise Xml0InputError(problems)
    assert isinstance(arrival, dt.datetime) and isinstance(visit_date, dt.date)
    ma_lk = extras.ma_lk or make_ma_lk(facility.facility_code, visit_date, visit_id)
    item = extras.item or facility.first_items.get(str(visit.get("department_code") or "")) or facility.default_item
    values: dict[str, str] = {
        "MA_LK": ma_lk,
        "STT": str(extras.stt),
        "MA_BN": extras.patient_id or _patient_id(visit, visit_id),
        "HO_TEN": " ".join(str(visit.get("name") or "").split()),
        "SO_CCCD": _so_cccd(visit),
        "NGAY_SINH": birth or "",
        "GIOI_TINH": _GENDER.get(str(visit.get("gender") or ""), "3"),
        "MA_THE_BHYT": str(visit.get("card_number") or "") if insured else "",
        "MA_DKBD": str(visit.get("card_facility_code") or "") if insured else "",
        # A card without a start date (temporary card) uses the visit date.
        "GT_THE_TU": (valid_from or f"{visit_date:%Y%m%d}") if insured else "",
        "GT_THE_DEN": valid_to or "",
        "MA_DOITUONG_KCB": extras.object_code or _object_code(visit, facility, insured, visit_date),
        "NGAY_VAO": _timestamp(arrival),
        "NGAY_VAO_NOI_TRU": _timestamp(extras.admitted_at) if extras.admitted_at else "",
        "LY_DO_VNT": (extras.admission_reason or "").strip(),
        "MA_LOAI_KCB": facility.visit_type,
        "MA_CSKCB": facility.facility_code,
        "NGAY_YL": _timestamp(extras.ordered_at or arrival),
    }
    if item is not None:
        code_field, name_field = _ITEM_FIELDS[item.kind]
        values[code_field], values[name_field] = item.code.strip(), " ".join(item.name.split())
    return Xml0Record(values)


# -- serialisation ------------------------------------------------------------------------------------
def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def to_xml(record: Xml0Record) -> bytes:
    """The XML0 document (UTF-8, no BOM, LF line ends), as laid out in docs/xml0.md §3."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<{ROOT_TAG}>", f"  <{LIST_TAG}>", f"    <{RECORD_TAG}>"]
    for name in FIELD_NAMES:
        value = record[name]
        text = _cdata(value) if value and SPECS[name].cdata else escape(value)
        lines.append(f"      <{name}>{text}</{name}>")
    lines += [f"    </{RECORD_TAG}>", f"  </{LIST_TAG}>", f"</{ROOT_TAG}>", ""]
    return "\n".join(lines).encode("utf-8")


def parse_xml0(document: bytes) -> list[Xml0Record]:
    """The records of an XML0 document. Raises ValueError when it is not one."""
    try:
        root = ET.fromstring(document)
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML: {exc}") from None
    if root.tag != ROOT_TAG:
        raise ValueError(f"root element is {root.tag!r}, expected {ROOT_TAG!r}")
    rows = root.findall(f"./{LIST_TAG}/{RECORD_TAG}")
    if not rows:
        raise ValueError(f"no {RECORD_TAG} element")
    records = []
    for row in rows:
        values = {child.tag: child.text or "" for child in row if child.tag in SPECS}
        records.append(Xml0Record(values))
    return records


def read_record_key(document: bytes) -> str | None:
    """MA_LK of the first record, or None when the document cannot be read."""
    try:
        return parse_xml0(document)[0]["MA_LK"] or None
    except ValueError:
        return None
