"""`kiosk run`: start the self-service or reception-desk interface."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.exitcodes import ExitCode


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("run", help="start the kiosk interface (self-service or reception desk)",
                              description="Start the kiosk. Without a camera configured, --demo plays the "
                                          "bundled demo clip; tickets go to a file printer in the data directory.")
    p.add_argument("--mode", choices=("self", "desk"), default=None,
                   help="self: touch, full-screen self-service; desk: reception (default: ui.mode in the config)")
    p.add_argument("--config", type=Path, default=None, metavar="FILE", help="configuration file (TOML)")
    p.add_argument("--db", default=None, metavar="URL",
                   help="database URL or SQLite file (default: $KIOSK_DB, else the configured database)")
    p.add_argument("--camera", default=None, metavar="SPEC",
                   help='camera: index ("0"), device ("/dev/video0"), video file, image folder or URL')
    p.add_argument("--serial", default=None, metavar="URL", help="serial scanner (pyserial URL, e.g. /dev/ttyACM0)")
    p.add_argument("--fullscreen", action="store_true", help="full screen (the default in self mode with a display)")
    p.add_argument("--windowed", action="store_true", help="never full screen")
    p.add_argument("--demo", action="store_true",
                   help="demo: bundled clip as camera, demo cards and departments, file printer")
    p.add_argument("--screenshot", type=Path, default=None, metavar="DIR",
                   help="save a PNG of every screen shown into DIR (walks through the flow by itself)")
    p.add_argument("--exit-after", type=float, default=None, metavar="SECONDS", help="quit after SECONDS")
    p.add_argument("--size", default="1280x720", metavar="WxH", help="window size when not full screen")
    p.add_argument("--no-sound", action="store_true", help="no success/failure sounds")
    p.add_argument("--trace", type=Path, default=None, metavar="FILE",
                   help="append one JSON line per screen change and scan to FILE (no patient data; "
                        "kiosk/ui/README.md, Trace)")
    p.set_defaults(handler=_run)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1920x1080") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise ValueError(f"--size {text!r}: out of range")
    return w, h


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """Why Qt could not open a window here, in one line with what to do; None when it can.

    Without this, Qt aborts (exit 134) with "could not load the Qt platform plugin": no hint for a
    newcomer trying the kiosk over SSH or in a container.
    """
    if not platform.startswith("linux"):
        return None
    qpa = environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if qpa in ("offscreen", "minimal", "eglfs", "linuxfb", "vnc", "vkkhrdisplay"):
        return None
    x11, wayland = bool(environ.get("DISPLAY")), bool(environ.get("WAYLAND_DISPLAY"))
    if (qpa == "xcb" and x11) or (qpa.startswith("wayland") and wayland) or (not qpa and (x11 or wayland)):
        return None
    wanted = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}.get(qpa, "DISPLAY or WAYLAND_DISPLAY")
    return (f"no display: {wanted} is not set. Run it on the kiosk's screen, or try it headless with "
            "`xvfb-run -a kiosk run --demo` or `kiosk run --demo --screenshot DIR --exit-after 20`.")


def _run(args: argparse.Namespace) -> int:
    from kiosk.config import ConfigError, load_config

    try:
        config = load_config(args.config)
        size = _size(args.size)
        if args.db:
            config.database.url = args.db
    except (ConfigError, ValueError) as exc:
        print(f"kiosk run: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    mode = args.mode or config.ui.mode
    if mode not in ("self", "desk"):
        print(f"kiosk run: ui.mode must be 'self' or 'desk', got {mode!r}", file=sys.stderr)
        return ExitCode.USAGE
    if args.screenshot is not None and args.exit_after is None:
        print("kiosk run: --screenshot needs --exit-after SECONDS", file=sys.stderr)
        return ExitCode.USAGE
    problem = None if args.screenshot is not None else display_problem(os.environ, sys.platform)
    if problem is not None:
        print(f"kiosk run: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    demo = args.demo
    from kiosk.config import default_config_path

    unconfigured = (args.config is None and not default_config_path().exists()
                    and not args.db and not any(os.environ.get(k) for k in ("KIOSK_DB", "KIOSK_HUB_URL")))
    if not demo and unconfigured and not (args.camera or args.serial):
        from kiosk.ui.setup_wizard import first_start_wanted, run_first_start

        # A fresh machine with a person at it: the first-run setup; once saved, start with that configuration.
        if first_start_wanted(screenshot=args.screenshot, exit_after=args.exit_after) and run_first_start(
                default_config_path(), language=config.ui.language, touch=mode == "self", size=size,
                fullscreen=mode == "self" and not args.windowed):
            try:
                config = load_config(None)
            except ConfigError as exc:
                print(f"kiosk run: {exc}", file=sys.stderr)
                return ExitCode.USAGE
            mode = args.mode or config.ui.mode
            unconfigured = False
    not_set_up = not demo and unconfigured and not (args.camera or args.serial)
    if not_set_up:
        # No configuration and the setup not done: a "not set up" screen for staff, never a silent demo.
        print(f"kiosk run: no configuration at {default_config_path()}: showing the 'not set up' screen. "
              "Run `kiosk setup`, or `kiosk run --demo` to try the kiosk with sample cards.", file=sys.stderr)
    if args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.logfile import enable_file_log
    from kiosk.ui.app import RunOptions, run

    enable_file_log()  # under cage or Shell Launcher nobody reads stderr

    headless = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    fullscreen = (args.fullscreen or mode == "self") and not args.windowed and not headless \
        and args.screenshot is None
    options = RunOptions(mode=mode, config_path=args.config, camera=args.camera, serial=args.serial,
                         fullscreen=fullscreen, demo=demo, screenshot_dir=args.screenshot,
                         exit_after=args.exit_after, size=size, sounds=not args.no_sound,
                         trace_path=args.trace, not_set_up=not_set_up)
    try:
        return run(config, options)
    except Exception as exc:  # environment problems (database, fonts): a message, not a traceback
        from kiosk.db.errors import StoreError

        if isinstance(exc, StoreError):
            print(f"kiosk run: {exc}", file=sys.stderr)
            return ExitCode.ERROR
        raise
