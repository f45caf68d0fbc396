"""The decision shown and recorded for a card: the cache's verdict, replaced by the gateway's when the
online look-up confirmed it (docs/eligibility.md for the rules, docs/hub-api.md for the look-up).

The eligibility rules themselves live in :mod:`kiosk.cards.eligibility` (``decide``); this module only
combines them with what the hub answered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from kiosk.cards.eligibility import Decision, decide
from kiosk.cards.model import BhytCard, CccdCard

if TYPE_CHECKING:
    from kiosk.cards.route import FacilityProfile
    from kiosk.sync.lookup import OnlineResult


def card_key(card: BhytCard | CccdCard) -> str:
    """The number that names the card: the BHYT card number, or the citizen ID."""
    return card.card_number if isinstance(card, BhytCard) else card.citizen_id


def final_decision(online: OnlineResult, card: BhytCard | CccdCard, on: dt.date, facility_code: str, *,
                   profile: FacilityProfile | None = None) -> Decision:
    """The Decision to show and record after an online look-up.

    Provisional (hub offline, timeout …): the local decision unchanged. Confirmed: the eligibility rules
    re-run on the gateway's record (same messages as a cached card), or the gateway's verdict with its
    guidance when the rules on the record disagree with the gateway or there is no record.
    """
    if not online.confirmed:
        return online.local
    key = card_key(card)
    wanted = online.card_number or key
    record = next((c for c in online.cards if c.card_number == wanted), None) or next(
        (c for c in online.cards if c.card_number == key or c.citizen_id == key), None)
    if record is not None:
        again = decide(card, record, on, facility_code, profile=profile)
        if again.verdict == online.verdict:
            return again
    return dataclasses.replace(online.local, verdict=online.verdict, provisional=False, provisional_verdict=None,
                               replaced_by=online.replaced_by, message_vi=online.message_vi,
                               message_en=online.message_en)
