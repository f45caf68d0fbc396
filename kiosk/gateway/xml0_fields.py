"""The XML0 check-in table (QĐ 4750, ``TRANG_THAI_KCB``) as data: fields, formats, code lists.

Source: docs/xml0.md §2 (fields), §4 (formats), §5 (``MA_LOAI_KCB``), §6 (``MA_DOITUONG_KCB``).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Final

from kiosk.cards.route import CODES_3276_FROM


class Fmt(enum.StrEnum):
    TEXT = "text"          # free text
    STRING = "string"      # code or identifier
    NUMBER = "number"      # digits
    TIMESTAMP = "yyyyMMddHHmm"
    DATE = "yyyyMMdd"
    BIRTH = "birth"        # yyyyMMddHHmm with 0000 for unknown time / day+month


class Req(enum.StrEnum):
    YES = "X"
    NO = ""
    ONE_OF_ITEMS = "one of 19/21/23"
    WITH_CODE = "with its code"
    IF_ADMITTED = "if 14 set"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    no: int
    name: str
    fmt: Fmt
    #: Maximum length (None: unlimited text).
    max_len: int | None
    #: Exact length when set (12 for timestamps, 8 for dates, 5 for facility codes …).
    exact_len: int | None
    required: Req
    #: Written as CDATA when not empty (free text, as one vendor does for long text fields).
    cdata: bool = False


FIELDS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec(1, "MA_LK", Fmt.STRING, 100, None, Req.YES),
    FieldSpec(2, "STT", Fmt.NUMBER, 10, None, Req.YES),
    FieldSpec(3, "MA_BN", Fmt.STRING, 100, None, Req.YES),
    FieldSpec(4, "HO_TEN", Fmt.TEXT, 255, None, Req.YES),
    FieldSpec(5, "SO_CCCD", Fmt.STRING, 15, None, Req.NO),
    FieldSpec(6, "NGAY_SINH", Fmt.BIRTH, 12, 12, Req.YES),
    FieldSpec(7, "GIOI_TINH", Fmt.NUMBER, 1, 1, Req.YES),
    FieldSpec(8, "MA_THE_BHYT", Fmt.STRING, 50, None, Req.NO),
    FieldSpec(9, "MA_DKBD", Fmt.STRING, 5, 5, Req.NO),
    FieldSpec(10, "GT_THE_TU", Fmt.DATE, 8, 8, Req.NO),
    FieldSpec(11, "GT_THE_DEN", Fmt.DATE, 8, 8, Req.NO),
    FieldSpec(12, "MA_DOITUONG_KCB", Fmt.STRING, 4, None, Req.YES),
    FieldSpec(13, "NGAY_VAO", Fmt.TIMESTAMP, 12, 12, Req.YES),
    FieldSpec(14, "NGAY_VAO_NOI_TRU", Fmt.TIMESTAMP, 12, 12, Req.NO),
    FieldSpec(15, "LY_DO_VNT", Fmt.TEXT, None, None, Req.IF_ADMITTED, cdata=True),
    FieldSpec(16, "MA_LY_DO_VNT", Fmt.STRING, 5, None, Req.NO),
    FieldSpec(17, "MA_LOAI_KCB", Fmt.STRING, 2, 2, Req.YES),
    FieldSpec(18, "MA_CSKCB", Fmt.STRING, 5, 5, Req.YES),
    FieldSpec(19, "MA_DICH_VU", Fmt.STRING, 50, None, Req.ONE_OF_ITEMS),
    FieldSpec(20, "TEN_DICH_VU", Fmt.TEXT, 1024, None, Req.WITH_CODE),
    FieldSpec(21, "MA_THUOC", Fmt.STRING, 255, None, Req.ONE_OF_ITEMS),
    FieldSpec(22, "TEN_THUOC", Fmt.TEXT, 1024, None, Req.WITH_CODE),
    FieldSpec(23, "MA_VAT_TU", Fmt.STRING, 255, None, Req.ONE_OF_ITEMS),
    FieldSpec(24, "TEN_VAT_TU", Fmt.TEXT, 1024, None, Req.WITH_CODE),
    FieldSpec(25, "NGAY_YL", Fmt.TIMESTAMP, 12, 12, Req.YES),
    FieldSpec(26, "DU_PHONG", Fmt.TEXT, None, None, Req.NO, cdata=True),
)

FIELD_NAMES: Final = tuple(spec.name for spec in FIELDS)
SPECS: Final = {spec.name: spec for spec in FIELDS}

#: Item code / name pairs (19-20 service, 21-22 drug, 23-24 supply).
ITEM_PAIRS: Final = (("MA_DICH_VU", "TEN_DICH_VU"), ("MA_THUOC", "TEN_THUOC"), ("MA_VAT_TU", "TEN_VAT_TU"))

ROOT_TAG: Final = "CHI_TIEU_TRANG_THAI_KCB"
LIST_TAG: Final = "DSACH_TRANG_THAI_KCB"
RECORD_TAG: Final = "TRANG_THAI_KCB"

#: ``MA_LOAI_KCB`` (QĐ 824; in use 2024-2026).
VISIT_TYPES_824: Final = frozenset(f"{n:02d}" for n in range(1, 10))
#: QĐ 1804/QĐ-BYT (19/06/2026) adds 10-16 (to be applied by 01/08/2026).
VISIT_TYPES_1804: Final = VISIT_TYPES_824 | frozenset(f"{n:02d}" for n in range(10, 17))
VISIT_TYPES_1804_FROM: Final = dt.date(2026, 6, 19)

#: ``MA_DOITUONG_KCB``, QĐ 824 (2023) list.
OBJECT_CODES_824: Final = frozenset(
    [f"1.{n}" for n in range(1, 11)] + ["2"] + [f"3.{n}" for n in range(1, 8)] + [f"7.{n}" for n in range(1, 5)]
    + ["8", "9"])
#: QĐ 3276/QĐ-BYT (17/10/2025) list, 27 codes (no 7.1).
OBJECT_CODES_3276: Final = frozenset(
    [f"1.{n}" for n in range(1, 8)] + [f"1.{n}" for n in range(11, 19)] + ["2", "3.1", "3.2", "3.3", "3.6", "7",
                                                                              "7.2", "7.3", "7.4", "8", "9", "10"])
#: Visits on or after this date are checked against the QĐ 3276 list: the decision applies from its signing,
#: 17/10/2025 (docs/eligibility.md, "Object-of-visit codes"). The same date drives the exporter
#: (kiosk.cards.route.CODES_3276_FROM), so the two always agree.
OBJECT_CODES_3276_FROM: Final = CODES_3276_FROM

#: Not a BHYT visit.
UNINSURED_OBJECT_CODE: Final = "9"


def visit_types_on(day: dt.date) -> frozenset[str]:
    return VISIT_TYPES_1804 if day >= VISIT_TYPES_1804_FROM else VISIT_TYPES_824


def object_codes_on(day: dt.date) -> frozenset[str]:
    return OBJECT_CODES_3276 if day >= OBJECT_CODES_3276_FROM else OBJECT_CODES_824


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One problem with one field of an XML0 record."""

    field: str
    problem: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
