"""The check-in flow asks the hub when a card is not in the local cache, and records what it showed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from kiosk.cards import BhytCard, BirthDate, CachedCard, CardStatus
from kiosk.cards.eligibility import Decision, Verdict
from kiosk.checkin.result import Source
from kiosk.checkin.service import CheckInService
from kiosk.db.store import Store
from kiosk.sync.lookup import OnlineResult, ProvisionalReason
from tests.cards.builders import bhyt_2021

NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


class ScriptedHub:
    """Answers like HubLookupClient.confirm_online would (the client itself is tested against a real hub
    and the stand-in gateway in tests/sync/test_lookup.py)."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.calls: list[tuple[BhytCard, Decision]] = []

    def confirm_online(self, card: Any, decision: Decision, *, timeout_s: float = 3.0,
                       visit_date: dt.date | None = None) -> OnlineResult:
        self.calls.append((card, decision))
        result: OnlineResult = self.answer(card, decision)
        return result


def _payload() -> str:
    return bhyt_2021(card="0190000077", name="Phan Thị Mai", dob="03/04/1990", facility="01 - 999",
                     valid_from="01/01/2026", valid_to="-", office="01010190000077")


def service(store: Store, hub: ScriptedHub) -> CheckInService:
    return CheckInService(store, "01999", clock=lambda: NOW, online=hub)


def test_confirmed_card_is_cached_shown_and_recorded_with_the_gateway_card(store: Store) -> None:
    record = CachedCard(card_number="GD4010190000077", bhxh_number="0190000077", name="Phan Thị Mai",
                        birth_date=BirthDate(1990, 4, 3), facility_code="01999",
                        valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31), status=CardStatus.ACTIVE)
    hub = ScriptedHub(lambda card, local: OnlineResult(
        confirmed=True, verdict=Verdict.VALID, local=local, code="000", card_number="GD4010190000077",
        cards=(record,)))
    checkin = service(store, hub)
    result = checkin.check(_payload(), Source.CAMERA)
    assert len(hub.calls) == 1
    assert hub.calls[0][1].provisional  # asked only because the cache did not know the card
    assert result.verdict is Verdict.VALID
    assert result.decision is not None and not result.decision.provisional
    assert result.self_service_allowed
    assert store.card_by_number("GD4010190000077") is not None  # the gateway's record is now cached
    visit = checkin.register(result, "K01").visit
    assert visit.verdict == "valid"
    assert visit.provisional is False
    assert visit.card_number == "GD4010190000077"
    assert visit.object_code == "GD"
    again = checkin.check(_payload(), Source.CAMERA)
    assert again.verdict is Verdict.VALID
    assert len(hub.calls) == 1  # cached now: no second look-up


def test_gateway_says_expired(store: Store) -> None:
    hub = ScriptedHub(lambda card, local: OnlineResult(
        confirmed=True, verdict=Verdict.EXPIRED, local=local, code="010",
        message_vi="Thẻ hết giá trị sử dụng", message_en="Card expired"))
    result = service(store, hub).check(_payload(), Source.SERIAL)
    assert result.verdict is Verdict.EXPIRED
    assert not result.self_service_allowed


def test_unreachable_hub_keeps_the_provisional_verdict_and_says_why(store: Store) -> None:
    hub = ScriptedHub(lambda card, local: OnlineResult(
        confirmed=False, verdict=local.verdict, local=local, reason=ProvisionalReason.TIMEOUT,
        message_vi="Chưa xác nhận được", message_en="Not confirmed yet"))
    checkin = service(store, hub)
    result = checkin.check(_payload(), Source.CAMERA)
    assert result.verdict is Verdict.UNKNOWN
    assert result.decision is not None and result.decision.provisional
    assert result.online_note == "Chưa xác nhận được"
    visit = checkin.register(result, "K01").visit
    assert visit.verdict == "unknown"
    assert visit.provisional is True  # the hub re-checks it later


def test_cached_cards_are_never_looked_up(store: Store) -> None:
    hub = ScriptedHub(lambda card, local: dataclasses.replace(local))
    store.upsert_cards([CachedCard(card_number="0190000077", name="Phan Thị Mai", facility_code="01999")])
    result = service(store, hub).check(_payload(), Source.CAMERA)
    assert hub.calls == []
    assert result.verdict is Verdict.VALID
