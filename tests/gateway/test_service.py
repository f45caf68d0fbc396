"""GatewayLookupService: cache (debounce), joining calls, rate limit, back-off, staff identity, deadline."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import threading
from collections.abc import Iterator

import pytest

from kiosk.cards.eligibility import Verdict
from kiosk.cards.model import BirthDate
from kiosk.gateway import (
    GatewayClient,
    GatewayLookupService,
    GatewayOutcome,
    LookupRequest,
    OutcomeKind,
    StaffIdentity,
)
from tests.gateway.conftest import STAFF_CCCD, STAFF_NAME, make_settings
from tests.gateway.standin import StandinCard, StandinHolder

VISIT = dt.date(2025, 6, 1)


def _card(standin: StandinHolder, number: str, **kw: object) -> LookupRequest:
    standin.state.add(StandinCard(number, "Nguyễn Văn An", "15/03/1985", **kw))  # type: ignore[arg-type]
    return LookupRequest(number, "Nguyễn Văn An", BirthDate(1985, 3, 15), VISIT)


def _number(i: int) -> str:
    return f"HC41{i:011d}"


@contextlib.contextmanager
def _waits_recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float | None]]:
    """The timeouts the calling thread passes to a gateway call's future: what the caller waits, whatever
    the machine's speed (a measured elapsed time would depend on it)."""
    waits: list[float | None] = []
    caller = threading.get_ident()
    original = cf.Future.result

    def result(self: cf.Future[object], timeout: float | None = None) -> object:
        if threading.get_ident() == caller:
            waits.append(timeout)
        return original(self, timeout)

    with monkeypatch.context() as patch:
        patch.setattr(cf.Future, "result", result)
        yield waits


@pytest.fixture
def clock() -> list[float]:
    return [1000.0]


@pytest.fixture
def timed_service(standin: StandinHolder, clock: list[float]) -> Iterator[GatewayLookupService]:
    client = GatewayClient(make_settings(standin.url, cache_ttl_s=900, lookups_per_minute=6, lookup_burst=3))
    service = GatewayLookupService(client, clock=lambda: clock[0])
    yield service
    service.close()
    client.close()


def test_repeated_lookup_is_answered_from_the_cache(standin: StandinHolder, service: GatewayLookupService) -> None:
    request = _card(standin, _number(1))
    first = service.lookup(request)
    assert first.verdict is Verdict.VALID and not first.from_cache
    again = service.lookup(LookupRequest(_number(1), "NGUYỄN  VĂN AN", BirthDate(1985, 3, 15), VISIT))
    assert again.from_cache and again.verdict is Verdict.VALID
    assert standin.state.lookups == 1 and service.gateway_calls == 1


def test_cache_entries_expire_after_the_ttl(standin: StandinHolder, timed_service: GatewayLookupService,
                                            clock: list[float]) -> None:
    request = _card(standin, _number(1))
    timed_service.lookup(request)
    clock[0] += 899
    assert timed_service.lookup(request).from_cache
    clock[0] += 2
    assert timed_service.cached(request) is None
    assert not timed_service.lookup(request).from_cache
    assert standin.state.lookups == 2


def test_rate_limit_per_facility_answers_at_once_without_calling(standin: StandinHolder,
                                                                 timed_service: GatewayLookupService,
                                                                 clock: list[float]) -> None:
    outcomes = [timed_service.lookup(_card(standin, _number(i))) for i in range(5)]
    assert [o.kind for o in outcomes] == [OutcomeKind.VERDICT] * 3 + [OutcomeKind.RATE_LIMITED] * 2
    assert outcomes[-1].use_provisional and outcomes[-1].retry_later
    assert standin.state.lookups == 3
    # cached cards are still answered while the bucket is empty
    assert timed_service.lookup(_card(standin, _number(0))).from_cache
    other = LookupRequest(_number(9), "Nguyễn Văn An", BirthDate(1985, 3, 15), VISIT, facility_code="79001")
    _card(standin, _number(9))
    assert timed_service.lookup(other).kind is OutcomeKind.VERDICT  # another facility has its own bucket
    clock[0] += 10  # 6 per minute: one token back after 10 s
    assert timed_service.lookup(_card(standin, _number(3))).kind is OutcomeKind.VERDICT
    assert timed_service.lookup(_card(standin, _number(4))).kind is OutcomeKind.RATE_LIMITED


def test_slow_gateway_gives_pending_at_the_deadline_and_fills_the_cache(standin: StandinHolder,
                                                                        client: GatewayClient,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[tuple[LookupRequest, GatewayOutcome]] = []
    service = GatewayLookupService(client, on_answer=lambda r, o: answers.append((r, o)))
    request = _card(standin, _number(1), delay_s=2.0)
    with _waits_recorded(monkeypatch) as waits:
        outcome = service.lookup(request, wait_s=0.3)
    assert outcome.kind is OutcomeKind.PENDING and outcome.use_provisional
    assert waits == [0.3]  # the caller waited for the answer exactly its own deadline
    assert service.pending() == 1  # ... and the gateway call is still running: the answer had not come
    assert service.cached(request) is None
    assert service.wait_idle(5.0)
    cached = service.cached(request)
    assert cached is not None and cached.verdict is Verdict.VALID and cached.from_cache
    assert [(r.card_number, o.verdict) for r, o in answers] == [(_number(1), Verdict.VALID)]
    assert service.lookup(request, wait_s=0.0).from_cache
    service.close()


def test_same_card_asked_twice_while_slow_joins_one_call(standin: StandinHolder,
                                                         service: GatewayLookupService) -> None:
    request = _card(standin, _number(1), delay_s=0.5)
    assert service.lookup(request, wait_s=0.05).kind is OutcomeKind.PENDING
    assert service.lookup(request, wait_s=2.0).verdict is Verdict.VALID  # joined the running call
    assert service.gateway_calls == 1 and standin.state.lookups == 1


def test_many_threads_one_card_one_gateway_call(standin: StandinHolder, service: GatewayLookupService) -> None:
    request = _card(standin, _number(1), delay_s=0.2)
    results: list[GatewayOutcome] = []
    lock = threading.Lock()

    def ask() -> None:
        outcome = service.lookup(request, wait_s=3.0)
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [o.verdict for o in results] == [Verdict.VALID] * 8
    assert standin.state.lookups == 1


def test_offline_failure_backs_off_without_calling_again(standin: StandinHolder,
                                                         service: GatewayLookupService) -> None:
    dropped = service.lookup(_card(standin, _number(1), drop=True))
    assert dropped.kind is OutcomeKind.OFFLINE and dropped.use_provisional
    calls = standin.state.lookups
    later = service.lookup(_card(standin, _number(2)))
    assert later.kind is OutcomeKind.OFFLINE and standin.state.lookups == calls  # backing off
    service.reset_backoff()
    assert service.lookup(_card(standin, _number(2))).verdict is Verdict.VALID


def test_server_error_code_backs_off(standin: StandinHolder, service: GatewayLookupService) -> None:
    outcome = service.lookup(_card(standin, _number(1), code="500", http_status=500))
    assert (outcome.kind, outcome.code) == (OutcomeKind.OFFLINE, "500")
    assert service.lookup(_card(standin, _number(2))).code == "500"  # remembered, not asked
    assert standin.state.lookups == 1


def test_timeout_is_offline(standin: StandinHolder) -> None:
    client = GatewayClient(make_settings(standin.url, total_timeout_s=0.3))
    service = GatewayLookupService(client)
    outcome = service.lookup(_card(standin, _number(1), delay_s=2.0), wait_s=2.0)
    assert outcome.kind is OutcomeKind.OFFLINE and "timeout" in outcome.action_en
    service.close()
    client.close()


def test_config_error_054_is_remembered_per_staff_member(standin: StandinHolder,
                                                         service: GatewayLookupService) -> None:
    stranger = StaffIdentity("Người Lạ", "001099999999")
    request = _card(standin, _number(1))
    bad = LookupRequest(request.card_number, request.name, request.birth_date, VISIT, staff=stranger)
    assert service.lookup(bad).code == "054"
    assert service.lookup(bad).code == "054"
    assert standin.state.lookups == 1  # answered from memory: the admin must fix it
    assert service.lookup(request).verdict is Verdict.VALID  # the configured account still works


def test_second_401_becomes_a_configuration_error(standin: StandinHolder, service: GatewayLookupService) -> None:
    standin.state.calls_from_other_ip = True
    outcome = service.lookup(_card(standin, _number(1)))
    assert (outcome.kind, outcome.code) == (OutcomeKind.CONFIG_ERROR, "401")
    assert "IP" in outcome.action_en
    assert service.lookup(_card(standin, _number(2))).code == "401"
    assert standin.state.lookups == 2  # one call + one retry, then remembered


def test_staff_identity_per_call_or_configured(standin: StandinHolder) -> None:
    standin.state.staff["001080000002"] = "Trần Văn Quầy"
    client = GatewayClient(make_settings(standin.url, staff_name="", staff_citizen_id=""))
    service = GatewayLookupService(client)
    request = _card(standin, _number(1))
    missing = service.lookup(request)
    assert missing.kind is OutcomeKind.CONFIG_ERROR and standin.state.lookups == 0
    desk = LookupRequest(request.card_number, request.name, request.birth_date, VISIT,
                         staff=StaffIdentity("Trần Văn Quầy", "001080000002"))
    assert service.lookup(desk).verdict is Verdict.VALID
    assert standin.state.lookup_log[-1]["cccdCb"] == "001080000002"
    service.close()
    client.close()
    configured = GatewayLookupService(GatewayClient(make_settings(standin.url)))
    configured.lookup(_card(standin, _number(2)))
    assert standin.state.lookup_log[-1] == {"maThe": _number(2), "hoTenCb": STAFF_NAME, "cccdCb": STAFF_CCCD,
                                            "ngaySinh": "15/03/1985"}
    configured.close()


def test_closed_service_answers_offline(standin: StandinHolder, service: GatewayLookupService) -> None:
    service.close()
    assert service.lookup(_card(standin, _number(1))).kind is OutcomeKind.OFFLINE


@pytest.mark.slow
def test_gateway_taking_30_s_never_blocks_the_kiosk_beyond_3_s(standin: StandinHolder,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    client = GatewayClient(make_settings(standin.url, total_timeout_s=60.0, answer_budget_s=2.5))
    service = GatewayLookupService(client)
    request = _card(standin, _number(1), delay_s=30.0)
    with _waits_recorded(monkeypatch) as waits:
        outcome = service.lookup(request)
    assert outcome.kind is OutcomeKind.PENDING
    assert waits == [2.5]  # the answer budget, not the gateway's 60 s total timeout, bounds the wait
    assert service.pending() == 1  # the 30 s call is still running
    service.close()  # the background call is abandoned; the stand-in releases it at test end
    client.close()


def test_recheck_of_provisional_visits_flags_changed_verdicts(standin: StandinHolder,
                                                             service: GatewayLookupService) -> None:
    from kiosk.gateway.recheck import recheck_visits

    standin.state.add(StandinCard(_number(1), "Nguyễn Văn An", "15/03/1985"))
    standin.state.add(StandinCard(_number(2), "Nguyễn Văn An", "15/03/1985", code="110"))
    base = {"name": "Nguyễn Văn An", "birth_date": "1985-03-15", "visit_date": "2025-06-01",
            "provisional": True, "verdict": "unknown", "provisional_verdict": "valid"}
    visits = [{**base, "id": "a", "card_number": _number(1)}, {**base, "id": "b", "card_number": _number(2)},
              {**base, "id": "c", "card_number": _number(3), "provisional": False, "confirmed_online": True},
              {**base, "id": "d", "card_number": None, "citizen_id": None},
              # from the local cache, never confirmed online: re-checked too (issue 14)
              {**base, "id": "e", "card_number": _number(2), "provisional": False, "verdict": "valid",
               "provisional_verdict": None, "confirmed_online": False}]
    results = recheck_visits(service, visits)
    assert [(r.visit_id, r.new_verdict, r.changed, r.needs_staff) for r in results] == [
        ("a", "valid", False, False), ("b", "revoked", True, True), ("e", "revoked", True, True)]
    assert standin.state.lookups == 2  # "e" is the same card as "b": answered from the service's cache


def test_recheck_stops_at_the_first_offline_answer(standin: StandinHolder, service: GatewayLookupService) -> None:
    from kiosk.gateway.recheck import recheck_visits

    standin.state.add(StandinCard(_number(1), "Nguyễn Văn An", "15/03/1985", drop=True))
    base = {"name": "Nguyễn Văn An", "birth_date": "1985-03-15", "visit_date": "2025-06-01",
            "provisional": True, "verdict": "unknown"}
    results = recheck_visits(service, [{**base, "id": str(i), "card_number": _number(i)} for i in (1, 2, 3)])
    assert [(r.visit_id, r.outcome.kind, r.changed) for r in results] == [("1", OutcomeKind.OFFLINE, False)]
    assert standin.state.lookups == 1


def test_cache_keeps_at_most_max_entries_and_survives_a_failing_callback(standin: StandinHolder) -> None:
    def broken(_request: LookupRequest, _outcome: GatewayOutcome) -> None:
        raise RuntimeError("hub database is down")

    client = GatewayClient(make_settings(standin.url, cache_max_entries=2))
    service = GatewayLookupService(client, on_answer=broken)
    requests = [_card(standin, _number(i)) for i in range(3)]
    assert [service.lookup(r).verdict for r in requests] == [Verdict.VALID] * 3
    assert service.cached(requests[0]) is None  # the oldest was dropped
    assert service.cached(requests[2]) is not None
    service.close()
    client.close()
