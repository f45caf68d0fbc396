"""A way out for every patient whose card fails: "Call staff / reception ticket" on every failure verdict
prints a number for the reception desk (its own daily queue in the store, audited, traced), the keypad
offers one without a card, the optional priority queue has its own prefix, and "people ahead of you" shows
where the facility turns it on. Also the route note, the amber "unknown" flash, masking and focus rings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.cards.route import FacilityLevel, FacilityProfile, FormerTier
from kiosk.checkin.result import SYSTEM_ERROR, CheckResult, Source
from kiosk.config import ConfigError, QueueConfig
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from kiosk.faults import Fault, FaultKind
from kiosk.printing import TicketPrinter
from kiosk.queueing import DeskQueue, people_ahead
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from kiosk.ui.trace import EventTrace
from tests.ui.conftest import NOW

SCENARIOS = {s.label: s for s in demo_scenarios()}
#: Every failure the self-service screen can show: verdicts a patient cannot continue with, a code that
#: is not a card, a typed number that is not one, and the kiosk's own failure.
FAILURES = ["expired", "not yet valid", "revoked", "reduced (báo giảm)", "replaced, old card scanned",
            "name does not match", "birth date does not match", "citizen ID, not in the cache"]


def make_window(qtbot: QtBot, services: Services, languages: LanguageManager,
                appearance: Appearance) -> SelfServiceWindow:
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: "")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def scan(qtbot: QtBot, window: SelfServiceWindow, payload: str, source: str = "camera") -> CheckResult:
    window.scan(payload, source)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    assert window.model.result is not None
    return window.model.result


def take_number(qtbot: QtBot, window: SelfServiceWindow, button: QPushButton) -> str:
    assert button.isVisible(), f"{button.objectName()} is not offered"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.screen is Screen.RECEPTION)
    qtbot.waitUntil(lambda: window.reception.print_result is not None, timeout=10_000)
    return window.reception.number.text()


def test_every_failure_verdict_offers_a_reception_ticket(qtbot: QtBot, services: Services,
                                                         languages: LanguageManager, appearance: Appearance,
                                                         store: Store, printer: TicketPrinter) -> None:
    from kiosk.ui.app import RunOptions, start_trace

    window = make_window(qtbot, services, languages, appearance)
    trace_path = printer.tickets_dir / "trace.jsonl"
    start_trace(window, languages, RunOptions(trace_path=trace_path))  # as `kiosk run --trace` wires it
    issued: list[str] = []
    reasons: list[str] = []
    for label in FAILURES:
        result = scan(qtbot, window, SCENARIOS[label].payload)
        assert not result.self_service_allowed, label
        assert not window.verdict.continue_button.isVisible()
        issued.append(take_number(qtbot, window, window.verdict.reception_button))
        reasons.append(str(result.verdict.value if result.verdict else result.error_code))
        assert window.reception.print_result is not None and window.reception.print_result.printed
        assert printer.last_dummy_job.startswith(b"\x1b@")
        printed = window.model.desk_number
        assert printed is not None and not printed.ticket.for_visit  # no QR code: it names no visit
        window.reception.done_button.click()
        assert window.model.screen is Screen.WELCOME and window.model.desk_number is None
    # not a card at all, a typed number that is no card number, and the kiosk's own failure
    for payload, source in (("hello, this is no card", "camera"), ("AB123", "typed")):
        result = scan(qtbot, window, payload, source)
        assert result.decision is None and result.error_code is not None
        issued.append(take_number(qtbot, window, window.verdict.reception_button))
        reasons.append(result.error_code)
        window.reset()
    window.model.go(Screen.KEYPAD)  # the view-model takes a failure on the screens where a scan is taken
    window.model._checked(CheckResult(Source.CAMERA, error_code=SYSTEM_ERROR, error_detail="disk full",
                                      fault=Fault(FaultKind.ENVIRONMENT, "disk_full", "The disk is full", "")))
    issued.append(take_number(qtbot, window, window.verdict.reception_button))
    reasons.append(SYSTEM_ERROR)

    assert issued == [f"TD-{n:03d}" for n in range(1, len(issued) + 1)]
    assert store.last_desk_number(DeskQueue.RECEPTION, NOW.date()) == len(issued)
    assert store.list_visits() == []  # a desk number is no visit
    audit = [e for e in reversed(store.audit_entries()) if e["action"] == "desk_number"]
    assert [e["details"]["ticket"] for e in audit] == issued
    assert [e["details"]["reason"] for e in audit] == reasons
    events = [json.loads(line) for line in trace_path.read_text().splitlines()]
    desk = [e for e in events if e["event"] == "desk_number"]
    assert [(e["queue"], e["reason"]) for e in desk] == [("reception", r) for r in reasons]
    assert all(set(e) == {"t", "event", "queue", "reason"} for e in desk)  # no number, no patient data
    screens = [e["screen"] for e in events if e["event"] == "screen"]
    assert screens.count("reception_ticket") == len(reasons)


def test_good_card_has_no_reception_button_and_keypad_has_one_without_card(
        qtbot: QtBot, services: Services, languages: LanguageManager, appearance: Appearance,
        store: Store) -> None:
    window = make_window(qtbot, services, languages, appearance)
    scan(qtbot, window, SCENARIOS["valid, registered here"].payload)
    assert window.verdict.continue_button.isVisible()
    assert not window.verdict.reception_button.isVisible()
    assert not window.verdict.priority_button.isVisible()  # the priority queue is off by default
    window.model.take_desk_number(DeskQueue.RECEPTION)  # not offered: nothing happens
    qtbot.wait(50)
    assert window.model.screen is Screen.VERDICT
    window.reset()
    window.welcome.type_button.click()
    assert window.model.screen is Screen.KEYPAD
    assert take_number(qtbot, window, window.keypad.reception_button) == "TD-001"
    assert window.model.desk_number is not None and window.model.desk_number.reason == "no_card"
    assert not window.reception.ahead.isVisible()  # "people ahead" is off by default


def test_priority_queue_and_people_ahead(qtbot: QtBot, services: Services, languages: LanguageManager,
                                         appearance: Appearance, store: Store) -> None:
    services.queue = QueueConfig(priority_queue=True, priority_prefix="UT", people_ahead=True)
    window = make_window(qtbot, services, languages, appearance)
    languages.switch("en")
    numbers = []
    for button in ("reception", "priority", "priority", "reception"):
        scan(qtbot, window, SCENARIOS["expired"].payload)
        languages.switch("en")
        assert window.verdict.priority_button.isVisible() and window.verdict.priority_help.isVisible()
        target = window.verdict.priority_button if button == "priority" else window.verdict.reception_button
        numbers.append((take_number(qtbot, window, target), window.reception.ahead.text(),
                        window.reception.queue.text()))
        window.reset()
    assert numbers == [("TD-001", "Nobody is ahead of you.", "Reception desk"),
                       ("UT-001", "Nobody is ahead of you.", "Reception desk – priority"),
                       ("UT-002", "1 person is ahead of you.", "Reception desk – priority"),
                       ("TD-002", "1 person is ahead of you.", "Reception desk")]
    # the department ticket shows (and prints) the people ahead too
    scan(qtbot, window, SCENARIOS["valid, registered here"].payload)
    languages.switch("en")
    window.verdict.continue_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
    window.departments.buttons["K02"].click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.TICKET)
    assert window.ticket.ahead.isVisible() and window.ticket.ahead.text() == "Nobody is ahead of you."
    assert window.model.issued is not None and window.model.issued.ticket.note == "Nobody is ahead of you."


def test_priority_number_only_where_the_queue_is_on(store: Store) -> None:
    from kiosk.checkin.desk_numbers import take_desk_number

    with pytest.raises(ValueError, match="priority queue is off"):
        take_desk_number(store, DeskQueue.PRIORITY, QueueConfig(), reason="expired", now=NOW)
    assert store.last_desk_number(DeskQueue.PRIORITY, NOW.date()) == 0


def test_desk_numbers_per_queue_and_queue_day(store: Store) -> None:
    take = store.issue_desk_number
    assert take(DeskQueue.RECEPTION, "TD", now=NOW).ticket == "TD-001"
    assert take(DeskQueue.PRIORITY, "UT", now=NOW).ticket == "UT-001"
    second = take(DeskQueue.RECEPTION, "TD", now=NOW)
    assert (second.ticket, second.number, second.ahead) == ("TD-002", 2, 1)
    tomorrow = take(DeskQueue.RECEPTION, "TD", now=NOW + dt.timedelta(days=1))
    assert (tomorrow.ticket, tomorrow.queue_day) == ("TD-001", NOW.date() + dt.timedelta(days=1))
    # a department's numbers are untouched by the desk's
    assert store.last_queue_number("K01", NOW.date()) == 0
    with pytest.raises(ValueError):
        take(DeskQueue.RECEPTION, "T-D", now=NOW)
    with pytest.raises(ValueError):
        people_ahead(0)


def test_queue_settings_are_checked() -> None:
    QueueConfig().check()
    with pytest.raises(ConfigError, match=r"queue\.reception_prefix"):
        QueueConfig(reception_prefix="").check()
    with pytest.raises(ConfigError, match="must differ"):
        QueueConfig(priority_queue=True, priority_prefix="td").check()


@pytest.mark.parametrize(("level", "tier", "score", "route", "desk"), [
    (FacilityLevel.SPECIALISED, FormerTier.CENTRAL, -1, "referral_needed", True),
    (FacilityLevel.BASIC, FormerTier.UNSET, 60, "self_referred", False),
    (FacilityLevel.BASIC, FormerTier.UNSET, 30, "self_referred", False),
    (FacilityLevel.UNSET, FormerTier.UNSET, -1, "outside_route", True),
])
def test_registered_elsewhere_gets_a_plain_note(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                appearance: Appearance, store: Store, level: FacilityLevel,
                                                tier: FormerTier, score: int, route: str, desk: bool) -> None:
    profile = FacilityProfile(code=DEMO_FACILITY, level=level, former_tier=tier, basic_score=score)
    assert services.checkin is not None
    services.checkin.profile = profile
    window = make_window(qtbot, services, languages, appearance)
    result = scan(qtbot, window, SCENARIOS["valid, registered elsewhere"].payload)
    languages.switch("en")
    assert result.route is not None and str(result.route.route) == route
    note = window.verdict.route.text()
    assert window.verdict.route.isVisible() and note.startswith("Your card is registered at another facility.")
    if route == "referral_needed":
        assert "referral paper" in note
    if score == 60:
        assert "50%" in note
    assert window.verdict.continue_button.isVisible()  # the card is valid: a ticket is still possible
    assert window.verdict.reception_button.isVisible() is desk
    window.reset()
    scan(qtbot, window, SCENARIOS["valid, registered here"].payload)
    assert not window.verdict.route.isVisible() and window.verdict.route.text() == ""


def test_unknown_card_is_amber_without_a_green_flash(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                     appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance)
    result = scan(qtbot, window, SCENARIOS["unknown card (not in the cache)"].payload)
    assert result.self_service_allowed  # current by the card's own dates: a ticket is allowed
    assert window.verdict.banner.property("role") == "banner-warn"
    colour = window.flash.colour
    assert colour is not None and colour.red() > 200 and 100 < colour.green() < 200 and colour.blue() < 50
    assert window.welcome.camera._flash is not None and window.welcome.camera._flash == colour


def test_replaced_card_masks_the_new_number_like_the_old(qtbot: QtBot, services: Services,
                                                         languages: LanguageManager, appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance)
    result = scan(qtbot, window, SCENARIOS["replaced, old card scanned"].payload)
    new = result.decision.replaced_by if result.decision else None
    assert new
    shown = window.verdict.explanation.text() + window.verdict.number.text()
    assert new not in shown and result.display_number not in shown
    assert "•" * (len(new) - 4) + new[-4:] in shown
    assert "•" * (len(result.display_number) - 4) + result.display_number[-4:] in shown


def test_no_focus_ring_on_the_last_touched_button(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                  appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance)
    window.activateWindow()
    qtbot.mouseClick(window.welcome.languages.buttons["en"], Qt.MouseButton.LeftButton)
    scan(qtbot, window, SCENARIOS["valid, registered here"].payload)
    qtbot.mouseClick(window.verdict.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
    button = next(iter(window.departments.buttons.values()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.screen is Screen.TICKET)
    focused = QApplication.focusWidget()
    assert not isinstance(focused, QPushButton), f"{focused.objectName()} keeps the focus ring"
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in window.findChildren(QPushButton))


def test_trace_of_a_desk_number_in_a_real_run(tmp_path: Path) -> None:
    """The field names the trace documents (kiosk/ui/README.md)."""
    trace = EventTrace(tmp_path / "t.jsonl", mode="self", language=lambda: "vi", demo=False)

    @dataclasses.dataclass
    class Issued:
        number: object
        reason: str

    from kiosk.queueing import DeskNumber
    trace.desk_number(Issued(DeskNumber(DeskQueue.PRIORITY, 3, "UT-003", NOW.date()), "expired"))
    trace.desk_number(None)
    lines = [json.loads(x) for x in (tmp_path / "t.jsonl").read_text().splitlines()]
    assert [(x["event"], x["queue"], x["reason"]) for x in lines] == [("desk_number", "priority", "expired")]
