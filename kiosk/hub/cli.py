"""`kiosk hub …`: run the hub server and administer its devices, cards, reference data and reports.

Every command takes ``--db URL`` (default ``$KIOSK_HUB_DB``, else hub.sqlite3 in the data directory)
and upgrades the schema first. Heavy imports happen inside the handlers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.hub.cli_common import db_arg as _db_arg
from kiosk.hub.cli_common import fail as _fail
from kiosk.hub.cli_common import run_with_engine as _run
from kiosk.hub.gateway_cli import register_gateway

DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from kiosk.hub import db
    from kiosk.hub.app import create_app
    from kiosk.hub.gateway_config import ENV_CONFIG, ENV_WORKERS, GatewayConfigError, load_gateway_config
    from kiosk.hub.settings import ENV_BURST, ENV_RATE, HubSettings

    try:
        gateway = load_gateway_config(args.gateway_config, env={**os.environ, ENV_WORKERS: str(args.workers)})
    except GatewayConfigError as exc:
        return _fail(args, f"gateway settings: {exc}", "invalid")
    if bool(args.tls_cert) != bool(args.tls_key):
        return _fail(args, "--tls-cert and --tls-key go together")
    for f in (args.tls_cert, args.tls_key):
        if f and not Path(f).is_file():
            return _fail(args, f"{f}: no such file")
    if not args.tls_cert and not is_loopback(args.host):
        print(f"kiosk hub: WARNING: serving on {args.host} without TLS: device tokens and patient data cross "
              "the network in clear text; use --tls-cert/--tls-key (docs/hub-api.md)", file=sys.stderr)
    url = db.resolve_url(args.db)
    try:
        db.open_hub(url, pool_size=1).dispose()  # migrate once, before any worker starts
    except db.HubDatabaseError as exc:
        return _fail(args, str(exc), "database")
    except Exception as exc:  # bad URL, missing driver, server down
        return _fail(args, f"cannot open the hub database: {type(exc).__name__}: {exc}", "database")
    log_config = dict(uvicorn.config.LOGGING_CONFIG)
    log_config["loggers"] = {**log_config["loggers"],
                             "kiosk": {"handlers": ["default"], "level": "INFO", "propagate": False}}
    ssl = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key} if args.tls_cert else {}
    common: dict[str, Any] = {"host": args.host, "port": args.port, "log_config": log_config,
                              "timeout_graceful_shutdown": 10, **ssl}
    if args.workers > 1:
        # Worker processes read their settings from the environment (create_app_from_env).
        if args.gateway_config:
            os.environ[ENV_CONFIG] = str(Path(args.gateway_config).resolve())
        os.environ[ENV_WORKERS] = str(args.workers)
        os.environ[db.ENV_DB] = url
        os.environ[ENV_RATE] = str(args.rate)
        os.environ[ENV_BURST] = str(args.burst)
        tasks = None
        if gateway is not None and (gateway.recheck_interval_s > 0 or gateway.upload_interval_s > 0):
            # Background re-check/upload runs once, in this supervising process, not in every worker;
            # the facility's look-up rate is shared by the workers and this process.
            from kiosk.hub.gateway_hub import HubGateway

            os.environ[ENV_WORKERS] = str(args.workers + 1)
            own = load_gateway_config(args.gateway_config) or gateway
            os.environ["KIOSK_GATEWAY_RECHECK_S"] = os.environ["KIOSK_GATEWAY_UPLOAD_S"] = "0"
            tasks = HubGateway(db.open_hub(url, pool_size=2), own)
            tasks.start_background()
        try:
            uvicorn.run("kiosk.hub.app:create_app_from_env", factory=True, workers=args.workers, **common)
        finally:
            if tasks is not None:
                tasks.close()
    else:
        app = create_app(HubSettings(db_url=url, rate_per_s=args.rate, burst=args.burst, gateway=gateway))
        uvicorn.run(app, **common)
    return 0


def _device_add(args: argparse.Namespace) -> int:
    from kiosk.hub.devices import add_device

    def work(engine: Any) -> int:
        with engine.begin() as conn:
            device, token = add_device(conn, args.name, args.facility)
        if args.json:
            print(json.dumps({"device": device.name, "facility_code": device.facility_code, "token": token}))
        else:
            print(f"Device {device.name!r} (facility {device.facility_code}) added. Its token, shown only "
                  "this once (put it in the kiosk's configuration as hub.token / KIOSK_HUB_TOKEN):")
            print(token)
        return 0

    return _run(args, work)


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=value.tzinfo or dt.UTC).isoformat()


def _device_list(args: argparse.Namespace) -> int:
    from kiosk.hub.devices import list_devices

    def work(engine: Any) -> int:
        with engine.begin() as conn:
            items = list_devices(conn)
        rows = [{"device": d.name, "facility_code": d.facility_code, "active": d.active,
                 "created_at": _iso(d.created_at), "revoked_at": _iso(d.revoked_at),
                 "last_push_at": _iso(d.last_push_at), "last_pull_at": _iso(d.last_pull_at),
                 "app_version": d.app_version} for d in items]
        if args.json:
            print(json.dumps({"devices": rows}, ensure_ascii=False))
        elif not rows:
            print("no devices; add one with `kiosk hub device add NAME --facility CODE`")
        else:
            for r in rows:
                state = "active" if r["active"] else f"revoked {r['revoked_at']}"
                print(f"{r['device']:<24} {r['facility_code']:<8} {state:<10} last push "
                      f"{r['last_push_at'] or '-'}  last pull {r['last_pull_at'] or '-'}")
        return 0

    return _run(args, work)


def _device_revoke(args: argparse.Namespace) -> int:
    from kiosk.hub.devices import revoke_device

    def work(engine: Any) -> int:
        with engine.begin() as conn:
            device = revoke_device(conn, args.name)
        if args.json:
            print(json.dumps({"device": device.name, "revoked_at": _iso(device.revoked_at)}))
        else:
            print(f"Device {device.name!r} revoked; its token no longer works.")
        return 0

    return _run(args, work)


def _device_reset(args: argparse.Namespace) -> int:
    from kiosk.hub.devices import reset_instance

    def work(engine: Any) -> int:
        with engine.begin() as conn:
            device = reset_instance(conn, args.name)
        if args.json:
            print(json.dumps({"device": device.name, "instance_id": None}))
        else:
            print(f"Device {device.name!r}: the next kiosk installation that uploads with its token takes it over.")
        return 0

    return _run(args, work)


def _print_import(args: argparse.Namespace, what: str, result: Any) -> int:
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        for line, message in result.errors:
            print(f"line {line}: {message}", file=sys.stderr)
        print(f"{what}: {result.read} read, {result.written} changed, {result.deleted} removed, "
              f"{len(result.errors)} bad rows")
        if result.replace_skipped:
            print("--replace ignored: the file has bad rows, so nothing was removed", file=sys.stderr)
    return 0 if not result.errors else 3


def _cards_import(args: argparse.Namespace) -> int:
    from kiosk.hub.imports import import_cards

    def work(engine: Any) -> int:
        with engine.begin() as conn:
            result = import_cards(conn, Path(args.file), scope=args.facility, replace=args.replace)
        return _print_import(args, "cards", result)

    return _run(args, work)


def _reference_import(args: argparse.Namespace) -> int:
    from kiosk.hub.imports import import_reference

    def work(engine: Any) -> int:
        with engine.begin() as conn:
            result = import_reference(conn, args.kind, Path(args.file), scope=args.facility,
                                      replace=args.replace)
        return _print_import(args, args.kind, result)

    return _run(args, work)


def _report(args: argparse.Namespace) -> int:
    from kiosk.hub.report import hub_report

    try:
        day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        return _fail(args, f"--date must be YYYY-MM-DD, got {args.date!r}", "invalid")

    def work(engine: Any) -> int:
        from kiosk.hub import gateway_store

        with engine.begin() as conn:
            data = hub_report(conn, day)
            data["gateway"] = {"rechecks": gateway_store.recheck_counts(conn, day),
                               "checkins": gateway_store.checkin_counts(conn, day),
                               "last_config_error": gateway_store.last_config_error(conn)}
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(f"Visits received for {data['date']}: {data['total']}")
            for d in data["devices"]:
                verdicts = ", ".join(f"{k} {v}" for k, v in d["by_verdict"].items() if v)
                print(f"  {d['device']:<24} {d['facility_code']:<8} {d['visits']:>6}  {verdicts}")
            g = data["gateway"]
            r = g["rechecks"]
            print(f"Gateway re-checks: {r['checked']} of {r['not_confirmed_online']} visits not confirmed online "
                  f"({r['provisional']} provisional) checked, {r['changed']} changed, {r['needs_staff']} need staff")
            if g["checkins"]:
                print("Check-in uploads: " + ", ".join(f"{k} {v}" for k, v in sorted(g["checkins"].items())))
            if g["last_config_error"]:
                e = g["last_config_error"]
                print(f"Gateway configuration problem (code {e['code']}, {e['at']}): {e['action_en']}")
        return 0

    return _run(args, work)


def _db_upgrade(args: argparse.Namespace) -> int:
    from kiosk.hub.db import current_revision

    def work(engine: Any) -> int:
        rev = current_revision(engine)
        if args.json:
            print(json.dumps({"revision": rev}))
        else:
            print(f"hub database at revision {rev}")
        return 0

    return _run(args, work)


def register(subparsers: Any) -> None:
    hub = subparsers.add_parser("hub", help="the hub server for all kiosks of a hospital")
    sub = hub.add_subparsers(dest="hub_command", metavar="COMMAND", required=True)

    serve = sub.add_parser("serve", help="run the hub's HTTP API")
    _db_arg(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: all)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--tls-cert", metavar="FILE", help="PEM certificate (with --tls-key: HTTPS)")
    serve.add_argument("--tls-key", metavar="FILE", help="PEM private key")
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    serve.add_argument("--rate", type=float, default=10.0, help="requests/s per device (0: unlimited)")
    serve.add_argument("--burst", type=int, default=30, help="burst size per device")
    serve.add_argument("--gateway-config", metavar="FILE",
                       help="TOML file with a [gateway] section (social-insurance gateway; default: "
                            "$KIOSK_GATEWAY_CONFIG / KIOSK_GATEWAY_* variables; none: look-ups answer "
                            "not_configured)")
    serve.set_defaults(handler=_serve, json=False)

    device = sub.add_parser("device", help="kiosks and desks allowed to sync")
    dsub = device.add_subparsers(dest="device_command", metavar="COMMAND", required=True)
    add = dsub.add_parser("add", help="register a device and print its token once")
    add.add_argument("name")
    add.add_argument("--facility", required=True, metavar="CODE", help="facility code (MA_CSKCB)")
    lst = dsub.add_parser("list", help="list devices")
    rev = dsub.add_parser("revoke", help="revoke a device's token")
    rev.add_argument("name")
    reset = dsub.add_parser("reset", help="let another kiosk installation take over a device's token (after "
                                          "moving the kiosk to new hardware or restoring its database)")
    reset.add_argument("name")
    for p, h in ((add, _device_add), (lst, _device_list), (rev, _device_revoke), (reset, _device_reset)):
        _db_arg(p)
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=h)

    cards = sub.add_parser("cards", help="the hub's card table")
    csub = cards.add_subparsers(dest="cards_command", metavar="COMMAND", required=True)
    imp = csub.add_parser("import", help="import a card list (CSV/XLSX, same format as the kiosk)")
    imp.add_argument("file")
    imp.set_defaults(handler=_cards_import)

    refs = sub.add_parser("reference", help="departments, services and facility settings")
    rsub = refs.add_subparsers(dest="reference_command", metavar="COMMAND", required=True)
    rimp = rsub.add_parser("import", help="import reference data from CSV (header = field names) or JSON")
    rimp.add_argument("kind", choices=("department", "service", "setting"))
    rimp.add_argument("file")
    rimp.set_defaults(handler=_reference_import)
    for p in (imp, rimp):
        _db_arg(p)
        p.add_argument("--facility", default="*", metavar="CODE",
                       help="only for this facility's devices (default: '*', every facility)")
        p.add_argument("--replace", action="store_true",
                       help="also remove entries of this scope that the file no longer lists")
        p.add_argument("--json", action="store_true")

    rep = sub.add_parser("report", help="visits received per device for one date")
    _db_arg(rep)
    rep.add_argument("--date", help="visit date YYYY-MM-DD (default: today)")
    rep.add_argument("--json", action="store_true")
    rep.set_defaults(handler=_report)

    register_gateway(sub, _db_arg)

    dbp = sub.add_parser("db", help="hub database maintenance")
    dbsub = dbp.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    up = dbsub.add_parser("upgrade", help="create or upgrade the hub schema")
    _db_arg(up)
    up.add_argument("--json", action="store_true")
    up.set_defaults(handler=_db_upgrade)
