"""Turn a gateway look-up answer into a kiosk outcome and card records (docs/bhxh-gateway.md §5, §7).

New-card rule (``thangpnb/HIS`` ``HeinGOVManager.cs``): when ``maTheMoi`` differs from the card looked up,
or the code is 003/004, switch to the new card if the visit date lies within ``gtTheTuMoi..gtTheDenMoi``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from kiosk.cards.eligibility import Verdict
from kiosk.cards.model import CachedCard, CardStatus, Gender
from kiosk.cards.numbers import (
    BHXH_NUMBER_RE,
    CARD_NUMBER_RE,
    CITIZEN_ID_RE,
    bhxh_from_card_number,
    normalise_facility_code,
)
from kiosk.gateway.codes import OutcomeKind, rule_for
from kiosk.gateway.outcome import GatewayOutcome
from kiosk.gateway.protocol import (
    LookupAnswer,
    LookupQuery,
    checks_elsewhere_since_discharge,
    parse_card_details,
    parse_gateway_birth,
    parse_gateway_date,
)

_REDUCED = frozenset({"120", "121", "122", "123", "124"})


def _within(on: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return start is not None and start <= on and (end is None or on <= end)


def _gender(value: str | None) -> Gender | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value).strip().casefold()
    if text in ("nam", "1", "male"):
        return Gender.MALE
    if text in ("nữ", "nu", "2", "female"):
        return Gender.FEMALE
    return None


def _card_number(value: str | None) -> str | None:
    if value is None:
        return None
    number = value.strip().upper()
    return number if CARD_NUMBER_RE.fullmatch(number) else None


def _queried_card(query: LookupQuery) -> str | None:
    """The number looked up, as the card number when the answer names none. Not a 12-digit number: that may
    be a CCCD, and a CCCD visit gets a card number only from the gateway (docs/eligibility.md)."""
    number = _card_number(query.card_number)
    return None if number is None or CITIZEN_ID_RE.fullmatch(number) else number


def _bhxh(value: str | None) -> str | None:
    """``maSoBHXH`` when it is the 10-digit number (a 12-digit one is the personal ID: kept as citizen ID)."""
    return value if value is not None and BHXH_NUMBER_RE.fullmatch(value) else None


def _new_card(answer: LookupAnswer, looked_up: str, current: str | None) -> str | None:
    new = _card_number(answer.text("maTheMoi"))
    if new is None or new in (looked_up, current):
        return None
    return new


def interpret(answer: LookupAnswer, query: LookupQuery, on: dt.date,
              facility_code: str | None = None) -> GatewayOutcome:
    """The kiosk outcome of ``answer`` for a visit on ``on``; with ``facility_code`` (this facility) also the
    look-ups by other facilities since the last discharge (``admitted_elsewhere``)."""
    rule = rule_for(answer.code)
    current = _card_number(answer.text("maThe")) or _queried_card(query)
    new = _new_card(answer, query.card_number, current)
    verdict = rule.verdict
    action_vi, action_en = rule.action_vi, rule.action_en
    card_number = current
    replaced_by: str | None = None
    if rule.kind is OutcomeKind.VERDICT and (answer.code in ("003", "004") or new is not None):
        new_from = parse_gateway_date(answer.text("gtTheTuMoi"))
        new_to = parse_gateway_date(answer.text("gtTheDenMoi"))
        replaced_by = new
        if new is not None and _within(on, new_from, new_to):
            verdict, card_number = Verdict.VALID, new
            action_vi = f"Đã cấp thẻ mới {new}, còn hạn vào ngày khám: dùng thẻ mới."
            action_en = f"A new card {new} was issued and covers the visit date: use the new card."
        elif answer.code == "003":
            verdict = Verdict.REPLACED
            action_vi = (f"Thẻ cũ hết hạn; thẻ mới {new or '(không rõ)'} chưa có hiệu lực vào ngày khám. "
                         "Chuyển quầy tiếp đón.")
            action_en = (f"The old card has expired and the new card {new or '(unknown)'} does not cover the visit "
                         "date. Send to the reception desk.")
    if verdict is Verdict.VALID and card_number == current:
        verdict = _period_verdict(answer, on)
        if verdict is not Verdict.VALID:
            action_vi = "Thẻ không còn hiệu lực vào ngày khám theo hạn thẻ BHXH trả về. Chuyển quầy tiếp đón."
            action_en = "By the validity BHXH returned, the card does not cover the visit date. Send to the desk."
    details = parse_card_details(answer.fields) if rule.card_data else None
    elsewhere = (checks_elsewhere_since_discharge(details, facility_code)
                 if details is not None and facility_code else ())
    return GatewayOutcome(
        details=details, admitted_elsewhere=elsewhere,
        kind=rule.kind, verdict=verdict, code=answer.code, note=answer.note, action_vi=action_vi,
        action_en=action_en, card_number=card_number if rule.kind is OutcomeKind.VERDICT else None,
        replaced_by=replaced_by, cards=answer_to_cached_cards(answer, query),
        answered_at=answer.received_at, answer_fields=dict(answer.fields))


def _period_verdict(answer: LookupAnswer, on: dt.date) -> Verdict:
    start = parse_gateway_date(answer.text("gtTheTu"))
    end = parse_gateway_date(answer.text("gtTheDen"))
    if start is not None and on < start:
        return Verdict.NOT_YET_VALID
    if end is not None and on > end:
        return Verdict.EXPIRED
    return Verdict.VALID


def answer_to_cached_cards(answer: LookupAnswer, query: LookupQuery) -> tuple[CachedCard, ...]:
    """Card records the answer vouches for: the card looked up and, if one was issued, the new card.

    Only answers that describe the card (000, 003, 004, 010, 110, 120-124) give records; a mismatch
    (060/070 …) or an error gives none. An "expired" answer without an end date gives none (it could not be
    stored without inventing a date).
    """
    rule = rule_for(answer.code)
    if not rule.card_data:
        return ()
    number = _card_number(answer.text("maThe")) or _queried_card(query)
    if number is None:
        return ()
    citizen_id = next((n for n in (query.card_number, number, answer.text("maSoBHXH") or "")
                       if CITIZEN_ID_RE.fullmatch(n)), None)
    bhxh = _bhxh(answer.text("maSoBHXH")) or bhxh_from_card_number(number)
    name = answer.text("hoTen") or query.name
    birth = parse_gateway_birth(answer.text("ngaySinh")) or query.birth_date
    gender = _gender(answer.text("gioiTinh"))
    facility = normalise_facility_code(answer.text("maDKBD") or "")
    valid_from = parse_gateway_date(answer.text("gtTheTu"))
    valid_to = parse_gateway_date(answer.text("gtTheDen"))
    new = _new_card(answer, query.card_number, number)
    status = CardStatus.ACTIVE
    if answer.code == "110":
        status = CardStatus.REVOKED
    elif answer.code in _REDUCED:
        status = CardStatus.REDUCED
    elif answer.code == "003":
        status = CardStatus.REPLACED
    out: list[CachedCard] = []
    if not (answer.code == "010" and valid_to is None):
        out.append(CachedCard(card_number=number, bhxh_number=bhxh, citizen_id=citizen_id, name=name,
                              birth_date=birth, gender=gender, facility_code=facility, valid_from=valid_from,
                              valid_to=valid_to, status=status,
                              replaced_by=new if status is CardStatus.REPLACED else None))
    if new is not None:
        new_facility = normalise_facility_code(answer.text("maDKBDMoi") or "") or facility
        out.append(CachedCard(card_number=new, bhxh_number=bhxh_from_card_number(new) or bhxh,
                              citizen_id=citizen_id,
                              name=name, birth_date=birth, gender=gender, facility_code=new_facility,
                              valid_from=parse_gateway_date(answer.text("gtTheTuMoi")),
                              valid_to=parse_gateway_date(answer.text("gtTheDenMoi"))))
    return tuple(out)
