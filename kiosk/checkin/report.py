"""The CLI's JSON for the check-in core: ``card check`` lines and ``visit add`` results.

``card check``: exactly ``{"verdict", "card", "cached", "registered_here", "replaced_by", "message", "route",
"benefit_percent", "object_code", "needs_referral", "confirmed_online", "cache_age_s", "warnings"}`` (README
"Command line"; ``route`` is one of :class:`kiosk.cards.route.Route`'s values or null without a facility
profile), or ``{"error": {"code", "message"}}`` for a payload that does not parse. ``visit add``: the recorded
visit in wire format, plus ``"earlier_visits"`` when the card visited other departments earlier today.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.cards import card_to_json
from kiosk.cards.cardlist import cached_card_to_json
from kiosk.checkin.result import CheckResult, Registration, Source
from kiosk.checkin.service import CheckInService


def check_json(result: CheckResult, lang: str = "vi") -> dict[str, Any]:
    """One ``card check`` line for a result."""
    if result.decision is None or result.card is None:
        return {"error": {"code": result.error_code or "invalid", "message": result.error_detail}}
    d = result.decision
    return {
        "verdict": str(d.verdict),
        "card": card_to_json(result.card),
        "cached": None if result.cached is None else cached_card_to_json(result.cached),
        "registered_here": d.registered_here,
        "replaced_by": d.replaced_by,
        "message": d.message(lang),
        **route_json(result),
        "confirmed_online": result.confirmed_online,
        "cache_age_s": None if result.cache_age is None else round(result.cache_age.total_seconds()),
        "warnings": [str(flag) for flag in result.staff_flags],
    }


def route_json(result: CheckResult) -> dict[str, Any]:
    """``route`` (value of :class:`kiosk.cards.route.Route`), ``benefit_percent``, proposed ``object_code``
    (MA_DOITUONG_KCB for the visit date) and ``needs_referral``; null without a facility profile."""
    route = result.route
    if route is None:
        return {"route": None, "benefit_percent": None, "object_code": None, "needs_referral": None}
    return {"route": str(route.route), "benefit_percent": route.benefit.percent, "object_code": route.object_code,
            "needs_referral": route.needs_referral}


def registration_json(registration: Registration) -> dict[str, Any]:
    out = registration.visit.to_wire()
    if registration.earlier_visits:
        out["earlier_visits"] = [v.to_wire() for v in registration.earlier_visits]
    return out


class CardChecker:
    """``card check`` for many payloads against one service and day (the decision without recording)."""

    def __init__(self, service: CheckInService, *, on: dt.date | None = None, lang: str = "vi") -> None:
        self.service = service
        self.on = on
        self.lang = lang

    def check_json(self, payload: str | bytes) -> dict[str, Any]:
        return check_json(self.service.check(payload, Source.CLI, on=self.on, history=False), self.lang)

    @staticmethod
    def human(result: dict[str, Any]) -> str:
        if "error" in result:
            return f"error: {result['error']['message']}"
        card = result["card"]
        who = card.get("card_number") or card.get("citizen_id") or "?"
        return f"{result['verdict']}: {who} {card.get('name') or ''} - {result['message']}"
