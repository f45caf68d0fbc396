from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from kiosk.cards import BirthDate, CachedCard, CardStatus, Gender
from kiosk.cards.cardlist import (
    CARD_LIST_COLUMNS,
    CardListError,
    CardListRowError,
    cached_card_to_json,
    read_card_list,
)

HEADER = ",".join(CARD_LIST_COLUMNS)
GOOD = "DN4790123456789,0123456789,079085001234,Nguyễn Văn An,1985-03-15,male,79123,2026-01-01,2026-12-31,active,"


def write(tmp_path: Path, *lines: str, bom: bool = False) -> Path:
    path = tmp_path / "cards.csv"
    path.write_text(("\ufeff" if bom else "") + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_good_rows_with_bom_and_reordered_columns(tmp_path: Path) -> None:
    cols = list(CARD_LIST_COLUMNS)
    reordered = ",".join(reversed(cols))
    row = ",".join(reversed(GOOD.split(",")))
    rows = list(read_card_list(write(tmp_path, reordered, row, bom=True)))
    assert rows == [(2, CachedCard(
        card_number="DN4790123456789", bhxh_number="0123456789", citizen_id="079085001234", name="Nguyễn Văn An",
        birth_date=BirthDate(1985, 3, 15), gender=Gender.MALE, facility_code="79123",
        valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31), status=CardStatus.ACTIVE))]


def test_bad_rows_are_reported_with_line_numbers_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER, GOOD,
                 "XX9990123456789,,,A,,,,,,,",           # bad card number
                 "HT3790123456789,,,B,1985-02-30,,,,,,",  # impossible date
                 "",                                       # blank line skipped
                 "HT3790123456780,,,C,1950,female,,,,replaced,HT3790123456789",
                 "HT3790123456781,,,D,,other,,,,,",
                 "HT3790123456782,,,E,,,,,,lost,",
                 "HT3790123456783,too,few")
    results = list(read_card_list(path))
    errors = [r for _, r in results if isinstance(r, CardListRowError)]
    cards = [r for _, r in results if isinstance(r, CachedCard)]
    assert [e.line for e in errors] == [3, 4, 7, 8, 9]
    assert "card_number" in errors[0].message and "1985-02-30" in errors[1].message
    assert "gender" in errors[2].message and "status" in errors[3].message and "columns" in errors[4].message
    assert [c.card_number for c in cards] == ["DN4790123456789", "HT3790123456780"]
    assert cards[1].status is CardStatus.REPLACED and cards[1].replaced_by == "HT3790123456789"
    assert cards[1].birth_date == BirthDate(1950)
    assert cards[1].bhxh_number == "0123456780"  # derived from the card number


def test_missing_column_refuses_the_file(tmp_path: Path) -> None:
    with pytest.raises(CardListError, match="replaced_by"):
        list(read_card_list(write(tmp_path, HEADER.rsplit(",", 1)[0], GOOD[:-1])))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_bytes((HEADER + "\n" + GOOD.replace("Nguyễn", "Nguyên") + "\n").encode("cp1258"))
    with pytest.raises(CardListError, match="not UTF-8"):
        list(read_card_list(path))


def test_xlsx_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(CARD_LIST_COLUMNS))
    sheet.append(["DN4790123456789", "0123456789", None, "Nguyễn Văn An", dt.datetime(1985, 3, 15), "male",
                  "79123", dt.datetime(2026, 1, 1), None, "revoked", None])
    sheet.append(["bad", None, None, None, None, None, None, None, None, None, None])
    path = tmp_path / "cards.xlsx"
    book.save(path)
    results = list(read_card_list(path))
    assert isinstance(results[0][1], CachedCard)
    assert results[0][1].birth_date == BirthDate(1985, 3, 15)
    assert results[0][1].status is CardStatus.REVOKED
    assert isinstance(results[1][1], CardListRowError) and results[1][0] == 3


def test_damaged_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "cards.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CardListError, match="xlsx"):
        list(read_card_list(path))


def test_json_shape() -> None:
    card = CachedCard(card_number="DN4790123456789", birth_date=BirthDate(1985))
    assert cached_card_to_json(card) == {
        "card_number": "DN4790123456789", "bhxh_number": None, "citizen_id": None, "name": None,
        "birth_date": "1985", "gender": None, "facility_code": None, "valid_from": None, "valid_to": None,
        "status": "active", "replaced_by": None}
