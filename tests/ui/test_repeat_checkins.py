"""Repeat check-ins on the screens: the desk asks before a repeat and before registering a card whose
verdict is not valid (never a single Enter); the self-service screen shows the number the patient
already has and offers a reprint instead of a second number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.db.demo import demo_scenarios
from kiosk.db.store import Store
from kiosk.printing import TicketPrinter
from kiosk.ui.appearance import Appearance
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen
from kiosk.ui.services import Services
from tests.ui.conftest import LANGS
from tests.ui.support import press_key
from tests.ui.test_desk_flow import assert_fits as desk_fits
from tests.ui.test_desk_flow import desk_look as desk_look  # a fixture
from tests.ui.test_desk_flow import make_desk
from tests.ui.test_selfservice_flow import assert_fits as fits
from tests.ui.test_selfservice_flow import make_window

SCENARIOS = {s.label: s for s in demo_scenarios()}
AN = SCENARIOS["valid, registered here"].payload


def checked(qtbot: QtBot, window: DeskWindow, payload: str) -> None:
    window.patient.show_result(None)
    window.scan(payload, "serial")
    qtbot.waitUntil(lambda: window.patient.result is not None)


def choose(window: DeskWindow, code: str) -> None:
    lst = window.patient.dept_list
    row = next(i for i in range(lst.count()) if lst.item(i).data(Qt.ItemDataRole.UserRole) == code)
    lst.setCurrentRow(row)


def test_desk_asks_before_a_repeat_and_enter_alone_never_records(
        qtbot: QtBot, services: Services, languages: LanguageManager, store: Store) -> None:
    window = make_desk(qtbot, services, languages)
    languages.switch("en")
    checked(qtbot, window, AN)
    choose(window, "K01")
    press_key(window.patient.dept_list, Qt.Key.Key_Return)  # valid, first visit: Enter registers
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1)
    assert not window.patient.confirm_box.isVisible()

    checked(qtbot, window, AN)  # the same patient again
    assert window.patient.result is not None and window.patient.result.earlier_tickets == ("K01-001",)
    choose(window, "K01")
    press_key(window.patient.dept_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.patient.confirm_box.isVisible())
    assert "K01-001" in window.patient.confirm_text.text()
    assert window.patient.cancel_button.hasFocus()
    press_key(window.patient.cancel_button, Qt.Key.Key_Return)  # a second Enter cancels
    qtbot.waitUntil(lambda: not window.patient.confirm_box.isVisible())
    assert len(store.list_visits()) == 1

    press_key(window.patient.dept_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.patient.confirm_box.isVisible())
    window.patient.confirm_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 2)
    assert [v["ticket"] for v in store.list_visits()] == ["K01-001", "K01-002"]


def test_desk_registers_another_department_without_asking(
        qtbot: QtBot, services: Services, languages: LanguageManager, store: Store) -> None:
    window = make_desk(qtbot, services, languages)
    checked(qtbot, window, AN)
    choose(window, "K01")
    window.patient.register_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1)
    checked(qtbot, window, AN)
    choose(window, "K02")
    window.patient.register_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 2)
    assert not window.patient.confirm_box.isVisible()
    assert [v["ticket"] for v in store.list_visits()] == ["K01-001", "K02-001"]


def test_desk_asks_before_registering_a_card_that_is_not_valid(
        qtbot: QtBot, services: Services, languages: LanguageManager, store: Store) -> None:
    window = make_desk(qtbot, services, languages)
    languages.switch("en")
    for label in ("expired", "revoked", "replaced, old card scanned", "unknown card (not in the cache)"):
        checked(qtbot, window, SCENARIOS[label].payload)
        before = len(store.list_visits())
        press_key(window.patient.dept_list, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.patient.confirm_box.isVisible())
        assert "not valid" in window.patient.confirm_text.text(), label
        assert len(store.list_visits()) == before, label  # nothing recorded on the first Enter
        window.patient.confirm_button.click()
        qtbot.waitUntil(lambda n=before + 1: len(store.list_visits()) == n)
        assert store.list_visits()[-1]["verdict"] == SCENARIOS[label].verdict, label


def test_self_service_shows_the_number_already_issued_and_reprints_it(
        qtbot: QtBot, services: Services, languages: LanguageManager, appearance: Appearance, store: Store,
        printer: TicketPrinter) -> None:
    window = make_window(qtbot, services, languages, appearance)
    languages.switch("en")

    def take(code: str) -> None:
        window.scan(AN)
        qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
        window.verdict.continue_button.click()
        qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
        window.departments.buttons[code].click()
        qtbot.waitUntil(lambda: window.model.screen is Screen.TICKET)

    take("K01")
    qtbot.waitUntil(lambda: window.ticket.print_result is not None, timeout=10_000)
    assert not window.ticket.reprint_button.isVisible()
    window.ticket.done_button.click()
    printed = printer.last_dummy_job

    languages.switch("en")
    take("K01")
    assert window.ticket.caption.text() == "You already have number K01-001 today."
    assert window.ticket.number.text() == "K01-001"
    assert window.ticket.reprint_button.isVisible()
    assert [v["ticket"] for v in store.list_visits()] == ["K01-001"]  # no second number
    assert window.ticket.print_result is None  # nothing printed until asked
    window.ticket.reprint_button.click()
    qtbot.waitUntil(lambda: window.ticket.print_result is not None, timeout=10_000)
    assert window.ticket.print_result is not None and window.ticket.print_result.printed
    assert printer.last_dummy_job.startswith(b"\x1b@") and printed
    window.ticket.done_button.click()

    take("K02")  # another department the same day: a new number
    qtbot.waitUntil(lambda: window.ticket.print_result is not None, timeout=10_000)
    assert window.ticket.number.text() == "K02-001" and not window.ticket.reprint_button.isVisible()


@pytest.mark.parametrize("lang", LANGS)
def test_repeat_texts_fit_in_every_language(qtbot: QtBot, services: Services, languages: LanguageManager,
                                            appearance: Appearance, store: Store, lang: str) -> None:
    kiosk = make_window(qtbot, services, languages, appearance)
    for _ in range(2):
        languages.switch(lang)
        kiosk.scan(AN)
        qtbot.waitUntil(lambda: kiosk.model.screen is Screen.VERDICT)
        kiosk.verdict.continue_button.click()
        qtbot.waitUntil(lambda: kiosk.model.screen is Screen.DEPARTMENTS)
        kiosk.departments.buttons["K01"].click()
        qtbot.waitUntil(lambda: kiosk.model.screen is Screen.TICKET)
        if kiosk.model.issued is not None and kiosk.model.issued.repeat:
            break
        kiosk.ticket.done_button.click()
    assert kiosk.ticket.reprint_button.isVisible()
    fits(qtbot, kiosk, f"self-service repeat/{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_desk_confirmation_fits_in_every_language(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                  desk_look: Appearance, store: Store, lang: str) -> None:
    desk = make_desk(qtbot, services, languages)
    languages.switch(lang)
    expired = SCENARIOS["expired"].payload
    checked(qtbot, desk, expired)
    choose(desk, "K01")
    press_key(desk.patient.dept_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.patient.confirm_box.isVisible())
    desk.patient.confirm_button.click()
    qtbot.waitUntil(lambda: desk.model.last_visit is not None)  # the UI has taken the registration in
    checked(qtbot, desk, expired)  # expired AND already registered: the longest question
    choose(desk, "K01")
    press_key(desk.patient.dept_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.patient.confirm_box.isVisible())
    assert "K01-001" in desk.patient.confirm_text.text()
    desk_fits(qtbot, desk, (1280, 720), f"desk confirmation/{lang}")
