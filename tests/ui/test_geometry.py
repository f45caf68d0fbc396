"""Every screen at every text size fits: 100–200 % and high contrast, 1280x720 and 1920x1080, all five
languages, both modes. A screen may scroll up and down at large text (it sits in a scroll page), but the
window never grows, nothing is clipped, no text overlaps another, nothing needs sideways scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from kiosk.cards.identity import IdentityMismatch, IdentityPolicy
from kiosk.cards.route import FacilityLevel, FacilityProfile, FormerTier
from kiosk.checkin.service import CheckInService
from kiosk.config import QueueConfig
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from kiosk.ui.appearance import Appearance
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.identity import IdentityState
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from tests.ui.conftest import LANGS, NOW, SIZES
from tests.ui.geometry import geometry_problems
from tests.ui.test_desk_eligibility import BASIC, GatewayAnswers

SCENARIOS = {s.label: s for s in demo_scenarios()}
IDENTITY_STATES: list[tuple[IdentityState, tuple[IdentityMismatch, ...]]] = [
    (IdentityState.ASK, ()), (IdentityState.CHECKING, ()), (IdentityState.NOT_A_CCCD, ()),
    (IdentityState.MISMATCH, (IdentityMismatch.NAME,)), (IdentityState.MISMATCH, (IdentityMismatch.MISSING,)),
    (IdentityState.NO_DOCUMENT, ())]
LOOKS = [(100, False), (130, False), (160, False), (200, False), (160, True)]


def _look_id(look: tuple[int, bool]) -> str:
    return f"{look[0]}pct" + ("-contrast" if look[1] else "")


@pytest.mark.parametrize("look", LOOKS, ids=_look_id)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_self_service_screens_fit(qtbot: QtBot, services: Services, languages: LanguageManager,
                                  appearance: Appearance, size: tuple[int, int], look: tuple[int, bool]) -> None:
    appearance.set_font_scale(look[0])
    appearance.set_high_contrast(look[1])
    # the longest screens: priority queue and "people ahead" on, a facility whose route sends a card
    # registered elsewhere to the desk (the route note and the reception button next to "Continue")
    services.queue = QueueConfig(priority_queue=True, people_ahead=True)
    assert services.checkin is not None
    services.checkin.profile = FacilityProfile(DEMO_FACILITY, FacilityLevel.SPECIALISED, FormerTier.CENTRAL)
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: "")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    requested = QSize(*size)
    problems: list[str] = []

    def check(where: str) -> None:
        qtbot.wait(20)
        found = geometry_problems(window, requested, window.current_screen_widget())
        problems.extend(f"{where}: {p}" for p in found)

    for index, lang in enumerate(LANGS):
        window.reset()
        languages.switch(lang)  # after the reset: a reset goes back to the default language
        assert window.welcome.languages.buttons[lang].isChecked() or languages.current == lang
        check(f"{lang}/welcome")
        for label in ("expired", "valid, registered elsewhere", "valid, registered here"):
            window.reset()
            languages.switch(lang)  # the reset went back to the default language
            window.scan(SCENARIOS[label].payload)
            qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
            check(f"{lang}/verdict {label}")
            if label == "expired":  # "Call staff / reception ticket": the priority number's screen
                window.verdict.priority_button.click()
                qtbot.waitUntil(lambda: window.model.screen is Screen.RECEPTION)
                qtbot.waitUntil(lambda: window.reception.print_result is not None, timeout=10_000)
                check(f"{lang}/reception_ticket")
        window.verdict.continue_button.click()
        qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
        check(f"{lang}/departments")
        # the same card again for the same department would be a repeat (no new ticket): one department
        # per language, and the last language also shows the "you already have number …" screen
        codes = sorted(window.departments.buttons)
        window.departments.buttons[codes[index % len(codes)]].click()
        qtbot.waitUntil(lambda: window.model.screen is Screen.TICKET)
        qtbot.waitUntil(lambda: window.ticket.print_result is not None, timeout=10_000)
        check(f"{lang}/ticket")
        window.overlay.show_countdown(20)  # "Are you still there?" over the ticket
        qtbot.wait(20)
        problems.extend(f"{lang}/idle warning: {p}"
                        for p in geometry_problems(window, requested, window.overlay))
        window.overlay.hide()
        for screen in (Screen.PIN, Screen.ADMIN, Screen.CLEANING, Screen.KEYPAD):
            window.model.go(screen)
            check(f"{lang}/{screen}")
        window.model.go(Screen.IDENTITY)  # every state of the identity step (tests/ui/test_identity_step.py)
        for state, mismatches in IDENTITY_STATES:
            window.identity.show_state(state, mismatches)
            check(f"{lang}/identity {state} {','.join(mismatches)}")
        if index == len(LANGS) - 1:
            window.reset()
            languages.switch(lang)  # the reset went back to the default language
            window.scan(SCENARIOS["valid, registered here"].payload)
            qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
            window.verdict.continue_button.click()
            qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
            window.departments.buttons[codes[0]].click()
            qtbot.waitUntil(lambda: window.model.issued is not None and window.model.issued.repeat)
            check(f"{lang}/ticket again")
        window.reset()
    assert not problems, "\n".join(problems)



@pytest.mark.parametrize("look", LOOKS, ids=_look_id)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_desk_screens_fit(qtbot: QtBot, services: Services, store: Store, languages: LanguageManager,
                          appearance: Appearance, size: tuple[int, int], look: tuple[int, bool]) -> None:
    desk_look = appearance
    desk_look.touch = False
    desk_look.set_font_scale(look[0])
    desk_look.set_high_contrast(look[1])
    model = DeskModel(services, lambda: languages.current or languages.default)
    window = DeskWindow(model, languages)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    model.load()
    qtbot.waitUntil(lambda: window.patient.dept_list.count() > 0)
    requested = QSize(*size)
    problems: list[str] = []

    # At 100 % text on 1280x720 the action stays in view without scrolling, in every language and with
    # the longest patient panel: Register whole, the highlighted department whole.
    action_in_view = look == (100, False) and size == (1280, 720)

    def check(where: str) -> None:
        qtbot.wait(20)
        problems.extend(f"{where}: {p}" for p in geometry_problems(window, requested, window))
        if action_in_view and window.patient.result is not None:
            problems.extend(f"{where}: {p}" for p in action_hidden(window))

    for lang in LANGS:
        languages.switch(lang)
        check(f"{lang}/desk")
        for label in ("valid, registered here", "expired", "valid, registered elsewhere",
                      "citizen ID, not in the cache"):
            window.scan(SCENARIOS[label].payload, "serial")
            qtbot.waitUntil(lambda: window.patient.result is not None)
            check(f"{lang}/patient {label}")
            window._clear()
    # issue 14: route, gateway data, the admitted-elsewhere warning, the identity step and the number-only
    # fields, all at once (the longest patient panel)
    services.checkin = CheckInService(store, DEMO_FACILITY, clock=lambda: NOW, online=GatewayAnswers(),
                                      profile=BASIC, identity_policy=IdentityPolicy.ALWAYS)
    window.number_only_button.setChecked(True)
    for lang in LANGS:
        languages.switch(lang)
        window.scan(SCENARIOS["valid, registered elsewhere"].payload, "serial")
        qtbot.waitUntil(lambda: window.patient.result is not None)
        window.number_only_button.setChecked(True)
        window.typed.show_number_problem()
        window.patient.show_identity_missing()
        check(f"{lang}/patient online, identity, number only")
        window._clear()
    assert not problems, "\n".join(problems)


def action_hidden(window: DeskWindow) -> list[str]:
    """What of the desk's action (department choice, Register) needs scrolling to be seen."""
    patient = window.patient
    problems = []
    if not patient.fully_visible(patient.register_button):
        problems.append("Register is not fully visible without scrolling")
    item = patient.dept_list.currentItem()
    if item is None or not patient.fully_visible(patient.dept_list):
        problems.append("the department list is not fully visible without scrolling")
    elif not patient.dept_list.viewport().rect().contains(patient.dept_list.visualItemRect(item)):
        problems.append("the highlighted department is scrolled out of its list")
    return problems
