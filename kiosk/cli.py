"""The `kiosk` command line.

Each area of the package contributes its own subcommands through a small module with a
``register(subparsers)`` function. Those modules import only light-weight things at module level;
heavy imports (OpenCV, Qt, SQLAlchemy) happen inside the command handlers, so ``kiosk --help`` and
``kiosk card parse`` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence

from kiosk import __version__
from kiosk.db.reader_flag import READER_FLAG

#: Modules that add subcommands, in the order they appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "kiosk.cards.cli",
    "kiosk.scanner.cli",
    "kiosk.db.cli",
    "kiosk.checkin.cli",
    "kiosk.sync.cli",
    "kiosk.hub.cli",
    "kiosk.printing.cli",
    "kiosk.ui.cli",
    "kiosk.setup.cli",
    "kiosk.selftest",
    "kiosk.config_cli",
)

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Check-in kiosk for Vietnamese clinics: BHYT/VssID and CCCD QR codes.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation and exit (same as `kiosk self-test`; add --json)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue  # that area has no commands (yet)
            raise
        module.register(subparsers)
    return parser


class _NoTraceback(logging.Formatter):
    """Log lines for a terminal: the message, never a traceback (``-v`` / KIOSK_DEBUG=1 shows them)."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None})
        return super().format(record)


def configure_logging() -> None:
    """Warnings and errors on stderr as one line each; library chatter (urllib3 retries) stays quiet."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    debug = bool(os.environ.get("KIOSK_DEBUG"))
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s") if debug
                         else _NoTraceback("%(levelname)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
    if not debug:
        logging.getLogger("urllib3").setLevel(logging.ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [READER_FLAG]:  # a reader process of a parallel card import
        from kiosk.db.import_reader import main as reader_main  # lazy: only reader processes load it

        return reader_main()
    configure_logging()
    parser = build_parser()
    if arguments[:1] == ["--self-test"]:
        arguments[0] = "self-test"  # `kiosk --self-test [--json]`: the packaging smoke test's spelling
    args = parser.parse_args(arguments)
    if args.self_test and args.command != "self-test":
        args = parser.parse_args(["self-test"])
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0 if args.command is None else 2
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `kiosk ... | head`: the reader went away; not an error of ours.
        sys.stderr.close()
        return 0
