"""Store commands: ``db upgrade|load-demo``, ``cache import|stats`` (``card check`` and ``visit add|list``
are the check-in core's: :mod:`kiosk.checkin.cli`, with the same plumbing from here).

Every command takes ``--db URL`` (SQLAlchemy URL or a SQLite file path); else ``$KIOSK_DB``; else the
configured database (``[database] url``), by default ``kiosk.sqlite3`` in the per-user data directory.

Exit codes: 0 done; 1 bad input (payload, file, department) or import refused by ``--strict``;
2 command-line usage; 3 the database cannot be used (disk full, locked, read-only, corrupt, newer
schema, cannot connect: an environment problem, with a clear message); 4 import done but some rows
were bad (listed with their line numbers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.db.store import Store

EXIT_OK, EXIT_INPUT, EXIT_ENVIRONMENT, EXIT_PARTIAL = 0, 1, 3, 4


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help="database URL or SQLite file (default: $KIOSK_DB, "
                                                    "else the configured database)")
    common.add_argument("--json", action="store_true", help="print JSON")
    return common


def _sub_of(parser: argparse.ArgumentParser, dest: str) -> Any:
    """The subcommand registry of ``parser`` (created when it has none yet)."""
    for action in parser._actions:  # argparse has no public accessor for this
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=dest, metavar="ACTION")


def register(subparsers: Any) -> None:
    common = _common()

    db = subparsers.add_parser("db", help="the local database: upgrade, demo data")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION")
    upgrade = db_sub.add_parser("upgrade", parents=[common], help="create or upgrade the database schema")
    upgrade.set_defaults(handler=_upgrade_command)
    demo = db_sub.add_parser("load-demo", parents=[common], help="load the synthetic demo cards and departments")
    demo.set_defaults(handler=_demo_command)
    db.set_defaults(handler=lambda args: (db.print_help(), 2)[1])

    cache = subparsers.add_parser("cache", help="the local card cache: import a card list, statistics")
    cache_sub = cache.add_subparsers(dest="cache_command", metavar="ACTION")
    imp = cache_sub.add_parser(
        "import", parents=[common], help="import a card list (CSV UTF-8 with header, or .xlsx)",
        description="Import or update cards from a CSV (UTF-8, header row) or .xlsx file with the columns "
                    "card_number,bhxh_number,citizen_id,name,birth_date,gender,facility_code,valid_from,"
                    "valid_to,status,replaced_by. Bad rows are reported with their line numbers and the "
                    "rest is imported (exit 4), unless --strict refuses the whole file (exit 1).")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--strict", action="store_true", help="refuse the whole file if any row is bad")
    imp.set_defaults(handler=_import_command)
    stats = cache_sub.add_parser("stats", parents=[common], help="number of cards, by status, size per card")
    stats.set_defaults(handler=_stats_command)
    cache.set_defaults(handler=lambda args: (cache.print_help(), 2)[1])


# ----- plumbing ------------------------------------------------------------------------------------
def _fail(args: argparse.Namespace, code: str, message: str, exit_code: int) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False))
    else:
        print(f"error: {message}", file=sys.stderr)
    return exit_code


def _config() -> Config:
    from kiosk.config import load_config

    return load_config()


def _open(args: argparse.Namespace, config: Config) -> Store:
    from kiosk.db.store import Store

    return Store.from_config(config, args.db or os.environ.get("KIOSK_DB") or None)


@contextmanager
def _errors(args: argparse.Namespace, result: list[int]) -> Iterator[None]:
    """Turn expected errors into a message and an exit code (stored in ``result[0]``)."""
    from kiosk.config import ConfigError
    from kiosk.db.errors import EnvironmentProblem, StoreError

    try:
        yield
    except EnvironmentProblem as exc:
        result[0] = _fail(args, exc.code, exc.message, EXIT_ENVIRONMENT)
    except StoreError as exc:
        result[0] = _fail(args, exc.code, exc.message, EXIT_INPUT)
    except ConfigError as exc:
        result[0] = _fail(args, "config", str(exc), EXIT_INPUT)


def _run(args: argparse.Namespace, body: Callable[[Store, Config], int]) -> int:
    result = [EXIT_ENVIRONMENT]
    with _errors(args, result):
        config = _config()
        with _open(args, config) as store:
            result[0] = body(store, config)
    return result[0]


def _emit(args: argparse.Namespace, obj: Any, human: str) -> None:
    print(json.dumps(obj, ensure_ascii=False) if args.json else human)


# ----- db --------------------------------------------------------------------------------------------
def _upgrade_command(args: argparse.Namespace) -> int:
    def body(store: Store, _config: Config) -> int:
        before, after = store.opened_at_revision, store.schema_revision()
        _emit(args, {"revision": after, "previous_revision": before, "upgraded": before != after,
                     "device_id": store.device_id},
              f"database at schema revision {after}" + (f" (upgraded from {before or 'empty'})"
                                                        if before != after else " (already current)"))
        return EXIT_OK
    return _run(args, body)


def _demo_command(args: argparse.Namespace) -> int:
    def body(store: Store, _config: Config) -> int:
        from kiosk.db.demo import load_demo

        summary = load_demo(store)
        _emit(args, summary, f"demo data loaded: {summary['cards']} cards, "
                             f"{summary['departments']} departments, {summary['services']} services")
        return EXIT_OK
    return _run(args, body)


# ----- cache -----------------------------------------------------------------------------------------
def _import_command(args: argparse.Namespace) -> int:
    def body(store: Store, _config: Config) -> int:
        from pathlib import Path

        from kiosk.cards.cardlist import CardListError

        try:
            progress = None
            if sys.stderr.isatty() and not args.json:
                def progress(rows: int) -> None:
                    print(f"\r{rows:,} rows", end="", file=sys.stderr, flush=True)
            result = store.import_card_file(Path(args.file), strict=args.strict, progress=progress)
            if progress is not None:
                print(file=sys.stderr)
        except CardListError as exc:
            return _fail(args, "bad_file", str(exc), EXIT_INPUT)
        except OSError as exc:
            from kiosk.db.errors import classify

            problem = classify(exc)
            if problem is not None and not isinstance(exc, FileNotFoundError | IsADirectoryError):
                raise problem from exc
            return _fail(args, "bad_file", f"{args.file}: {exc.strerror or exc}", EXIT_INPUT)
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            for line, message in result.errors:
                print(f"{args.file}:{line}: {message}", file=sys.stderr)
            if result.error_count > len(result.errors):
                print(f"... and {result.error_count - len(result.errors)} more bad rows", file=sys.stderr)
            if result.refused:
                print(f"refused: {result.error_count} bad row(s) and --strict; nothing imported",
                      file=sys.stderr)
            else:
                print(f"imported {result.imported} of {result.rows} rows ({result.inserted} new, "
                      f"{result.updated} updated), {result.error_count} bad")
        if result.refused:
            return EXIT_INPUT
        return EXIT_PARTIAL if result.error_count else EXIT_OK
    return _run(args, body)


def _stats_command(args: argparse.Namespace) -> int:
    def body(store: Store, _config: Config) -> int:
        stats = store.cache_stats()
        per_card = stats.bytes_per_card
        by_status = ", ".join(f"{k} {v}" for k, v in sorted(stats.by_status.items())) or "-"
        _emit(args, stats.to_json(),
              f"cards: {stats.cards} ({by_status})\nsize: {stats.cache_bytes} bytes"
              + (f", {per_card:.0f} bytes per card" if per_card else "")
              + f"\nlast import: {stats.last_import_at or 'never'}")
        return EXIT_OK
    return _run(args, body)
