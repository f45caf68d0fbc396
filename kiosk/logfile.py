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
from pathlib import Path

from kiosk.config import data_dir

MAX_BYTES = 1024 * 1024
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    return data_dir() / "logs" / "kiosk.log"


def enable_file_log(path: Path | None = None) -> Path | None:
    """Add the rotating log file to the root logger; returns its path, or None when it cannot be opened
    (a read-only data directory must not stop the kiosk: a warning on stderr says so)."""
    target = path if path is not None else log_path()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == target:
            return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8")
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
