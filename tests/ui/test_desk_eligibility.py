"""The desk under the 2025 rules (issue 14): route and benefit instead of "Coverage" from the benefit digit,
what the verdict rests on (confirmed online, or the cache and its age), the gateway's kept data and the
"possibly still admitted elsewhere" warning, the "identity checked" step, and check-in by a typed number with
the name and birth date staff enter. Real store, real check-in core, real widgets (offscreen); the gateway
behind the hub is the only stand-in (an OnlineChecker answering like the hub's look-up)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.cards import BhytCard, CccdCard
from kiosk.cards.eligibility import Decision, Verdict
from kiosk.cards.identity import IdentityPolicy
from kiosk.cards.route import FacilityLevel, FacilityProfile, FormerTier
from kiosk.checkin.circumstances import Circumstance
from kiosk.checkin.service import CheckInService
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from kiosk.gateway.protocol import CardDetails, CheckRecord
from kiosk.sync.lookup import OnlineResult, ProvisionalReason
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.services import Services
from tests.ui.conftest import NOW
from tests.ui.support import clipped_text, press_key, type_text

SCENARIOS = {s.label: s for s in demo_scenarios()}
ELSEWHERE = SCENARIOS["valid, registered elsewhere"].payload
HERE = SCENARIOS["valid, registered here"].payload
#: A basic-level facility scoring under 50 points: self-referred patients are covered at their level (1.12).
BASIC = FacilityProfile(code=DEMO_FACILITY, level=FacilityLevel.BASIC, basic_score=40)


class GatewayAnswers:
    """The hub's look-up as the kiosk sees it (kiosk.sync.lookup.HubLookupClient.confirm_online): confirmed,
    with the gateway's kept data and a look-up history; or offline."""

    def __init__(self, *, offline: bool = False) -> None:
        self.offline = offline
        self.asked: list[BhytCard | CccdCard] = []

    def confirm_online(self, card: BhytCard | CccdCard, decision: Decision, *, timeout_s: float = 2.5,
                       visit_date: dt.date | None = None) -> OnlineResult:
        self.asked.append(card)
        if self.offline:
            return OnlineResult(False, decision.verdict, decision, reason=ProvisionalReason.OFFLINE)
        details = CardDetails(area="K2", five_years_on=dt.date(2021, 1, 1), office="BHXH quận Ba Đình",
                              old_card=None, new_card=None,
                              checks=(CheckRecord("79024_kcb", NOW.replace(tzinfo=None) - dt.timedelta(hours=3),
                                                  "Thẻ hợp lệ", "000"),),
                              last_discharge=dt.datetime(2025, 1, 5, 10, 0))
        return OnlineResult(True, Verdict.VALID, decision, code="000", details=details,
                            card_number=getattr(card, "card_number", None) or "DN4010100000001")


@pytest.fixture
def desk(qtbot: QtBot, services: Services, store: Store, languages: LanguageManager) -> DeskWindow:
    model = DeskModel(services, lambda: languages.current or languages.default)
    window = DeskWindow(model, languages)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    model.load()
    qtbot.waitUntil(lambda: window.patient.dept_list.count() > 0)
    return window


def use(services: Services, store: Store, **options: object) -> CheckInService:
    service = CheckInService(store, DEMO_FACILITY, clock=lambda: NOW, **options)  # type: ignore[arg-type]
    services.checkin = service
    return service


def field(window: DeskWindow, key: str) -> str:
    return window.patient.fields[key][1].text()


def shown(window: DeskWindow, key: str) -> bool:
    return window.patient.fields[key][1].isVisibleTo(window)


def test_route_and_benefit_replace_the_coverage_of_the_benefit_digit(qtbot: QtBot, desk: DeskWindow,
                                                                     services: Services, store: Store,
                                                                     languages: LanguageManager) -> None:
    use(services, store, profile=BASIC, identity_policy=IdentityPolicy.OFF)
    languages.switch("en")
    desk.scan(ELSEWHERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    route = desk.patient.result.route  # type: ignore[union-attr]
    assert route is not None and str(route.route) == "self_referred" and route.object_code == "1.12"
    assert field(desk, "route") == "Self-referred · code 1.12"
    assert field(desk, "benefit") == f"{route.benefit.percent}% of covered costs"
    assert "Coverage" not in desk.patient.reason.text()
    # no hub: the verdict rests on the local card list, with its age (the demo import at NOW - its sync)
    assert field(desk, "source").startswith("Local card list (") and "not confirmed online" in field(desk, "source")
    assert not any(shown(desk, key) for key in desk.patient.GATEWAY_ROWS)
    assert not desk.patient.warning.isVisibleTo(desk)
    languages.switch("vi")  # every new row retranslates live
    assert field(desk, "route").startswith("Tự đến khám") and desk.patient.fields["route"][0].text() == "Tuyến"


def test_without_a_facility_profile_the_benefit_says_the_route_is_not_decided(
        qtbot: QtBot, desk: DeskWindow, languages: LanguageManager) -> None:
    languages.switch("en")
    desk.scan(HERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert desk.patient.result is not None and desk.patient.result.route is None
    assert field(desk, "route") == "—" and "route not decided" in field(desk, "benefit")


def test_confirmed_online_shows_gateway_data_and_the_admitted_elsewhere_warning(
        qtbot: QtBot, desk: DeskWindow, services: Services, store: Store, languages: LanguageManager) -> None:
    gateway = GatewayAnswers()
    use(services, store, profile=BASIC, online=gateway, identity_policy=IdentityPolicy.OFF)
    languages.switch("en")
    desk.scan(HERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert gateway.asked, "a cached card is confirmed online too"
    assert field(desk, "source") == "Confirmed online (gateway code 000)."
    assert field(desk, "gateway") == "area K2 · 5 years continuous from 2021-01-01 · issued by BHXH quận Ba Đình"
    assert all(shown(desk, key) for key in desk.patient.GATEWAY_ROWS)
    warning = desk.patient.warning.text()
    assert desk.patient.warning.isVisibleTo(desk) and "79024" in warning and "admitted elsewhere" in warning
    qtbot.wait(30)  # the scroll page fits on the next turn of the event loop
    assert not clipped_text(desk)
    desk.patient.dept_list.setFocus()
    press_key(desk.patient.dept_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.model.last_visit is not None)
    visit = desk.model.last_visit
    assert visit is not None and visit.confirmed_online and visit.route == "registered_here"
    assert visit.office == "BHXH quận Ba Đình" and visit.admitted_elsewhere and "79024" in visit.admitted_elsewhere
    # the next patient: nothing of this one stays on screen
    assert not desk.patient.warning.isVisibleTo(desk) and not shown(desk, "gateway")


def test_offline_hub_keeps_the_cached_verdict_and_says_why(qtbot: QtBot, desk: DeskWindow, services: Services,
                                                           store: Store, languages: LanguageManager) -> None:
    use(services, store, profile=BASIC, online=GatewayAnswers(offline=True), identity_policy=IdentityPolicy.OFF)
    languages.switch("en")
    desk.scan(HERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    source = field(desk, "source")
    assert source.startswith("Local card list (") and "not confirmed online" in source
    assert "unreachable" in source


def test_identity_checked_step_before_registering(qtbot: QtBot, desk: DeskWindow, services: Services,
                                                  store: Store, languages: LanguageManager) -> None:
    use(services, store, identity_policy=IdentityPolicy.ALWAYS)
    languages.switch("en")
    desk.scan(HERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    box = desk.patient.identity_box
    assert box.isVisibleTo(desk) and not box.isChecked()
    # Enter on the department list (the keyboard path) does not register yet: the step is asked for
    press_key(desk.patient.dept_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.patient.identity_missing)
    assert box.hasFocus() and desk.patient.identity_note.property("role") == "warn"
    assert desk.model.last_visit is None
    press_key(box, Qt.Key.Key_Space)  # keyboard: the box has the focus
    assert box.isChecked() and desk.model.identity_checked
    desk.patient.register_button.click()
    qtbot.waitUntil(lambda: desk.model.last_visit is not None)
    assert desk.model.last_visit is not None and desk.model.last_visit.identity_checked is True
    # a CCCD is itself the identity document: no step
    desk.scan(SCENARIOS["citizen ID, valid"].payload, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert not box.isVisibleTo(desk) and not desk.model.identity_required


def test_identity_step_is_not_asked_at_the_desk_by_default(qtbot: QtBot, desk: DeskWindow, services: Services,
                                                           store: Store) -> None:
    use(services, store)  # [eligibility] identity_check = "self_service"
    desk.scan(HERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert not desk.patient.identity_box.isVisibleTo(desk)
    desk.patient.register_button.click()
    qtbot.waitUntil(lambda: desk.model.last_visit is not None)
    assert desk.model.last_visit is not None and desk.model.last_visit.identity_checked is None


def test_number_only_with_name_and_birth_date_is_looked_up_online(qtbot: QtBot, desk: DeskWindow,
                                                                  services: Services, store: Store,
                                                                  languages: LanguageManager) -> None:
    """A child under 6 with only the 12-digit personal ID used as the insurance number (not in the cache)."""
    gateway = GatewayAnswers()
    use(services, store, online=gateway, identity_policy=IdentityPolicy.ALWAYS)
    languages.switch("en")
    press_key(desk, Qt.Key.Key_F3)
    assert desk.typed.isVisibleTo(desk) and desk.number_only_button.isChecked()
    type_text(desk.entry, "079222000123")
    # Enter without the details: the name is asked for, nothing is looked up
    press_key(desk.entry, Qt.Key.Key_Return)
    assert desk.typed.problem.isVisibleTo(desk) and desk.typed.name.hasFocus() and not gateway.asked
    type_text(desk.typed.name, "Trần Bảo Ngọc")
    type_text(desk.typed.birth, "31/13/2022")  # no such month: asked again
    press_key(desk.typed.birth, Qt.Key.Key_Return)
    assert desk.typed.problem.isVisibleTo(desk) and "date of birth" in desk.typed.problem.text()
    desk.typed.birth.clear()
    type_text(desk.typed.birth, "09/04/2022")
    desk.typed.insurance.setChecked(True)
    press_key(desk.typed.birth, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    result = desk.patient.result
    assert result is not None and result.manual and isinstance(result.card, BhytCard)
    assert result.card.card_number == "079222000123" and result.card.name == "Trần Bảo Ngọc"
    assert gateway.asked and gateway.asked[-1].birth_date is not None and gateway.asked[-1].birth_date.year == 2022
    assert not desk.typed.isVisibleTo(desk) and not desk.entry.text()  # ready for the next patient
    assert not desk.model.identity_required  # a child under 6: no identity step
    desk.patient.register_button.click()
    qtbot.waitUntil(lambda: desk.model.last_visit is not None)
    visit = desk.model.last_visit
    assert visit is not None and visit.card_kind == "manual" and visit.name == "Trần Bảo Ngọc"


def test_number_only_needs_the_number_in_the_entry_line(qtbot: QtBot, desk: DeskWindow,
                                                        languages: LanguageManager) -> None:
    languages.switch("en")
    desk.number_only_button.click()
    type_text(desk.typed.name, "Trần Bảo Ngọc")
    type_text(desk.typed.birth, "2022")
    desk.typed.look_up_button.click()
    assert "entry line" in desk.typed.problem.text() and desk.entry.hasFocus()
    assert desk.patient.result is None


def test_cccd_without_a_known_card_is_flagged_for_staff(qtbot: QtBot, desk: DeskWindow, services: Services,
                                                       store: Store, languages: LanguageManager) -> None:
    use(services, store, online=GatewayAnswers(offline=True), identity_policy=IdentityPolicy.OFF)
    languages.switch("en")
    desk.scan(SCENARIOS["citizen ID, not in the cache"].payload, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert desk.patient.warning.isVisibleTo(desk) and "No health-insurance card number" in desk.patient.warning.text()
    box = desk.patient.self_pay_box
    assert box.isVisibleTo(desk) and not box.isChecked()
    box.setFocus()
    press_key(box, Qt.Key.Key_Space)
    desk.patient.register_button.click()  # the verdict is not valid (unknown): staff confirm
    qtbot.waitUntil(lambda: desk.model.confirmation is not None)
    desk.patient.confirm_button.click()
    qtbot.waitUntil(lambda: desk.model.last_visit is not None)
    assert desk.model.last_visit is not None and desk.model.last_visit.self_pay is True
    desk._clear()
    desk.scan(SCENARIOS["citizen ID, valid"].payload, "serial")  # the cache knows this person's card
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert not desk.patient.warning.isVisibleTo(desk) and not desk.patient.self_pay_box.isVisibleTo(desk)


@pytest.mark.parametrize(("minutes", "text"), [(0, "synced just now"), (5, "synced 5 min ago"),
                                               (180, "synced 3 h ago"), (3 * 24 * 60, "synced 3 days ago")])
def test_cache_age_in_words(languages: LanguageManager, minutes: int, text: str) -> None:
    from kiosk.ui.desk.eligibility_text import age_text

    languages.switch("en")
    assert age_text(dt.timedelta(minutes=minutes)) == text


def test_verdict_from_the_card_alone_says_so(qtbot: QtBot, desk: DeskWindow, services: Services, store: Store,
                                            languages: LanguageManager) -> None:
    use(services, store, online=GatewayAnswers(offline=True), identity_policy=IdentityPolicy.OFF)
    languages.switch("en")
    desk.scan(SCENARIOS["unknown card (not in the cache)"].payload, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    source = field(desk, "source")
    assert source.startswith("Only the card's own dates") and "unreachable" in source


def test_no_percentage_where_reception_decides(qtbot: QtBot, desk: DeskWindow, services: Services, store: Store,
                                              languages: LanguageManager) -> None:
    # the facility's level is not set: a card registered elsewhere is outside route (reception decides)
    use(services, store, profile=FacilityProfile(code=DEMO_FACILITY), identity_policy=IdentityPolicy.OFF)
    languages.switch("en")
    desk.scan(ELSEWHERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert field(desk, "route") == "Outside route: reception decides · code chosen by reception"
    assert field(desk, "benefit") == "Decided by reception"
    desk._clear()
    desk.scan(SCENARIOS["citizen ID, not in the cache"].payload, "serial")  # no registered facility known yet
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert field(desk, "benefit") == "Not known yet: the registered facility is not known"


#: A specialised facility that was a central hospital: a self-referred outpatient needs a referral paper (3.1).
CENTRAL = FacilityProfile(code=DEMO_FACILITY, level=FacilityLevel.SPECIALISED, former_tier=FormerTier.CENTRAL)


def test_circumstance_decides_the_route_again_and_the_visit_records_it(qtbot: QtBot, desk: DeskWindow,
                                                                       services: Services, store: Store,
                                                                       languages: LanguageManager) -> None:
    use(services, store, profile=CENTRAL, identity_policy=IdentityPolicy.ALWAYS)
    languages.switch("en")
    desk.scan(ELSEWHERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    route = desk.patient.result.route  # type: ignore[union-attr]
    assert route is not None and str(route.route) == "referral_needed" and route.benefit.percent == 0
    assert field(desk, "route").startswith("Referral paper needed")
    desk.patient.identity_box.setChecked(True)
    # keyboard: Alt+R reaches the circumstance box, arrow keys choose
    QTest.keyClick(desk, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert desk.patient.circumstance_box.hasFocus()
    assert desk.patient.circumstance_box.currentText() == "Came on their own"
    QTest.keyClick(desk.patient.circumstance_box, Qt.Key.Key_Down)
    QTest.keyClick(desk.patient.circumstance_box, Qt.Key.Key_Down)
    assert desk.model.circumstance is Circumstance.REFERRAL
    route = desk.patient.result.route  # type: ignore[union-attr]
    assert route is not None and str(route.route) == "referral" and route.object_code == "1.3"
    assert route.benefit.percent == route.benefit.level_percent and route.benefit.percent
    assert field(desk, "route") == "With a referral paper · code 1.3"
    assert field(desk, "benefit") == f"{route.benefit.percent}% of covered costs"
    assert desk.patient.identity_box.isChecked() and desk.model.identity_checked  # the boxes stay ticked
    languages.switch("vi")  # live retranslation of the box
    assert desk.patient.circumstance_box.currentText() == "Có giấy chuyển cơ sở KCB"
    desk.patient.register_button.click()
    qtbot.waitUntil(lambda: desk.model.last_visit is not None)
    visit = desk.model.last_visit
    assert visit is not None and visit.route == "referral" and visit.benefit_percent == route.benefit.percent
    # the next patient starts self-presented
    desk.scan(HERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert desk.patient.circumstance_box.currentIndex() == 0 and desk.model.circumstance is Circumstance.NONE
    desk.model.set_circumstance(Circumstance.EMERGENCY)  # registered here comes first in the table
    assert str(desk.patient.result.route.route) == "registered_here"  # type: ignore[union-attr]


def test_circumstance_without_a_facility_profile_changes_nothing(qtbot: QtBot, desk: DeskWindow,
                                                                 services: Services, store: Store) -> None:
    use(services, store, identity_policy=IdentityPolicy.OFF)
    desk.scan(ELSEWHERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    assert not desk.patient.circumstance_box.isEnabled()
    before = desk.patient.result
    desk.model.set_circumstance(Circumstance.EMERGENCY)
    assert desk.patient.result == before and before is not None and before.route is None


def test_visit_list_marks_identity_checked_and_self_pay(qtbot: QtBot, desk: DeskWindow, services: Services,
                                                        store: Store, languages: LanguageManager) -> None:
    use(services, store, identity_policy=IdentityPolicy.ALWAYS)
    languages.switch("en")
    desk.scan(HERE, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    desk.patient.identity_box.setChecked(True)
    desk.patient.register_button.click()
    qtbot.waitUntil(lambda: desk.visits.table.rowCount() == 1)
    use(services, store, online=GatewayAnswers(offline=True), identity_policy=IdentityPolicy.OFF)
    desk.scan(SCENARIOS["citizen ID, not in the cache"].payload, "serial")
    qtbot.waitUntil(lambda: desk.patient.result is not None)
    desk.patient.self_pay_box.setChecked(True)
    desk.patient.register_button.click()
    qtbot.waitUntil(lambda: desk.model.confirmation is not None)
    desk.patient.confirm_button.click()
    qtbot.waitUntil(lambda: desk.visits.table.rowCount() == 2)
    table = desk.visits.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "Marks" in headers
    column = headers.index("Marks")
    marks = {desk.visits.visits[row].ticket: table.item(row, column).text() for row in range(2)}
    assert sorted(marks.values()) == ["ID ✓", "self-pay"]
    languages.switch("vi")
    assert sorted(table.item(row, column).text() for row in range(2)) == ["Giấy tờ ✓", "tự chi trả"]
    assert table.horizontalHeaderItem(column).text() == "Ghi chú"
