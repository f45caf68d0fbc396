"""``card check``: parse a payload, look the card up, decide, and shape the JSON line other tools read.

Each result is exactly ``{"verdict", "card", "cached", "registered_here", "replaced_by", "message"}``;
a payload that does not parse gives ``{"error": {"code", "message"}}`` instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.cards import CardPayloadError, card_to_json, parse_payload
from kiosk.cards.cardlist import cached_card_to_json
from kiosk.db.store import Store


class CardChecker:
    """Checks payloads against one store for one day and facility (reused for thousands of lines)."""

    def __init__(self, store: Store, *, on: dt.date, facility_code: str, lang: str = "vi") -> None:
        self.store = store
        self.on = on
        self.facility_code = facility_code
        self.lang = lang

    def check_json(self, payload: str | bytes) -> dict[str, Any]:
        try:
            card = parse_payload(payload)
        except CardPayloadError as exc:
            return exc.to_json()
        cached, decision = self.store.check_card(card, on=self.on, facility_code=self.facility_code)
        return {
            "verdict": str(decision.verdict),
            "card": card_to_json(card),
            "cached": None if cached is None else cached_card_to_json(cached),
            "registered_here": decision.registered_here,
            "replaced_by": decision.replaced_by,
            "message": decision.message(self.lang),
        }

    @staticmethod
    def human(result: dict[str, Any]) -> str:
        if "error" in result:
            return f"error: {result['error']['message']}"
        card = result["card"]
        who = card.get("card_number") or card.get("citizen_id") or "?"
        return f"{result['verdict']}: {who} {card.get('name') or ''} - {result['message']}"
