"""Card-list import by several reader processes: the same cache and report as one process, atomic."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from kiosk.cards.cardlist import CARD_LIST_COLUMNS, CardListError
from kiosk.db import parallel_import
from kiosk.db.base import translate_errors
from kiosk.db.errors import DiskFullError
from kiosk.db.store import Store

HEADER = ",".join(CARD_LIST_COLUMNS)


def _rows(n: int) -> list[str]:
    """Canonical rows, rows only the general path reads, bad rows, blank lines and repeated cards."""
    lines = []
    for i in range(n):
        number = f"DN4{'01' if i % 2 else '79'}{i:010d}"
        lines.append(f"{number},{i:010d},,Nguyễn Văn {i},1985-03-{1 + i % 28:02d},male,01999,2024-01-01,,active,")
        if i % 97 == 5:
            lines.append(f"hc4{'01'}{i:010d},,0010850{i % 100000:05d},Nguye\u0302\u0303n  Thị  {i},1985,Female,"
                         f"79123,2024-01-01,2026-12-31,,")  # lower case, NFD name, no bhxh / status
        if i % 89 == 7:
            lines.append(f"TE1{'01'}{i:010d},,,Bé\u2028{i},2020,female,,2026-02-30,,active,")  # no such date
        if i % 83 == 3:
            lines.append("")
        if i % 101 == 9:
            lines.append(f"DN479{i:010d},too,few,columns")
        if i % 113 == 1:
            lines.append(f"HT3{'79'}{i:010d},,,Trần {i},1950,male,79001,2025-01-01,2024-01-01,active,")  # to < from
    # Cards seen again near the end: the later row wins (a different name, a new status).
    for i in range(0, n, 211):
        lines.append(f"DN4{'01' if i % 2 else '79'}{i:010d},{i:010d},,Nguyễn Văn {i} (mới),1985-03-01,male,"
                     f"01999,2024-01-01,2027-12-31,revoked,")
    return lines


def _write(path: Path, lines: list[str], *, newline: str = "\n") -> Path:
    path.write_bytes(newline.join([HEADER, *lines, ""]).encode("utf-8"))
    return path


def _cards(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text("SELECT * FROM cards ORDER BY card_number"))]


@pytest.fixture
def force_parallel(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Any file is big enough for reader processes; counts how many readers each import started."""
    monkeypatch.setattr(parallel_import, "MIN_PARALLEL_BYTES", 1)
    started: list[int] = []
    original = parallel_import.run_readers

    def counting(plan: parallel_import.ImportPlan, *args: object, **kwargs: object) -> object:
        started.append(len(plan.chunks))
        return original(plan, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel_import, "run_readers", counting)
    return started


def _open(tmp_path: Path, name: str) -> Store:
    return Store.open(f"sqlite:///{tmp_path / name}")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_readers_give_the_same_cache_and_report_as_one_process(tmp_path: Path, force_parallel: list[int],
                                                               newline: str) -> None:
    path = _write(tmp_path / "cards.csv", _rows(3_000), newline=newline)
    with _open(tmp_path, "one.sqlite3") as one, _open(tmp_path, "three.sqlite3") as three:
        expected = one.import_card_file(path, workers=1)
        assert force_parallel == []
        got = three.import_card_file(path, workers=3)
        assert force_parallel == [3]
        assert got.to_json() == expected.to_json()
        assert expected.error_count > 60 and expected.inserted > 3_000
        assert _cards(three) == _cards(one)
        later = three.card_by_number("DN4790000000000")
        assert later is not None and later.name == "Nguyễn Văn 0 (mới)" and later.status.value == "revoked"
        lowered = three.card_by_number("HC4010000000005")
        assert lowered is not None and lowered.name == "Nguyễn Thị 5" and lowered.bhxh_number == "0000000005"
        # Again into a full cache: unchanged rows are counted as updated, nothing is inserted.
        again_one, again_three = one.import_card_file(path, workers=1), three.import_card_file(path, workers=2)
        assert again_three.to_json() == again_one.to_json() and again_three.inserted == 0
        assert _cards(three) == _cards(one)
        with three.engine.connect() as conn:
            assert {i["name"] for i in inspect(conn).get_indexes("cards")} == {"ix_cards_bhxh_number",
                                                                                "ix_cards_citizen_id"}
        assert not list(tmp_path.glob(".card-import-*")), "staging files left behind"


def test_the_plan_cuts_at_line_starts_and_numbers_lines_like_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "cards.csv", _rows(2_000), newline="\r\n")
    data = path.read_bytes()
    plan = parallel_import.plan_import(path, 4, min_bytes=1)
    assert plan is not None and len(plan.chunks) == 4
    assert plan.chunks[0].start == data.index(b"\n") + 1 and plan.chunks[-1].end == len(data)
    for chunk, following in zip(plan.chunks, plan.chunks[1:], strict=False):
        assert chunk.end == following.start
    for chunk in plan.chunks:
        assert data[chunk.start - 1:chunk.start] == b"\n"
        assert chunk.first_line == data.count(b"\n", 0, chunk.start) + 1


def test_files_that_cannot_be_cut_safely_are_read_by_one_process(tmp_path: Path) -> None:
    lines = _rows(500)
    quoted = _write(tmp_path / "quoted.csv", [*lines[:100], '"DN4790000000001",,,"Lê, Văn",,,,,,,', *lines[100:]])
    bare_cr = tmp_path / "cr.csv"
    bare_cr.write_bytes(_write(tmp_path / "x.csv", lines).read_bytes().replace(b"\n", b"\r", 7))
    good = _write(tmp_path / "good.csv", lines)
    assert parallel_import.plan_import(quoted, 2, min_bytes=1) is None
    assert parallel_import.plan_import(bare_cr, 2, min_bytes=1) is None
    assert parallel_import.plan_import(good, 1, min_bytes=1) is None  # one core
    assert parallel_import.plan_import(good, 2) is None  # too small to pay for the processes
    assert parallel_import.plan_import(good, 2, min_bytes=1) is not None
    good.rename(tmp_path / "cards.xlsx")
    assert parallel_import.plan_import(tmp_path / "cards.xlsx", 2, min_bytes=1) is None


def test_a_quoted_file_still_imports_right(tmp_path: Path, force_parallel: list[int]) -> None:
    path = _write(tmp_path / "quoted.csv", ['"DN4790000000001",,,"Lê, Văn An",,,,,,,', *_rows(200)])
    with _open(tmp_path, "kiosk.sqlite3") as store:
        result = store.import_card_file(path)
        assert force_parallel == [] and result.error_count > 0
        card = store.card_by_number("DN4790000000001")
        assert card is not None and card.name == "Lê, Văn An"


def test_strict_refuses_everything_and_lists_the_bad_rows_of_every_part(tmp_path: Path,
                                                                        force_parallel: list[int]) -> None:
    path = _write(tmp_path / "cards.csv", _rows(2_000))
    with _open(tmp_path, "one.sqlite3") as one, _open(tmp_path, "two.sqlite3") as two:
        expected = one.import_card_file(path, strict=True, workers=1)
        got = two.import_card_file(path, strict=True, workers=2)
        assert force_parallel == [2]
        assert got.refused and got.imported == 0 and got.to_json() == expected.to_json()
        lines = [line for line, _ in got.errors]
        assert lines == sorted(lines) and lines[-1] > path.read_text().count("\n") // 2  # from both halves
        assert two.cache_stats().cards == 0


def test_a_file_that_is_not_utf8_in_a_later_part_is_refused_naming_its_line(tmp_path: Path,
                                                                              force_parallel: list[int]) -> None:
    lines = _rows(2_000)
    lines[1_700] = lines[1_700].replace("Nguyễn", "Nguy\xe1n")
    path = tmp_path / "cards.csv"
    path.write_bytes("\n".join([HEADER, *lines, ""]).encode("utf-8").replace("Nguy\xe1n".encode(), b"Nguy\xe1n"))
    with _open(tmp_path, "kiosk.sqlite3") as store:
        with pytest.raises(CardListError, match=r"not UTF-8 text \(line 1702, byte \d+\)"):
            store.import_card_file(path, workers=2)
        assert force_parallel == [2]
        assert store.cache_stats().cards == 0
    with _open(tmp_path, "other.sqlite3") as other, pytest.raises(CardListError, match=r"line 1702,"):
        other.import_card_file(path, workers=1)  # the one-process reader says the same


def test_a_reader_that_dies_leaves_the_cache_as_it_was_and_no_staging_files(
        tmp_path: Path, force_parallel: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "cards.csv", _rows(500))
    with _open(tmp_path, "kiosk.sqlite3") as store:
        store.import_card_file(_write(tmp_path / "small.csv", _rows(5)), workers=1)
        before = _cards(store)
        monkeypatch.setattr(parallel_import, "reader_command",
                            lambda: [sys.executable, "-c", "import sys; print('out of memory', file=sys.stderr); "
                                     "sys.exit(9)"])
        with pytest.raises(parallel_import.ReaderFailed, match=r"exit code 9\): out of memory"):
            store.import_card_file(path, workers=2)
        assert _cards(store) == before
        assert not list(tmp_path.glob(".card-import-*"))


def test_reader_errors_are_raised_in_the_parent_as_their_own_kind() -> None:
    def rebuilt(exc: BaseException) -> BaseException:
        return parallel_import.error_from_message(parallel_import.error_message(exc), 0, 1, "")

    bad_file = rebuilt(CardListError("cards.csv is not UTF-8 text (line 3, byte 80): save it as CSV UTF-8"))
    assert isinstance(bad_file, CardListError) and "line 3" in str(bad_file)
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # SQLITE_FULL, as the sqlite3 module sets it on a real error
    for original in (full, OSError(errno.ENOSPC, "No space left")):
        with pytest.raises(DiskFullError), translate_errors():
            raise rebuilt(original)
    bug = rebuilt(KeyError("chunk"))
    assert isinstance(bug, parallel_import.ReaderFailed) and "KeyError" in str(bug)


def test_the_staging_folder_of_an_import_that_was_killed_is_removed(tmp_path: Path,
                                                                      force_parallel: list[int]) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    stale = tmp_path / ".card-import-stale"
    stale.mkdir()
    (stale / "owner").write_text(gone.stdout.strip())
    (stale / "stage-0.sqlite3").write_bytes(b"x" * 1000)
    live = tmp_path / ".card-import-live"
    live.mkdir()
    (live / "owner").write_text("1")  # pid 1 is alive: another import's folder is left alone
    with _open(tmp_path, "kiosk.sqlite3") as store:
        store.import_card_file(_write(tmp_path / "cards.csv", _rows(300)), workers=2)
    assert not stale.exists() and live.exists()


def test_stale_staging_folders_are_removed_when_the_store_opens(tmp_path: Path) -> None:
    """A killed import's folder (card data) does not wait for the next import: opening the store removes it."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    stale = tmp_path / ".card-import-killed"
    stale.mkdir()
    (stale / "owner").write_text(gone.stdout.strip())
    (stale / "stage-0.sqlite3").write_bytes(b"card data")
    with _open(tmp_path, "kiosk.sqlite3"):
        assert not stale.exists()


def test_progress_counts_rows_up_to_all_of_them(tmp_path: Path, force_parallel: list[int]) -> None:
    path = _write(tmp_path / "cards.csv", _rows(3_000))
    seen: list[int] = []
    with _open(tmp_path, "kiosk.sqlite3") as store:
        result = store.import_card_file(path, workers=2, progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == result.rows


def test_text_blocks_hold_whole_lines_even_when_a_line_is_longer_than_a_block(tmp_path: Path) -> None:
    path = _write(tmp_path / "cards.csv", _rows(50))
    plan = parallel_import.plan_import(path, 2, min_bytes=1)
    assert plan is not None
    data = path.read_bytes()
    for chunk in plan.chunks:
        pieces = list(parallel_import._text_blocks(path, chunk, size=16))
        assert "".join(pieces).encode() == data[chunk.start:chunk.end]
        assert all(piece.endswith("\n") for piece in pieces)
