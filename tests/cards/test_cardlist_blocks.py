"""The block reader of unquoted CSV text gives exactly what the row-by-row reader gives."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.cards.cardlist import CARD_LIST_COLUMNS, CardListRowError, card_rows_after_header, rows_of_unquoted_text

NAMES = list(CARD_LIST_COLUMNS)
#: Lines of every kind: canonical, only-the-general-path, bad, blank, odd characters (no quotes, no bare CR).
LINES = [
    "DN4790123456789,0123456789,079085001234,Nguyễn Văn An,1985-03-15,male,79123,2026-01-01,2026-12-31,active,",
    "DN4790123456789,,,Nguyễn Văn An (mới),1985,female,,2026-01-01,,revoked,",
    "dn4790123456780,,,nguyen  van  b,1985,Male,79123,2026-01-01,,,",  # lower case: the general path
    "HT3010000000001,,,Nguye\u0302\u0303n\u2028Thị,1950,female,01999,2025-01-01,2024-01-01,active,",  # to < from
    "TE1010000000002,,,Bé,2020-02-30,female,,,,active,",  # no such birth date
    "TE1010000000003,,,Bé Ba,2020,female,,2026-02-29,,active,",  # 2026 is not a leap year
    "GD4010000000004,,,   Lê   Thị   C   ,2001-12-31,female,01001,2024-01-01,,reduced,GD4010000000005",
    "GD4990000000004,,,No such province,2001,female,,,,active,",
    "XX,,,bad number,,,,,,,",
    "DN4790123456781,too,few",
    "DN4790123456782,,,Tab\tName,1990,male,,,,active,,extra",
    "1234567890,,,Ten digits,1990,male,,,,active,",
    "DN4790123456783,,,Nul\x00Name,1990,male,,,,active,",
    "",
    " ",
    ",,,,,,,,,,",
]


def _expected(text: str, header_line: int) -> list[tuple[int, object]]:
    got = []
    for line, item in card_rows_after_header(csv.reader(io.StringIO(text, newline="")), NAMES, header_line):
        got.append((line, item.message if isinstance(item, CardListRowError) else item))
    return got


def _block(text: str, header_line: int) -> tuple[list[tuple[int, object]], int, int]:
    block = rows_of_unquoted_text(text, NAMES, header_line)
    got: list[tuple[int, object]] = [(row[0], row[1:]) for row in block.rows]
    got += [(error.line, error.message) for error in block.errors]
    return sorted(got, key=lambda pair: pair[0]), block.count, block.last_line


@settings(max_examples=300, deadline=None)
@given(picks=st.lists(st.integers(0, len(LINES) - 1), max_size=40), crlf=st.booleans(), final_break=st.booleans(),
       header_line=st.integers(1, 10_000))
def test_block_reader_matches_the_row_reader(picks: list[int], crlf: bool, final_break: bool,
                                             header_line: int) -> None:
    newline = "\r\n" if crlf else "\n"
    text = newline.join(LINES[i] for i in picks) + (newline if final_break and picks else "")
    expected = _expected(text, header_line)
    got, count, last_line = _block(text, header_line)
    assert got == expected
    assert count == len(expected)
    assert last_line == header_line + len(io.StringIO(text, newline="").readlines())


def test_reordered_columns_take_the_general_path_with_the_same_result() -> None:
    names = list(reversed(CARD_LIST_COLUMNS))
    line = ",".join(reversed(LINES[0].split(",")))
    block = rows_of_unquoted_text(line + "\n", names, 1)
    general = list(card_rows_after_header(csv.reader([line]), names, 1))
    assert [(row[0], row[1:]) for row in block.rows] == general and block.count == 1
