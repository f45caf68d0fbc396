"""The self-service view-model: which screen, the current patient's data, and the work behind it.

No widgets here. Work (check, register, print) runs on the TaskRunner; results arrive on the UI
thread and change the state, which the window shows. :meth:`reset` wipes everything about the patient.
"""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.faults import describe_failure
from kiosk.ui.checkin import SYSTEM_ERROR, CheckResult, Source
from kiosk.ui.services import Services

if TYPE_CHECKING:
    from kiosk.db.reference import DepartmentInfo
    from kiosk.printing.status import PrintResult
    from kiosk.printing.ticket import Ticket

log = logging.getLogger(__name__)


class Screen(enum.StrEnum):
    WELCOME = "welcome"
    VERDICT = "verdict"
    DEPARTMENTS = "departments"
    TICKET = "ticket"
    PIN = "admin_pin"
    ADMIN = "admin"
    CLEANING = "cleaning"


@dataclass(frozen=True)
class IssuedTicket:
    visit: dict[str, Any]
    department: DepartmentInfo
    ticket: Ticket


class SelfServiceModel(QObject):
    screen_changed = Signal(str)
    result_changed = Signal(object)  # CheckResult | None
    departments_changed = Signal(list)  # list[DepartmentInfo]
    ticket_changed = Signal(object)  # IssuedTicket | None
    print_changed = Signal(object)  # PrintResult | None
    printer_state = Signal(object)  # PrintStatus
    feedback = Signal(bool)
    busy_changed = Signal(bool)

    def __init__(self, services: Services, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = language
        self.screen = Screen.WELCOME
        self.result: CheckResult | None = None
        self.departments: list[DepartmentInfo] = []
        self.issued: IssuedTicket | None = None
        self.print_result: PrintResult | None = None
        self.busy = False
        self._generation = 0  # results of a previous patient are dropped after a reset

    # ----- navigation -------------------------------------------------------------------------------
    def go(self, screen: Screen) -> None:
        if screen != self.screen:
            self.screen = screen
            self.screen_changed.emit(str(screen))

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)

    @property
    def has_patient_data(self) -> bool:
        return self.result is not None or self.issued is not None

    # ----- scan → verdict ------------------------------------------------------------------------------
    def scan(self, payload: str, source: Source = "camera") -> bool:
        """A payload from the camera or a scanner; taken only on the welcome screen. True if taken."""
        checkin = self.services.checkin
        if self.screen is not Screen.WELCOME or self.busy or checkin is None:
            return False
        self._set_busy(True)
        generation = self._generation
        self.services.runner.run(lambda: checkin.check_payload(payload, source),
                                 lambda r: self._checked(generation, r),
                                 lambda e: self._checked(generation, _system_error(source, e)))
        return True

    def _checked(self, generation: int, result: CheckResult) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.result = result
        self.result_changed.emit(result)
        self.feedback.emit(result.self_service_allowed)
        self.go(Screen.VERDICT)

    def proceed(self) -> None:
        """From a good verdict to the department choice."""
        checkin = self.services.checkin
        if self.result is None or not self.result.self_service_allowed or checkin is None:
            return
        generation = self._generation
        self._set_busy(True)
        self.services.runner.run(checkin.departments, lambda d: self._departments(generation, d),
                                 lambda e: self._checked(generation, _system_error("camera", e)))

    def _departments(self, generation: int, departments: list[DepartmentInfo]) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.departments = departments
        self.departments_changed.emit(departments)
        self.go(Screen.DEPARTMENTS)

    # ----- department → ticket -----------------------------------------------------------------------
    def choose(self, code: str) -> None:
        result = self.result
        department = next((d for d in self.departments if d.code == code), None)
        checkin = self.services.checkin
        if result is None or department is None or self.busy or checkin is None:
            return
        generation = self._generation
        self._set_busy(True)
        self.services.runner.run(lambda: checkin.register(result, code),
                                 lambda visit: self._registered(generation, department, visit),
                                 lambda e: self._checked(generation, _system_error(result.source, e)))

    def _registered(self, generation: int, department: DepartmentInfo, visit: dict[str, Any]) -> None:
        if self.services.on_visit_recorded is not None:
            self.services.runner.run(self.services.on_visit_recorded, lane="io")
        if generation != self._generation:
            return  # recorded; the patient walked away (reset) before the ticket came back
        self._set_busy(False)
        from kiosk.printing.ticket import Ticket

        lang = self.language()
        ticket = Ticket(facility_name=self.services.facility_name, department_name=department.name(lang),
                        room=department.room or "", ticket_text=visit["ticket"],
                        issued_at=self.services.clock(), visit_id=uuid.UUID(visit["id"]),
                        language=lang if lang in ("vi", "en", "zh", "ko", "ja") else "vi")  # type: ignore[arg-type]
        self.issued = IssuedTicket(visit, department, ticket)
        self.print_result = None
        self.ticket_changed.emit(self.issued)
        self.print_changed.emit(None)
        self.go(Screen.TICKET)
        self.print_ticket(ticket, generation)

    def print_ticket(self, ticket: Ticket, generation: int | None = None) -> None:
        from kiosk.printing.status import PrintResult, PrintStatus

        printer = self.services.printer
        gen = self._generation if generation is None else generation
        if printer is None:
            self._printed(gen, PrintResult(PrintStatus.OFFLINE, "no printer configured"))
            return
        self.services.runner.run(lambda: printer.print_ticket(ticket), lambda r: self._printed(gen, r),
                                 lambda e: self._printed(gen, PrintResult(PrintStatus.ERROR, str(e))), lane="io")

    def _printed(self, generation: int, result: PrintResult) -> None:
        self.printer_state.emit(result.status)
        if generation != self._generation:
            return
        self.print_result = result
        self.print_changed.emit(result)

    # ----- reset -------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget the patient: data off the screen and out of memory, back to the welcome screen."""
        self._generation += 1
        self._set_busy(False)
        self.result = None
        self.issued = None
        self.print_result = None
        self.departments = []
        self.result_changed.emit(None)
        self.ticket_changed.emit(None)
        self.departments_changed.emit([])
        self.print_changed.emit(None)
        self.go(Screen.WELCOME)


def _system_error(source: Source, error: BaseException) -> CheckResult:
    fault = describe_failure(error, "check-in", log)
    return CheckResult(source, error_code=SYSTEM_ERROR, error_detail=fault.detail[:300], fault=fault)
