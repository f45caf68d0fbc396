"""Translated texts for domain values: verdicts, payload errors, capture hints, print outcomes.

Plain words for patients (docs/kiosk-ux.md §1): what happened and what to do next. All strings go
through Qt translation (context ``Texts``), so they follow the language the patient picked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.cards.eligibility import Verdict
from kiosk.checkin.result import SYSTEM_ERROR, CheckResult
from kiosk.ui.error_text import patient_note, payload_error_text, staff_text

if TYPE_CHECKING:
    from kiosk.cards.route import RouteDecision
    from kiosk.printing.status import PrintStatus
    from kiosk.queueing import DeskQueue

translate = QCoreApplication.translate


def mask_number(number: str) -> str:
    """Only the last 4 characters of a card/ID number on a public screen (every number the self-service
    screens show: the scanned card and the card that replaced it)."""
    return "•" * max(0, len(number) - 4) + number[-4:] if len(number) > 4 else number


def verdict_title(verdict: Verdict | None) -> str:
    titles = {
        Verdict.VALID: translate("Texts", "Your health-insurance card is valid"),
        Verdict.EXPIRED: translate("Texts", "Your health-insurance card has expired"),
        Verdict.NOT_YET_VALID: translate("Texts", "Your health-insurance card is not valid yet"),
        Verdict.REVOKED: translate("Texts", "This health-insurance card has been withdrawn"),
        Verdict.REDUCED: translate("Texts", "This health-insurance card has ended"),
        Verdict.REPLACED: translate("Texts", "This card has been replaced by a new card"),
        Verdict.NAME_MISMATCH: translate("Texts", "The name does not match our records"),
        Verdict.BIRTH_DATE_MISMATCH: translate("Texts", "The date of birth does not match our records"),
        Verdict.UNKNOWN: translate("Texts", "We cannot confirm this card here yet"),
    }
    return titles[verdict] if verdict is not None else translate("Texts", "This code could not be used")


def result_title(result: CheckResult) -> str:
    if result.error_code == SYSTEM_ERROR:
        return translate("Texts", "Sorry, check-in is not possible right now")
    return verdict_title(result.verdict)


def verdict_explanation(result: CheckResult) -> str:
    """One or two plain sentences: why, and what to do."""
    if result.decision is None:
        if result.error_code == SYSTEM_ERROR:  # never the patient's fault: no detail, a support code for a bug
            note = patient_note(result.fault)
            return " ".join(filter(None, (translate("Texts", "Please see reception. The staff will help you."), note)))
        if result.manual:
            if result.error_length is not None:
                return translate("Texts", "Please check the number: a card number has 15 characters, a citizen "
                                          "ID 12 digits. You typed {count}.").format(count=result.error_length)
            return translate("Texts",
                             "Please check the number: a card number has 15 characters, a citizen ID 12 digits.")
        return translate("Texts", "This is not the QR code of a health-insurance card or a citizen ID. "
                                  "Please show the code from the VssID app or your chip ID card.")
    d = result.decision
    if result.self_service_allowed:
        if d.verdict is Verdict.UNKNOWN:
            return translate("Texts", "The card's own dates are current; reception will confirm it later. "
                                      "You can take a queue number now.")
        return translate("Texts", "Please choose where you want to go.")
    if d.verdict is Verdict.REPLACED and d.replaced_by:
        return translate("Texts", "Please use your new card {card} or see reception.").format(
            card=mask_number(d.replaced_by))
    return translate("Texts", "Please see reception. The staff will help you.")


def staff_reason(result: CheckResult, *, eligibility_shown: bool = False) -> str:
    """The reason for the desk, more technical than the patient text. ``eligibility_shown``: the desk shows the
    online confirmation, route and benefit in rows of their own (kiosk/ui/desk/eligibility_text.py)."""
    if result.decision is None:
        if result.error_code == SYSTEM_ERROR:
            if result.fault is not None:
                return staff_text(result.fault)
            return translate("Texts", "The kiosk could not check or record this; the log has the details.")
        return payload_error_text(result.error_code, result.error_length)
    d = result.decision
    parts: list[str] = []
    if result.earlier_tickets:
        parts.append(translate("Texts", "Already registered today: {tickets}").format(
            tickets=", ".join(result.earlier_tickets)))
    if not eligibility_shown:
        if result.online is not None:
            parts.append(online_text(result))
        elif d.provisional:
            parts.append(translate("Texts", "Not in the local card list: to be confirmed online."))
    if d.registered_here is False:
        parts.append(translate("Texts", "Registered at another facility."))
    if d.coverage_percent is not None and not eligibility_shown:
        parts.append(translate("Texts", "Coverage {percent}%").format(percent=d.coverage_percent))
    if d.replaced_by:
        parts.append(translate("Texts", "New card: {card}").format(card=d.replaced_by))
    return " · ".join(parts)


def online_text(result: CheckResult) -> str:
    """What the online check through the hub gave, for the desk."""
    online = result.online
    if online is None:
        return ""
    if online.confirmed:
        return translate("Texts", "Confirmed online (gateway code {code}).").format(code=online.code or "-")
    reasons = {
        "offline": translate("Texts", "Hub or gateway unreachable: provisional, re-checked later."),
        "timeout": translate("Texts", "The gateway did not answer in time: provisional, re-checked later."),
        "not_configured": translate("Texts", "No gateway on the hub: provisional."),
        "rate_limited": translate("Texts", "Too many look-ups right now: provisional, re-checked later."),
        "pending": translate("Texts", "The gateway is still answering: provisional, re-checked later."),
        "config_error": translate("Texts", "Gateway account problem: tell the administrator. Provisional."),
        "hub_rejected": translate("Texts", "The hub refused the look-up (device token?): provisional."),
        "incomplete_card": translate("Texts", "Name or date of birth missing: cannot look the card up online."),
    }
    reason = str(online.reason) if online.reason is not None else "offline"
    return reasons.get(reason, reasons["offline"])


def hint_text(code: str) -> str:
    hints = {
        "move_closer": translate("Texts", "Move the phone closer to the camera"),
        "reduce_glare": translate("Texts", "Tilt the phone a little or lower the screen brightness"),
        "hold_still": translate("Texts", "Hold the phone still"),
        "increase_brightness": translate("Texts", "Turn up the screen brightness"),
    }
    return hints.get(code, translate("Texts", "Hold the QR code inside the frame"))


def print_text(status: PrintStatus | None) -> str:
    """What the patient reads about the printing (by ``PrintStatus`` value: the UI starts before printing loads)."""
    texts = {
        None: translate("Texts", "Printing your ticket…"),
        "ok": translate("Texts", "Please take your ticket."),
        "paper_low": translate("Texts", "Please take your ticket."),
        "paper_out": translate("Texts", "The ticket printer is out of paper. Please remember your number and "
                                  "tell reception."),
        "offline": translate("Texts", "The ticket printer is not working. Please remember your number and "
                                "tell reception."),
        "error": translate("Texts", "The ticket could not be printed. Please remember your number and "
                              "tell reception."),
    }
    return texts[None if status is None else status.value]


def staff_print_text(status: PrintStatus | None) -> str:
    """What the receptionist reads about a ticket print: what to do, never "tell reception"."""
    texts = {
        None: translate("Texts", "Printing the ticket…"),
        "ok": translate("Texts", "Ticket printed."),
        "paper_low": translate("Texts", "Ticket printed; the printer's paper is running low."),
        "paper_out": translate("Texts", "Not printed: the ticket printer is out of paper. Load paper, then "
                                  "reprint (F5)."),
        "offline": translate("Texts", "Not printed: the ticket printer does not answer. Check its cable and "
                                "power, then reprint (F5)."),
        "error": translate("Texts", "Not printed: the ticket printer reported an error. Reprint (F5) or "
                              "write the number down for the patient."),
    }
    return texts[None if status is None else status.value]


def verdict_short(value: str) -> str:
    """A verdict in one or two words, for the visits table."""
    short = {
        Verdict.VALID: translate("Texts", "valid"),
        Verdict.EXPIRED: translate("Texts", "expired"),
        Verdict.NOT_YET_VALID: translate("Texts", "not yet valid"),
        Verdict.REVOKED: translate("Texts", "withdrawn"),
        Verdict.REDUCED: translate("Texts", "ended"),
        Verdict.REPLACED: translate("Texts", "replaced"),
        Verdict.NAME_MISMATCH: translate("Texts", "name differs"),
        Verdict.BIRTH_DATE_MISMATCH: translate("Texts", "birth date differs"),
        Verdict.UNKNOWN: translate("Texts", "not confirmed"),
    }
    try:
        return short[Verdict(value)]
    except ValueError:
        return value


def desk_queue_name(queue: DeskQueue) -> str:
    """What a reception-desk number is for, on the screen and the ticket (by ``DeskQueue`` value)."""
    names = {
        "reception": translate("Texts", "Reception desk"),
        "priority": translate("Texts", "Reception desk – priority"),
    }
    return names[str(queue.value)]


def people_ahead_text(count: int) -> str:
    """ "3 people are ahead of you", with a natural form for none and one (English plural by count;
    the other catalogues have one form)."""
    if count <= 0:
        return translate("Texts", "Nobody is ahead of you.")
    if count == 1:
        return translate("Texts", "1 person is ahead of you.")
    return translate("Texts", "{count} people are ahead of you.").format(count=count)


def route_note(route: RouteDecision | None) -> str:
    """A plain note for the patient when the card is registered elsewhere or the desk / a referral paper is
    needed (docs/eligibility.md "Route and facility level"); "" when there is nothing to say."""
    if route is None:
        return ""
    value = str(route.route.value)
    notes = {
        "primary_care_anywhere": translate(
            "Texts", "Your card is registered at another facility. This visit is covered as it would be there."),
        "self_referred": translate(
            "Texts", "Your card is registered at another facility. Health insurance covers this visit here.")
        if route.benefit.route_percent >= 100 else translate(
            "Texts", "Your card is registered at another facility. Health insurance pays {percent}% of your "
                     "card's benefit for this visit; reception can explain.").format(
            percent=route.benefit.route_percent),
        "referral_needed": translate(
            "Texts", "Your card is registered at another facility. Health insurance pays for this visit only with "
                     "a referral paper: please show it at reception, or ask reception about paying yourself."),
        "outside_route": translate(
            "Texts", "Your card is registered at another facility. Please see reception before your visit."),
        "unknown": translate(
            "Texts", "We cannot tell yet where your card is registered. Reception will check it."),
    }
    return notes.get(value, "")
