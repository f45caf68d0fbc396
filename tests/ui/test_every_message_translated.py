"""Every staff- and patient-facing message, rendered in every catalogue: no English inside another language.

Messages: the verdict texts of every demo situation (with and without the facility's route), every
card-code error (the parser's and the typed number's, with the count), every fault the kiosk's errors carry
(summary and what staff can do), the online look-up's reasons, sync errors, print outcomes, queue texts, and
the visible text of every self-service screen in its states. A message in vi/zh/ko/ja fails when it holds
a run of English words (two or more in a row, one of them at least 4 letters) from the English renderings,
or is the English text itself. Names of things that stay as they are (BHYT, CCCD, VssID, QR, PIN …) and
values (card numbers, queue numbers) are not English text.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.cards.identity import IdentityPolicy
from kiosk.cards.route import FacilityLevel, FacilityProfile, FormerTier
from kiosk.checkin.result import SYSTEM_ERROR, CheckResult, Source
from kiosk.checkin.service import CheckInService
from kiosk.config import QueueConfig
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from kiosk.faults import Fault, FaultKind, classify_fault
from kiosk.printing.status import PrintStatus
from kiosk.queueing import DeskQueue
from kiosk.sync.client import HubUnreachable
from kiosk.ui.appearance import Appearance
from kiosk.ui.error_text import payload_error_text, staff_text, sync_error_text
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from kiosk.ui.texts import (
    desk_queue_name,
    hint_text,
    online_text,
    people_ahead_text,
    print_text,
    result_title,
    route_note,
    staff_print_text,
    staff_reason,
    verdict_explanation,
    verdict_short,
)
from tests.ui.conftest import NOW

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
OTHER_LANGS = ["vi", "zh", "ko", "ja"]
#: Words that are the same in every language here: names of cards, apps, codes and units.
KEPT = {"bhyt", "cccd", "vssid", "qr", "pin", "id", "ok", "escpos", "usb", "k01", "k02"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: Values inside messages: card numbers, queue numbers, support codes, masked numbers.
VALUE = re.compile(r"\b[A-Z]{2}\d[0-9A-Z]{12}\b|\b[A-Z]{1,8}-\d{3,}\b|\bK-[0-9A-F]{6}\b|•+\w{4}")


def error_codes() -> list[tuple[str, str]]:
    """(code, summary) of every error class in the kiosk package with both set in its body."""
    found = []
    for path in KIOSK.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                values = {t.id: item.value.value for item in node.body if isinstance(item, ast.Assign)
                          and isinstance(item.value, ast.Constant) for t in item.targets if isinstance(t, ast.Name)}
                if isinstance(values.get("code"), str) and isinstance(values.get("summary"), str):
                    found.append((values["code"], values["summary"]))
    return sorted(set(found))


def english_runs(text: str, english_words: set[str]) -> list[str]:
    """Runs of two or more English words in a row (one at least 4 letters) found in ``text``."""
    clean = VALUE.sub(" ", text)
    runs, run = [], []
    for token in re.split(r"(\s+)", clean):
        if token.isspace() or not token:
            continue
        words = WORD.findall(token)
        is_english = (len(words) == 1 and words[0].lower() in english_words and words[0].lower() not in KEPT
                      and re.fullmatch(r"\W*[A-Za-z][A-Za-z'’]*\W*", token) is not None)
        if is_english:
            run.append(words[0])
            continue
        if len(run) >= 2 and any(len(w) >= 4 for w in run):
            runs.append(" ".join(run))
        run = []
    if len(run) >= 2 and any(len(w) >= 4 for w in run):
        runs.append(" ".join(run))
    return runs


def results(store: Store) -> Iterator[CheckResult]:
    """A check-in result for every demo situation (plain, and at facilities whose route sends some to the
    desk), every card-code error and the kiosk's own failures."""
    plain = CheckInService(store, DEMO_FACILITY, clock=lambda: NOW, identity_policy=IdentityPolicy.OFF)
    for scenario in demo_scenarios():
        yield plain.check(scenario.payload, Source.CAMERA)
    unset = FormerTier.UNSET
    for level, tier, score in ((FacilityLevel.SPECIALISED, FormerTier.CENTRAL, -1), (FacilityLevel.BASIC, unset, 60),
                               (FacilityLevel.BASIC, unset, 30), (FacilityLevel.PRIMARY, unset, -1),
                               (FacilityLevel.UNSET, unset, -1)):
        routed = CheckInService(store, DEMO_FACILITY, clock=lambda: NOW, identity_policy=IdentityPolicy.OFF,
                                profile=FacilityProfile(DEMO_FACILITY, level, tier, score))
        for scenario in demo_scenarios():
            yield routed.check(scenario.payload, Source.CAMERA)
    for text, source in (("", Source.CAMERA), ("x" * 5000, Source.CAMERA), ("hello, no card here", Source.CAMERA),
                         ("AB123", Source.TYPED), ("123456789A", Source.TYPED), ("AB12345|x", Source.CAMERA),
                         ("DN4010100000001|4e|01/13/1980|1", Source.CAMERA), ("DN4010100000001", Source.CAMERA),
                         ("001099000999|123|Lê|3199|Nam|x|10052022", Source.CAMERA)):
        yield plain.check(text, source)
    for code, _summary in error_codes():
        yield CheckResult(Source.CAMERA, error_code=code)
    for kind in FaultKind:
        yield CheckResult(Source.CAMERA, error_code=SYSTEM_ERROR, error_detail="disk I/O error",
                          fault=Fault(kind, "io_error", "The disk reported an error", "disk I/O error at /var/x",
                                      "K-ABC123" if kind is FaultKind.BUG else None))


def messages(store: Store) -> Iterator[tuple[str, Callable[[], str]]]:
    """(what, render) for every message; render() gives it in the current language."""
    for index, result in enumerate(results(store)):
        what = f"result {index} ({result.verdict or result.error_code}, route {result.route and result.route.route})"
        yield f"{what} title", lambda r=result: result_title(r)
        yield f"{what} patient", lambda r=result: verdict_explanation(r)
        yield f"{what} staff", lambda r=result: staff_reason(r)
        yield f"{what} route", lambda r=result: route_note(r.route)
    for code in ("empty", "too_long", "not_a_card_payload", "bad_card_number", "bad_citizen_id", "bad_date",
                 "bad_gender", "missing_field"):
        yield f"payload {code}", lambda c=code: payload_error_text(c)
        yield f"payload {code} length", lambda c=code: payload_error_text(c, 5)
    for code, summary in error_codes():
        for kind in (FaultKind.ENVIRONMENT, FaultKind.REFUSED):
            fault = Fault(kind, code, summary, f"the English detail of {code}: cannot reach the hub (ConnectionError)")
            yield f"fault {code} {kind}", lambda f=fault: staff_text(f)
        yield f"sync {code}", lambda c=code: sync_error_text(c)
    hub = classify_fault(HubUnreachable("cannot reach the hub (ConnectionError)"))
    yield "hub unreachable", lambda: staff_text(hub)
    yield "sync bug", lambda: sync_error_text("bug")
    for status in [None, *PrintStatus]:
        yield f"print {status}", lambda s=status: print_text(s)
        yield f"staff print {status}", lambda s=status: staff_print_text(s)
    for count in (0, 1, 2, 12):
        yield f"ahead {count}", lambda n=count: people_ahead_text(n)
    for queue in DeskQueue:
        yield f"queue {queue}", lambda q=queue: desk_queue_name(q)
    for hint in ("move_closer", "reduce_glare", "hold_still", "increase_brightness", ""):
        yield f"hint {hint}", lambda h=hint: hint_text(h)
    for verdict in ("valid", "expired", "not_yet_valid", "revoked", "reduced", "replaced", "name_mismatch",
                    "birth_date_mismatch", "unknown"):
        yield f"short {verdict}", lambda v=verdict: verdict_short(v)


def test_online_reasons_are_translated(store: Store, languages: LanguageManager) -> None:
    """online_text of every reason (through real results would need the hub: the reasons are a closed set)."""
    from kiosk.sync.lookup import OnlineResult

    fields = OnlineResult.__dataclass_fields__
    reasons = ("offline", "timeout", "not_configured", "rate_limited", "pending", "config_error", "hub_rejected",
               "incomplete_card")
    rendered: dict[str, dict[str, str]] = {}
    for lang in ["en", *OTHER_LANGS]:
        languages.switch(lang)
        for reason in reasons:
            online = OnlineResult.__new__(OnlineResult)
            for name in fields:
                object.__setattr__(online, name, None)
            object.__setattr__(online, "confirmed", False)
            object.__setattr__(online, "reason", reason)
            result = CheckResult(Source.CAMERA, online=online)
            rendered.setdefault(reason, {})[lang] = online_text(result)
    problems = _problems(rendered)
    assert not problems, "\n".join(problems)


def _is_data(texts: dict[str, str]) -> bool:
    """A name or a facility (the same in every language, with Vietnamese letters): data, not a message."""
    return len(set(texts.values())) == 1 and not texts["en"].isascii()


def _problems(rendered: dict[str, dict[str, str]]) -> list[str]:
    rendered = {what: texts for what, texts in rendered.items() if not _is_data(texts)}
    english_words = {w.lower() for texts in rendered.values() for w in WORD.findall(VALUE.sub(" ", texts["en"]))}
    problems = []
    for what, texts in rendered.items():
        for lang in OTHER_LANGS:
            text = texts[lang]
            if not text:
                continue
            runs = english_runs(text, english_words)
            if runs or (text == texts["en"] and len(WORD.findall(VALUE.sub(" ", text))) >= 2):
                problems.append(f"{lang} {what}: English {runs or 'text'} in {text!r}")
    return problems


def test_every_message_is_translated(store: Store, languages: LanguageManager) -> None:
    found = list(messages(store))
    assert len(found) > 500
    rendered: dict[str, dict[str, str]] = {}
    for lang in ["en", *OTHER_LANGS]:
        languages.switch(lang)
        for what, render in found:
            rendered.setdefault(what, {})[lang] = render()
    # the examples are among them, in English, and are worded from their codes
    english = " ".join(texts["en"] for texts in rendered.values())
    for example in ("this one has 5", "This code is not a health-insurance (BHYT) card",
                    "The hub cannot be reached"):
        assert example in english
    assert "ConnectionError" not in english and "English detail" not in english
    problems = _problems(rendered)
    assert not problems, f"{len(problems)} messages with English text:\n" + "\n".join(problems[:60])


def screen_texts(window: QWidget) -> list[str]:
    texts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if (isinstance(widget, QLabel) and widget.text()) or (isinstance(widget, QAbstractButton) and widget.text()):
            texts.append(widget.text())
    return texts


def test_every_self_service_screen_is_translated(qtbot: QtBot, services: Services, languages: LanguageManager,
                                                 appearance: Appearance) -> None:
    """The visible text of every screen and state, in every language (the language bar names each
    language in its own script and is left out)."""
    services.queue = QueueConfig(priority_queue=True, people_ahead=True)
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: "")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    scenarios = {s.label: s.payload for s in demo_scenarios()}
    states: list[tuple[str, Callable[[], None]]] = []

    def verdict(label: str) -> Callable[[], None]:
        def show() -> None:
            window.reset()
            window.scan(scenarios[label])
            qtbot.waitUntil(lambda: model.screen is Screen.VERDICT)
        return show

    def reception() -> None:
        verdict("expired")()
        window.verdict.priority_button.click()
        qtbot.waitUntil(lambda: model.screen is Screen.RECEPTION)
        qtbot.waitUntil(lambda: window.reception.print_result is not None, timeout=10_000)

    def ticket() -> None:
        verdict("citizen ID, valid")()
        window.verdict.continue_button.click()
        qtbot.waitUntil(lambda: model.screen is Screen.DEPARTMENTS)
        sorted(window.departments.buttons.items())[len(states_done) % 3][1].click()
        qtbot.waitUntil(lambda: model.screen is Screen.TICKET)
        # a new ticket is printed; the same department again is a repeat ("you already have number …")
        qtbot.waitUntil(lambda: window.ticket.print_result is not None
                        or (model.issued is not None and model.issued.repeat), timeout=10_000)

    states_done: list[str] = []
    states += [("welcome", window.reset)]
    states += [(f"verdict {label}", verdict(label)) for label in scenarios]
    states += [("reception", reception), ("ticket", ticket)]
    states += [(str(screen), lambda s=screen: model.go(s)) for screen in
               (Screen.KEYPAD, Screen.PIN, Screen.ADMIN, Screen.CLEANING)]
    rendered: dict[str, dict[str, str]] = {}
    for lang in ["en", *OTHER_LANGS]:
        for name, show in states:
            show()
            languages.switch(lang)  # switched after the state: the screen retranslates live
            states_done.append(name)
            texts = [t for t in screen_texts(window.current_screen_widget())
                     if t not in {"Tiếng Việt", "English", "中文", "한국어", "日本語"}]
            for i, text in enumerate(texts):
                rendered.setdefault(f"{name} #{i}", {})[lang] = text
    rendered = {k: v for k, v in rendered.items() if len(v) == 5}
    assert len(rendered) > 100
    problems = _problems(rendered)
    assert not problems, f"{len(problems)} screen texts with English:\n" + "\n".join(problems[:60])


@pytest.fixture(autouse=True)
def _english_last(languages: LanguageManager) -> Iterator[None]:
    yield
    languages.switch("en")


def test_the_english_check_finds_english_inside_another_language() -> None:
    vocabulary = {"cannot", "reach", "the", "hub", "card", "number", "has", "characters", "this", "one"}
    assert english_runs("Không kết nối được: cannot reach the hub (ConnectionError)", vocabulary) == [
        "cannot reach the hub"]
    assert english_runs("卡号无效 a card number has 15 characters … this one has 5", vocabulary) == [
        "card number has", "this one has"]
    assert english_runs("Số thẻ không hợp lệ: kiểm tra từng ký tự. Mã BHYT, CCCD, QR DN4010100000001.",
                        vocabulary) == []
    assert english_runs("Số TD-001, thẻ ••••0001", vocabulary) == []


def test_counts_read_naturally_in_english(qtbot: QtBot, languages: LanguageManager) -> None:
    """One is singular in English (the other catalogues have one form for every count)."""
    from kiosk.ui.selfservice.idle_overlay import IdleOverlay

    languages.switch("en")
    assert [people_ahead_text(n) for n in (0, 1, 2)] == [
        "Nobody is ahead of you.", "1 person is ahead of you.", "2 people are ahead of you."]
    host = QWidget()
    qtbot.addWidget(host)
    overlay = IdleOverlay(host)
    overlay.show_countdown(1)
    assert overlay.message.text().endswith("in 1 second.")
    overlay.show_countdown(2)
    assert overlay.message.text().endswith("in 2 seconds.")
    assert payload_error_text("bad_card_number", 5).endswith("this one has 5.")
