"""How a failure is worded on screen: for the patient, and for staff (docs/house-style.md §5).

The patient is never shown a fault: they read "please see reception", plus the support code when the
kiosk hit a bug, so staff can quote it. Staff at the desk see the fault itself: an environment fault as
its translated summary and detail (what they can act on), a refusal as its message, a bug as "unexpected
error" with the support code that is also in the log line with the traceback (:mod:`kiosk.faults`).

Summaries are the English source texts of :attr:`kiosk.errors.KioskError.summary`; they are translated
here (context ``KioskError``) so that lupdate finds them: :data:`SUMMARIES` must list every summary the
kiosk's errors carry (a test checks it).

A domain error's own message (``Fault.detail``, ``CheckResult.error_detail``, a sync error's text) is
English for logs and the CLI; the screens never show it. They word the error from its *code*: the summary,
what staff can do about it (:func:`staff_action`), and for a card code that cannot be used, what is wrong
with it (:func:`payload_error_text`, with the number's length where that is the problem).
tests/ui/test_every_message_translated.py renders every message in every catalogue and fails on English
inside another language.
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


def staff_action(code: str) -> str:
    """What staff can do about an error with this code, in the current language; "" when nothing specific."""
    actions = {
        "disk_full": translate("ErrorText", "Free space on the kiosk's disk, then try again; nothing was lost."),
        "database_locked": translate("ErrorText", "Another program is writing to the database: try again in a "
                                                  "moment."),
        "read_only": translate("ErrorText", "The kiosk may not write its database: check the disk and the "
                                            "file's permissions."),
        "corrupt": translate("ErrorText", "Call the administrator: the database must be restored from a backup."),
        "io_error": translate("ErrorText", "Check the disk; call the administrator if it happens again."),
        "cannot_open": translate("ErrorText", "Check the database setting and that the database server is "
                                              "running."),
        "newer_schema": translate("ErrorText", "Install the kiosk version that wrote this database."),
        "environment": translate("ErrorText", "Check the disk and the database; the log has the details."),
        "unknown_department": translate("ErrorText", "Synchronise with the hub to get the departments, or "
                                                     "choose another department."),
        "config_error": translate("ErrorText", "Correct the configuration file; the log names the setting."),
        "card_list_error": translate("ErrorText", "Check the card list file; the log names the line."),
        "hub_unreachable": translate("ErrorText", "Check the network and the hub address; check-in goes on "
                                                  "offline."),
        "hub_busy": translate("ErrorText", "The kiosk tries again by itself."),
        "hub_server_error": translate("ErrorText", "The kiosk tries again by itself; tell the administrator if "
                                                   "it goes on."),
        "hub_rejected": translate("ErrorText", "Tell the administrator: the hub refused this kiosk's request."),
        "sync_error": translate("ErrorText", "The kiosk tries again by itself; tell the administrator if "
                                             "it goes on."),
        "gateway_unavailable": translate("ErrorText", "The card is checked again later; check-in goes on."),
        "gateway_auth": translate("ErrorText", "Tell the administrator: the facility's gateway account must be "
                                               "checked."),
        "printer_offline": translate("ErrorText", "Check the printer's cable and power."),
        "printer_status_reply": translate("ErrorText", "Switch the printer off and on again."),
        "printer_target": translate("ErrorText", "Correct the printer setting in the setup."),
        "printing_error": translate("ErrorText", "Check the printer, then print again."),
        "font_missing": translate("ErrorText", "Reinstall the kiosk: a font for the ticket is missing."),
        "camera_error": translate("ErrorText", "Check the camera's cable, then restart the kiosk."),
        "check_failed": translate("ErrorText", "Run the kiosk's self-test and reinstall if it fails."),
    }
    return actions.get(code, "")


def payload_error_text(code: str | None, length: int | None = None) -> str:
    """A card code that cannot be used, for staff, from its ``PayloadErrorCode`` value (and the number's
    length when that is what is wrong): never the parser's English message."""
    texts = {
        "empty": translate("ErrorText", "Nothing was read from the code."),
        "too_long": translate("ErrorText", "The code is too long to be a card code."),
        "not_a_card_payload": translate("ErrorText", "This code is not a health-insurance (BHYT) card or a "
                                                     "citizen-ID (CCCD) code."),
        "bad_card_number": translate("ErrorText", "The card number is not valid: check every character."),
        "bad_citizen_id": translate("ErrorText", "The citizen ID number is not valid: it has 12 digits."),
        "bad_date": translate("ErrorText", "A date in the code cannot be read."),
        "bad_gender": translate("ErrorText", "The gender in the code cannot be read."),
        "missing_field": translate("ErrorText", "The code is cut short: the name, date of birth or gender is "
                                                "missing."),
    }
    if code == "bad_card_number" and length is not None:
        return translate("ErrorText", "A card number has 15 characters (or 10 digits, or the 12-digit personal "
                                      "ID), a citizen ID 12 digits; this one has {count}.").format(count=length)
    return texts.get(code or "", texts["not_a_card_payload"])


def sync_error_text(code: str | None) -> str:
    """The last synchronisation failure for staff, from its error code (``SyncStatus.last_error_code``)."""
    if not code:
        return ""
    summaries = {
        "hub_unreachable": "The hub cannot be reached",
        "hub_busy": "The hub is busy",
        "hub_server_error": "The hub reported a fault",
        "hub_rejected": "The hub refused the request",
        "device_cloned": "Another kiosk uses this device's token: register this kiosk as a new device",
    }
    summary = _summaries().get(summaries.get(code, ""), "")
    if not summary:
        summary = (translate("KioskError", "An unexpected error occurred") if code == "bug"
                   else translate("KioskError", "Synchronisation with the hub failed"))
    action = staff_action(code)
    return f"{summary}. {action}" if action else f"{summary}."


def staff_text(fault: Fault) -> str:
    """The fault for staff: what happened and what they can do (by the fault's code; the English detail is
    in the log line :func:`kiosk.faults.describe_failure` wrote)."""
    if fault.kind is FaultKind.BUG:
        return translate("ErrorText", "Unexpected error in the kiosk (support code {code}); the log has the "
                                      "details. Please report it.").format(code=fault.support_code or "-")
    action = staff_action(fault.code)
    if fault.kind is FaultKind.ENVIRONMENT:
        text = translate("ErrorText", "Problem with the kiosk's surroundings, not with the patient: {summary}."
                         ).format(summary=summary_text(fault))
    else:
        text = translate("ErrorText", "{summary}.").format(summary=summary_text(fault))
    return f"{text} {action}" if action else text
