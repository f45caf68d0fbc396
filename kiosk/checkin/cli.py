"""``kiosk card check`` and ``kiosk visit add|list``: the check-in core on the command line.

Both go through :class:`kiosk.checkin.service.CheckInService`, exactly as the screens do: parse →
decide (the card cache, then the hub's online look-up when a hub is configured) → (``visit add``)
record. ``card check`` is the same decision without recording.

Exit codes (as the other store commands, :mod:`kiosk.db.cli`): 0 done; 1 bad input (payload,
department) or a repeat check-in refused (``already_registered``: the same card already has a visit
to that department today; ``--again`` records a second one); 2 usage; 3 the database cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from kiosk.db.cli import EXIT_INPUT, EXIT_OK, _common, _date_arg, _emit, _fail, _run, _sub_of

if TYPE_CHECKING:
    from kiosk.checkin.service import CheckInService
    from kiosk.config import Config
    from kiosk.db.store import Store


def register(subparsers: Any) -> None:
    common = _common()
    card = subparsers.choices.get("card") or subparsers.add_parser("card", help="parse and check card payloads")
    check = _sub_of(card, "card_command").add_parser(
        "check", parents=[common], help="parse a payload, look it up in the cache, decide the verdict",
        description="Parse, look up and decide, as the kiosk's screens do (the card cache, then the hub's "
                    "online confirmation of every card when a hub is configured); nothing is "
                    "recorded. 'route' is the visit's route under the 2025 rules (README, "
                    "'Command line'). With PAYLOAD '-' one payload per input line is checked and one JSON line "
                    "is printed per input line, in order.")
    check.add_argument("payload", metavar="PAYLOAD", help="the scanned text, or - for one payload per line")
    check.add_argument("--on", type=_date_arg, metavar="YYYY-MM-DD", help="check for this day (default today)")
    check.add_argument("--facility", metavar="CODE", help="this facility's code (default: configured)")
    check.add_argument("--lang", default="vi", choices=("vi", "en"), help="language of 'message'")
    check.add_argument("--offline", action="store_true",
                       help="decide from the card cache only, without the hub's online confirmation (e.g. a long "
                            "list: every card asked online would spend the facility's look-up budget)")
    check.set_defaults(handler=_check_command)

    visit = subparsers.add_parser("visit", help="record and list visits (check-ins)")
    visit_sub = visit.add_subparsers(dest="visit_command", metavar="ACTION")
    add = visit_sub.add_parser(
        "add", parents=[common], help="check a card in: record a visit with a queue number",
        description="Check a card in as the kiosk does and record the visit with the next queue number. "
                    "A card that already has a visit to DEPARTMENT today is refused (exit 1, error code "
                    "already_registered, with the earlier visit and its ticket) unless --again; visits "
                    "to other departments the same day are listed under earlier_visits.")
    add.add_argument("payload", metavar="PAYLOAD", help="the scanned text, or - to read it from standard input")
    add.add_argument("--department", required=True, metavar="CODE")
    add.add_argument("--facility", metavar="CODE", help="this facility's code (default: configured)")
    add.add_argument("--again", action="store_true",
                     help="record a deliberate second visit of the same card to the same department today")
    add.add_argument("--self-pay", action="store_true",
                     help="the patient pays (not billed to BHYT): a CCCD visit without a card is then not reported")
    add.set_defaults(handler=_visit_add_command)
    lst = visit_sub.add_parser("list", parents=[common], help="list recorded visits")
    lst.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", help="only this visit date")
    lst.set_defaults(handler=_visit_list_command)
    visit.set_defaults(handler=lambda args: (visit.print_help(), 2)[1])


def _service(store: Store, config: Config, facility: str | None, *, online: bool = True) -> CheckInService:
    from kiosk.checkin.factory import checkin_service

    if facility:
        config.facility.code = facility
    return checkin_service(config, store, clock=store.clock, online=online)


def _check_command(args: argparse.Namespace) -> int:
    def body(store: Store, config: Config) -> int:
        from kiosk.checkin.report import CardChecker

        checker = CardChecker(_service(store, config, args.facility, online=not args.offline), on=args.on,
                              lang=args.lang)
        if args.payload != "-":
            out = checker.check_json(args.payload)
            _emit(args, out, checker.human(out))
            return EXIT_INPUT if "error" in out else EXIT_OK
        write, flush = sys.stdout.write, sys.stdout.flush
        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per line
        check_json, human = checker.check_json, checker.human
        for raw in sys.stdin.buffer:
            out = check_json(raw.rstrip(b"\r\n"))
            write((encode(out) if args.json else human(out)) + "\n")
            flush()  # a caller may wait for each answer before sending the next payload
        return EXIT_OK
    return _run(args, body)


def _visit_add_command(args: argparse.Namespace) -> int:
    def body(store: Store, config: Config) -> int:
        from kiosk.checkin.errors import AlreadyRegistered
        from kiosk.checkin.report import registration_json
        from kiosk.checkin.result import Source

        payload = sys.stdin.buffer.read() if args.payload == "-" else args.payload
        service = _service(store, config, args.facility)
        result = service.check(payload, Source.CLI)
        if result.decision is None:
            return _fail(args, result.error_code or "invalid", result.error_detail, EXIT_INPUT)
        try:
            registration = service.register(result, args.department, again=args.again, self_pay=args.self_pay)
        except AlreadyRegistered as exc:
            if args.json:
                print(json.dumps(exc.to_json(), ensure_ascii=False))
            else:
                print(f"error: {exc.message}", file=sys.stderr)
            return EXIT_INPUT
        visit = registration.visit
        human = f"{visit.ticket}  {visit.verdict}  {visit.name or ''}  (visit {visit.id})"
        if registration.earlier_visits:
            human += "\nearlier today: " + ", ".join(f"{v.ticket} ({v.department_code})"
                                                     for v in registration.earlier_visits)
        _emit(args, registration_json(registration), human)
        return EXIT_OK
    return _run(args, body)


def _visit_list_command(args: argparse.Namespace) -> int:
    def body(store: Store, _config: Config) -> int:
        visits = store.list_visits(args.date)
        if args.json:
            print(json.dumps(visits, ensure_ascii=False))
        else:
            for v in visits:
                print(f"{v['created_at']}  {v['ticket']:<10} {v['verdict']:<20} {v['sync_state']:<9} "
                      f"{v['card_number'] or v['citizen_id'] or '-'}  {v['name'] or ''}")
            print(f"{len(visits)} visit(s)")
        return EXIT_OK
    return _run(args, body)
