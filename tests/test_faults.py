"""Environment faults, refusals and bugs are told apart; a bug's support code is in its log line."""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

import pytest

from kiosk.db.errors import UnknownDepartmentError
from kiosk.faults import SUPPORT_PREFIX, FaultKind, classify_fault, describe_failure
from kiosk.gateway.errors import GatewayUnavailable


def locked_error(tmp_path: Path) -> sqlite3.OperationalError:
    """A real 'database is locked' from SQLite: another connection holds the write lock."""
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    writer = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            writer.execute("INSERT INTO t VALUES (1)")
        return caught.value
    finally:
        writer.close()
        holder.execute("ROLLBACK")
        holder.close()


def test_raw_driver_and_os_errors_are_environment_faults(tmp_path: Path) -> None:
    locked = classify_fault(locked_error(tmp_path))
    assert (locked.kind, locked.code, locked.summary) == (FaultKind.ENVIRONMENT, "database_locked",
                                                         "The database is locked")
    full = classify_fault(OSError(errno.ENOSPC, "No space left on device"))
    assert (full.kind, full.code) == (FaultKind.ENVIRONMENT, "disk_full")
    denied = classify_fault(PermissionError(errno.EACCES, "Permission denied"))
    assert (denied.kind, denied.code) == (FaultKind.ENVIRONMENT, "read_only")


def test_kiosk_errors_keep_their_own_kind() -> None:
    offline = classify_fault(GatewayUnavailable("the gateway did not answer in 60 s"))
    assert (offline.kind, offline.code, offline.detail) == (FaultKind.ENVIRONMENT, "gateway_unavailable",
                                                            "the gateway did not answer in 60 s")
    refused = classify_fault(UnknownDepartmentError("no department K99"))
    assert (refused.kind, refused.code, refused.support_code) == (FaultKind.REFUSED, "unknown_department", None)


def test_a_bug_is_logged_with_its_traceback_under_the_support_code(caplog: pytest.LogCaptureFixture) -> None:
    try:
        {}["K01"]
    except KeyError as exc:
        error = exc
    with caplog.at_level(logging.WARNING, logger="kiosk.faults"):
        fault = describe_failure(error, "check-in")
    assert fault.kind is FaultKind.BUG and fault.detail == "KeyError: 'K01'"
    assert fault.support_code is not None and fault.support_code.startswith(SUPPORT_PREFIX)
    [record] = caplog.records
    assert record.levelno == logging.ERROR and fault.support_code in record.getMessage()
    assert record.exc_info is not None and record.exc_info[1] is error
    assert "KeyError" in caplog.text and "Traceback" in caplog.text


def test_an_environment_fault_is_logged_without_traceback(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.faults"):
        fault = describe_failure(OSError(errno.ENOSPC, "No space left on device"), "check-in")
    assert fault.support_code is None
    [record] = caplog.records
    assert record.levelno == logging.WARNING and record.exc_info is None and "disk_full" in record.getMessage()


def test_support_codes_differ() -> None:
    codes = {describe_failure(ValueError("x"), "test", logging.getLogger("test.quiet")).support_code
             for _ in range(50)}
    assert len(codes) == 50
