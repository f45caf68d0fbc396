"""The reception-desk view-model: check a scan or typed number, register with a department, reprint,
today's visits with search. No widgets; work runs on the TaskRunner."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.faults import describe_failure
from kiosk.ui.checkin import SYSTEM_ERROR, CheckResult, Source
from kiosk.ui.error_text import staff_text
from kiosk.ui.services import Services

if TYPE_CHECKING:
    from kiosk.db.reference import DepartmentInfo

log = logging.getLogger(__name__)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class DeskModel(QObject):
    result_changed = Signal(object)  # CheckResult | None
    departments_changed = Signal(list)
    registered = Signal(object)  # visit dict
    visits_changed = Signal(list)
    print_changed = Signal(object)  # PrintResult
    feedback = Signal(bool)
    open_visit = Signal(str)  # a scanned ticket QR (visit id)
    problem = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, services: Services, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = language
        self.result: CheckResult | None = None
        self.departments: list[DepartmentInfo] = []
        self.last_visit: dict[str, Any] | None = None
        self.query = ""
        self.busy = False

    def _run(self, task: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.services.runner.run(task, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        fault = describe_failure(error, "desk task", log)
        self._set_busy(False)
        self.problem.emit(staff_text(fault)[:300])
        self.result = CheckResult("manual", error_code=SYSTEM_ERROR, error_detail=fault.detail[:300], fault=fault)
        self.result_changed.emit(self.result)
        self.feedback.emit(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)

    @property
    def ready(self) -> bool:
        """The store is open (the window shows while it is still loading)."""
        return self.services.checkin is not None

    def load(self) -> None:
        checkin = self.services.checkin
        if checkin is None:
            return
        self._run(checkin.departments, self._departments)
        self.refresh_visits()

    def _departments(self, departments: list[DepartmentInfo]) -> None:
        self.departments = departments
        self.departments_changed.emit(departments)

    # ----- input ------------------------------------------------------------------------------------------
    def scan(self, payload: str, source: Source) -> None:
        text = payload.strip()
        if _UUID.fullmatch(text):  # the QR on a printed ticket: open that visit
            self.open_visit.emit(text.lower())
            return
        checkin = self.services.checkin
        if checkin is None:
            return
        self._set_busy(True)
        self._run(lambda: checkin.check_payload(payload, source), self._checked)

    def enter_number(self, text: str) -> None:
        checkin = self.services.checkin
        if not text.strip() or checkin is None:
            return
        self._set_busy(True)
        self._run(lambda: checkin.check_manual(text), self._checked)

    def _checked(self, result: CheckResult) -> None:
        self._set_busy(False)
        self.result = result
        self.result_changed.emit(result)
        self.feedback.emit(result.ok and result.verdict is not None and result.verdict.accepted)
        checkin = self.services.checkin
        if not self.departments and checkin is not None:
            self._run(checkin.departments, self._departments)

    def clear(self) -> None:
        self.result = None
        self.result_changed.emit(None)

    # ----- registration ---------------------------------------------------------------------------------
    def register(self, department_code: str) -> bool:
        result = self.result
        department = next((d for d in self.departments if d.code == department_code), None)
        checkin = self.services.checkin
        if result is None or not result.ok or department is None or self.busy or checkin is None:
            return False
        self._set_busy(True)
        self._run(lambda: checkin.register(result, department_code),
                  lambda visit: self._registered(visit, department))
        return True

    def _registered(self, visit: dict[str, Any], department: DepartmentInfo) -> None:
        self._set_busy(False)
        self.last_visit = visit
        self.result = None
        self.result_changed.emit(None)
        self.registered.emit(visit)
        if self.services.on_visit_recorded is not None:
            self.services.runner.run(self.services.on_visit_recorded, lane="io")
        self._print(visit, department)
        self.refresh_visits()

    def reprint(self, visit: dict[str, Any] | None = None) -> bool:
        visit = visit or self.last_visit
        if visit is None:
            return False
        department = next((d for d in self.departments if d.code == visit["department_code"]), None)
        if department is None:
            return False
        self._print(visit, department)
        return True

    def _print(self, visit: dict[str, Any], department: DepartmentInfo) -> None:
        from kiosk.printing.status import PrintResult, PrintStatus
        from kiosk.printing.ticket import Ticket

        printer = self.services.printer
        if printer is None:
            self.print_changed.emit(PrintResult(PrintStatus.OFFLINE, "no printer configured"))
            return
        lang = self.language()
        ticket = Ticket(facility_name=self.services.facility_name, department_name=department.name(lang),
                        room=department.room or "", ticket_text=visit["ticket"], issued_at=self.services.clock(),
                        visit_id=uuid.UUID(visit["id"]),
                        language=lang if lang in ("vi", "en", "zh", "ko", "ja") else "vi")  # type: ignore[arg-type]
        self.services.runner.run(lambda: printer.print_ticket(ticket), self.print_changed.emit,
                                 lambda e: self.print_changed.emit(PrintResult(PrintStatus.ERROR, str(e))), lane="io")

    # ----- visits ------------------------------------------------------------------------------------------
    def search(self, query: str) -> None:
        self.query = query
        self.refresh_visits()

    def refresh_visits(self) -> None:
        query, checkin = self.query, self.services.checkin
        if checkin is not None:
            self._run(lambda: checkin.visits_today(query), self.visits_changed.emit)

    def acknowledge(self, visit_id: str) -> None:
        """Staff have seen a re-check that changed a visit's verdict: stop flagging it."""
        checkin = self.services.checkin
        if checkin is not None:
            self._run(lambda: checkin.acknowledge_recheck(visit_id), lambda _done: self.refresh_visits())
