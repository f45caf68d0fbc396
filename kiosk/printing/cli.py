"""``kiosk printer status|test|ticket``: check the ticket printer from a terminal.

``status`` probes the configured printer (paper, on line); ``test`` prints the test page; ``ticket``
prints (or with ``--png`` only renders) a sample ticket in a chosen language. Exit 0 when the printer
is ready / the job printed, 1 when not (the reason is printed), 2 for bad arguments or configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_NOT_READY = 1
EXIT_USAGE = 2


def register(subparsers: Any) -> None:
    printer = subparsers.add_parser("printer", help="check the ticket printer, test print, sample tickets")
    sub = printer.add_subparsers(dest="printer_command", metavar="ACTION")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", type=Path, metavar="FILE", help="configuration file (default: the usual one)")
        p.add_argument("--target", help="override printer.target, e.g. serial:/dev/ttyUSB0 or network:10.0.0.9")
        p.add_argument("--json", action="store_true", help="print one JSON object")

    status = sub.add_parser("status", help="ask the printer for paper and on-line state")
    common(status)
    status.set_defaults(handler=_status_command)
    test = sub.add_parser("test", help="print the test page")
    common(test)
    test.set_defaults(handler=_test_command)
    ticket = sub.add_parser("ticket", help="print a sample ticket (or only render it with --png)")
    common(ticket)
    ticket.add_argument("--lang", default="vi", choices=("vi", "en", "zh", "ko", "ja"))
    ticket.add_argument("--number", default="K01-001", help="queue number text (default K01-001)")
    ticket.add_argument("--department", default="Khám Nội tổng quát")
    ticket.add_argument("--room", default="Phòng 105 – Tầng 1")
    ticket.add_argument("--png", type=Path, metavar="FILE", help="only render the ticket into this PNG file")
    ticket.set_defaults(handler=_ticket_command)
    printer.set_defaults(handler=lambda args: (printer.print_help(), EXIT_USAGE)[1])


def _emit(args: argparse.Namespace, obj: dict[str, Any], ok: bool) -> int:
    if args.json:
        print(json.dumps(obj, ensure_ascii=False))
    else:
        stream = sys.stdout if ok else sys.stderr
        print(f"{obj.get('status', 'error')}: {obj.get('message', '')}", file=stream)
        if obj.get("detail"):
            print(f"  {obj['detail']}", file=stream)
        for key in ("png", "job"):
            if obj.get(key):
                print(f"  {key}: {obj[key]}", file=stream)
    return 0 if ok else EXIT_NOT_READY


def _usage_error(args: argparse.Namespace, message: str) -> int:
    if args.json:
        print(json.dumps({"status": "error", "message": message}, ensure_ascii=False))
    else:
        print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _printer(args: argparse.Namespace) -> Any:
    from kiosk.config import load_config
    from kiosk.printing import TicketPrinter

    config = load_config(args.config)
    if args.target is not None:
        config.printer.target = args.target
    return TicketPrinter.from_config(config), config


def _run(args: argparse.Namespace, action: str) -> int:
    import logging

    from kiosk.config import ConfigError

    # Outcomes are printed below; keep the library's log lines from repeating them on stderr.
    logging.getLogger("kiosk.printing").addHandler(logging.NullHandler())
    logging.getLogger("kiosk.printing").propagate = False
    try:
        printer, config = _printer(args)
    except ConfigError as exc:
        return _usage_error(args, str(exc))
    if printer.config_problem:
        return _usage_error(args, printer.config_problem)
    if action == "status":
        state = printer.printer_status()
        return _emit(args, {"status": state.status.value, "message": state.message, "detail": state.detail,
                            "reported": state.reported, "target": printer.description}, state.ready)
    if action == "test":
        result = printer.test_print()
    else:
        import datetime as dt
        import uuid

        from kiosk.printing import Ticket, TicketError

        try:
            ticket = Ticket(config.facility.name, args.department, args.room, args.number, dt.datetime.now(),
                            uuid.uuid4(), args.lang)
        except TicketError as exc:
            return _usage_error(args, str(exc))
        if args.png is not None:
            from kiosk.printing.fonts import FontMissingError

            try:
                printer.render(ticket).save(args.png)
            except (OSError, ValueError, FontMissingError) as exc:
                return _usage_error(args, f"cannot render to {args.png}: {exc}")
            return _emit(args, {"status": "ok", "message": "Ticket rendered", "png": str(args.png)}, True)
        result = printer.print_ticket(ticket)
    obj = {"status": result.status.value, "message": result.message, "detail": result.detail,
           "target": printer.description, "png": str(result.png_path or ""), "job": str(result.job_path or "")}
    return _emit(args, obj, result.printed)


def _status_command(args: argparse.Namespace) -> int:
    return _run(args, "status")


def _test_command(args: argparse.Namespace) -> int:
    return _run(args, "test")


def _ticket_command(args: argparse.Namespace) -> int:
    return _run(args, "ticket")
