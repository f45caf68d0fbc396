"""The database lane never waits on the network: while a check waits for the hub's online look-up, the
desk's visit list and departments still load. The hub here blocks until the test lets it answer, so the
test does not depend on timing."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.cards.eligibility import Decision, Verdict
from kiosk.checkin.service import CheckInService
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from kiosk.sync.lookup import OnlineResult, ProvisionalReason
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.services import Services
from tests.ui.conftest import NOW

UNKNOWN = next(s for s in demo_scenarios() if s.label == "unknown card (not in the cache)").payload


class BlockingHub:
    """Answers the look-up only when ``release`` is set; records the thread it was asked on."""

    def __init__(self) -> None:
        self.asked = threading.Event()
        self.release = threading.Event()
        self.thread = ""

    def confirm_online(self, card: Any, decision: Decision, *, timeout_s: float = 3.0,
                       visit_date: dt.date | None = None) -> OnlineResult:
        self.thread = threading.current_thread().name
        self.asked.set()
        self.release.wait(30)
        return OnlineResult(False, decision.verdict, decision, reason=ProvisionalReason.TIMEOUT)


def test_visit_list_loads_while_a_check_waits_for_the_hub(qtbot: QtBot, services: Services, store: Store) -> None:
    hub = BlockingHub()
    services.checkin = CheckInService(store, DEMO_FACILITY, clock=lambda: NOW, online=hub)
    model = DeskModel(services, lambda: "en")
    try:
        model.scan(UNKNOWN, "serial")
        qtbot.waitUntil(hub.asked.is_set)
        assert model.busy and model.result is None
        with qtbot.waitSignal(model.visits_changed, timeout=5000):
            model.refresh_visits()  # served by the db lane while the hub is still being asked
        with qtbot.waitSignal(model.departments_changed, timeout=5000):
            model.load()
        assert hub.thread.startswith("kiosk-io")  # the look-up ran on the io lane, not kiosk-db
        assert model.result is None  # the check is still waiting
    finally:
        hub.release.set()
    qtbot.waitUntil(lambda: model.result is not None)
    assert model.result is not None and model.result.verdict is Verdict.UNKNOWN
    assert not model.busy
