"""The identity step (docs/eligibility.md, "Identity"; ``[eligibility] identity_check``): at the
self-service kiosk a BHYT check-in also asks for the CCCD QR of the holder (matching name and birth date) or
sends the patient to reception; on the real store, the real check-in core and real Qt widgets (offscreen)."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cards import CachedCard
from kiosk.cards.cardlist import read_card_list
from kiosk.cards.identity import IdentityMismatch, IdentityPolicy
from kiosk.cards.model import BirthDate, Gender
from kiosk.db.demo import DEMO_CARDS, cccd_payload, demo_scenarios
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.identity import IdentityState
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from tests.ui.support import clipped_text

SCENARIOS = {s.label: s for s in demo_scenarios()}
CARDS = {c.card_number: c for _, c in read_card_list(DEMO_CARDS) if isinstance(c, CachedCard)}
AN = CARDS["DN4010100000001"]  # the holder of the "valid, registered here" card


def cccd_of(card: CachedCard, **change: object) -> str:
    values = {"citizen_id": card.citizen_id or "001085000101", "name": card.name or "",
              "birth_date": card.birth_date or BirthDate(1985), "gender": card.gender or Gender.MALE, **change}
    return cccd_payload(str(values["citizen_id"]), str(values["name"]), values["birth_date"],  # type: ignore[arg-type]
                        values["gender"])  # type: ignore[arg-type]


@pytest.fixture
def window(qtbot: QtBot, services: Services, languages: LanguageManager,
           appearance: Appearance) -> SelfServiceWindow:
    assert services.checkin is not None
    services.checkin.identity_policy = IdentityPolicy.SELF_SERVICE  # the configuration's default
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    win = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: "")
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def to_identity(qtbot: QtBot, window: SelfServiceWindow, payload: str, source: str = "camera") -> None:
    window.scan(payload, source)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    window.verdict.continue_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.IDENTITY)


def test_matching_cccd_leads_to_the_departments(qtbot: QtBot, window: SelfServiceWindow) -> None:
    shown: list[str] = []
    window.screen_shown.connect(shown.append)
    to_identity(qtbot, window, SCENARIOS["valid, registered here"].payload)
    assert window.identity.camera.isVisible() and window.identity.no_document_button.isVisible()
    assert window.identity.banner.text() and not clipped_text(window.current_screen_widget())
    assert window.camera is None  # no camera in the test; scans come from the scanner path
    # the name in another Unicode form and case still matches (kiosk.cards.identity.same_person_name)
    window.scan(cccd_of(AN, name=(AN.name or "").upper()), "serial")
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
    assert shown[-2:] == ["identity", "departments"]
    assert window.model.services.feedback.played[-1] is True  # type: ignore[union-attr]
    codes = sorted(window.departments.buttons)
    window.departments.buttons[codes[0]].click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.TICKET)


def test_wrong_code_then_someone_elses_card_then_the_right_one(qtbot: QtBot, window: SelfServiceWindow) -> None:
    to_identity(qtbot, window, SCENARIOS["valid, registered here"].payload)
    # the health-insurance card of someone else (not a CCCD): asked again, nothing else changes
    window.scan(SCENARIOS["expired"].payload, "serial")
    qtbot.waitUntil(lambda: window.model.identity.state is IdentityState.NOT_A_CCCD)
    assert window.model.screen is Screen.IDENTITY and window.identity.status.property("role") == "warn"
    # another person's CCCD: name and birth date differ → reception
    window.scan(cccd_of(AN, name="Nguyễn Văn Bình", birth_date=BirthDate(1990, 1, 2)), "serial")
    qtbot.waitUntil(lambda: window.model.identity.state is IdentityState.MISMATCH)
    assert IdentityMismatch.NAME in window.model.identity.mismatches
    assert window.identity.retry_button.isVisible() and not window.identity.camera.isVisible()
    assert window.identity.banner.property("role") == "banner-bad"
    assert window.model.services.feedback.played[-1] is False  # type: ignore[union-attr]
    # a scan while the mismatch is shown is not taken: the patient must choose
    window.scan(cccd_of(AN), "serial")
    qtbot.wait(50)
    assert window.model.identity.state is IdentityState.MISMATCH
    window.identity.retry_button.click()
    assert window.model.identity.state is IdentityState.ASK
    window.model.services.intake.forget()  # the same QR again is a new presentation after "Try again"
    window.scan(cccd_of(AN), "serial")
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)


def test_birth_date_mismatch_is_named(qtbot: QtBot, window: SelfServiceWindow) -> None:
    to_identity(qtbot, window, SCENARIOS["valid, registered here"].payload)
    window.scan(cccd_of(AN, birth_date=BirthDate(1985, 3, 16)), "serial")
    qtbot.waitUntil(lambda: window.model.identity.state is IdentityState.MISMATCH)
    assert window.model.identity.mismatches == (IdentityMismatch.BIRTH_DATE,)
    assert window.identity.text.text()


def test_no_document_sends_to_reception_and_finish_resets(qtbot: QtBot, window: SelfServiceWindow,
                                                          languages: LanguageManager) -> None:
    to_identity(qtbot, window, SCENARIOS["valid, registered here"].payload)
    texts = {}
    window.identity.no_document_button.click()
    assert window.model.identity.state is IdentityState.NO_DOCUMENT
    assert window.identity.to_reception and not window.identity.no_document_button.isVisible()
    texts["vi"] = window.identity.text.text()
    languages.switch("ja")  # retranslated live
    texts["ja"] = window.identity.text.text()
    assert texts["vi"] != texts["ja"] and texts["ja"]
    window.identity.back_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.WELCOME)
    assert window.model.result is None and window.model.identity.state is IdentityState.ASK


def test_not_asked_when_off_for_a_cccd_or_a_child(qtbot: QtBot, window: SelfServiceWindow,
                                                 services: Services) -> None:
    # a CCCD check-in: the CCCD is itself the identity document
    window.scan(SCENARIOS["citizen ID, valid"].payload)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    window.verdict.continue_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
    window.reset()
    # a child under 6 on the demo day (born 2022): shows only the card
    child = CARDS["TE1010100000004"]
    from kiosk.db.demo import bhyt_payload

    window.scan(bhyt_payload(child))
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    window.verdict.continue_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
    window.reset()
    assert services.checkin is not None
    services.checkin.identity_policy = IdentityPolicy.OFF
    window.scan(SCENARIOS["valid, registered here"].payload)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    window.verdict.continue_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)


def test_a_typed_number_is_compared_with_the_cached_record(qtbot: QtBot, window: SelfServiceWindow) -> None:
    to_identity(qtbot, window, AN.card_number, "typed")  # keypad input has no name or birth date: the cache has
    assert window.model.result is not None and window.model.result.manual
    window.scan(cccd_of(dataclasses.replace(AN, citizen_id="001085000101")), "serial")
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
