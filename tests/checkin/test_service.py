"""The check-in core against a real store: repeats, deliberate second visits, other departments the same
day, the three steps of a check, and the ScanGate in front of it."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.cards.eligibility import Verdict
from kiosk.checkin.errors import AlreadyRegistered
from kiosk.checkin.intake import ScanIntake
from kiosk.checkin.result import CheckResult, Source
from kiosk.checkin.service import Checking, CheckInService
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from tests.checkin.conftest import NOW

SCENARIOS = {s.label: s for s in demo_scenarios()}
AN = SCENARIOS["valid, registered here"].payload


def service(store: Store, now: dt.datetime = NOW) -> CheckInService:
    return CheckInService(store, DEMO_FACILITY, clock=lambda: now)


def test_same_card_same_department_same_day_is_refused_with_the_earlier_visit(store: Store) -> None:
    checkin = service(store)
    first = checkin.register(checkin.check(AN, Source.CAMERA), "K01").visit
    again = checkin.check(AN, Source.SERIAL)
    assert again.earlier_visits == (first,) and again.earlier_visit_in("K01") == first
    with pytest.raises(AlreadyRegistered) as refused:
        checkin.register(again, "K01")
    assert refused.value.visit.ticket == first.ticket == "K01-001"
    assert refused.value.to_json()["error"]["visit"]["id"] == first.id
    assert [v.id for v in store.visits_on(NOW.date())] == [first.id]  # nothing recorded
    second = checkin.register(again, "K01", again=True)
    assert second.visit.ticket == "K01-002"
    assert second.earlier_visits == ()  # only other departments are listed


def test_other_department_same_day_is_allowed_and_lists_the_earlier_visits(store: Store) -> None:
    checkin = service(store)
    k01 = checkin.register(checkin.check(AN, Source.CAMERA), "K01").visit
    k02 = checkin.register(checkin.check(AN, Source.CAMERA), "K02")
    assert k02.visit.department_code == "K02" and k02.earlier_visits == (k01,)


def test_the_next_day_is_not_a_repeat(store: Store) -> None:
    service(store).register(service(store).check(AN, Source.CAMERA), "K01")
    tomorrow = service(store, NOW + dt.timedelta(days=1))
    result = tomorrow.check(AN, Source.CAMERA)
    assert result.earlier_visits == ()
    assert tomorrow.register(result, "K01").visit.ticket == "K01-001"


def test_a_typed_number_finds_the_scanned_visit(store: Store) -> None:
    """The desk types the citizen ID of a patient who scanned the BHYT QR: the same person, a repeat."""
    checkin = service(store)
    checkin.register(checkin.check(AN, Source.CAMERA), "K01")
    typed = checkin.check("001085000101", Source.TYPED)  # An's citizen ID
    assert typed.manual and typed.verdict is Verdict.VALID
    with pytest.raises(AlreadyRegistered):
        checkin.register(typed, "K01")


def test_a_bad_typed_number_is_explained(store: Store) -> None:
    result = service(store).check("12345", Source.TYPED)
    assert not result.ok and result.manual and "15" in result.error_detail


def test_the_three_steps_keep_the_network_out_of_the_database_steps(store: Store) -> None:
    calls: list[str] = []

    class Hub:
        def confirm_online(self, card, decision, *, timeout_s=3.0, visit_date=None):  # type: ignore[no-untyped-def]
            from kiosk.sync.lookup import OnlineResult, ProvisionalReason

            calls.append("online")
            return OnlineResult(False, decision.verdict, decision, reason=ProvisionalReason.TIMEOUT)

    checkin = CheckInService(store, DEMO_FACILITY, clock=lambda: NOW, online=Hub())
    cached = checkin.begin(AN, Source.CAMERA)
    assert isinstance(cached, Checking) and checkin.needs_online(cached)  # in the cache: confirmed online too
    assert not CheckInService(store, DEMO_FACILITY, clock=lambda: NOW).needs_online(cached)  # no hub: never
    unknown = checkin.begin(SCENARIOS["unknown card (not in the cache)"].payload, Source.CAMERA)
    assert isinstance(unknown, Checking) and checkin.needs_online(unknown) and calls == []
    asked = checkin.ask_online(unknown)
    assert calls == ["online"] and not checkin.needs_online(asked)
    result = checkin.complete(asked)
    assert isinstance(result, CheckResult) and result.verdict is Verdict.UNKNOWN and result.online is not None
    assert isinstance(checkin.begin("not a card", Source.CAMERA), CheckResult)


def test_intake_drops_a_repeat_inside_the_window_only() -> None:
    now = [100.0]
    intake = ScanIntake(5.0, clock=lambda: now[0])
    assert intake.offer("]Q1" + AN + "\r", Source.SERIAL) == AN  # AIM prefix and terminator removed
    now[0] += 4.9
    assert intake.offer(AN, Source.WEDGE) is None  # the same code from another path, inside the window
    now[0] += 5.1  # the window counts from the last sighting (104.9), so this is past it
    assert intake.offer(AN, Source.SERIAL) == AN
    assert intake.offer("DN4010100000001", Source.TYPED) == "DN4010100000001"
    assert intake.offer("DN4010100000001", Source.TYPED) is None
    intake.forget()
    assert intake.offer("DN4010100000001", Source.TYPED) == "DN4010100000001"
    assert intake.offer(AN, Source.CAMERA) == AN  # the camera's reads were gated in its pipeline
