"""Card cache: list import (bad rows, --strict, re-import), lookups, stats, pulled pages + cursor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cards import parse_payload
from kiosk.cards.cardlist import read_card_list
from kiosk.cards.model import BirthDate, CachedCard, CardStatus, Gender
from kiosk.db.demo import DEMO_CARDS, bhyt_payload, load_demo
from kiosk.db.errors import StoreUsageError
from kiosk.db.store import Store

HEADER = ("card_number,bhxh_number,citizen_id,name,birth_date,gender,facility_code,valid_from,valid_to,status,"
          "replaced_by\n")
GOOD_1 = "DN4010100000001,,001085000101,Nguyễn Văn An,1985-03-15,male,01999,2024-01-01,,active,\n"
GOOD_2 = "HC4010100000002,0100000002,,Trần Thị Bình,1979,female,01099,2024-01-01,2026-12-31,reduced,\n"
BAD_DATE = "DN4010100000003,,,Lê Văn Cường,1950-13-20,male,01999,2024-01-01,,active,\n"
BAD_STATUS = "DN4010100000004,,,Phạm Diệp,1990-01-01,female,01999,2024-01-01,,lost,\n"
GOOD_3 = "GD4010100000005,,,Hoàng Minh Đức,1992-01-30,male,01999,2024-01-01,,active,\n"


def write(tmp_path: Path, *rows: str, name: str = "cards.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_import_reports_bad_rows_by_line_and_imports_the_rest(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_1, BAD_DATE, GOOD_2, BAD_STATUS, GOOD_3)
    result = store.import_cards(read_card_list(path))
    assert (result.rows, result.imported, result.inserted, result.updated) == (5, 3, 3, 0)
    assert [line for line, _ in result.errors] == [3, 5]
    assert "birth_date" in result.errors[0][1] and "status" in result.errors[1][1]
    assert not result.refused
    assert store.cache_stats().cards == 3
    assert store.card_by_number("DN4010100000003") is None


def test_strict_import_refuses_everything(store: Store, tmp_path: Path) -> None:
    store.import_cards(read_card_list(write(tmp_path, GOOD_1)))
    changed = GOOD_1.replace("Nguyễn Văn An", "Nguyễn Văn Anh")
    path = write(tmp_path, changed, BAD_DATE, GOOD_2, BAD_STATUS, name="b.csv")
    result = store.import_cards(read_card_list(path), strict=True)
    assert result.refused and result.imported == 0 and result.error_count == 2
    assert [line for line, _ in result.errors] == [3, 5]
    card = store.card_by_number("DN4010100000001")
    assert card is not None and card.name == "Nguyễn Văn An"  # the update was not applied either
    assert store.cache_stats().cards == 1


def test_reimport_updates_rows(store: Store, tmp_path: Path) -> None:
    store.import_cards(read_card_list(write(tmp_path, GOOD_1, GOOD_2)))
    revoked = GOOD_1.replace(",active,", ",revoked,")
    result = store.import_cards(read_card_list(write(tmp_path, revoked, GOOD_3, name="c.csv")))
    assert (result.imported, result.inserted, result.updated) == (2, 1, 1)
    card = store.card_by_number("DN4010100000001")
    assert card is not None and card.status is CardStatus.REVOKED
    assert store.cache_stats().by_status == {"revoked": 1, "reduced": 1, "active": 1}


def test_lookup_round_trips_every_field(store: Store, tmp_path: Path) -> None:
    store.import_cards(read_card_list(write(tmp_path, GOOD_1, GOOD_2)))
    assert store.card_by_number("HC4010100000002") == CachedCard(
        card_number="HC4010100000002", bhxh_number="0100000002", citizen_id=None, name="Trần Thị Bình",
        birth_date=BirthDate(1979), gender=Gender.FEMALE, facility_code="01099",
        valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2026, 12, 31), status=CardStatus.REDUCED)
    assert [c.card_number for c in store.cards_by_bhxh_number("0100000001")] == ["DN4010100000001"]
    assert [c.card_number for c in store.cards_by_citizen_id("001085000101")] == ["DN4010100000001"]
    assert store.cards_by_citizen_id("000000000000") == []


def test_xlsx_import(store: Store, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for line in (HEADER + GOOD_1 + BAD_DATE).splitlines():
        sheet.append(line.split(","))
    path = tmp_path / "cards.xlsx"
    book.save(path)
    result = store.import_cards(read_card_list(path))
    assert result.imported == 1 and [line for line, _ in result.errors] == [3]


def test_find_cached_prefers_the_active_card_of_a_social_insurance_number(store: Store) -> None:
    load_demo(store)
    old = store.card_by_number("DN4010100000026")
    assert old is not None and old.status is CardStatus.REPLACED
    # A card number not in the cache, with the same social-insurance number: the newer, active card.
    scanned = parse_payload(bhyt_payload(old, card_number="GD4010100000026"))
    found = store.find_cached(scanned)
    assert found is not None and found.card_number == "HC4010100000026"


def test_stats_report_size_per_card(store: Store) -> None:
    load_demo(store)
    stats = store.cache_stats()
    assert stats.cards == sum(1 for _ in DEMO_CARDS.open(encoding="utf-8")) - 1
    assert stats.cache_bytes and stats.bytes_per_card and stats.bytes_per_card > 0
    assert stats.last_import_at is not None
    assert set(stats.to_json()) == {"cards", "by_status", "cache_bytes", "bytes_per_card", "last_import_at"}


def test_pull_page_applies_changes_and_cursor_together(store: Store) -> None:
    load_demo(store)
    page = {
        "cards": {"upserted": [{"card_number": "DN4010100000001", "name": "Nguyễn Văn An", "status": "revoked",
                                "birth_date": "1985-03-15", "gender": "male", "valid_from": "2024-01-01"},
                               {"card_number": "XX", "valid_to": "not a date"}],
                  "deleted": ["HC4010100000002"]},
        "departments": {"upserted": [{"code": "K09", "name": "Khoa mới", "name_en": "New"}], "deleted": ["K04"]},
        "settings": {"upserted": [{"key": "facility.name", "value": "Phòng khám Mẫu"}]},
    }
    tally = store.apply_pull_page(page, cursor_name="cards", next_cursor="42")
    assert store.get_cursor("cards") == "42"
    assert tally.upserted["cards"] == 1 and tally.deleted["cards"] == 1 and len(tally.skipped) == 1
    card = store.card_by_number("DN4010100000001")
    assert card is not None and card.status is CardStatus.REVOKED
    assert store.card_by_number("HC4010100000002") is None
    codes = [d.code for d in store.departments()]
    assert "K09" in codes and "K04" not in codes
    k09 = next(d for d in store.departments() if d.code == "K09")
    assert (k09.ticket_prefix, k09.name("en"), k09.name("ja")) == ("K09", "New", "Khoa mới")
    assert store.facility_settings() == {"facility.name": "Phòng khám Mẫu"}


def test_a_refused_page_leaves_data_and_cursor_unchanged(store: Store) -> None:
    store.set_cursor("cards", "7")
    page = {"cards": {"upserted": [{"card_number": "DN4010100000001"}]}, "patients": {"upserted": [{}]}}
    with pytest.raises(StoreUsageError, match="patients"):
        store.apply_pull_page(page, cursor_name="cards", next_cursor="8")
    assert store.get_cursor("cards") == "7"
    assert store.card_by_number("DN4010100000001") is None


def test_failure_inside_a_page_rolls_back_the_cursor(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process dies between applying the page and saving its cursor: neither stays."""
    store.set_cursor("cards", "7")
    page = {"cards": {"upserted": [{"card_number": "DN4010100000001"}]},
            "departments": {"upserted": [{"code": "K05", "name": "Khoa"}]}}

    def power_cut(*_args: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "_set_cursor", power_cut)
    with pytest.raises(RuntimeError, match="power cut"):
        store.apply_pull_page(page, cursor_name="cards", next_cursor="8")
    monkeypatch.undo()
    assert store.get_cursor("cards") == "7"
    assert store.card_by_number("DN4010100000001") is None
    assert store.departments() == []


def test_service_with_unknown_department_is_kept_without_it(store: Store) -> None:
    tally = store.apply_pull_page({"services": {"upserted": [{"code": "S1", "name": "Khám",
                                                               "department_code": "NOPE"}]}},
                                  cursor_name="ref", next_cursor="1")
    assert [s["department_code"] for s in store.services()] == [None]
    assert "unknown department" in tally.skipped[0]


def test_clear_card_cache(store: Store) -> None:
    load_demo(store)
    store.clear_card_cache()
    assert store.cache_stats().cards == 0


def test_the_later_row_for_a_card_wins_within_one_file(store: Store, tmp_path: Path) -> None:
    later = GOOD_1.replace("Nguyễn Văn An", "Nguyễn Văn Ân").replace(",001085000101,", ",,")
    result = store.import_cards(read_card_list(write(tmp_path, GOOD_1, GOOD_2, later)))
    assert (result.imported, result.inserted, result.updated) == (3, 2, 1)
    card = store.card_by_number("DN4010100000001")
    assert card is not None and (card.name, card.citizen_id) == ("Nguyễn Văn Ân", None)


def _rows(n: int, fail_at: int | None = None) -> Iterator[tuple[int, object]]:
    for i in range(n):
        if i == fail_at:
            raise RuntimeError("the reader died")
        yield i + 2, CachedCard(card_number=f"DN401{i:010d}")


def test_import_is_one_transaction(store: Store) -> None:
    """A non-strict import that dies halfway leaves the cache exactly as it was (no half import)."""
    store.import_cards(_rows(5))
    with pytest.raises(RuntimeError):
        store.import_cards(_rows(50, fail_at=35), batch_size=10)
    assert store.cache_stats().cards == 5
    result = store.import_cards(_rows(50), batch_size=10)  # again: all of it
    assert (result.imported, result.inserted, result.updated) == (50, 45, 5)


def test_strict_import_is_one_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError):
        store.import_cards(_rows(50, fail_at=35), strict=True, batch_size=10)
    assert store.cache_stats().cards == 0


def test_import_card_file_strict_checks_before_writing(store: Store, tmp_path: Path) -> None:
    result = store.import_card_file(write(tmp_path, GOOD_1, BAD_DATE, GOOD_2), strict=True)
    assert result.refused and result.error_count == 1 and result.errors[0][0] == 3
    assert store.cache_stats().cards == 0
    result = store.import_card_file(write(tmp_path, GOOD_1, GOOD_2, name="ok.csv"), strict=True)
    assert not result.refused and result.imported == 2 and store.cache_stats().cards == 2
