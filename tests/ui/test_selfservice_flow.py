"""Self-service from scan to ticket, in every language and at both screen sizes, on the real store and
the real printer code (python-escpos Dummy backend); fails when any label or button text is clipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from kiosk.db.demo import demo_scenarios
from kiosk.db.store import Store
from kiosk.printing import TicketPrinter
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from tests.ui.conftest import LANGS, SIZES
from tests.ui.support import clipped_text, small_touch_targets

SCENARIOS = {s.label: s for s in demo_scenarios()}
VALID = SCENARIOS["valid, registered here"].payload
EXPIRED = SCENARIOS["expired"].payload


def make_window(qtbot: QtBot, services: Services, languages: LanguageManager, appearance: Appearance,
                size: tuple[int, int] = (1280, 720)) -> SelfServiceWindow:
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: "")
    qtbot.addWidget(window)
    window.resize(*size)
    window.requested_size = QSize(*size)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_fits(qtbot: QtBot, window: SelfServiceWindow, where: str) -> None:
    qtbot.wait(30)  # let layouts settle
    problems = clipped_text(window.current_screen_widget()) + clipped_text(window.status)
    problems += small_touch_targets(window.current_screen_widget())
    if window.size() != window.requested_size:
        problems.append(f"window grew to {window.width()}x{window.height()}: content does not fit")
    assert not problems, f"{where}: " + "; ".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_scan_to_ticket(qtbot: QtBot, services: Services, languages: LanguageManager, appearance: Appearance,
                        store: Store, printer: TicketPrinter, lang: str, size: tuple[int, int]) -> None:
    window = make_window(qtbot, services, languages, appearance, size)
    qtbot.mouseClick(window.welcome.languages.buttons[lang], Qt.MouseButton.LeftButton)
    assert languages.current == lang
    assert_fits(qtbot, window, f"welcome/{lang}")

    window.scan(VALID)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    assert window.verdict.continue_button.isVisible()
    assert window.flash.isVisible() and window.flash.colour is not None and window.flash.colour.green() > 100
    assert_fits(qtbot, window, f"verdict/{lang}")

    window.verdict.continue_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
    assert len(window.departments.buttons) == len(store.departments())
    assert_fits(qtbot, window, f"departments/{lang}")

    window.departments.buttons["K02"].click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.TICKET)
    qtbot.waitUntil(lambda: window.ticket.print_result is not None, timeout=10_000)
    assert window.ticket.print_result is not None and window.ticket.print_result.printed
    visits = store.list_visits()
    assert [v["ticket"] for v in visits] == ["K02-001"]
    assert window.ticket.number.text() == "K02-001"
    assert printer.last_dummy_job.startswith(b"\x1b@")  # ESC @, then the raster ticket
    assert_fits(qtbot, window, f"ticket/{lang}")

    window.ticket.done_button.click()
    assert window.model.screen is Screen.WELCOME
    assert languages.current == "vi"  # back to the default language for the next patient
    assert window.model.result is None and window.model.issued is None


def test_bad_card_is_explained_and_gets_no_ticket(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                  appearance: Appearance, store: Store) -> None:
    window = make_window(qtbot, services, languages, appearance)
    window.scan(EXPIRED)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    assert not window.verdict.continue_button.isVisible()
    assert window.verdict.banner.property("role") == "banner-bad"
    assert services.feedback.played == [False]  # type: ignore[union-attr]
    assert window.flash.isVisible() and window.flash.colour is not None and window.flash.colour.red() > 200
    window.verdict.proceed.emit()  # even if forced, no department choice for a bad card
    qtbot.wait(50)
    assert window.model.screen is Screen.VERDICT
    assert store.list_visits() == []


def test_not_a_card_payload(qtbot: QtBot, services: Services, languages: LanguageManager,
                            appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance)
    window.scan("https://example.com/not-a-card")
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    assert window.model.result is not None and window.model.result.error_code is not None
    assert window.verdict.explanation.text()


def test_language_switch_retranslates_every_screen(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                   appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance)
    window.scan(VALID)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    texts = {}
    for lang in LANGS:
        languages.switch(lang)
        texts[lang] = (window.welcome.title.text(), window.verdict.banner.text(), window.status.sync_label.text(),
                       window.verdict.continue_button.text())
    assert len({t for t in texts.values()}) == len(LANGS)
    assert "健康保険証" in texts["ja"][1]
    assert texts["en"][1] == "Your health-insurance card is valid"


def test_scans_ignored_away_from_the_welcome_screen(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                    appearance: Appearance) -> None:
    window = make_window(qtbot, services, languages, appearance)
    window.scan(VALID)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    first = window.model.result
    window.scan(EXPIRED)
    qtbot.wait(50)
    assert window.model.result is first


@pytest.mark.parametrize(("size", "scale"), [((1920, 1080), 200), ((1280, 720), 130)],
                         ids=["1920x1080-200pct", "1280x720-130pct"])
@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_every_screen_fits_at_large_text(qtbot: QtBot, services: Services, languages: LanguageManager,
                                         appearance: Appearance, lang: str, size: tuple[int, int],
                                         scale: int) -> None:
    appearance.set_font_scale(scale)
    window = make_window(qtbot, services, languages, appearance, size)
    languages.switch(lang)
    assert_fits(qtbot, window, f"welcome/{lang}/{scale}")
    window.scan(VALID)
    qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
    assert_fits(qtbot, window, f"verdict/{lang}/{scale}")
    window.verdict.continue_button.click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
    assert_fits(qtbot, window, f"departments/{lang}/{scale}")
    window.departments.buttons["K01"].click()
    qtbot.waitUntil(lambda: window.model.screen is Screen.TICKET)
    qtbot.waitUntil(lambda: window.ticket.print_result is not None, timeout=10_000)
    assert_fits(qtbot, window, f"ticket/{lang}/{scale}")
    window.overlay.show_countdown(20)
    problems = clipped_text(window.overlay)
    assert not problems, f"idle overlay/{lang}/{scale}: {problems}"
    window.overlay.hide()
    for screen in (Screen.PIN, Screen.ADMIN, Screen.CLEANING):
        window.model.go(screen)
        assert_fits(qtbot, window, f"{screen}/{lang}/{scale}")
