"""Reception desk, keyboard first: scan or type → patient panel → Enter registers → printed, listed,
searchable, reprintable; a ticket's QR opens its visit. Every language, both screen sizes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from kiosk.db.demo import demo_scenarios
from kiosk.db.store import Store
from kiosk.printing import TicketPrinter
from kiosk.ui.appearance import Appearance
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.services import Services
from tests.ui.conftest import LANGS, SIZES
from tests.ui.support import clipped_text, press_key, type_text

SCENARIOS = {s.label: s for s in demo_scenarios()}


@pytest.fixture
def desk_look(qapp: object) -> Iterator[Appearance]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    look = Appearance(app, touch=False)
    look.apply()
    yield look
    app.setStyleSheet("")


def make_desk(qtbot: QtBot, services: Services, languages: LanguageManager,
              size: tuple[int, int] = (1280, 720)) -> DeskWindow:
    model = DeskModel(services, lambda: languages.current or languages.default)
    window = DeskWindow(model, languages)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    model.load()
    qtbot.waitUntil(lambda: window.patient.dept_list.count() > 0)
    return window


def assert_fits(qtbot: QtBot, window: DeskWindow, size: tuple[int, int], where: str) -> None:
    qtbot.wait(30)
    problems = clipped_text(window)
    if window.size() != QSize(*size):
        problems.append(f"window grew to {window.width()}x{window.height()}")
    assert not problems, f"{where}: " + "; ".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_type_number_and_register_with_enter(qtbot: QtBot, services: Services, languages: LanguageManager,
                                             desk_look: Appearance, store: Store, printer: TicketPrinter,
                                             lang: str, size: tuple[int, int]) -> None:
    window = make_desk(qtbot, services, languages, size)
    languages.switch(lang)
    assert window.language.currentData() == lang
    assert_fits(qtbot, window, size, f"empty/{lang}")
    window.entry.setFocus()
    type_text(window.entry, "DN4010100000001")
    press_key(window.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.patient.result is not None)
    assert window.patient.fields["name"][1].text() == "Nguyễn Văn An"
    assert window.patient.register_button.isEnabled()
    assert window.patient.dept_list.hasFocus()  # Enter now registers
    assert_fits(qtbot, window, size, f"patient/{lang}")
    press_key(window.patient.dept_list, Qt.Key.Key_Down)
    press_key(window.patient.dept_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1)
    visit = store.list_visits()[0]
    assert visit["department_code"] == "K02" and visit["card_kind"] == "manual"
    assert visit["ticket"] in window.message.text()
    qtbot.waitUntil(lambda: printer.last_dummy_job != b"")
    assert window.entry.hasFocus()  # ready for the next patient
    assert_fits(qtbot, window, size, f"registered/{lang}")


def test_scan_citizen_id_and_search(qtbot: QtBot, services: Services, languages: LanguageManager,
                                    desk_look: Appearance, store: Store) -> None:
    window = make_desk(qtbot, services, languages)
    window.scan(SCENARIOS["citizen ID, valid"].payload, "serial")
    qtbot.waitUntil(lambda: window.patient.result is not None)
    assert window.patient.result is not None and window.patient.result.card is not None
    window.patient.register_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1)  # the UI has taken the registration in
    assert len(store.list_visits()) == 1
    window.scan(SCENARIOS["valid, registered here"].payload, "camera")
    qtbot.waitUntil(lambda: window.patient.result is not None)
    window.patient.register_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 2)
    window.visits.query.setFocus()
    type_text(window.visits.query, "nguyen van an")  # without diacritics
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1, timeout=3000)
    assert window.visits.visits[0].name == "Nguyễn Văn An"


def test_bad_card_and_bad_number_are_explained(qtbot: QtBot, services: Services, languages: LanguageManager,
                                               desk_look: Appearance, store: Store) -> None:
    window = make_desk(qtbot, services, languages)
    languages.switch("en")
    window.scan(SCENARIOS["revoked"].payload, "serial")
    qtbot.waitUntil(lambda: window.patient.result is not None)
    assert window.patient.banner.text() == "This health-insurance card has been withdrawn"
    assert window.patient.banner.property("role") == "bad"
    window.entry.setText("12345")
    window.check_button.click()
    qtbot.waitUntil(lambda: window.patient.result is not None and window.patient.result.manual)
    assert not window.patient.register_button.isEnabled()
    assert "15 characters" in window.patient.reason.text()


def test_ticket_qr_opens_the_visit_and_reprint(qtbot: QtBot, services: Services, languages: LanguageManager,
                                              desk_look: Appearance, store: Store, printer: TicketPrinter) -> None:
    window = make_desk(qtbot, services, languages)
    window.scan(SCENARIOS["valid, registered here"].payload, "serial")
    qtbot.waitUntil(lambda: window.patient.result is not None)
    window.patient.register_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1 and printer.last_dummy_job != b"")
    printer.last_dummy_job = b""
    visit_id = window.visits.visits[0].id
    window.scan(visit_id.upper(), "serial")  # the QR on the printed ticket
    assert window.visits.table.currentRow() == 0
    window.patient.reprint_button.click()
    qtbot.waitUntil(lambda: printer.last_dummy_job != b"")


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_desk_fits_at_large_text(qtbot: QtBot, services: Services, languages: LanguageManager,
                                 desk_look: Appearance, lang: str) -> None:
    desk_look.set_font_scale(150)
    window = make_desk(qtbot, services, languages, (1920, 1080))
    languages.switch(lang)
    window.scan(SCENARIOS["valid, registered elsewhere"].payload, "serial")
    qtbot.waitUntil(lambda: window.patient.result is not None)
    assert_fits(qtbot, window, (1920, 1080), f"patient/{lang}/150%")


def test_second_registration_of_a_card_is_flagged(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                  desk_look: Appearance) -> None:
    window = make_desk(qtbot, services, languages)
    languages.switch("en")
    payload = SCENARIOS["valid, registered here"].payload
    window.scan(payload, "serial")
    qtbot.waitUntil(lambda: window.patient.result is not None)
    assert "Already registered" not in window.patient.reason.text()
    window.patient.register_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1)
    window.entry.setText("DN4010100000001")  # the same card, typed
    window.check_button.click()
    qtbot.waitUntil(lambda: window.patient.result is not None)
    assert "Already registered today: K01-001" in window.patient.reason.text()


def test_keyboard_shortcuts(qtbot: QtBot, services: Services, languages: LanguageManager,
                            desk_look: Appearance) -> None:
    window = make_desk(qtbot, services, languages)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.visits.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.visits.query.hasFocus()
    qtbot.keyClick(window.visits.query, Qt.Key.Key_F2)
    assert window.entry.hasFocus()
    window.entry.setText("DN4010100000001")
    qtbot.keyClick(window.entry, Qt.Key.Key_Escape)
    assert window.entry.text() == "" and window.entry.hasFocus()


def test_a_verdict_changed_by_the_hub_recheck_is_flagged(qtbot: QtBot, services: Services, store: Store,
                                                       languages: LanguageManager, desk_look: Appearance) -> None:
    window = make_desk(qtbot, services, languages)
    languages.switch("en")
    window.scan(SCENARIOS["valid, registered here"].payload, "serial")
    qtbot.waitUntil(lambda: window.patient.result is not None)
    window.patient.register_button.click()
    qtbot.waitUntil(lambda: len(window.visits.visits) == 1)
    visit_id = window.visits.visits[0].id
    store.apply_pull_page({"visit_updates": {"upserted": [{
        "visit_id": visit_id, "gateway_verdict": "expired", "gateway_code": "010", "verdict_changed": True,
        "gateway_note": "Thẻ hết giá trị sử dụng", "checked_at": "2026-11-22T10:00:00+07:00"}]}},
        cursor_name="hub", next_cursor="1")
    window.model.refresh_visits()
    qtbot.waitUntil(lambda: bool(window.visits.visits[0].recheck and window.visits.visits[0].recheck.verdict_changed))
    item = window.visits.table.item(0, 4)
    assert item is not None
    assert item.text() == "valid → expired (re-checked)"
    assert item.toolTip() == "Thẻ hết giá trị sử dụng"
    languages.switch("vi")
    assert window.visits.table.item(0, 4).text() == "hợp lệ → hết hạn (đã kiểm tra lại)"
    assert not window.visits.seen_button.isEnabled()
    window.visits.table.selectRow(0)
    assert window.visits.seen_button.isEnabled()
    window.visits.seen_button.click()
    qtbot.waitUntil(lambda: not (window.visits.visits[0].recheck and window.visits.visits[0].recheck.verdict_changed))
    assert "→" not in window.visits.table.item(0, 4).text()
    assert store.audit_entries()[0]["action"] == "acknowledge_recheck"


def test_language_menu_shows_the_language_in_force(qtbot: QtBot, services: Services,
                                                   languages: LanguageManager) -> None:
    languages.switch("ko")  # e.g. ui.language = "ko": in force before the window is built
    window = DeskWindow(DeskModel(services, lambda: languages.current or languages.default), languages)
    qtbot.addWidget(window)
    assert window.language.currentData() == "ko"
    languages.switch("ja")
    assert window.language.currentData() == "ja" and window.language.currentText() == "日本語"
    window.language.setCurrentIndex(window.language.findData("en"))
    assert languages.current == "en"
