"""The kiosk's own log file: what a technician reads after the fact.

A kiosk under a session manager (cage under systemd, Windows Shell Launcher) has no terminal, so the
one-line messages on stderr are lost. ``enable_file_log`` adds a rotating file in the data directory
(``logs/kiosk.log``, 5 × 1 MiB) with timestamps, INFO and above from our own modules, and the
tracebacks that the terminal never shows. Patient data stays out of it: our log calls name events
and error classes, not payloads (see docs/deployment-linux.md).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from kiosk.config import data_dir

MAX_BYTES = 1024 * 1024
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    return data_dir() / "logs" / "kiosk.log"


class KioskLogHandler(logging.handlers.RotatingFileHandler):
    """The handler :func:`enable_file_log` installs (its own class, so it is found again and replaced)."""


def enable_file_log(path: Path | None = None) -> Path | None:
    """Add the rotating log file to the root logger; returns its path, or None when it cannot be opened
    (a read-only data directory must not stop the kiosk: a warning on stderr says so).

    Idempotent: there is at most one such handler. Installing again for the same file keeps the handler
    there is; for another file (another data directory, e.g. a second ``kiosk run`` in one process), the
    old handler is removed and closed first."""
    target = path if path is not None else log_path()
    wanted = os.path.abspath(target)  # what FileHandler.baseFilename holds
    root = logging.getLogger()
    current: KioskLogHandler | None = None
    for existing in list(root.handlers):
        if isinstance(existing, KioskLogHandler):
            if existing.baseFilename == wanted and current is None:
                current = existing
            else:
                root.removeHandler(existing)
                existing.close()
    if current is not None:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = KioskLogHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file at %s: %s", target, exc.strerror or exc)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)
    handler.addFilter(_ours_or_warning)
    # stderr keeps its own level (warnings only); the file also wants our INFO lines
    for existing in root.handlers:
        if existing.level == logging.NOTSET:
            existing.setLevel(root.level)
    root.addHandler(handler)
    root.setLevel(min(root.level, logging.INFO))
    return target


def _ours_or_warning(record: logging.LogRecord) -> bool:
    """INFO lines of our own modules; libraries only from WARNING up (their INFO is chatter)."""
    return record.levelno >= logging.WARNING or record.name == "kiosk" or record.name.startswith("kiosk.")
