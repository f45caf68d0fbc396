"""Translated texts for the setup's domain results: probe outcomes and answer problems (context
``SetupTexts``). The domain (``kiosk.setup``) gives stable codes and parameters; the words are here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.setup.answers import Problem
from kiosk.setup.probes import ProbeResult

translate = QCoreApplication.translate


def probe_text(result: ProbeResult) -> str:
    texts = {
        "camera_ok": translate("SetupTexts", "Camera works: a {width}×{height} picture arrived"),
        "camera_none": translate("SetupTexts", "No camera chosen"),
        "camera_open_failed": translate("SetupTexts", "Cannot open the camera"),
        "camera_no_frame": translate("SetupTexts", "The camera opened but sent no picture within {seconds} s"),
        "serial_ok": translate("SetupTexts", "Scanner works: received \"{preview}\""),
        "serial_none": translate("SetupTexts", "No serial scanner chosen"),
        "serial_open_failed": translate("SetupTexts", "Cannot open the scanner port"),
        "serial_timeout": translate("SetupTexts", "No scan arrived within {seconds} s"),
        "serial_cancelled": translate("SetupTexts", "Scanner test cancelled"),
        "printer_ok": translate("SetupTexts", "Test ticket printed ({target})"),
        "printer_failed": translate("SetupTexts", "The test ticket was not printed: {reason}"),
        "printer_config": translate("SetupTexts", "The printer setting is not usable"),
        "hub_ok": translate("SetupTexts",
                            "Hub reached; the token belongs to device \"{device}\" of facility {facility}"),
        "hub_none": translate("SetupTexts", "No hub: this kiosk works offline"),
        "hub_unreachable": translate("SetupTexts", "Cannot reach the hub"),
        "hub_certificate": translate("SetupTexts", "The hub's certificate is not trusted by this computer"),
        "hub_token_refused": translate("SetupTexts", "The hub refused the device token (wrong or revoked)"),
        "hub_not_a_hub": translate("SetupTexts", "This address does not answer like a kiosk hub"),
        "hub_facility_mismatch": translate("SetupTexts", "The token belongs to facility {facility}, not {expected}"),
        "hub_error": translate("SetupTexts", "The hub answered with an error"),
    }
    text = texts.get(result.code)
    if text is None:
        return result.message
    params = dict(result.params)
    if result.code == "printer_failed":
        params["reason"] = printer_reason(params.get("status", ""), params.get("reason", ""))
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return result.message


def printer_reason(status: str, fallback: str) -> str:
    """Why a test ticket was not printed, for the technician (by ``PrintStatus`` value)."""
    reasons = {
        "paper_out": translate("SetupTexts", "the printer is out of paper"),
        "offline": translate("SetupTexts", "the printer does not answer (switched off, wrong port or speed?)"),
        "error": translate("SetupTexts", "printing failed"),
    }
    return reasons.get(status, fallback)


def problem_text(problem: Problem) -> str:
    texts = {
        ("facility_code", "required"): translate("SetupTexts", "Enter the facility code (5 characters, e.g. 01999)."),
        ("facility_code", "format"): translate(
            "SetupTexts", "A facility code is 2 digits (province) and 3 letters or digits, e.g. 01999."),
        ("facility_code", "province"): translate("SetupTexts", "The first 2 digits are not a province code."),
        ("facility_name", "format"): translate("SetupTexts", "The facility name must be one line of text."),
        ("hub_url", "scheme"): translate("SetupTexts", "The hub address must start with http:// or https://."),
        ("hub_url", "host"): translate("SetupTexts", "The hub address is incomplete, e.g. https://hub.benhvien.local:8443"),
        ("hub_token", "required"): translate("SetupTexts", "A hub needs the device token."),
        ("hub_token", "token"): translate("SetupTexts", "The token has no spaces; copy it exactly."),
        ("departments_file", "missing_file"): translate("SetupTexts", "The departments file does not exist."),
    }
    return texts.get((problem.field, problem.code), problem.message)
