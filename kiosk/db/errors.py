"""Store errors: environment problems (disk full, locked, read-only, corrupt, newer schema) vs. bugs.

Modelled on qutebrowser's ``misc/sql.py``: a database error is either a *known* environment problem
that staff can act on (free disk space, close the other program, restore a backup, update the kiosk)
or a bug. :func:`classify` turns a driver error (sqlite3, psycopg, wrapped by SQLAlchemy) or an
``OSError`` into one of the :class:`EnvironmentProblem` subclasses, or ``None`` for a bug, which the
caller re-raises unchanged.

This module imports nothing heavy: the CLI catches these classes without loading SQLAlchemy.
"""

from __future__ import annotations

import errno
from typing import Any, ClassVar

from kiosk.errors import KioskError


class StoreError(KioskError):
    """Base of every error the store reports on purpose; ``str()`` is a message for staff."""

    code = "store_error"
    summary = "The database refused the request"

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def to_json(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


class EnvironmentProblem(StoreError):
    """The database cannot be used because of its environment, not because of a bug."""

    code = "environment"
    summary = "The database cannot be used"
    environment = True
    #: What staff can do about it.
    hint: ClassVar[str] = ""

    def __init__(self, message: str, *, detail: str = "") -> None:
        text = message if not detail else f"{message} ({detail})"
        if self.hint:
            text = f"{text}. {self.hint}"
        super().__init__(text)
        self.detail = detail


class DiskFullError(EnvironmentProblem):
    code = "disk_full"
    summary = "The disk is full"
    hint = "Free some disk space, then try again; nothing was half-written"


class DatabaseLockedError(EnvironmentProblem):
    code = "database_locked"
    summary = "The database is locked"
    hint = "Another program is writing to the database; close it or wait, then try again"


class ReadOnlyDatabaseError(EnvironmentProblem):
    code = "read_only"
    summary = "The database cannot be written"
    hint = "The database file or its folder cannot be written; check the disk and permissions"


class CorruptDatabaseError(EnvironmentProblem):
    code = "corrupt"
    summary = "The database file is damaged"
    hint = "The database file is damaged or not a database; restore a backup or move it away"


class DiskIOError(EnvironmentProblem):
    code = "io_error"
    summary = "The disk reported an error"
    hint = "The disk reported an input/output error; check the storage device"


class CannotOpenDatabaseError(EnvironmentProblem):
    code = "cannot_open"
    summary = "The database cannot be opened"
    hint = "Check the database location (--db / KIOSK_DB) and that the database server is running"


class NewerSchemaError(EnvironmentProblem):
    """The database was written by a newer version of the kiosk; it is never opened for writing."""

    code = "newer_schema"
    summary = "The database belongs to a newer kiosk version"
    hint = "Update the kiosk software; the database was left untouched"


class StoreUsageError(StoreError):
    """A request the store refuses (unknown department, bad argument); not an environment problem."""

    code = "invalid_request"
    summary = "The database refused the request"


class UnknownDepartmentError(StoreUsageError):
    code = "unknown_department"
    summary = "Unknown department"


# SQLite primary result codes (https://sqlite.org/rescode.html).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

_SQLITE_CLASSES: dict[int, tuple[type[EnvironmentProblem], str]] = {
    _SQLITE_FULL: (DiskFullError, "The disk is full"),
    _SQLITE_BUSY: (DatabaseLockedError, "The database is locked"),
    _SQLITE_LOCKED: (DatabaseLockedError, "The database is locked"),
    _SQLITE_READONLY: (ReadOnlyDatabaseError, "The database is read-only"),
    _SQLITE_PERM: (ReadOnlyDatabaseError, "No permission to write the database"),
    _SQLITE_CORRUPT: (CorruptDatabaseError, "The database file is damaged"),
    _SQLITE_NOTADB: (CorruptDatabaseError, "The file is not a database"),
    _SQLITE_CANTOPEN: (CannotOpenDatabaseError, "The database file cannot be opened"),
    _SQLITE_IOERR: (DiskIOError, "Disk input/output error"),
}

# PostgreSQL SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_PG_EXACT: dict[str, tuple[type[EnvironmentProblem], str]] = {
    "53100": (DiskFullError, "The database server's disk is full"),
    "55P03": (DatabaseLockedError, "The database is locked"),
    "40P01": (DatabaseLockedError, "The database is locked (deadlock)"),
    "57014": (DatabaseLockedError, "The database did not answer in time"),
    "25006": (ReadOnlyDatabaseError, "The database is read-only"),
    "XX001": (CorruptDatabaseError, "The database reports damaged data"),
    "XX002": (CorruptDatabaseError, "The database reports a damaged index"),
    "58030": (DiskIOError, "The database server reported an input/output error"),
    "3D000": (CannotOpenDatabaseError, "The database does not exist"),
    "53300": (CannotOpenDatabaseError, "The database server has too many connections"),
}
_PG_CLASS_PREFIX: dict[str, tuple[type[EnvironmentProblem], str]] = {
    "08": (CannotOpenDatabaseError, "Cannot connect to the database server"),
    "28": (CannotOpenDatabaseError, "The database server refused the login"),
    "57": (CannotOpenDatabaseError, "The database server is shutting down or unavailable"),
    "53": (DiskFullError, "The database server is out of resources"),
}

_OS_CLASSES: dict[int, tuple[type[EnvironmentProblem], str]] = {
    errno.ENOSPC: (DiskFullError, "The disk is full"),
    errno.EDQUOT: (DiskFullError, "The disk quota is exhausted"),
    errno.EROFS: (ReadOnlyDatabaseError, "The file system is read-only"),
    errno.EACCES: (ReadOnlyDatabaseError, "No permission to write the database"),
    errno.EPERM: (ReadOnlyDatabaseError, "No permission to write the database"),
    errno.EIO: (DiskIOError, "Disk input/output error"),
}


def _driver_error(exc: BaseException) -> BaseException:
    """The DB-API error inside a SQLAlchemy ``DBAPIError`` (``.orig``), else ``exc`` itself."""
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def classify(exc: BaseException) -> EnvironmentProblem | None:
    """The environment problem ``exc`` stands for, or None when it looks like a bug."""
    if isinstance(exc, EnvironmentProblem):
        return exc
    err = _driver_error(exc)
    detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    sqlite_code = getattr(err, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int):
        found = _SQLITE_CLASSES.get(sqlite_code & 0xFF)
        if found:
            cls, message = found
            return cls(message, detail=detail)
        return None
    sqlstate = getattr(err, "sqlstate", None)
    module = type(err).__module__
    if module.startswith("psycopg"):
        if isinstance(sqlstate, str):
            found = _PG_EXACT.get(sqlstate) or _PG_CLASS_PREFIX.get(sqlstate[:2])
            if found:
                cls, message = found
                return cls(message, detail=detail)
            return None
        if type(err).__name__ == "OperationalError":  # no SQLSTATE: the connection itself failed
            return CannotOpenDatabaseError("Cannot connect to the database server", detail=detail)
        return None
    if isinstance(err, OSError) and err.errno is not None:
        found = _OS_CLASSES.get(err.errno)
        if found:
            cls, message = found
            return cls(message, detail=detail)
    return None
