"""`kiosk hub recheck | upload-checkins | export xml0 | sign-xml0 | verify-xml0`: the hub's gateway jobs.

Gateway settings come from ``--gateway-config FILE`` or the environment (kiosk/hub/gateway_config.py).
``export xml0`` needs no gateway account (it only writes files and queues them for upload); it signs with the
facility certificate (``[gateway] sign_*`` / ``KIOSK_GATEWAY_SIGN_*``). Without one it writes unsigned drafts
(``<MA_LK>.unsigned.xml``) for inspection and queues nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.hub.cli_common import fail as _fail
from kiosk.hub.cli_common import run_with_engine as _run


def _say(text: str, *, err: bool = False) -> None:
    """One line to stdout (stderr with ``err``)."""
    (sys.stderr if err else sys.stdout).write(text + "\n")


def _day(args: argparse.Namespace, required: bool = False) -> dt.date | None:
    if not args.date:
        if required:
            raise ValueError("--date YYYY-MM-DD is required")
        return None
    try:
        return dt.date.fromisoformat(args.date)
    except ValueError:
        raise ValueError(f"--date must be YYYY-MM-DD, got {args.date!r}") from None


def _with_gateway(args: argparse.Namespace, work: Any) -> int:
    """Open the database and the gateway; run ``work(gateway, day)``."""
    from kiosk.hub.gateway_config import GatewayConfigError, load_gateway_config

    try:
        day = _day(args)
        config = load_gateway_config(args.gateway_config)
    except (ValueError, GatewayConfigError) as exc:
        return _fail(args, str(exc), "invalid")
    if config is None:
        return _fail(args, "no gateway configured: pass --gateway-config FILE or set KIOSK_GATEWAY_URL, "
                           "KIOSK_GATEWAY_USER, KIOSK_GATEWAY_PASSWORD", "not_configured")

    def run(engine: Any) -> int:
        from kiosk.hub.gateway_hub import HubGateway

        gateway = HubGateway(engine, config)
        try:
            return int(work(gateway, day))
        finally:
            gateway.close()

    return _run(args, run)


def _recheck(args: argparse.Namespace) -> int:
    def work(gateway: Any, day: dt.date | None) -> int:
        report = gateway.recheck(day=day, limit=args.limit)
        if args.json:
            _say(json.dumps(report.to_json()))
        else:
            _say(f"re-checked {report.checked} provisional visit(s): {report.changed} verdict(s) changed, "
                  f"{report.needs_staff} need staff, {report.left} left for later"
                  + (f" ({report.stopped_because})" if report.stopped_because else ""))
        return 0

    return _with_gateway(args, work)


_SIGN_KEYS = ("[gateway] sign_certificate_file (a .p12/.pfx file, or a PEM certificate with sign_key_file) and "
              "sign_password_env / sign_password_file, or KIOSK_GATEWAY_SIGN_CERT and $KIOSK_GATEWAY_SIGN_PASSWORD")


def _upload(args: argparse.Namespace) -> int:
    from kiosk.gateway.signing import SigningError

    def work(gateway: Any, day: dt.date | None) -> int:
        not_queued = 0
        if day is not None:
            try:
                if gateway.signing_credentials() is None and gateway.settings.require_signature:
                    return _fail(args, f"no signing certificate: check-in files must be signed; set {_SIGN_KEYS}",
                                 "not_signed")
                report = gateway.queue_checkins(day, default_service=args.default_service)
            except SigningError as exc:
                return _fail(args, f"cannot sign check-in files: {exc.message}", exc.code)
            not_queued = len(report.failed)
        report = gateway.upload_due(day=day)
        if args.json:
            _say(json.dumps({**report.to_json(), "not_queued": not_queued}, ensure_ascii=False))
        else:
            _say(f"check-ins: {report.sent} sent, {report.failed} failed (retried later), "
                 f"{report.rejected} rejected, {report.not_signed} not signed (not sent), {not_queued} visit(s) "
                 "could not be built (see `kiosk hub export xml0`)")
            for message in report.errors:
                _say(f"  {message}", err=True)
        return 0 if not report.errors and not report.rejected and not not_queued else 2

    return _with_gateway(args, work)


def _export(args: argparse.Namespace) -> int:

    try:
        day = _day(args, required=True)
    except ValueError as exc:
        return _fail(args, str(exc), "invalid")
    assert day is not None

    from kiosk.gateway.signing import SigningError, load_credentials
    from kiosk.hub.gateway_config import GatewayConfigError, load_signing_settings

    try:
        signing = load_signing_settings(args.gateway_config)
        credentials = load_credentials(signing) if signing.configured else None
    except GatewayConfigError as exc:
        return _fail(args, str(exc), "invalid")
    except SigningError as exc:
        return _fail(args, f"cannot sign check-in files: {exc.message}", exc.code)
    queued = credentials is not None or not signing.require_signature

    def work(engine: Any) -> int:
        from kiosk.hub.facility_profile import FacilityProfileError
        from kiosk.hub.xml0_export import UnknownServiceError, export_day

        try:
            report = export_day(engine, day, Path(args.out), facility_code=args.facility,
                                default_service=args.default_service, credentials=credentials,
                                require_signature=signing.require_signature)
        except (UnknownServiceError, FacilityProfileError) as exc:
            return _fail(args, str(exc), exc.code)
        if args.json:
            _say(json.dumps({**report.to_json(), "signed": credentials is not None, "queued": queued},
                            ensure_ascii=False))
        else:
            kind = "signed" if credentials is not None else "UNSIGNED draft"
            _say(f"XML0 for {day.isoformat()}: {len(report.written)} {kind} file(s) written to {args.out}, "
                  f"{len(report.failed)} visit(s) failed")
        if credentials is None and report.written:
            _say("not queued for upload: no signing certificate configured, the files are unsigned drafts "
                 f"(*.unsigned.xml) for inspection; set {_SIGN_KEYS}" if not queued else
                 "require_signature = false: the unsigned files were queued (training gateway only)", err=True)
        if not args.json:
            for line in summarise_failures(report.failed):
                _say(f"  {line}", err=True)
            if any(p.field == "MA_DICH_VU" for v in report.failed for p in v.problems):
                _say("hint: give each department a service (`kiosk hub reference import service FILE`) "
                     "or pass --default-service CODE", err=True)
        return 1 if report.failed else 0

    return _run(args, work)


#: Visit ids named per repeated problem; the count says how many there are.
EXAMPLE_IDS = 3


def summarise_failures(failed: list[Any]) -> list[str]:
    """One line per distinct set of problems: how many visits have it and the first few visit ids."""
    groups: dict[str, list[str]] = {}
    for visit in failed:
        problems = "; ".join(f"{p.field}: {p.message}" for p in visit.problems)
        groups.setdefault(problems, []).append(str(visit.visit_id))
    lines = []
    for problems, ids in groups.items():
        if len(ids) == 1:
            lines.append(f"visit {ids[0]}: {problems}")
        else:
            more = f" and {len(ids) - EXAMPLE_IDS} more" if len(ids) > EXAMPLE_IDS else ""
            lines.append(f"{len(ids)} visits ({', '.join(ids[:EXAMPLE_IDS])}{more}): {problems}")
    return lines


def _sign(args: argparse.Namespace) -> int:
    """Sign XML0 files in place of a copy (``<name>.signed.xml`` next to each, or into --out DIR)."""
    from kiosk.gateway.export import write_atomically
    from kiosk.gateway.signing import SigningError, load_credentials, sign_xml0
    from kiosk.hub.gateway_config import GatewayConfigError, load_signing_settings

    try:
        signing = load_signing_settings(args.gateway_config)
        if not signing.configured:
            return _fail(args, f"no signing certificate configured: set {_SIGN_KEYS}", "not_configured")
        credentials = load_credentials(signing)
    except GatewayConfigError as exc:
        return _fail(args, str(exc), "invalid")
    except SigningError as exc:
        return _fail(args, exc.message, exc.code)
    results, failed = [], 0
    for name in args.files:
        source = Path(name)
        stem = source.name.removesuffix(".xml").removesuffix(".unsigned")
        target = (Path(args.out) if args.out else source.parent) / f"{stem}.signed.xml"
        try:
            write_atomically(target, sign_xml0(source.read_bytes(), credentials))
            results.append({"file": name, "signed": str(target)})
        except OSError as exc:
            failed += 1
            results.append({"file": name, "error": {"code": "unreadable", "message": str(exc.strerror or exc)}})
        except SigningError as exc:
            failed += 1
            results.append({"file": name, "error": {"code": exc.code, "message": exc.message}})
    _report_files(args, results, "signed")
    return 1 if failed else 0


def _verify(args: argparse.Namespace) -> int:
    from kiosk.gateway.signing import SignatureInvalid, verify_xml0

    results, failed = [], 0
    for name in args.files:
        try:
            info = verify_xml0(Path(name).read_bytes())
            results.append({"file": name, "valid": True, **info.to_json()})
        except OSError as exc:
            failed += 1
            results.append({"file": name, "valid": False,
                            "error": {"code": "unreadable", "message": str(exc.strerror or exc)}})
        except SignatureInvalid as exc:
            failed += 1
            results.append({"file": name, "valid": False, "error": {"code": exc.code, "message": exc.message}})
    _report_files(args, results, "valid")
    return 1 if failed else 0


def _report_files(args: argparse.Namespace, results: list[dict[str, Any]], ok_key: str) -> None:
    if args.json:
        _say(json.dumps({"files": results}, ensure_ascii=False))
        return
    for item in results:
        if "error" in item:
            _say(f"{item['file']}: {item['error']['code']}: {item['error']['message']}", err=True)
        elif ok_key == "signed":
            _say(f"{item['file']}: signed -> {item['signed']}")
        else:
            _say(f"{item['file']}: signature valid ({item['subject']}, certificate valid until {item['not_after']}; "
                 "registration with BHXH is checked by the gateway)")


def register_gateway(sub: Any, db_arg: Any) -> None:
    rec = sub.add_parser("recheck", help="re-check visits not confirmed online with the social-insurance gateway")
    rec.add_argument("--date", help="only visits of this date (YYYY-MM-DD)")
    rec.add_argument("--limit", type=int, default=200, help="visits per run (default 200)")
    rec.set_defaults(handler=_recheck)
    up = sub.add_parser("upload-checkins", help="upload due XML0 check-in files to the gateway")
    up.add_argument("--date", help="queue and upload this date's visits (default: what is queued and due)")
    up.add_argument("--default-service", metavar="CODE",
                    help="service code for departments without a service in the reference data")
    up.set_defaults(handler=_upload)
    for p in (rec, up):
        db_arg(p)
        p.add_argument("--gateway-config", metavar="FILE", help="TOML file with a [gateway] section "
                       "(default: $KIOSK_GATEWAY_CONFIG / KIOSK_GATEWAY_* variables)")
        p.add_argument("--json", action="store_true")

    exp = sub.add_parser("export", help="export check-in files")
    esub = exp.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    x0 = esub.add_parser("xml0", help="one XML0 file (QĐ 4750) per visit of a date; queues them for upload")
    db_arg(x0)
    x0.add_argument("--date", required=True, help="visit date YYYY-MM-DD")
    x0.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    x0.add_argument("--facility", metavar="CODE", help="only this facility's visits (default: all)")
    x0.add_argument("--default-service", metavar="CODE",
                    help="service code for departments without a service in the reference data")
    x0.add_argument("--gateway-config", metavar="FILE", help="TOML file whose [gateway] sign_* keys name the "
                    "facility certificate (default: $KIOSK_GATEWAY_CONFIG / KIOSK_GATEWAY_SIGN_* variables); "
                    "without a certificate the files are unsigned drafts and nothing is queued")
    x0.add_argument("--json", action="store_true")
    x0.set_defaults(handler=_export)
    sg = sub.add_parser("sign-xml0", help="sign XML0 files with the facility certificate (writes NAME.signed.xml)")
    sg.add_argument("files", nargs="+", metavar="FILE")
    sg.add_argument("--out", metavar="DIR", help="folder for the signed files (default: next to each file)")
    sg.add_argument("--gateway-config", metavar="FILE", help="TOML file with the [gateway] sign_* keys")
    sg.add_argument("--json", action="store_true")
    sg.set_defaults(handler=_sign)
    vf = sub.add_parser("verify-xml0", help="check the facility signature of XML0 files (digest, signature value, "
                                            "certificate validity)")
    vf.add_argument("files", nargs="+", metavar="FILE")
    vf.add_argument("--json", action="store_true")
    vf.set_defaults(handler=_verify)
