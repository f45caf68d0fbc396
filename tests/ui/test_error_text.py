"""Failures on screen: the patient is sent to reception, staff see the fault, a bug shows the support code of
its log line; every error summary has a translation."""

from __future__ import annotations

import ast
import logging
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.cards.identity import IdentityPolicy
from kiosk.checkin.result import SYSTEM_ERROR
from kiosk.checkin.service import CheckInService
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from kiosk.faults import SUPPORT_PREFIX
from kiosk.printing import TicketPrinter
from kiosk.ui.appearance import Appearance
from kiosk.ui.error_text import SUMMARIES
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from kiosk.ui.texts import staff_reason, verdict_explanation
from kiosk.ui.workers import TaskRunner
from tests.ui.conftest import NOW, RecordingSounds

VALID = next(s for s in demo_scenarios() if s.label == "valid, registered here").payload
KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


class BrokenStore:
    """The real store, except that looking a card up (the check's first step) hits a bug."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def find_cached(self, *args: Any, **kwargs: Any) -> Any:
        return {}["missing key"]  # a bug

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


@pytest.fixture
def quick_store(demo_db: Path, tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    """The demo store, waiting at most 0.2 s for a write lock."""
    copy = tmp_path / "kiosk.sqlite3"
    copy.write_bytes(demo_db.read_bytes())
    with Store.open(f"sqlite:///{copy}", busy_timeout_s=0.2, clock=lambda: NOW) as store:
        yield store, copy


def open_window(qtbot: QtBot, qapp: QApplication, store: Any, printer: TicketPrinter,
                languages: LanguageManager, appearance: Appearance) -> tuple[SelfServiceWindow, TaskRunner]:
    runner = TaskRunner()
    services = Services(runner=runner, checkin=CheckInService(store, DEMO_FACILITY, clock=lambda: NOW,
                                                                identity_policy=IdentityPolicy.OFF),
                        printer=printer, facility_name="Phòng khám Mẫu", feedback=RecordingSounds(), clock=lambda: NOW)
    model = SelfServiceModel(services, lambda: languages.current or languages.default)
    window = SelfServiceWindow(model, languages, appearance, idle_s=60, warn_s=20, pin_hash=lambda: "")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, runner


def test_locked_database_sends_the_patient_to_reception_and_names_the_fault_for_staff(
        qtbot: QtBot, qapp: QApplication, quick_store: tuple[Store, Path], printer: TicketPrinter,
        languages: LanguageManager, appearance: Appearance) -> None:
    store, path = quick_store
    languages.switch("en")
    window, runner = open_window(qtbot, qapp, store, printer, languages, appearance)
    try:
        window.scan(VALID)
        qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
        window.verdict.continue_button.click()
        qtbot.waitUntil(lambda: window.model.screen is Screen.DEPARTMENTS)
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            window.departments.buttons["K02"].click()
            qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT, timeout=10_000)
        finally:
            other.execute("ROLLBACK")
            other.close()
        result = window.model.result
        assert result is not None and result.error_code == SYSTEM_ERROR and result.fault is not None
        patient = window.verdict.explanation.text()
        assert patient == verdict_explanation(result) == "Please see reception. The staff will help you."
        staff = staff_reason(result)
        assert "not with the patient" in staff and "The database is locked" in staff and "locked" in result.fault.detail
        languages.switch("vi")
        assert "Cơ sở dữ liệu đang bị khóa" in staff_reason(result)  # retranslated live, not frozen at failure
    finally:
        runner.shutdown()


def test_a_bug_shows_the_support_code_of_its_log_line(
        qtbot: QtBot, qapp: QApplication, store: Store, printer: TicketPrinter, languages: LanguageManager,
        appearance: Appearance, caplog: pytest.LogCaptureFixture) -> None:
    languages.switch("en")
    window, runner = open_window(qtbot, qapp, BrokenStore(store), printer, languages, appearance)
    try:
        with caplog.at_level(logging.WARNING):
            window.scan(VALID)
            qtbot.waitUntil(lambda: window.model.screen is Screen.VERDICT)
        shown = re.search(rf"Support code: ({re.escape(SUPPORT_PREFIX)}[0-9A-F]{{6}})",
                          window.verdict.explanation.text())
        assert shown is not None, window.verdict.explanation.text()
        assert window.verdict.explanation.text().startswith("Please see reception.")
        [logged] = [r for r in caplog.records if shown.group(1) in r.getMessage()]
        assert logged.levelno == logging.ERROR and logged.exc_info is not None
        assert isinstance(logged.exc_info[1], KeyError)
        result = window.model.result
        assert result is not None and shown.group(1) in staff_reason(result)
        assert "missing key" not in window.verdict.explanation.text()  # the patient never sees the bug
    finally:
        runner.shutdown()


def error_summaries() -> set[str]:
    """Every ``summary = "..."`` given in a class body anywhere in the kiosk package."""
    found = set()
    for path in KIOSK.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (isinstance(item, ast.Assign) and any(getattr(t, "id", "") == "summary" for t in item.targets)
                            and isinstance(item.value, ast.Constant) and isinstance(item.value.value, str)):
                        found.add(item.value.value)
    return found


def test_every_error_summary_is_translated() -> None:
    summaries = error_summaries()
    assert len(summaries) > 20
    assert summaries <= SUMMARIES, sorted(summaries - SUMMARIES)
