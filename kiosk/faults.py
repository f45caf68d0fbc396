"""Tell an environment fault from a refusal and from a bug, for whoever presents an error.

* **environment**: the machine's surroundings are at fault (disk full, read-only or unwritable files, a
  locked database, a camera, printer, network or gateway that does not answer). Staff can act on it.
  Recognised from :attr:`kiosk.errors.KioskError.environment` or, for a raw driver or OS error, by the
  store's classification (:func:`kiosk.db.errors.classify`).
* **refused**: the kiosk refused on purpose (a :class:`~kiosk.errors.KioskError` that is not an
  environment fault: bad input, an unknown department …); its message says why.
* **bug**: anything else. :func:`describe_failure` logs it with its traceback under a short support code;
  the screen shows the same code, so a report from the desk finds its log line.

Plain Python: the interface words a :class:`Fault` in :mod:`kiosk.ui.error_text`.
"""

from __future__ import annotations

import enum
import logging
import secrets
from dataclasses import dataclass

from kiosk.db.errors import classify
from kiosk.errors import KioskError, error_message

_log = logging.getLogger("kiosk.faults")

#: Support codes start with this, so staff and logs recognise them.
SUPPORT_PREFIX = "K-"


class FaultKind(enum.StrEnum):
    ENVIRONMENT = "environment"
    REFUSED = "refused"
    BUG = "bug"


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    #: The error's stable code (``disk_full``, ``hub_unreachable`` …; ``bug`` for a bug).
    code: str
    #: Short English sentence without variable parts (translated by the interface).
    summary: str
    #: English detail for staff and logs (the error's own message).
    detail: str
    #: Set for a bug only: the code shown on screen and written in the log line with the traceback.
    support_code: str | None = None


def new_support_code() -> str:
    """A short code that is unique enough to find one log line (24 random bits), e.g. ``K-3F9A2C``."""
    return SUPPORT_PREFIX + secrets.token_hex(3).upper()


def classify_fault(error: BaseException) -> Fault:
    """What ``error`` is, without logging anything (a bug gets no support code here)."""
    if isinstance(error, KioskError):
        kind = FaultKind.ENVIRONMENT if error.environment else FaultKind.REFUSED
        return Fault(kind, error.code, error.summary, error.message)
    problem = classify(error)
    if problem is not None:
        return Fault(FaultKind.ENVIRONMENT, problem.code, problem.summary, problem.message)
    detail = f"{type(error).__name__}: {error_message(error)}"
    return Fault(FaultKind.BUG, "bug", "An unexpected error occurred", detail)


def describe_failure(error: BaseException, what: str, log: logging.Logger = _log) -> Fault:
    """Classify ``error`` (the failure of ``what``, e.g. "check-in") and log it once, the way its kind needs.

    A bug is logged at ERROR with its traceback and a new support code, which the returned fault carries;
    an environment fault or a refusal at WARNING with its code and message, without a traceback.
    """
    fault = classify_fault(error)
    if fault.kind is FaultKind.BUG:
        support = new_support_code()
        log.error("%s failed: bug, support code %s", what, support, exc_info=error)
        return Fault(fault.kind, fault.code, fault.summary, fault.detail, support)
    log.warning("%s failed: %s (%s): %s", what, fault.kind.value, fault.code, fault.detail)
    return fault
