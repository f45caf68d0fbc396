"""Card lists (CSV or .xlsx) that feed the card cache on the kiosk and on the hub.

Columns (header row, any order):
``card_number,bhxh_number,citizen_id,name,birth_date,gender,facility_code,valid_from,valid_to,status,replaced_by``
Dates ``YYYY-MM-DD`` (birth date also ``YYYY``) or empty; gender ``male``/``female`` or empty; status
``active``/``revoked``/``reduced``/``replaced`` (empty = active); ``replaced_by`` the new card number.

:func:`read_card_list` yields every row as a record or as an error that names its line, so an import
can report bad rows and still take the good ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from kiosk.cards import numbers
from kiosk.cards.model import BirthDate, CachedCard, CardStatus, Gender

CARD_LIST_COLUMNS: Final = ("card_number", "bhxh_number", "citizen_id", "name", "birth_date", "gender",
                            "facility_code", "valid_from", "valid_to", "status", "replaced_by")
_STATUSES: Final = {s.value: s for s in CardStatus}
_GENDERS: Final = {"male": Gender.MALE, "female": Gender.FEMALE}
_MAX_FIELD: Final = 512


class CardListError(Exception):
    """The file as a whole cannot be read (missing columns, not CSV/XLSX, unreadable)."""


@dataclass(frozen=True, slots=True)
class CardListRowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class _RowProblem(ValueError):
    pass


def _date(value: str, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _RowProblem(f"{column} {value!r} is not a date (YYYY-MM-DD)") from None


def _birth(value: str) -> BirthDate | None:
    if not value:
        return None
    try:
        return BirthDate.from_iso(value)
    except ValueError:
        raise _RowProblem(f"birth_date {value!r} is not YYYY-MM-DD or YYYY") from None


def _digits(value: str, column: str, lengths: tuple[int, ...]) -> str | None:
    if not value:
        return None
    if not (value.isdigit() and len(value) in lengths):
        raise _RowProblem(f"{column} {value!r} must be {' or '.join(map(str, lengths))} digits")
    return value


def _card_number(value: str, column: str) -> str:
    problem = numbers.card_number_problem(value)
    if problem:
        raise _RowProblem(f"{column} {value!r}: {problem}")
    return value


def row_to_card(row: dict[str, str]) -> CachedCard:
    """One row (column -> text) to a cached card; raises ValueError with a message naming the column."""
    for key, value in row.items():
        if len(value) > _MAX_FIELD:
            raise _RowProblem(f"{key} is longer than {_MAX_FIELD} characters")
    number = row["card_number"].upper()
    if not number:
        raise _RowProblem("card_number is empty")
    gender_raw = row["gender"].lower()
    if gender_raw and gender_raw not in _GENDERS:
        raise _RowProblem(f"gender {row['gender']!r} must be male or female")
    status_raw = row["status"].lower() or "active"
    status = _STATUSES.get(status_raw)
    if status is None:
        raise _RowProblem(f"status {row['status']!r} must be one of {', '.join(_STATUSES)}")
    facility = row["facility_code"].upper()
    if facility and numbers.normalise_facility_code(facility) != facility:
        raise _RowProblem(f"facility_code {row['facility_code']!r} is not a 5-character facility code")
    replaced_by = row["replaced_by"].upper()
    valid_from, valid_to = _date(row["valid_from"], "valid_from"), _date(row["valid_to"], "valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        raise _RowProblem("valid_to is before valid_from")
    name = row["name"]
    return CachedCard(
        card_number=_card_number(number, "card_number"),
        bhxh_number=_digits(row["bhxh_number"], "bhxh_number", (10,)) or numbers.bhxh_from_card_number(number),
        citizen_id=_digits(row["citizen_id"], "citizen_id", (12,)),
        name=" ".join(unicodedata.normalize("NFC", name).split()) if name else None,
        birth_date=_birth(row["birth_date"]),
        gender=_GENDERS.get(gender_raw),
        facility_code=facility or None,
        valid_from=valid_from,
        valid_to=valid_to,
        status=status,
        replaced_by=_card_number(replaced_by, "replaced_by") if replaced_by else None,
    )


def _check_header(header: list[str]) -> list[str]:
    names = [h.strip().lower().lstrip("\ufeff") for h in header]
    missing = [c for c in CARD_LIST_COLUMNS if c not in names]
    if missing:
        raise CardListError(f"missing column(s): {', '.join(missing)}; expected {','.join(CARD_LIST_COLUMNS)}")
    return names


def _records(rows: Iterable[list[Any]], first_line: int) -> Iterator[tuple[int, CachedCard | CardListRowError]]:
    iterator = iter(rows)
    try:
        header = next(iterator)
    except StopIteration:
        raise CardListError("the file is empty (no header row)") from None
    names = _check_header(["" if h is None else str(h) for h in header])
    width = len(names)
    for line, raw in enumerate(iterator, start=first_line + 1):
        cells = ["" if c is None else (c.isoformat()[:10] if isinstance(c, dt.date) else str(c)).strip()
                 for c in raw]
        if not any(cells):
            continue
        if len(cells) != width:
            yield line, CardListRowError(line, f"{len(cells)} columns instead of {width}")
            continue
        try:
            yield line, row_to_card(dict(zip(names, cells, strict=True)))
        except ValueError as exc:
            yield line, CardListRowError(line, str(exc))


def _read_csv(path: Path) -> Iterator[tuple[int, CachedCard | CardListRowError]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from _records(csv.reader(handle), first_line=1)
    except UnicodeDecodeError as exc:
        raise CardListError(f"{path.name} is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8") from exc
    except csv.Error as exc:
        raise CardListError(f"{path.name} is not a readable CSV file: {exc}") from exc


def _read_xlsx(path: Path) -> Iterator[tuple[int, CachedCard | CardListRowError]]:
    import openpyxl  # heavy; only for spreadsheets

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise CardListError(f"{path.name} is not a readable .xlsx workbook: {exc}") from exc
    try:
        yield from _records(book.worksheets[0].iter_rows(values_only=True), first_line=1)
    finally:
        book.close()


def read_card_list(path: Path) -> Iterator[tuple[int, CachedCard | CardListRowError]]:
    """Yield ``(line_number, card_or_error)`` for each data row of a CSV or .xlsx card list."""
    if not path.is_file():
        raise CardListError(f"{path}: no such file")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


def cached_card_to_json(card: CachedCard) -> dict[str, Any]:
    return {
        "card_number": card.card_number,
        "bhxh_number": card.bhxh_number,
        "citizen_id": card.citizen_id,
        "name": card.name,
        "birth_date": None if card.birth_date is None else card.birth_date.iso(),
        "gender": None if card.gender is None else str(card.gender),
        "facility_code": card.facility_code,
        "valid_from": None if card.valid_from is None else card.valid_from.isoformat(),
        "valid_to": None if card.valid_to is None else card.valid_to.isoformat(),
        "status": str(card.status),
        "replaced_by": card.replaced_by,
    }
