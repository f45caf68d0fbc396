"""Is this card good for a visit here today? A pure function of the card, the cached record, a date.

The check code printed in the QR (field 13) is never used: it cannot be verified offline
(docs/card-payloads.md §5). The synced cache is the authority; without a cached record the decision is
``unknown``, with a provisional reading of the QR's own dates, to be confirmed online later.

Order of precedence: the card's status in the cache (revoked, replaced, reduced), then the identity
(name, date of birth), then the validity period.

With the facility's profile, the decision also carries the visit's route and the benefit that follows
(:mod:`kiosk.cards.route`, docs/eligibility.md).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from kiosk.cards.codes import coverage_percent
from kiosk.cards.model import BhytCard, BirthDate, CachedCard, CardStatus, CccdCard
from kiosk.cards.names import same_name
from kiosk.cards.numbers import same_card
from kiosk.cards.route import FacilityProfile, RouteDecision, VisitCircumstances, decide_route


class Verdict(enum.StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    REVOKED = "revoked"
    REDUCED = "reduced"
    REPLACED = "replaced"
    NAME_MISMATCH = "name_mismatch"
    BIRTH_DATE_MISMATCH = "birth_date_mismatch"
    UNKNOWN = "unknown"

    @property
    def accepted(self) -> bool:
        """The visit can go ahead as a BHYT visit without staff (``unknown`` needs confirmation)."""
        return self is Verdict.VALID


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    #: True when no cached record backs the decision (``unknown``): confirm online later.
    provisional: bool
    #: For ``unknown``: what the QR's own dates say (valid / expired / not_yet_valid), if anything.
    provisional_verdict: Verdict | None
    registered_here: bool | None
    replaced_by: str | None
    benefit_level: int | None
    coverage_percent: int | None
    message_vi: str
    message_en: str
    #: Route and benefit under the 2025 rules (None when no facility profile was given).
    route: RouteDecision | None = None

    def message(self, lang: str = "vi") -> str:
        return self.message_vi if lang == "vi" else self.message_en


_MESSAGES: dict[Verdict, tuple[str, str]] = {
    Verdict.VALID: ("Thẻ BHYT còn giá trị sử dụng.", "The health-insurance card is valid."),
    Verdict.EXPIRED: ("Thẻ BHYT đã hết hạn sử dụng. Vui lòng đến quầy tiếp đón.",
                      "The health-insurance card has expired. Please see reception."),
    Verdict.NOT_YET_VALID: ("Thẻ BHYT chưa đến thời hạn sử dụng. Vui lòng đến quầy tiếp đón.",
                            "The health-insurance card is not valid yet. Please see reception."),
    Verdict.REVOKED: ("Thẻ BHYT đã bị thu hồi. Vui lòng đến quầy tiếp đón.",
                      "The health-insurance card has been withdrawn. Please see reception."),
    Verdict.REDUCED: ("Thẻ BHYT đã bị báo giảm. Vui lòng đến quầy tiếp đón.",
                      "The health-insurance card has been reported as ended. Please see reception."),
    Verdict.REPLACED: ("Thẻ này đã được thay bằng thẻ mới. Vui lòng dùng thẻ mới hoặc đến quầy tiếp đón.",
                       "This card was replaced by a new one. Please use the new card or see reception."),
    Verdict.NAME_MISMATCH: ("Họ tên không khớp với dữ liệu thẻ. Vui lòng đến quầy tiếp đón.",
                            "The name does not match the card records. Please see reception."),
    Verdict.BIRTH_DATE_MISMATCH: ("Ngày sinh không khớp với dữ liệu thẻ. Vui lòng đến quầy tiếp đón.",
                                  "The date of birth does not match the card records. Please see reception."),
    Verdict.UNKNOWN: ("Chưa có dữ liệu thẻ tại đây; sẽ được kiểm tra trực tuyến sau.",
                      "This card is not in the local card list yet; it will be checked online later."),
}

_PROVISIONAL_NOTE: dict[Verdict, tuple[str, str]] = {
    Verdict.VALID: (" Theo mã QR, thẻ đang trong thời hạn.", " The code's own dates are current."),
    Verdict.EXPIRED: (" Theo mã QR, thẻ đã hết hạn.", " According to the code's own dates it has expired."),
    Verdict.NOT_YET_VALID: (" Theo mã QR, thẻ chưa đến thời hạn.",
                            " According to the code's own dates it is not valid yet."),
}


def _period_verdict(valid_from: dt.date | None, valid_to: dt.date | None, on: dt.date) -> Verdict:
    if valid_from is not None and on < valid_from:
        return Verdict.NOT_YET_VALID
    if valid_to is not None and on > valid_to:
        return Verdict.EXPIRED
    return Verdict.VALID


def _same_birth_date(a: BirthDate, b: BirthDate) -> bool:
    return a.matches(b)


def _level_from_number(number: str | None) -> int | None:
    return int(number[2]) if number is not None and len(number) == 15 else None


def _status_verdict(card: BhytCard | CccdCard, cached: CachedCard) -> Verdict | None:
    if cached.status is CardStatus.REVOKED:
        return Verdict.REVOKED
    if cached.status is CardStatus.REPLACED:
        return Verdict.REPLACED
    if (isinstance(card, BhytCard) and len(card.card_number) == 15
            and not same_card(card.card_number, cached.card_number, cached.bhxh_number, cached.citizen_id)):
        # Found through the social-insurance number, but the cache holds a newer card number.
        return Verdict.REPLACED
    if cached.status is CardStatus.REDUCED:
        return Verdict.REDUCED
    return None


def _identity_verdict(card: BhytCard | CccdCard, cached: CachedCard) -> Verdict | None:
    if card.name and cached.name and not same_name(card.name, cached.name):
        return Verdict.NAME_MISMATCH
    if card.birth_date and cached.birth_date and not _same_birth_date(card.birth_date, cached.birth_date):
        return Verdict.BIRTH_DATE_MISMATCH
    return None


def decide(card: BhytCard | CccdCard, cached: CachedCard | None, on: dt.date, facility_code: str, *,
           profile: FacilityProfile | None = None, circumstances: VisitCircumstances | None = None) -> Decision:
    """The verdict for ``card`` on day ``on`` at facility ``facility_code``; with ``profile`` (the facility's
    level and rules) also the route and benefit (``circumstances``: referral, appointment, emergency)."""
    provisional_verdict: Verdict | None = None
    replaced_by: str | None = None
    if cached is None:
        verdict = Verdict.UNKNOWN
        if isinstance(card, BhytCard):
            provisional_verdict = _period_verdict(card.valid_from, card.valid_to, on)
    else:
        verdict = (_status_verdict(card, cached) or _identity_verdict(card, cached)
                   or _period_verdict(cached.valid_from if cached.valid_from else _qr_from(card),
                                      cached.valid_to if cached.valid_to else _qr_to(card), on))
        if verdict is Verdict.REPLACED:
            replaced_by = cached.replaced_by if cached.status is CardStatus.REPLACED else cached.card_number

    card_facility = cached.facility_code if cached and cached.facility_code else (
        card.facility_code if isinstance(card, BhytCard) else None)
    registered_here = None if card_facility is None else card_facility == facility_code.strip().upper()

    level = _level_from_number(cached.card_number if cached else None)
    if level is None and isinstance(card, BhytCard):
        level = card.benefit_level

    vi, en = _MESSAGES[verdict]
    if provisional_verdict is not None:
        note_vi, note_en = _PROVISIONAL_NOTE[provisional_verdict]
        vi, en = vi + note_vi, en + note_en
    if replaced_by:
        vi, en = f"{vi} Thẻ mới: {replaced_by}.", f"{en} New card: {replaced_by}."
    route = None if profile is None else decide_route(card_facility, level, profile, on, circumstances)
    return Decision(
        route=route,
        verdict=verdict,
        provisional=cached is None,
        provisional_verdict=provisional_verdict,
        registered_here=registered_here,
        replaced_by=replaced_by,
        benefit_level=level,
        coverage_percent=coverage_percent(level),
        message_vi=vi,
        message_en=en,
    )


def _qr_from(card: BhytCard | CccdCard) -> dt.date | None:
    return card.valid_from if isinstance(card, BhytCard) else None


def _qr_to(card: BhytCard | CccdCard) -> dt.date | None:
    return card.valid_to if isinstance(card, BhytCard) else None
