"""One error root: every package's errors derive from KioskError; one function reads any error's message."""

from __future__ import annotations

import pytest

from kiosk.cards.cardlist import CardListError
from kiosk.cards.model import CardPayloadError, PayloadErrorCode
from kiosk.config import ConfigError
from kiosk.db.errors import DiskFullError, StoreError, UnknownDepartmentError
from kiosk.errors import CheckFailed, KioskError, error_message
from kiosk.gateway.errors import GatewayError, GatewayUnavailable, UploadRejected
from kiosk.gateway.signing import SigningError
from kiosk.hub.db import HubDatabaseError
from kiosk.hub.errors import ApiError
from kiosk.printing.backends import PrinterOfflineError
from kiosk.printing.errors import PrintingError
from kiosk.printing.ticket import TicketError
from kiosk.scanner.sources import SourceError
from kiosk.setup.departments import DepartmentsFileError
from kiosk.sync.client import HubUnreachable, SyncError


@pytest.mark.parametrize("root", [StoreError, SyncError, GatewayError, SigningError, ApiError, HubDatabaseError,
                                  ConfigError, CardPayloadError, CardListError, SourceError, PrintingError,
                                  DepartmentsFileError, CheckFailed])
def test_package_roots_derive_from_kiosk_error(root: type[Exception]) -> None:
    assert issubclass(root, KioskError)


def test_code_and_message() -> None:
    error = UnknownDepartmentError("no department K99")
    assert (error.code, error.message, str(error)) == ("unknown_department", "no department K99", "no department K99")
    assert not error.environment
    rejected = UploadRejected("051", "gateway rejected the check-in file (code 051)")
    assert rejected.code == "051" and rejected.message.endswith("(code 051)")
    api = ApiError(409, "batch_conflict", "batch id reused with other records")
    assert (api.code, api.message, api.status) == ("batch_conflict", "batch id reused with other records", 409)
    payload = CardPayloadError(PayloadErrorCode.MISSING_FIELD, "the card number is missing")
    assert isinstance(payload, ValueError) and payload.code == "missing_field"  # old callers catch ValueError


def test_environment_faults_say_so() -> None:
    for error in (DiskFullError("The disk is full"), GatewayUnavailable("timeout"), HubUnreachable("down"),
                  SourceError("no camera"), PrinterOfflineError("unplugged")):
        assert error.environment, type(error).__name__
    assert not TicketError("department: empty").environment


def test_error_message_reads_any_error() -> None:
    assert error_message(ConfigError("bad key [ui] size")) == "bad key [ui] size"
    assert error_message(KeyError("K01")) == "'K01'"
    assert error_message(RuntimeError()) == "RuntimeError"
    assert error_message(KioskError()) == KioskError.summary  # no message: the summary stands in
