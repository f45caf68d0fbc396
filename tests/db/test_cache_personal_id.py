"""Card cache look-ups by either number: the 15-character card or the 12-digit personal ID
(docs/eligibility.md, "Card numbers")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.cards import BhytCard, BirthDate, CachedCard, CccdCard, parse_payload
from kiosk.cards.cardlist import read_card_list
from kiosk.db.store import Store
from tests.cards.builders import bhyt_2018

PERSONAL_ID = "001185000321"
CARD15 = "DN4790123456789"


def _cards(store: Store) -> None:
    store.upsert_cards([
        CachedCard(CARD15, "0123456789", PERSONAL_ID, "Nguyễn Văn An", BirthDate(1985, 3, 15),
                   facility_code="79123", valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31)),
        # A card known only under its personal ID (no separate citizen-ID column).
        CachedCard("079190000042", None, None, "Lê Thị Hoa", BirthDate(1990, 6), facility_code="79001"),
    ])


def test_a_scanned_personal_id_card_finds_the_15_character_card(store: Store) -> None:
    _cards(store)
    scanned = parse_payload(bhyt_2018(card=PERSONAL_ID))
    assert isinstance(scanned, BhytCard)
    found = store.find_cached(scanned)
    assert found is not None and found.card_number == CARD15


def test_the_15_character_card_is_still_found_by_its_number(store: Store) -> None:
    _cards(store)
    scanned = parse_payload(bhyt_2018(card=CARD15))
    found = store.find_cached(scanned)
    assert found is not None and found.citizen_id == PERSONAL_ID


def test_find_by_number_accepts_every_form(store: Store) -> None:
    _cards(store)
    for number in (CARD15, PERSONAL_ID, "0123456789"):
        found = store.find_by_number(number)
        assert found is not None and found.card_number == CARD15, number
    assert store.find_by_number("001185000999") is None


def test_a_cccd_finds_a_card_numbered_by_its_personal_id(store: Store) -> None:
    _cards(store)
    cccd = parse_payload("079190000042||Lê Thị Hoa|061990|Nữ|Số 1|10052022")
    assert isinstance(cccd, CccdCard)
    found = store.find_cached(cccd)
    assert found is not None and found.card_number == "079190000042"
    assert found.birth_date == BirthDate(1990, 6)  # a month-precise birth date round-trips


def test_card_list_import_accepts_personal_id_card_numbers(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_text("card_number,bhxh_number,citizen_id,name,birth_date,gender,facility_code,valid_from,valid_to,"
                    "status,replaced_by\n"
                    f"{PERSONAL_ID},,{PERSONAL_ID},Nguyễn Văn An,1985-03-15,male,79123,2026-01-01,2026-12-31,active,\n",
                    encoding="utf-8")
    result = store.import_cards(read_card_list(path))
    assert result.error_count == 0 and result.imported == 1
    found = store.find_by_number(PERSONAL_ID)
    assert found is not None and found.bhxh_number is None
