"""``kiosk card parse``: parse a scanned payload and print it (the JSON shape other tools rely on)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    card = subparsers.add_parser("card", help="parse and check card payloads")
    card_sub = card.add_subparsers(dest="card_command", metavar="ACTION")
    parse = card_sub.add_parser(
        "parse",
        help="parse a BHYT or CCCD QR payload",
        description="Parse a BHYT (health-insurance) or CCCD (citizen-ID) QR payload. "
                    "Exit 0 with the parsed card, exit 1 when the input is not a usable card payload.",
    )
    parse.add_argument("payload", metavar="PAYLOAD", help="the scanned text, or - to read it from standard input")
    parse.add_argument("--json", action="store_true", help="print one JSON object")
    parse.set_defaults(handler=_parse_command)
    card.set_defaults(handler=lambda args: (card.print_help(), 2)[1])


def _read_payload(arg: str) -> str | bytes:
    if arg == "-":
        return sys.stdin.buffer.read()
    return arg


def _print_human(obj: dict[str, Any]) -> None:
    width = max(len(k) for k in obj)
    for key, value in obj.items():
        if isinstance(value, list):
            value = "; ".join(value) if value else "-"
        print(f"{key.ljust(width)}  {'-' if value is None else value}")


def _parse_command(args: argparse.Namespace) -> int:
    from kiosk.cards import CardPayloadError, card_to_json, parse_payload

    try:
        card = parse_payload(_read_payload(args.payload))
    except CardPayloadError as exc:
        if args.json:
            print(json.dumps(exc.to_json(), ensure_ascii=False))
        else:
            print(f"error: {exc.message}", file=sys.stderr)
        return 1
    obj = card_to_json(card)
    if args.json:
        print(json.dumps(obj, ensure_ascii=False))
    else:
        _print_human(obj)
    return 0
