"""What every ``kiosk hub …`` command shares: the ``--db`` argument, the one JSON error shape
``{"error": {"code", "message"}}`` (docs/hub-api.md, "Errors"), and opening the database around a job.
kiosk/hub/cli.py and kiosk/hub/gateway_cli.py both build on it (neither imports the other's internals)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from kiosk.protocol.errors import error_document


def fail(args: argparse.Namespace, message: str, code: str = "error") -> int:
    """Print an error (JSON with ``--json``, else a line on stderr); exit code 1."""
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(error_document(code, message), ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"kiosk hub: {message}\n")
    return 1


def db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", default=None,
                        help="hub database URL or SQLite file (default: $KIOSK_HUB_DB or hub.sqlite3 in "
                             "the data directory)")


def run_with_engine(args: argparse.Namespace, work: Callable[[Any], int]) -> int:
    """Open the database (upgrading its schema) and run ``work(engine)``; expected errors become a
    clear message."""
    from kiosk.hub.db import HubDatabaseError, open_hub
    from kiosk.hub.devices import DeviceError
    from kiosk.hub.imports import ImportFileError

    try:
        engine = open_hub(args.db, pool_size=2)
    except HubDatabaseError as exc:
        return fail(args, str(exc), "database")
    except Exception as exc:  # bad URL, missing driver
        return fail(args, f"cannot open the hub database: {type(exc).__name__}: {exc}", "database")
    try:
        return int(work(engine))
    except (DeviceError, ImportFileError) as exc:
        return fail(args, str(exc), "invalid")
    finally:
        engine.dispose()
