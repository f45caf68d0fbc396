"""Synthetic demo data: cards covering every status and verdict, departments with rooms, payloads.

``resources/demo/cards.csv`` (36 invented cards; facility 01999 is "here", the configured default)
and ``resources/demo/departments.json`` (5 departments, 5 services, names in vi/en/zh/ko/ja).
:func:`load_demo` puts them into a store (the app's demo mode calls it); :func:`demo_scenarios`
gives a QR payload per situation with the verdict ``card check`` should give on :data:`DEMO_DAY`
(the synthetic scanner and the tests use them). No real person's data anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from kiosk.cards.cardlist import read_card_list
from kiosk.cards.model import BirthDate, CachedCard, Gender
from kiosk.db.errors import StoreUsageError
from kiosk.db.store import Store

DEMO_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "demo"
DEMO_CARDS: Final = DEMO_DIR / "cards.csv"
DEMO_DEPARTMENTS: Final = DEMO_DIR / "departments.json"
#: The facility the demo cards are "registered here" at.
DEMO_FACILITY: Final = "01999"
#: A day on which every scenario gives its stated verdict (the valid cards stay valid until 2030+).
DEMO_DAY: Final = dt.date(2026, 11, 22)


def load_demo(store: Store, *, cards: Path = DEMO_CARDS, departments: Path = DEMO_DEPARTMENTS) -> dict[str, int]:
    """Import the demo cards and departments/services into ``store``; returns what was loaded."""
    for path in (cards, departments):
        if not path.is_file():
            raise StoreUsageError(f"demo data not found: {path}")
    result = store.import_card_file(cards, strict=True)
    if result.refused:
        raise StoreUsageError(f"demo card list {cards} has bad rows: {result.errors[:3]}")
    data = json.loads(departments.read_text(encoding="utf-8"))
    store.apply_reference_data(departments=data["departments"], services=data["services"])
    store.audit("demo_loaded", actor="system", details={"cards": result.imported})
    return {"cards": result.imported, "departments": len(data["departments"]),
            "services": len(data["services"])}


def _dmy(value: dt.date | BirthDate | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, BirthDate):
        return f"{value.year:04d}" if not value.full else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return value.strftime("%d/%m/%Y")


def bhyt_payload(card: CachedCard, *, name: str | None = None, birth_date: BirthDate | None = None,
                 card_number: str | None = None) -> str:
    """A 15-part (2018 layout) BHYT QR payload for a cached card, optionally with changed fields."""
    number = card_number or card.card_number
    facility = card.facility_code or "01999"
    bhxh = number[-10:] if card_number else (card.bhxh_number or number[-10:])
    fields = [
        number,
        (name or card.name or "").encode("utf-8").hex(),
        _dmy(birth_date or card.birth_date),
        {Gender.MALE: "1", Gender.FEMALE: "2"}.get(card.gender, "-") if card.gender else "-",
        "Số 1 đường Mẫu, phường Thử Nghiệm".encode().hex(),
        f"{facility[:2]} - {facility[2:]}",
        _dmy(card.valid_from or dt.date(2024, 1, 1)),
        _dmy(card.valid_to),
        "20/12/2023",
        f"0101{bhxh}",
        "-",
        "4",
        " 01/01/2030",
        "5e1f0c2a9b7d3c48-7102",
        "$",
    ]
    return "|".join(fields)


def cccd_payload(citizen_id: str, name: str, birth_date: BirthDate, gender: Gender | None) -> str:
    """A chip citizen-ID (CCCD) QR payload."""
    dob = f"{birth_date.day or 1:02d}{birth_date.month or 1:02d}{birth_date.year:04d}"
    sex = "Nam" if gender is Gender.MALE else "Nữ"
    return "|".join([citizen_id, "", name, dob, sex, "Số 1 đường Mẫu, phường Thử Nghiệm, Hà Nội", "10052022"])


@dataclass(frozen=True)
class Scenario:
    label: str
    payload: str
    #: Verdict on DEMO_DAY at DEMO_FACILITY.
    verdict: str
    registered_here: bool | None


def demo_scenarios(cards: Path = DEMO_CARDS) -> list[Scenario]:
    """One payload per demo situation, covering every verdict (and registered here / elsewhere)."""
    by_number = {c.card_number: c for _, c in read_card_list(cards) if isinstance(c, CachedCard)}

    def card(n: str) -> CachedCard:
        return by_number[n]

    an, lien = card("DN4010100000001"), card("HC4010100000032")
    old_dung = card("DN4010100000026")
    khoi = card("DN4010100000031")
    found: list[tuple[str, str, str, bool | None]] = [
        ("valid, registered here", bhyt_payload(an), "valid", True),
        ("valid, year-only birth date", bhyt_payload(card("BT2010100000008")), "valid", True),
        ("valid, 10-digit card number", bhyt_payload(card("0101000009")), "valid", True),
        ("valid, registered elsewhere", bhyt_payload(card("DN4790100000013")), "valid", False),
        ("expired", bhyt_payload(card("DN4010100000017")), "expired", True),
        ("not yet valid", bhyt_payload(card("SV4010100000020")), "not_yet_valid", True),
        ("revoked", bhyt_payload(card("DN4010100000022")), "revoked", True),
        ("reduced (báo giảm)", bhyt_payload(card("DN4010100000024")), "reduced", True),
        ("replaced, old card scanned", bhyt_payload(old_dung), "replaced", True),
        ("replaced, found by social-insurance number",
         bhyt_payload(lien, card_number="DN4010100000032"), "replaced", True),
        ("name does not match", bhyt_payload(an, name="Nguyễn Văn Bình"), "name_mismatch", True),
        ("birth date does not match", bhyt_payload(an, birth_date=BirthDate(1986, 3, 15)),
         "birth_date_mismatch", True),
        ("unknown card (not in the cache)", bhyt_payload(an, card_number="DN4010199999999"), "unknown", True),
        ("citizen ID, valid", cccd_payload(khoi.citizen_id or "", khoi.name or "",
                                           khoi.birth_date or BirthDate(1986), khoi.gender), "valid", False),
        ("citizen ID, not in the cache",
         cccd_payload("001099000999", "Lê Văn Mới", BirthDate(1999, 9, 9), Gender.MALE), "unknown", None),
    ]
    return [Scenario(*item) for item in found]


def scenario_table() -> list[dict[str, Any]]:
    """The scenarios as plain dicts (for JSON output and the demo screen)."""
    return [{"label": s.label, "payload": s.payload, "verdict": s.verdict,
             "registered_here": s.registered_here} for s in demo_scenarios()]
