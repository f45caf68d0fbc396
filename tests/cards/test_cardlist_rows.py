"""The bulk-import reader (``read_card_rows``) gives exactly what ``read_card_list`` gives, row by row."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.cards.cardlist import CARD_LIST_COLUMNS, CardListRowError, card_to_row, read_card_list, read_card_rows

HEADER = ",".join(CARD_LIST_COLUMNS)
ROWS = [
    "DN4790123456789,0123456789,079085001234,Nguyễn Văn An,1985-03-15,male,79123,2026-01-01,2026-12-31,active,",
    "dn4790123456788,,,  Trần   Thị Bình ,1979,FEMALE, 79123,20260101,,Reduced,",     # full path, same result
    "HT3790123456780,,,Lê C,1950,female,,,,replaced,HT3790123456789",
    "HT3790123456781,,,\"Phạm, D\",,,,,,,",                                          # quoted comma
    "XX9990123456789,,,A,,,,,,,",                  # bad card number
    "HT3790123456782,,,B,1985-02-30,,,,,,",        # impossible date
    "HT3790123456783,,,C,,other,,,,,",             # bad gender
    "HT3790123456784,,,D,,,,,,lost,",              # bad status
    "HT3790123456785,,,E,,,,2026-12-31,2026-01-01,,",  # valid_to before valid_from
    "HT3990123456786,,,F,,,,,,,",                  # province 99 does not exist
    "HT3790123456787,12345,,G,,,,,,,",             # bhxh number too short
    "HT3790123456788,,,H,,,99123,,,,",             # facility in no province
    "HT3790123456789,,,I,,,,,,replaced,XX1",       # bad replaced_by
    "HT3790123456790,,,J,0000-01-01,,,,,,",        # year 0
    "HT3790123456791,,,\"x\u0000y\",,,,,,,",       # NUL inside a cell
    "HT3790123456792,,,Nguye\u0302\u0303n,,,,,,,",  # decomposed accents: NFC
    "HT3790123456793,,,   ,,,,,,,",                # blank name
    "HT3790123456794,,,K," + "x" * 600 + ",,,,,,",  # too long
    ",,,,,,,,,,",                                  # blank row: skipped
    "",                                            # blank line: skipped
    "HT3790123456795,too,few",
    "079185000321,,079185000321,L,1985-06,male,79123,2026-01-01,,active,",  # personal ID, YYYY-MM birth
    "079185000322,0123456789,,M,1985,,,,,replaced,079185000321",            # personal ID as replaced_by
    "07918500032,,,N,,,,,,,",                                               # 11 digits: bad
]


def _write(tmp_path: Path, header: str, rows: list[str]) -> Path:
    path = tmp_path / "cards.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _expected(path: Path) -> list[tuple[int, object]]:
    return [(line, item if isinstance(item, CardListRowError) else card_to_row(item))
            for line, item in read_card_list(path)]


@pytest.mark.parametrize("reorder", [False, True])
def test_rows_equal_the_card_path_including_errors(tmp_path: Path, reorder: bool) -> None:
    header, rows = HEADER, ROWS
    if reorder:
        header = ",".join(reversed(CARD_LIST_COLUMNS))
        rows = [",".join(reversed(r.split(","))) if '"' not in r else r for r in ROWS if '"' not in r]
    path = _write(tmp_path, header, rows)
    got = list(read_card_rows(path))
    assert got == _expected(path)
    if not reorder:
        assert sum(isinstance(item, tuple) for _, item in got) == 9
        assert got[1][1] == ("DN4790123456788", "4790123456788"[-10:], None, "Trần Thị Bình", "1979", "female",
                             "79123", "2026-01-01", None, "reduced", None)


def test_extra_column_takes_the_full_path(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + ",note", [ROWS[0] + ",x" * 1, ROWS[0] + "," + "y" * 600])
    got = list(read_card_rows(path))
    assert got == _expected(path)
    assert isinstance(got[0][1], tuple) and isinstance(got[1][1], CardListRowError)


_cell = st.one_of(st.sampled_from(["", "male", "female", "ACTIVE", "revoked", "1985", "1985-03-15", "2026-02-29",
                                   "01999", "79123", "0123456789", "079085001234", "DN4790123456789",
                                   "hc4010100000001", " An ", "Ân\u00a0Bình"]),
                  st.text(alphabet="0123456789-ADN ", max_size=16))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_cell, min_size=11, max_size=11), min_size=1, max_size=5))
def test_random_rows_agree(tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]) -> None:
    for row in rows:  # a plausible card number mostly, so more rows get past the first check
        if row[0] == "" or row[0][0] == " ":
            row[0] = "DN4790123456789"
    path = _write(tmp_path_factory.mktemp("r"), HEADER, [",".join(r) for r in rows])
    assert list(read_card_rows(path)) == _expected(path)
