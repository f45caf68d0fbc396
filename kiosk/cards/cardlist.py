"""Card lists (CSV or .xlsx) that feed the card cache on the kiosk and on the hub.

Columns (header row, any order):
``card_number,bhxh_number,citizen_id,name,birth_date,gender,facility_code,valid_from,valid_to,status,replaced_by``
Dates ``YYYY-MM-DD`` (birth date also ``YYYY``) or empty; gender ``male``/``female`` or empty; status
``active``/``revoked``/``reduced``/``replaced`` (empty = active); ``replaced_by`` the new card number.

:func:`read_card_list` yields every row as a record or as an error that names its line, so an import
can report bad rows and still take the good ones.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO, Final, TypeVar
from unicodedata import normalize

from kiosk.cards import numbers
from kiosk.cards.codes import PROVINCE_CODES
from kiosk.cards.model import BirthDate, CachedCard, CardStatus, Gender
from kiosk.errors import KioskError

CARD_LIST_COLUMNS: Final = ("card_number", "bhxh_number", "citizen_id", "name", "birth_date", "gender",
                            "facility_code", "valid_from", "valid_to", "status", "replaced_by")
_STATUSES: Final = {s.value: s for s in CardStatus}
_GENDERS: Final = {"male": Gender.MALE, "female": Gender.FEMALE}
_MAX_FIELD: Final = 512
#: A card as database parameters, in :data:`CARD_LIST_COLUMNS` order: text or None, dates as ISO text.
CardRow = tuple[str | None, ...]
_T = TypeVar("_T")


class CardListError(KioskError):
    """The file as a whole cannot be read (missing columns, not CSV/XLSX, unreadable)."""

    code = "card_list_error"
    summary = "The card list cannot be read"


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


def card_to_row(card: CachedCard) -> CardRow:
    """A cached card as database parameters (:data:`CardRow`)."""
    return (card.card_number, card.bhxh_number, card.citizen_id, card.name,
            None if card.birth_date is None else card.birth_date.iso(),
            None if card.gender is None else card.gender.value, card.facility_code,
            None if card.valid_from is None else card.valid_from.isoformat(),
            None if card.valid_to is None else card.valid_to.isoformat(), card.status.value, card.replaced_by)


# ----- the fast path for big lists ------------------------------------------------------------------
# A row already in its canonical form (upper-case numbers, ASCII digits, YYYY-MM-DD dates, lower-case
# gender and status, no surrounding blanks in fixed-width cells) is checked by ONE regular expression
# over its cells joined with NUL (no cell pattern matches NUL, so the split is unambiguous) plus a few
# look-ups; it gives exactly the row :func:`row_to_card` would. Anything else (lower case, other date
# spellings, every bad row) takes the full path, so messages and results never differ.


def _province_pattern() -> str:
    """The 63 province codes as a pattern, grouped by first digit (``0[1-9]|1[0-27]|…``)."""
    by_tens: dict[str, list[str]] = {}
    for code in sorted(PROVINCE_CODES):
        by_tens.setdefault(code[0], []).append(code[1])
    return "(?:" + "|".join(f"{tens}[{''.join(units)}]" for tens, units in by_tens.items()) + ")"


_PROVINCE: Final = _province_pattern()
_NUMBER: Final = rf"[A-Z]{{2}}[1-5]{_PROVINCE}[0-9A-Z]{{10}}|[0-9]{{12}}|[0-9]{{10}}"
_ISO_DATE: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"


def _canonical_cells(name: str) -> tuple[str, ...]:
    """The cell patterns of a canonical row; ``name`` is the pattern of the name cell's characters.
    Card numbers and facility codes name a real province here, so no Python check is left for them."""
    return (f"({_NUMBER})", "([0-9]{10})?", "([0-9]{12})?", f"({name}{{1,{_MAX_FIELD}}})?",
            "([0-9]{4}(?:-[0-9]{2}-[0-9]{2})?)?", "(male|female)?", f"({_PROVINCE}[0-9A-Z]{{3}})?",
            f"({_ISO_DATE})?", f"({_ISO_DATE})?", "(active|revoked|reduced|replaced)?", f"({_NUMBER})?")


_FAST_ROW: Final = re.compile("\x00".join(_canonical_cells("[^\x00]")))
#: One canonical line of an unquoted CSV text, columns in CARD_LIST_COLUMNS order (multi-line mode).
_FAST_LINE: Final = re.compile("^" + ",".join(_canonical_cells("[^,\r\n\x00]")) + "\r?(?:\n|\\Z)", re.MULTILINE)
_DATE_OK: dict[str, bool] = {}
_DATE_CACHE_MAX: Final = 200_000


def real_iso_date(text: str) -> bool:
    """``text`` (already ``YYYY-MM-DD`` shaped) names a real date; results are remembered (a card list
    repeats the same few hundred dates millions of times)."""
    known = _DATE_OK.get(text)
    if known is None:
        try:
            dt.date.fromisoformat(text)
            known = True
        except ValueError:
            known = False
        if len(_DATE_OK) < _DATE_CACHE_MAX:
            _DATE_OK[text] = known
    return known


def _fast_row(joined: str) -> CardRow | None:
    """The :data:`CardRow` of a canonical row (cells joined with NUL), None when it needs the full path."""
    match = _FAST_ROW.fullmatch(joined)
    return None if match is None else _canonical_row(match.groups())


def _canonical_row(cells: tuple[str | None, ...], known_date: Callable[[str], bool | None] = _DATE_OK.get,
                   ) -> CardRow | None:
    """The :data:`CardRow` of the cells a canonical-row pattern matched, None when they need the full path."""
    number, bhxh, citizen, name, birth, gender, facility, valid_from, valid_to, status, replaced = cells
    # A remembered date answers from the dict; only a new one costs a call (and a None is falsy).
    if valid_from is not None and not (known_date(valid_from) or real_iso_date(valid_from)):
        return None
    if valid_to is not None:
        if not (known_date(valid_to) or real_iso_date(valid_to)):
            return None
        if valid_from is not None and valid_to < valid_from:
            return None  # (ISO text of real dates sorts like the dates)
    if birth is not None and len(birth) == 10 and not (known_date(birth) or real_iso_date(birth)):
        return None
    if name is not None:
        name = " ".join(normalize("NFC", name).split()) or None
    if bhxh is None:
        assert number is not None  # the pattern requires it
        bhxh = numbers.bhxh_from_card_number(number)
    return (number, bhxh, citizen, name, birth, gender, facility, valid_from, valid_to, status or "active",
            replaced)


@dataclass
class TextBlockRows:
    """What :func:`rows_of_unquoted_text` found: good rows as ``(line, *CardRow)`` and the bad rows."""

    rows: list[tuple[Any, ...]]
    errors: list[CardListRowError]
    #: Data rows seen (blank lines not counted), good and bad.
    count: int
    #: Line number of the last line of the text.
    last_line: int


def rows_of_unquoted_text(text: str, names: list[str], header_line: int) -> TextBlockRows:
    """The data rows of a piece of a CSV card list that holds whole lines and no ``"`` at all (so a
    line is one row and its cells are split at commas), the line before it being ``header_line``.

    The same rows, errors and line numbers as :func:`card_rows_after_header` would give for that text,
    faster: canonical lines are matched by one regular expression over the whole text; every other line
    goes through :func:`card_rows_after_header` itself.
    """
    rows: list[tuple[Any, ...]] = []
    errors: list[CardListRowError] = []
    count, line, position = 0, header_line, 0
    if tuple(names) != CARD_LIST_COLUMNS:  # other column order: the general path for every line
        return _slow_lines(text, names, header_line, rows, errors)
    canonical, append = _canonical_row, rows.append
    for match in _FAST_LINE.finditer(text):
        start = match.start()
        if start != position:  # lines the pattern skipped
            gap = _slow_lines(text[position:start], names, line, rows, errors)
            count += gap.count
            line = gap.last_line
        line += 1
        row = canonical(match.groups())
        if row is None:
            gap = _slow_lines(match.group(), names, line - 1, rows, errors)
            count += gap.count
        else:
            append((line, *row))
            count += 1
        position = match.end()  # past the line break
    if position < len(text):
        gap = _slow_lines(text[position:], names, line, rows, errors)
        count += gap.count
        line = gap.last_line
    return TextBlockRows(rows, errors, count, line)


def _slow_lines(text: str, names: list[str], header_line: int, rows: list[tuple[Any, ...]],
                errors: list[CardListRowError]) -> TextBlockRows:
    """Lines of ``text`` through the general per-row path, appended to ``rows`` / ``errors``."""
    count = 0
    lines = io.StringIO(text, newline="")  # splits like csv does, not at U+2028 and the like
    for line, item in card_rows_after_header(csv.reader(lines), names, header_line):
        count += 1
        if isinstance(item, CardListRowError):
            errors.append(item)
        else:
            rows.append((line, *item))
    last_line = header_line + text.count("\n") + (bool(text) and not text.endswith("\n"))
    return TextBlockRows(rows, errors, count, last_line)


def _full_row(row: dict[str, str]) -> CardRow:
    return card_to_row(row_to_card(row))


# ----- reading ------------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return (value.isoformat()[:10] if isinstance(value, dt.date) else str(value)).strip()


def header_names(line: str) -> list[str]:
    """The column names of a CSV header line (BOM and blanks removed); CardListError when columns are missing."""
    return _header(csv.reader([line]))


def _header(iterator: Iterator[list[Any]]) -> list[str]:
    try:
        header = next(iterator)
    except StopIteration:
        raise CardListError("the file is empty (no header row)") from None
    return _check_header(["" if h is None else str(h) for h in header])


def _records_after_header(iterator: Iterator[list[Any]], names: list[str], first_line: int,
                          convert: Callable[[dict[str, str]], _T]) -> Iterator[tuple[int, _T | CardListRowError]]:
    for line, raw in enumerate(iterator, start=first_line + 1):
        record = _record(line, [_cell(c) for c in raw], names, convert)
        if record is not None:
            yield record


def _record(line: int, cells: list[str], names: list[str],
            convert: Callable[[dict[str, str]], _T]) -> tuple[int, _T | CardListRowError] | None:
    """One data row through the full (validating) path; None for a blank row."""
    if not any(cells):
        return None
    if len(cells) != len(names):
        return line, CardListRowError(line, f"{len(cells)} columns instead of {len(names)}")
    try:
        return line, convert(dict(zip(names, cells, strict=True)))
    except ValueError as exc:
        return line, CardListRowError(line, str(exc))


def _records(rows: Iterable[list[Any]], first_line: int,
             convert: Callable[[dict[str, str]], _T]) -> Iterator[tuple[int, _T | CardListRowError]]:
    iterator = iter(rows)
    names = _header(iterator)
    yield from _records_after_header(iterator, names, first_line, convert)


def _row_records(rows: Iterable[list[str]], first_line: int) -> Iterator[tuple[int, CardRow | CardListRowError]]:
    """:func:`_records` for CSV text cells giving :data:`CardRow` s; canonical rows take the fast path."""
    iterator = iter(rows)
    names = _header(iterator)
    yield from card_rows_after_header(iterator, names, first_line)


def card_rows_after_header(iterator: Iterator[list[str]], names: list[str], header_line: int,
                           ) -> Iterator[tuple[int, CardRow | CardListRowError]]:
    """The data rows of a CSV card list (cells as ``csv.reader`` gives them) whose header row, at
    ``header_line``, named the columns ``names``: ``(line, CardRow | error)``, blank rows skipped."""
    width = len(names)
    if width != len(CARD_LIST_COLUMNS) or set(names) != set(CARD_LIST_COLUMNS):  # extra/duplicate columns
        yield from _records_after_header(iterator, names, header_line, _full_row)
        return
    reorder = None if tuple(names) == CARD_LIST_COLUMNS else itemgetter(*[names.index(c) for c in CARD_LIST_COLUMNS])
    join, fast = "\x00".join, _fast_row
    for line, raw in enumerate(iterator, start=header_line + 1):
        if len(raw) == width:
            row = fast(join(raw if reorder is None else reorder(raw)))
            if row is not None:
                yield line, row
                continue
        record = _record(line, [c.strip() for c in raw], names, _full_row)
        if record is not None:
            yield record


def _read_csv(path: Path, records: Callable[[Iterable[list[str]], int], Iterator[tuple[int, _T]]],
              ) -> Iterator[tuple[int, _T]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from records(csv.reader(handle), 1)
    except UnicodeDecodeError as exc:
        raise not_utf8_error(path) from exc
    except csv.Error as exc:
        raise CardListError(f"{path.name} is not a readable CSV file: {exc}") from exc


def not_utf8_error(path: Path, start: int = 0) -> CardListError:
    """The error for a file that is not UTF-8, naming the line and byte of its first bad sequence at or
    after byte ``start`` (a text reader fails a whole buffer ahead of the bad byte, so it is looked up)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = start
    with path.open("rb") as handle:
        handle.seek(start)
        while block := handle.read(1 << 20):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                bad = offset - (len(exc.object) - len(block)) + exc.start  # minus bytes carried over
                return CardListError(f"{path.name} is not UTF-8 text (line {_line_at(handle, bad)}, "
                                     f"byte {bad}): save it as CSV UTF-8")
            offset += len(block)
    return CardListError(f"{path.name} is not UTF-8 text: save it as CSV UTF-8")


def _line_at(handle: BinaryIO, offset: int) -> int:
    """The 1-based line number of byte ``offset`` of a file."""
    handle.seek(0)
    newlines, left = 0, offset
    while left > 0 and (block := handle.read(min(left, 1 << 20))):
        newlines += block.count(b"\n")
        left -= len(block)
    return newlines + 1


def _read_xlsx(path: Path, convert: Callable[[dict[str, str]], _T]) -> Iterator[tuple[int, _T | CardListRowError]]:
    import openpyxl  # heavy; only for spreadsheets

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise CardListError(f"{path.name} is not a readable .xlsx workbook: {exc}") from exc
    try:
        yield from _records(book.worksheets[0].iter_rows(values_only=True), 1, convert)
    finally:
        book.close()


def _is_xlsx(path: Path) -> bool:
    if not path.is_file():
        raise CardListError(f"{path}: no such file")
    return path.suffix.lower() in (".xlsx", ".xlsm")


def read_card_list(path: Path) -> Iterator[tuple[int, CachedCard | CardListRowError]]:
    """Yield ``(line_number, card_or_error)`` for each data row of a CSV or .xlsx card list."""
    if _is_xlsx(path):
        return _read_xlsx(path, row_to_card)
    return _read_csv(path, lambda rows, first: _records(rows, first, row_to_card))


def read_card_rows(path: Path) -> Iterator[tuple[int, CardRow | CardListRowError]]:
    """Like :func:`read_card_list`, but each good row as database parameters (:data:`CardRow`, what
    ``card_to_row(row_to_card(row))`` gives) without building a CachedCard: the bulk-import path.
    Same checks, same error messages and line numbers."""
    if _is_xlsx(path):
        return _read_xlsx(path, _full_row)
    return _read_csv(path, _row_records)


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
