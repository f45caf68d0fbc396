"""What a look-up means for the kiosk: :class:`GatewayOutcome`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from kiosk.cards.cardlist import cached_card_to_json
from kiosk.cards.eligibility import Verdict
from kiosk.cards.model import CachedCard
from kiosk.gateway.codes import OutcomeKind
from kiosk.gateway.protocol import CardDetails, CheckRecord


@dataclass(frozen=True)
class GatewayOutcome:
    kind: OutcomeKind
    #: The gateway's verdict (only for ``kind == verdict``); otherwise use the provisional verdict.
    verdict: Verdict | None
    #: Raw ``maKetQua`` (None when the gateway gave none: timeout, rate limit, pending …). Store it.
    code: str | None
    #: Raw ``ghiChu``. Store it with the visit; show staff the Vietnamese text.
    note: str | None
    action_vi: str
    action_en: str
    #: Card number to use for the visit (``maTheMoi`` after the new-card rule switched to it).
    card_number: str | None = None
    #: New card number when the gateway reports one (codes 003/004 or a differing ``maTheMoi``).
    replaced_by: str | None = None
    #: Card records the answer vouches for (old and new card); the hub stores them in its card table.
    cards: tuple[CachedCard, ...] = ()
    answered_at: dt.datetime | None = None
    from_cache: bool = False
    #: All fields of the gateway's answer, for the visit's audit record.
    answer_fields: dict[str, Any] | None = None
    #: Area, five-year date, issuing office, old/new card and look-up history (answers describing a card).
    details: CardDetails | None = None
    #: Look-ups by other facilities since the patient's last discharge: the patient may still be admitted
    #: there (docs/eligibility.md, "Treatment history"). Empty when there are none or nobody asked.
    admitted_elsewhere: tuple[CheckRecord, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        """Warnings for staff (English; codes first): ``admitted_elsewhere: <facility> <time>``."""
        return tuple(f"admitted_elsewhere: {c.facility_code or c.user} "
                     f"{'' if c.checked_at is None else c.checked_at.strftime('%d/%m/%Y %H:%M')}".rstrip()
                     for c in self.admitted_elsewhere)

    @property
    def use_provisional(self) -> bool:
        """True when the kiosk must fall back to its provisional verdict (and the visit be re-checked)."""
        return self.kind is not OutcomeKind.VERDICT

    @property
    def retry_later(self) -> bool:
        """True when asking again later may give a verdict (offline, rate limited, pending)."""
        return self.kind in (OutcomeKind.OFFLINE, OutcomeKind.RATE_LIMITED, OutcomeKind.PENDING)

    def action(self, lang: str = "vi") -> str:
        return self.action_vi if lang == "vi" else self.action_en

    def cached_copy(self) -> GatewayOutcome:
        return dataclasses.replace(self, from_cache=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind), "verdict": None if self.verdict is None else str(self.verdict),
            "use_provisional": self.use_provisional, "code": self.code, "note": self.note,
            "action_vi": self.action_vi, "action_en": self.action_en, "card_number": self.card_number,
            "replaced_by": self.replaced_by, "cards": [cached_card_to_json(c) for c in self.cards],
            "answered_at": None if self.answered_at is None else self.answered_at.isoformat(),
            "from_cache": self.from_cache,
            "details": None if self.details is None else self.details.to_json(),
            "warnings": list(self.warnings),
        }


def plain_outcome(kind: OutcomeKind, action_vi: str, action_en: str, code: str | None = None,
                  note: str | None = None) -> GatewayOutcome:
    """An outcome without a verdict (offline, rate limited, pending, configuration error)."""
    return GatewayOutcome(kind=kind, verdict=None, code=code, note=note, action_vi=action_vi, action_en=action_en)
