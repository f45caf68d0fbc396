"""``kiosk setup``: the first-run setup from a terminal (the same steps as the app's setup wizard).

Interactive by default: each question offers the current setting as its default (Enter keeps it).
With ``--yes`` nothing is asked: the flags and the current configuration give the answers.
``--test-only`` runs the live tests of the current (or flagged) settings and saves nothing.

Exit codes: 0 saved / every test passed; 1 a live test failed (nothing saved, unless --skip-tests or
the user confirmed); 2 bad answers, unusable files, or the configuration could not be written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.setup.answers import SetupAnswers
    from kiosk.setup.probes import ProbeResult

from kiosk.exitcodes import OK, ExitCode

EXIT_OK = int(OK)
EXIT_TEST_FAILED = int(ExitCode.ERROR)
EXIT_USAGE = int(ExitCode.USAGE)


class _Abort(Exception):
    """Input ended or bad input: message for the user, exit 2."""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "setup", help="first-run setup: facility, hub, departments, camera/scanner/printer with live tests",
        description="Set up this kiosk: facility code, hub URL and device token, departments, camera, serial "
                    "scanner and ticket printer, each tested live. Interactive unless --yes.")
    p.add_argument("--config", type=Path, default=None, metavar="FILE", help="configuration file to write")
    p.add_argument("--facility", metavar="CODE", help="facility code (5 characters, e.g. 01999)")
    p.add_argument("--name", metavar="TEXT", help="facility name printed on tickets")
    p.add_argument("--hub-url", metavar="URL", help='hub URL (http/https); "" for no hub')
    p.add_argument("--token", metavar="TOKEN", help="device token from `kiosk hub device add`")
    p.add_argument("--departments", type=Path, metavar="FILE", help="departments file to import (JSON or CSV)")
    p.add_argument("--camera", metavar="SPEC", help='camera: index, /dev/videoN, video file, URL; "" for none')
    p.add_argument("--serial", metavar="URL", help='serial scanner port (pyserial URL); "" for none')
    p.add_argument("--printer", metavar="TARGET",
                   help="printer: file:PATH, serial:URL, network:HOST[:PORT], usb:VID:PID")
    p.add_argument("--yes", "-y", action="store_true", help="ask nothing: use the flags and current settings")
    p.add_argument("--test-only", action="store_true", help="only run the live tests; save nothing")
    p.add_argument("--skip-tests", action="store_true", help="save without running the live tests")
    p.add_argument("--scan-timeout", type=float, default=15.0, metavar="S",
                   help="seconds the scanner test waits for a scan (default 15)")
    p.set_defaults(handler=_handler)


def _flag_answers(args: argparse.Namespace, answers: SetupAnswers) -> SetupAnswers:
    import dataclasses

    changes = {name: value for name, value in (
        ("facility_code", args.facility), ("facility_name", args.name), ("hub_url", args.hub_url),
        ("hub_token", args.token), ("camera", args.camera), ("serial", args.serial),
        ("printer", args.printer), ("departments_file", args.departments)) if value is not None}
    return dataclasses.replace(answers, **changes)


#: Reads a secret without echo (getpass on a terminal); None: read it like any other answer.
SecretReader = Callable[[str], str] | None


def _ask(prompt: str, default: str, read: Callable[[], str], out: TextIO, *, secret: bool = False,
         read_secret: SecretReader = None) -> str:
    shown = ("****" + default[-4:] if len(default) > 8 else "****") if secret and default else default
    text = f"{prompt} [{shown}]: " if shown else f"{prompt}: "
    if secret and read_secret is not None:
        try:
            value = read_secret(text).strip()
        except EOFError:
            raise _Abort("input ended before the setup was complete; nothing was saved") from None
        return value if value else default
    out.write(text)
    out.flush()
    line = read()
    if line == "":
        raise _Abort("input ended before the setup was complete; nothing was saved")
    value = line.rstrip("\r\n").strip()
    return value if value else default


def _ask_yes(prompt: str, default: bool, read: Callable[[], str], out: TextIO) -> bool:
    for _ in range(5):
        value = _ask(f"{prompt} (y/n)", "y" if default else "n", read, out).lower()
        if value in ("y", "yes", "c", "co", "có"):
            return True
        if value in ("n", "no", "k", "khong", "không"):
            return False
        out.write("  please answer y or n\n")
    raise _Abort("no clear answer; nothing was saved")


def _interview(answers: SetupAnswers, read: Callable[[], str], out: TextIO,
               read_secret: SecretReader = None) -> SetupAnswers:
    import dataclasses

    from kiosk.setup.answers import facility_problem, hub_url_problem, province_name, token_problem

    def field(prompt: str, current: str, check: Callable[[str], Any], *, secret: bool = False) -> str:
        for _ in range(5):
            value = _ask(prompt, current, read, out, secret=secret, read_secret=read_secret)
            problem = check(value)
            if problem is None:
                return value
            out.write(f"  {problem.message}\n")
        raise _Abort("too many invalid answers; nothing was saved")

    a = answers
    out.write("Kiosk setup. Press Enter to keep the value in [brackets].\n")
    code = field("Facility code (5 characters, e.g. 01999)", a.facility_code, facility_problem)
    a = dataclasses.replace(a, facility_code=code)
    if province_name(code.replace(" ", "")):
        out.write(f"  province: {province_name(code.replace(' ', ''))}\n")
    a = dataclasses.replace(a, facility_name=_ask("Facility name (printed on tickets)", a.facility_name, read, out))
    url = field('Hub URL (http:// or https://, "-" for none)', a.hub_url,
                lambda v: None if v == "-" else hub_url_problem(v))
    a = dataclasses.replace(a, hub_url="" if url == "-" else url)
    if a.hub_url:
        token = field("Device token", a.hub_token, lambda v: token_problem(v, a.hub_url), secret=True)
        a = dataclasses.replace(a, hub_token=token)
    else:
        a = dataclasses.replace(a, hub_token="")
    current_file = str(a.departments_file) if a.departments_file else ""
    while True:
        value = _ask('Departments file to import (JSON or CSV, "-" to keep the current ones)', current_file or "-",
                     read, out)
        if value == "-":
            a = dataclasses.replace(a, departments_file=None)
            break
        if Path(value).expanduser().is_file():
            a = dataclasses.replace(a, departments_file=Path(value).expanduser())
            break
        out.write(f"  {value}: no such file\n")
        current_file = ""
    for name, prompt in (("camera", 'Camera (index "0", /dev/video0, video file or URL; "-" for none)'),
                         ("serial", 'Serial scanner port (/dev/ttyACM0, COM3; "-" for none)'),
                         ("printer", "Ticket printer (file:PATH, serial:/dev/ttyUSB0, network:HOST, usb:VID:PID; "
                                     '"-" for a file printer in the data folder)')):
        value = _ask(prompt, str(getattr(a, name)) or "-", read, out)
        a = dataclasses.replace(a, **{name: "" if value == "-" else value})  # type: ignore[arg-type]
    return a


def run_tests(config: Config, answers: SetupAnswers, out: TextIO, *, scan_timeout_s: float) -> list[ProbeResult]:
    """Every live test in turn, each printed as it finishes."""
    from kiosk.setup.answers import apply_answers
    from kiosk.setup.probes import probe_camera, probe_hub, probe_printer, probe_serial

    def show(label: str, result: ProbeResult) -> ProbeResult:
        out.write(f"{label:<9} {result.line()}\n")
        out.flush()
        return result

    def scanning() -> None:
        out.write(f"scanner   port open: scan any code now ({scan_timeout_s:g} s)…\n")
        out.flush()

    return [show("hub", probe_hub(apply_answers(config, answers).hub, facility_code=answers.facility_code)),
               show("camera", probe_camera(answers.camera, width=config.camera.width, height=config.camera.height)),
               show("scanner", probe_serial(answers.serial, baudrate=config.serial.baudrate,
                                            terminator=config.serial.terminator, timeout_s=scan_timeout_s,
                                            on_open=scanning)),
               show("printer", probe_printer(config, answers.printer))]


def _handler(args: argparse.Namespace) -> int:
    import getpass

    secret = getpass.getpass if sys.stdin.isatty() else None  # the token is not shown on a terminal
    return run(args, sys.stdin.readline, sys.stdout, sys.stderr, read_secret=secret)


def run(args: argparse.Namespace, read: Callable[[], str], out: TextIO, err: TextIO, *,
        read_secret: SecretReader = None) -> int:
    from kiosk.config import ConfigError, default_config_path, load_config
    from kiosk.setup.answers import answers_from_config, apply_answers, normalise, validate
    from kiosk.setup.departments import DepartmentsFileError, import_departments, read_departments
    from kiosk.setup.writer import write_config

    path = args.config if args.config is not None else default_config_path()
    try:
        # No environment overrides: what is written must be what was asked, not KIOSK_HUB_TOKEN.
        config = load_config(path, environ={}) if path.exists() else _defaults()
    except ConfigError as exc:
        err.write(f"kiosk setup: {exc}\n  fix or remove the file, then run `kiosk setup` again\n")
        return EXIT_USAGE
    answers = _flag_answers(args, answers_from_config(config))
    try:
        if not (args.yes or args.test_only):
            answers = _interview(answers, read, out, read_secret)
    except _Abort as exc:
        err.write(f"\nkiosk setup: {exc}\n")
        return EXIT_USAGE
    answers = normalise(answers)
    problems = validate(answers)
    if problems:
        for problem in problems:
            err.write(f"kiosk setup: {problem.message}\n")
        return EXIT_USAGE
    departments = None
    if answers.departments_file is not None:
        try:
            departments = read_departments(answers.departments_file)
        except DepartmentsFileError as exc:
            err.write(f"kiosk setup: {exc}\n")
            return EXIT_USAGE
        out.write(f"departments: {len(departments.departments)} in {answers.departments_file}: "
                  + ", ".join(departments.names()) + "\n")
    new_config = apply_answers(config, answers)
    failed = False
    if not args.skip_tests:
        results = run_tests(new_config, answers, out, scan_timeout_s=args.scan_timeout)
        failed = any(not r.ok for r in results)
    if args.test_only:
        return EXIT_TEST_FAILED if failed else EXIT_OK
    try:
        if failed and args.yes:
            err.write("kiosk setup: a live test failed; nothing was saved (fix it, or use --skip-tests)\n")
            return EXIT_TEST_FAILED
        if not args.yes:
            prompt = "Some tests failed. Save anyway?" if failed else f"Save to {path}?"
            if not _ask_yes(prompt, not failed, read, out):
                out.write("nothing was saved\n")
                return EXIT_TEST_FAILED if failed else EXIT_OK
    except _Abort as exc:
        err.write(f"\nkiosk setup: {exc}\n")
        return EXIT_USAGE
    try:
        written = write_config(new_config, path)
    except OSError as exc:
        err.write(f"kiosk setup: cannot write {path}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    out.write(f"saved: {written}\n")
    if departments is not None:
        from kiosk.db.errors import StoreError

        try:
            count = import_departments(new_config.database_url(), departments)
        except StoreError as exc:
            err.write(f"kiosk setup: configuration saved, but the departments were not imported: {exc}\n")
            return EXIT_USAGE
        out.write(f"departments imported: {count}\n")
    return EXIT_OK


def _defaults() -> Config:
    from kiosk.setup.answers import first_setup_config

    return first_setup_config()
