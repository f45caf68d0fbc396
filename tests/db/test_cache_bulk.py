"""Bulk card import: the file path (read_card_rows), secondary indexes on a first import, PostgreSQL COPY."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect

from kiosk.cards.model import CachedCard
from kiosk.db.store import Store

HEADER = ("card_number,bhxh_number,citizen_id,name,birth_date,gender,facility_code,valid_from,valid_to,status,"
          "replaced_by\n")


def _index_names(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return {i["name"] for i in inspect(conn).get_indexes("cards")}


def _csv(tmp_path: Path, n: int, *, name: str = "cards.csv", bad_every: int = 0) -> Path:
    lines = [HEADER]
    for i in range(n):
        date = "2026-02-30" if bad_every and i % bad_every == 0 else "2026-01-01"
        lines.append(f"DN401{i:010d},,0010850{i:05d},Người {i},1985,male,01999,{date},,active,\n")
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_first_import_rebuilds_the_indexes_and_lookups_use_them(store: Store, tmp_path: Path) -> None:
    expected = _index_names(store)
    assert expected == {"ix_cards_bhxh_number", "ix_cards_citizen_id"}
    result = store.import_card_file(_csv(tmp_path, 2_500, bad_every=1_000))
    assert (result.imported, result.error_count) == (2_497, 3)
    assert [line for line, _ in result.errors] == [2, 1_002, 2_002]
    assert _index_names(store) == expected
    assert [c.card_number for c in store.cards_by_citizen_id("001085001234")] == ["DN4010000001234"]
    assert [c.card_number for c in store.cards_by_bhxh_number("0000001234")] == ["DN4010000001234"]
    again = store.import_card_file(_csv(tmp_path, 2_600, name="b.csv"))
    assert (again.inserted, again.updated) == (103, 2_497)
    assert store.cache_stats().cards == 2_600 and _index_names(store) == expected


def _dying(n: int, fail_at: int) -> Iterator[tuple[int, object]]:
    for i in range(n):
        if i == fail_at:
            raise RuntimeError("the reader died")
        yield i + 2, CachedCard(card_number=f"DN401{i:010d}", bhxh_number=f"{i:010d}")


def test_interrupted_first_import_leaves_an_empty_cache_with_its_indexes(store: Store) -> None:
    with pytest.raises(RuntimeError):
        store.import_cards(_dying(50, fail_at=35), batch_size=10)
    assert store.cache_stats().cards == 0
    assert _index_names(store) == {"ix_cards_bhxh_number", "ix_cards_citizen_id"}


def test_open_restores_indexes_an_interrupted_import_left_out(db_url: str) -> None:
    with Store.open(db_url) as store:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP INDEX ix_cards_citizen_id")
        assert _index_names(store) == {"ix_cards_bhxh_number"}
    with Store.open(db_url) as store:
        assert _index_names(store) == {"ix_cards_bhxh_number", "ix_cards_citizen_id"}


def test_strict_file_import_refuses_and_leaves_the_indexes(store: Store, tmp_path: Path) -> None:
    result = store.import_card_file(_csv(tmp_path, 30, bad_every=20), strict=True)
    assert result.refused and result.error_count == 2
    assert store.cache_stats().cards == 0
    assert _index_names(store) == {"ix_cards_bhxh_number", "ix_cards_citizen_id"}


def test_duplicate_cards_in_one_batch_the_later_wins(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(HEADER + "DN4010000000001,,,Một,,,,,,active,\nDN4010000000001,,,Hai,,,,,,revoked,\n",
                    encoding="utf-8")
    result = store.import_card_file(path)
    card = store.card_by_number("DN4010000000001")
    assert result.imported == 2 and card is not None and (card.name, str(card.status)) == ("Hai", "revoked")


KILLED_IMPORT = """
import sys
from kiosk.cards.model import CachedCard
from kiosk.db import import_stage
from kiosk.db.store import Store

merge = import_stage.SqliteStage.merge

def announced_merge(self):
    print("merging", flush=True)
    merge(self)

import_stage.SqliteStage.merge = announced_merge
rows = ((i + 2, CachedCard(card_number=f"DN401{i:010d}", name="Mới")) for i in range(200_000))
with Store.open(sys.argv[1]) as store:
    store.import_cards(rows, progress=lambda n: print("staged", n, flush=True))
"""


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", ["staged", "merging"])
def test_sigkill_during_an_import_leaves_the_old_cache(tmp_path: Path, kill_at: str) -> None:
    import signal
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    with Store.open(url) as store:
        store.import_cards((i + 2, CachedCard(card_number=f"DN401{i:010d}", name="Cũ")) for i in range(5))
    child = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, url], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(kill_at):
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=120)
    assert child.returncode == -signal.SIGKILL
    with Store.open(url) as store:
        cards = store.cache_stats().cards
        first = store.card_by_number("DN4010000000000")
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert _index_names(store) == {"ix_cards_bhxh_number", "ix_cards_citizen_id"}
    # All of the old cache or (had the merge just committed) all of the new one; never a mix.
    assert (cards, first and first.name) in {(5, "Cũ"), (200_000, "Mới")}
    if kill_at == "staged":
        assert cards == 5
