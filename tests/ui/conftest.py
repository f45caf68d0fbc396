"""Fixtures for the UI tests: a real store with the demo data, the real printer code on python-escpos'
Dummy backend, real translators and Qt widgets (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.cards.identity import IdentityPolicy
from kiosk.checkin.service import CheckInService
from kiosk.db.demo import DEMO_FACILITY
from kiosk.db.store import Store
from kiosk.printing import PrinterSettings, TicketPrinter
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.services import Services
from kiosk.ui.workers import TaskRunner
from tests.support.demo import NOW, demo_db, store

__all__ = ["NOW", "demo_db", "store"]  # demo_db, store: fixtures

SIZES = [(1280, 720), (1920, 1080)]
LANGS = ["vi", "en", "zh", "ko", "ja"]


class RecordingSounds:
    def __init__(self) -> None:
        self.played: list[bool] = []

    def play(self, ok: bool) -> None:
        self.played.append(ok)


@pytest.fixture
def printer(tmp_path: Path) -> TicketPrinter:
    return TicketPrinter(PrinterSettings(target="dummy", facility_name="Phòng khám Mẫu"), tickets_dir=tmp_path)


@pytest.fixture
def services(qapp: QApplication, store: Store, printer: TicketPrinter) -> Iterator[Services]:
    runner = TaskRunner()
    # The identity step (on by default) has its own tests (test_identity_step.py); the flows here check in
    # without it.
    checkin = CheckInService(store, DEMO_FACILITY, clock=lambda: NOW, identity_policy=IdentityPolicy.OFF)
    svc = Services(runner=runner, checkin=checkin, printer=printer, facility_name="Phòng khám Đa khoa Mẫu",
                   feedback=RecordingSounds(), clock=lambda: NOW)
    yield svc
    runner.shutdown()


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageManager]:
    manager = LanguageManager(qapp, default="vi")
    manager.switch("vi")
    yield manager
    manager.switch("en")
    manager.deleteLater()


@pytest.fixture
def appearance(qapp: QApplication) -> Iterator[Appearance]:
    look = Appearance(qapp, touch=True)
    look.apply()
    yield look
    qapp.setStyleSheet("")
