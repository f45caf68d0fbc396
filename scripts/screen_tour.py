"""Screenshots of every screen and state of both modes, per language and text size, for a person to look at.

    .venv/bin/python scripts/screen_tour.py OUT_DIR [--langs vi zh] [--scales 100 200] [--size 1280x720]

Runs offscreen (no display needed) on a fresh copy of the demo data with the clock at the demo day, the
real printer code on python-escpos' Dummy backend, and the priority queue, "people ahead of you" and a
route profile that sends cards registered elsewhere to the desk turned on (the longest screens). Writes
OUT_DIR/<scale>/<lang>/<mode>-NN-<state>.png and prints one line per file. ``kiosk run --screenshot`` shows
only the autopilot's walk through the main flow; this walks every state the geometry test checks.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.cards.identity import IdentityPolicy
from kiosk.cards.route import FacilityLevel, FacilityProfile, FormerTier
from kiosk.checkin.result import SYSTEM_ERROR, CheckResult, Source
from kiosk.checkin.service import CheckInService
from kiosk.config import QueueConfig
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios
from kiosk.faults import Fault, FaultKind
from kiosk.printing import PrinterSettings, TicketPrinter
from kiosk.ui.appearance import Appearance
from kiosk.ui.desk.model import DeskModel
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen, SelfServiceModel
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.services import Services
from kiosk.ui.widgets import ScrollPage
from kiosk.ui.workers import TaskRunner
from tests.support.demo import NOW, build_demo_database, demo_store_copy

SCENARIOS = {s.label: s.payload for s in demo_scenarios()}


def settle(until: Callable[[], bool] = lambda: True, timeout_s: float = 15.0) -> None:
    """Run the event loop until ``until()`` holds (and a little more, for layouts); error on timeout."""
    end = time.monotonic() + timeout_s
    while not until():
        QApplication.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the screen did not arrive")
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.02)


def self_service_tour(window: SelfServiceWindow, languages: LanguageManager, lang: str,
                      shoot: Callable[[str], None]) -> None:
    model = window.model

    def again() -> None:
        window.reset()
        languages.switch(lang)
        settle()

    def verdict(label: str) -> None:
        again()
        window.scan(SCENARIOS[label])
        settle(lambda: model.screen is Screen.VERDICT)
        shoot(f"verdict-{label}")

    again()
    shoot("welcome")
    for label in ("valid, registered here", "valid, registered elsewhere", "unknown card (not in the cache)",
                  "expired", "replaced, old card scanned", "name does not match", "citizen ID, not in the cache"):
        verdict(label)
    again()
    window.scan("this is not a card", "camera")
    settle(lambda: model.screen is Screen.VERDICT)
    shoot("verdict-not-a-card")
    again()
    model.go(Screen.KEYPAD)
    model._checked(CheckResult(Source.CAMERA, error_code=SYSTEM_ERROR, error_detail="disk full",
                               fault=Fault(FaultKind.ENVIRONMENT, "disk_full", "The disk is full", "disk full")))
    settle(lambda: model.screen is Screen.VERDICT)
    shoot("verdict-system-error")
    window.verdict.reception_button.click()
    settle(lambda: model.screen is Screen.RECEPTION and window.reception.print_result is not None)
    shoot("reception_ticket")
    verdict("expired")
    window.verdict.priority_button.click()
    settle(lambda: model.screen is Screen.RECEPTION and window.reception.print_result is not None)
    shoot("reception_ticket-priority")
    again()
    model.go(Screen.KEYPAD)
    settle()
    window.keypad.field.setText("AB123")
    settle()
    shoot("keypad")
    window.keypad.field.setText("")
    window.keypad.submitted.emit("DN401010000000")  # 14 characters: not a card number
    settle(lambda: model.screen is Screen.VERDICT)
    shoot("verdict-typed-too-short")
    verdict("valid, registered here")
    window.verdict.continue_button.click()
    settle(lambda: model.screen is Screen.DEPARTMENTS)
    shoot("departments")
    code = sorted(window.departments.buttons)[0]
    window.departments.buttons[code].click()
    settle(lambda: model.screen is Screen.TICKET and window.ticket.print_result is not None)
    shoot("ticket")
    verdict("valid, registered here")
    window.verdict.continue_button.click()
    settle(lambda: model.screen is Screen.DEPARTMENTS)
    window.departments.buttons[code].click()
    settle(lambda: model.issued is not None and model.issued.repeat)
    shoot("ticket-again")
    for screen in (Screen.PIN, Screen.ADMIN, Screen.CLEANING):
        again()
        model.go(screen)
        settle()
        shoot(str(screen))
    again()
    window.scan(SCENARIOS["expired"])
    settle(lambda: model.screen is Screen.VERDICT)
    window.overlay.show_countdown(20)
    settle()
    shoot("idle-warning")
    window.overlay.hide()


def desk_tour(window: DeskWindow, languages: LanguageManager, lang: str, shoot: Callable[[str], None]) -> None:
    languages.switch(lang)
    settle(lambda: window.patient.dept_list.count() > 0)
    shoot("desk")
    for label in ("valid, registered here", "expired", "valid, registered elsewhere"):
        window.scan(SCENARIOS[label], "serial")
        settle(lambda: window.patient.result is not None)
        shoot(f"patient-{label}")
        window._clear()
        settle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--langs", nargs="+", default=["vi", "zh"])
    parser.add_argument("--scales", nargs="+", type=int, default=[100, 200])
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--modes", nargs="+", default=["self", "desk"])
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    languages = LanguageManager(app, default="vi")
    work = Path(tempfile.mkdtemp(prefix="screen-tour-"))
    demo = build_demo_database(work / "demo.sqlite3")
    profile = FacilityProfile(DEMO_FACILITY, FacilityLevel.SPECIALISED, FormerTier.CENTRAL)
    identity = IdentityPolicy.OFF  # the identity step's screens are walked by the geometry test
    for scale in args.scales:
        for lang in args.langs:
            for mode in args.modes:
                folder = work / f"{scale}-{lang}-{mode}"
                folder.mkdir()
                with demo_store_copy(demo, folder) as store:
                    runner = TaskRunner()
                    printer = TicketPrinter(PrinterSettings(target="dummy", facility_name="Phòng khám Mẫu"),
                                            tickets_dir=folder)
                    services = Services(runner=runner, printer=printer, facility_name="Phòng khám Đa khoa Mẫu",
                                        checkin=CheckInService(store, DEMO_FACILITY, clock=lambda: NOW,
                                                               profile=profile, identity_policy=identity),
                                        clock=lambda: NOW, queue=QueueConfig(priority_queue=True, people_ahead=True))
                    look = Appearance(app, font_scale=scale, touch=(mode == "self"))
                    look.apply()
                    languages.switch(lang)
                    window: QWidget
                    if mode == "self":
                        model = SelfServiceModel(services, lambda: languages.current or languages.default)
                        window = SelfServiceWindow(model, languages, look, idle_s=600, warn_s=20,
                                                   pin_hash=lambda: "")
                    else:
                        desk_model = DeskModel(services, lambda: languages.current or languages.default)
                        window = DeskWindow(desk_model, languages)
                    window.resize(width, height)
                    window.show()
                    settle()
                    target = args.out / str(scale) / lang
                    target.mkdir(parents=True, exist_ok=True)
                    count = 0

                    def shoot(name: str, window: QWidget = window, target: Path = target, mode: str = mode) -> None:
                        nonlocal count
                        count += 1
                        stem = f"{mode}-{count:02d}-{name.replace(' ', '_').replace(',', '')}"
                        path = target / f"{stem}.png"
                        flash = getattr(window, "flash", None)
                        if flash is not None and "unknown" not in name:  # the scan flash fades in 1.2 s
                            flash.hide()
                        window.grab().save(str(path))
                        current = getattr(window, "stack", None)
                        page = current.currentWidget() if current is not None else None
                        if isinstance(page, ScrollPage) and page.verticalScrollBar().maximum() > 0:
                            page.page.grab().save(str(target / f"{stem}-whole.png"))  # what scrolling shows
                            sys.stdout.write(f"{target / f'{stem}-whole.png'}\n")
                        grown = "" if (window.width(), window.height()) == (width, height) else \
                            f"  WINDOW GREW TO {window.width()}x{window.height()}"
                        sys.stdout.write(f"{path}{grown}\n")

                    if isinstance(window, SelfServiceWindow):
                        self_service_tour(window, languages, lang, shoot)
                    else:
                        desk_model.load()
                        desk_tour(window, languages, lang, shoot)
                    window.close()
                    window.deleteLater()
                    # really gone before the next window: its reset timers (auto-back after a verdict or
                    # a ticket) would otherwise reset the shared language in the middle of the next tour
                    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                    settle()
                    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
