"""How a failure is worded on screen: for the patient, and for staff (docs/house-style.md §5).

The patient is never shown a fault: they read "please see reception", plus the support code when the
kiosk hit a bug, so staff can quote it. Staff at the desk see the fault itself: an environment fault as
its translated summary and detail (what they can act on), a refusal as its message, a bug as "unexpected
error" with the support code that is also in the log line with the traceback (:mod:`kiosk.faults`).

Summaries are the English source texts of :attr:`kiosk.errors.KioskError.summary`; they are translated
here (context ``KioskError``) so that lupdate finds them: :data:`SUMMARIES` must list every summary the
kiosk's errors carry (a test checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.faults import Fault, FaultKind

translate = QCoreApplication.translate


def _summaries() -> dict[str, str]:
    return {
        "The kiosk could not do this": translate("KioskError", "The kiosk could not do this"),
        "The installation is broken": translate("KioskError", "The installation is broken"),
        "An unexpected error occurred": translate("KioskError", "An unexpected error occurred"),
        "The database refused the request": translate("KioskError", "The database refused the request"),
        "The database cannot be used": translate("KioskError", "The database cannot be used"),
        "The disk is full": translate("KioskError", "The disk is full"),
        "The database is locked": translate("KioskError", "The database is locked"),
        "The database cannot be written": translate("KioskError", "The database cannot be written"),
        "The database file is damaged": translate("KioskError", "The database file is damaged"),
        "The disk reported an error": translate("KioskError", "The disk reported an error"),
        "The database cannot be opened": translate("KioskError", "The database cannot be opened"),
        "The database belongs to a newer kiosk version": translate(
            "KioskError", "The database belongs to a newer kiosk version"),
        "Unknown department": translate("KioskError", "Unknown department"),
        "This card already has a number for this department today": translate(
            "KioskError", "This card already has a number for this department today"),
        "The insurance gateway could not be used": translate("KioskError", "The insurance gateway could not be used"),
        "The insurance gateway does not answer": translate("KioskError", "The insurance gateway does not answer"),
        "The insurance gateway refused the facility's account": translate(
            "KioskError", "The insurance gateway refused the facility's account"),
        "The insurance gateway refused the check-in file": translate(
            "KioskError", "The insurance gateway refused the check-in file"),
        "The check-in file cannot be signed": translate("KioskError", "The check-in file cannot be signed"),
        "The visit cannot be turned into a check-in file": translate(
            "KioskError", "The visit cannot be turned into a check-in file"),
        "Synchronisation with the hub failed": translate("KioskError", "Synchronisation with the hub failed"),
        "The hub cannot be reached": translate("KioskError", "The hub cannot be reached"),
        "The hub is busy": translate("KioskError", "The hub is busy"),
        "The hub reported a fault": translate("KioskError", "The hub reported a fault"),
        "The hub refused the request": translate("KioskError", "The hub refused the request"),
        "Another kiosk uses this device's token: register this kiosk as a new device": translate(
            "KioskError", "Another kiosk uses this device's token: register this kiosk as a new device"),
        "The configuration file cannot be used": translate("KioskError", "The configuration file cannot be used"),
        "This is not a usable card code": translate("KioskError", "This is not a usable card code"),
        "The card list cannot be read": translate("KioskError", "The card list cannot be read"),
        "The camera cannot be used": translate("KioskError", "The camera cannot be used"),
        "The ticket cannot be printed": translate("KioskError", "The ticket cannot be printed"),
        "A font for the ticket is missing": translate("KioskError", "A font for the ticket is missing"),
        "The ticket cannot be printed as given": translate("KioskError", "The ticket cannot be printed as given"),
        "The printer setting cannot be understood": translate(
            "KioskError", "The printer setting cannot be understood"),
        "The printer gave an unreadable status": translate("KioskError", "The printer gave an unreadable status"),
        "The ticket printer cannot be reached": translate("KioskError", "The ticket printer cannot be reached"),
    }


#: The English summaries this module translates (see the module docstring).
SUMMARIES: frozenset[str] = frozenset(_summaries())


def summary_text(fault: Fault) -> str:
    """The fault's summary in the current language (the English text when it has no translation)."""
    return _summaries().get(fault.summary, fault.summary)


def patient_note(fault: Fault | None) -> str:
    """What the patient reads besides "please see reception": the support code of a bug, else nothing."""
    if fault is None or fault.support_code is None:
        return ""
    return translate("ErrorText", "Support code: {code}").format(code=fault.support_code)


def staff_text(fault: Fault) -> str:
    """The fault for staff: what happened and, for an environment fault, the detail they can act on."""
    if fault.kind is FaultKind.BUG:
        return translate("ErrorText", "Unexpected error in the kiosk (support code {code}); the log has the "
                                      "details. Please report it.").format(code=fault.support_code or "-")
    if fault.kind is FaultKind.ENVIRONMENT:
        return translate("ErrorText", "Problem with the kiosk's surroundings, not with the patient: {summary}. "
                                      "{detail}").format(summary=summary_text(fault), detail=fault.detail)
    return translate("ErrorText", "{summary}: {detail}").format(summary=summary_text(fault), detail=fault.detail)
