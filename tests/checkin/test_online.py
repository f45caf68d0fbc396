"""The check-in flow confirms every check-in with the hub (cached cards too), and records what it showed."""

from __future__ import annotations

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
    assert visit.confirmed_online is True
    again = checkin.check(_payload(), Source.CAMERA)
    assert again.verdict is Verdict.VALID
    assert again.cached is not None and again.cached.card_number == "GD4010190000077"  # cached now …
    assert len(hub.calls) == 2 and not hub.calls[1][1].provisional  # … and still confirmed online


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
    assert visit.confirmed_online is False


def test_cached_cards_are_confirmed_online_too_and_an_ended_card_is_caught(store: Store) -> None:
    store.upsert_cards([CachedCard(card_number="0190000077", name="Phan Thị Mai", facility_code="01999")])
    hub = ScriptedHub(lambda card, local: OnlineResult(
        confirmed=True, verdict=Verdict.REDUCED, local=local, code="110", message_vi="Thẻ đã báo giảm",
        message_en="Card ended"))
    checkin = service(store, hub)
    result = checkin.check(_payload(), Source.CAMERA)
    assert len(hub.calls) == 1
    assert hub.calls[0][1].verdict is Verdict.VALID  # the cache still said valid …
    assert result.verdict is Verdict.REDUCED  # … the gateway's answer wins
    assert result.confirmed_online and not result.self_service_allowed
    visit = checkin.register(result, "K01", again=True).visit
    assert (visit.verdict, visit.confirmed_online) == ("reduced", True)


def test_cached_verdict_stands_as_provisional_when_the_hub_does_not_answer(store: Store) -> None:
    store.upsert_cards([CachedCard(card_number="0190000077", name="Phan Thị Mai", facility_code="01999")])
    store.set_cursor("hub", "42")  # a pull: the cache's sync time
    hub = ScriptedHub(lambda card, local: OnlineResult(
        confirmed=False, verdict=local.verdict, local=local, reason=ProvisionalReason.OFFLINE))
    checkin = service(store, hub)
    result = checkin.check(_payload(), Source.CAMERA)
    assert len(hub.calls) == 1
    assert result.verdict is Verdict.VALID and not result.confirmed_online
    assert str(result.verdict_source) == "cache"
    assert result.cache_synced_at is not None and result.cache_age is not None
    assert result.cache_age >= dt.timedelta(0)
    visit = checkin.register(result, "K01").visit
    assert (visit.verdict, visit.provisional, visit.confirmed_online) == ("valid", False, False)
