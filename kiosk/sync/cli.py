"""``kiosk sync``: synchronise with the hub once (``--once``) or keep syncing in the foreground.

Exit codes: 0 synced (with ``--reconcile``: and the counts agree); 1 the hub could not be reached or
answered with an error (offline is normal for a kiosk: visits stay queued); 2 usage or configuration
(no hub configured, bad token); 3 the local database cannot be used; 5 reconciliation found a difference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.sync.engine import SyncReport

EXIT_OK, EXIT_OFFLINE, EXIT_CONFIG, EXIT_ENVIRONMENT, EXIT_DIFFER = 0, 1, 2, 3, 5


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser(
        "sync", help="upload visits to the hub and pull card and reference data",
        description="Push pending visits, then pull card-cache and reference-data changes. Hub address and "
                    "token: [hub] in the configuration, or KIOSK_HUB_URL / KIOSK_HUB_TOKEN.")
    sync.add_argument("--once", action="store_true", help="sync once and exit (default: keep syncing)")
    sync.add_argument("--json", action="store_true", help='print {"pushed": n, "pulled": n, "pending": n}')
    sync.add_argument("--reconcile", action="store_true",
                      help="after syncing, compare this kiosk's visit counts per day with the hub's")
    sync.add_argument("--date", type=_date_arg, action="append", metavar="YYYY-MM-DD",
                      help="day to reconcile (repeatable; default today)")
    sync.add_argument("--db", metavar="URL", help="local database URL (default: $KIOSK_DB or configured)")
    sync.add_argument("--config", metavar="FILE", help="configuration file")
    sync.set_defaults(handler=_sync_command)


def _print(args: argparse.Namespace, obj: dict[str, Any], human: str, *, error: bool = False) -> None:
    if args.json:
        print(json.dumps(obj, ensure_ascii=False), flush=True)
    else:
        print(human, file=sys.stderr if error else sys.stdout, flush=True)


def _human(report: SyncReport) -> str:
    lines = [f"pushed {report.pushed}, pulled {report.pulled}, pending {report.pending}"
             + (f", rejected {report.rejected}" if report.rejected else "")]
    lines += [r.explanation() for r in report.reconciliation]
    return "\n".join(lines)


def _load(args: argparse.Namespace) -> Config:
    from pathlib import Path

    from kiosk.config import load_config

    return load_config(Path(args.config) if args.config else None)


def _sync_command(args: argparse.Namespace) -> int:
    from kiosk.config import ConfigError
    from kiosk.db.errors import EnvironmentProblem, StoreError
    from kiosk.db.store import Store
    from kiosk.sync.client import NotConfigured, SyncError
    from kiosk.sync.parts import hub_client, sync_engine

    try:
        config = _load(args)
        client = hub_client(config)
    except (ConfigError, NotConfigured) as exc:
        _print(args, {"error": {"code": "config", "message": str(exc)}}, f"error: {exc}", error=True)
        return EXIT_CONFIG
    dates = args.date or [dt.date.today()]
    try:
        with Store.from_config(config, args.db or os.environ.get("KIOSK_DB") or None) as store:
            engine = sync_engine(config, store, client)
            if not args.once:
                return _forever(args, engine, config.hub.interval_s)
            try:
                report = engine.run_once(reconcile_dates=dates if args.reconcile else ())
            except SyncError as exc:
                obj = {"error": {"code": "offline" if exc.transient else "refused", "message": exc.message},
                       "pending": store.pending_count()}
                _print(args, obj, f"error: {exc.message} ({obj['pending']} visits wait for upload)", error=True)
                return EXIT_OFFLINE if exc.transient else EXIT_CONFIG
    except EnvironmentProblem as exc:
        _print(args, {"error": {"code": exc.code, "message": exc.message}}, f"error: {exc.message}", error=True)
        return EXIT_ENVIRONMENT
    except StoreError as exc:
        _print(args, {"error": {"code": exc.code, "message": exc.message}}, f"error: {exc.message}", error=True)
        return EXIT_ENVIRONMENT
    finally:
        client.close()
    _print(args, report.to_json(), _human(report))
    if args.reconcile and not all(r.agree for r in report.reconciliation):
        return EXIT_DIFFER
    return EXIT_OK


def _forever(args: argparse.Namespace, engine: Any, interval_s: float) -> int:
    from kiosk.sync.loop import SyncLoop
    from kiosk.sync.status import SyncStatus

    def show(status: SyncStatus) -> None:
        if status.syncing:
            return
        obj = {"online": status.online, "pending": status.pending_count, "error": status.last_error,
               "last_success_at": status.last_success_at.isoformat() if status.last_success_at else None}
        human = (f"{'online' if status.online else 'offline'}; pending {status.pending_count}"
                 + (f"; last error: {status.last_error}" if status.last_error else ""))
        _print(args, obj, human)

    loop = SyncLoop(engine, interval_s=interval_s, on_status=show)
    try:
        while True:
            time.sleep(loop.run_once())
    except KeyboardInterrupt:
        return EXIT_OK
