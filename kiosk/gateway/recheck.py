"""Re-check every visit the gateway did not confirm at check-in, once the hub reaches the gateway again.

Which visits: every visit not confirmed online (``confirmed_online`` false) — the provisional ones (no cached
record) and those decided from the local cache alone, which may be out of date (a card ended since the last
sync; docs/eligibility.md, "Confirmed online"). Visits of kiosks from before the field (no
``confirmed_online``) are re-checked when provisional, as before.

``recheck_visits`` asks the look-up service for each visit (wire format of docs/visit-wire-format.md) and reports the
gateway's verdict next to the visit's; a verdict that differs is ``changed`` (flag it in the desk's visit
list), and ``needs_staff`` when the new verdict is not ``valid``, or when a CCCD visit still has no card
number after the gateway answered. It stops at the first "rate limited" or "offline" outcome: the rest is
left for the next round, never retried in a loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.cards.eligibility import Verdict
from kiosk.cards.model import BirthDate
from kiosk.gateway.codes import OutcomeKind
from kiosk.gateway.outcome import GatewayOutcome
from kiosk.gateway.service import GatewayLookupService, LookupRequest
from kiosk.gateway.settings import StaffIdentity


@dataclass(frozen=True)
class Recheck:
    visit_id: str
    outcome: GatewayOutcome
    #: What the visit was recorded with (``provisional_verdict`` when the visit carries one, else ``verdict``).
    old_verdict: str
    #: The gateway's verdict; None while there is none (pending, offline, configuration error).
    new_verdict: str | None
    #: A CCCD visit that still has no card number after the gateway answered: staff must find the card (or
    #: mark the visit self-pay); it is never exported as "not insured" silently.
    cccd_without_card: bool = False

    @property
    def changed(self) -> bool:
        return self.new_verdict is not None and self.new_verdict != self.old_verdict

    @property
    def needs_staff(self) -> bool:
        return (self.changed and self.new_verdict != Verdict.VALID) or self.cccd_without_card


def needs_recheck(visit: Mapping[str, Any]) -> bool:
    """Every visit the gateway did not confirm at check-in (``confirmed_online`` false): provisional verdicts
    and verdicts from the local cache alike. A visit of a kiosk from before the field (no
    ``confirmed_online``) is re-checked when provisional, as then."""
    confirmed = visit.get("confirmed_online")
    return confirmed is False or (confirmed is None and bool(visit.get("provisional")))


def request_for_visit(visit: Mapping[str, Any], staff: StaffIdentity | None = None) -> LookupRequest | None:
    """The look-up for a visit; None when it lacks a card/CCCD number, a name or a date of birth."""
    number = visit.get("card_number") or visit.get("citizen_id")
    name = visit.get("name")
    if not number or not name or not visit.get("birth_date") or not visit.get("visit_date"):
        return None
    try:
        birth = BirthDate.from_iso(str(visit["birth_date"]))
        day = dt.date.fromisoformat(str(visit["visit_date"]))
    except ValueError:
        return None
    return LookupRequest(str(number), str(name), birth, day, staff=staff,
                         facility_code=str(visit["facility_code"]) if visit.get("facility_code") else None)


def recheck_visits(service: GatewayLookupService, visits: Iterable[Mapping[str, Any]], *,
                   wait_s: float | None = None, staff: StaffIdentity | None = None) -> list[Recheck]:
    """Look up the visits not confirmed online; stops early when the gateway is rate limited or offline."""
    out: list[Recheck] = []
    for visit in visits:
        if not needs_recheck(visit):
            continue
        request = request_for_visit(visit, staff)
        if request is None:
            continue
        outcome = service.lookup(request, wait_s=wait_s)
        old = str(visit.get("provisional_verdict") or visit.get("verdict") or Verdict.UNKNOWN)
        new = None if outcome.verdict is None else str(outcome.verdict)
        no_card = (new is not None and visit.get("card_kind") == "cccd" and not visit.get("card_number")
                   and not outcome.card_number and not visit.get("self_pay"))
        out.append(Recheck(str(visit.get("id") or ""), outcome, old, new, cccd_without_card=no_card))
        if outcome.kind in (OutcomeKind.RATE_LIMITED, OutcomeKind.OFFLINE):
            break
    return out
