"""The self-service view-model: which screen, the current patient's data, and the work behind it.

No widgets here. Work (check, register, print) runs through :class:`~kiosk.ui.operation.Operations`;
results arrive on the UI thread and change the state, which the window shows. :meth:`reset` wipes
everything about the patient (and drops results of work still running for them).

A patient who already has a number for the chosen department today is not given a second one: the
ticket screen says "you already have number X today" and offers to print it again.
"""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.checkin.desk_numbers import desk_reason, take_desk_number
from kiosk.checkin.result import SYSTEM_ERROR, CheckResult, Source
from kiosk.faults import describe_failure
from kiosk.queueing import DeskQueue
from kiosk.ui.checkin import check_in_background
from kiosk.ui.operation import Operations
from kiosk.ui.selfservice.identity import IdentityFlow, scan_needed
from kiosk.ui.services import Services
from kiosk.ui.texts import desk_queue_name, people_ahead_text

if TYPE_CHECKING:
    from kiosk.checkin.result import Registration
    from kiosk.db.records import VisitRecord
    from kiosk.db.reference import DepartmentInfo
    from kiosk.printing.status import PrintResult
    from kiosk.printing.ticket import Ticket
    from kiosk.queueing import DeskNumber

log = logging.getLogger(__name__)


class Screen(enum.StrEnum):
    WELCOME = "welcome"
    VERDICT = "verdict"
    DEPARTMENTS = "departments"
    TICKET = "ticket"
    PIN = "admin_pin"
    ADMIN = "admin"
    CLEANING = "cleaning"
    KEYPAD = "keypad"
    #: A number for the reception desk (or its priority queue), taken without a card.
    RECEPTION = "reception_ticket"
    #: The identity step: scan the CCCD too (kiosk/ui/selfservice/identity.py).
    IDENTITY = "identity"


@dataclass(frozen=True)
class IssuedTicket:
    visit: VisitRecord
    department: DepartmentInfo
    ticket: Ticket
    #: The patient already had this number today (nothing new was recorded; a reprint is offered).
    repeat: bool = False
    #: Show "people ahead of you" (``[queue] people_ahead``).
    show_ahead: bool = False


def desk_number_offered(result: CheckResult | None) -> bool:
    """"Call staff / reception ticket" is offered on every failure verdict, and where the route sends the
    patient to the desk (registered elsewhere, a referral paper needed, facility not known)."""
    if result is None:
        return False
    return not result.self_service_allowed or (result.route is not None and result.route.needs_desk)


@dataclass(frozen=True)
class IssuedDeskNumber:
    """A reception-desk number ("Call staff / reception ticket"), with the ticket that prints it."""

    number: DeskNumber
    ticket: Ticket
    #: Why it was taken (verdict, error code or "no_card"); for the trace, never shown.
    reason: str
    #: Show "people ahead of you" (``[queue] people_ahead``).
    show_ahead: bool = False


class SelfServiceModel(QObject):
    screen_changed = Signal(str)
    result_changed = Signal(object)  # CheckResult | None
    departments_changed = Signal(list)  # list[DepartmentInfo]
    ticket_changed = Signal(object)  # IssuedTicket | None
    desk_number_changed = Signal(object)  # IssuedDeskNumber | None
    print_changed = Signal(object)  # PrintResult | None
    printer_state = Signal(object)  # PrintStatus
    feedback = Signal(bool)
    busy_changed = Signal(bool)

    def __init__(self, services: Services, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = language
        self.ops = Operations(services.runner, self._failed, self)
        self.ops.busy_changed.connect(self.busy_changed)
        self.screen = Screen.WELCOME
        self.result: CheckResult | None = None
        self.departments: list[DepartmentInfo] = []
        self.issued: IssuedTicket | None = None
        self.desk_number: IssuedDeskNumber | None = None
        self.print_result: PrintResult | None = None
        self._source = Source.CAMERA
        self.identity = IdentityFlow(self.ops, self)
        self.identity.passed.connect(self._load_departments)

    @property
    def busy(self) -> bool:
        return self.ops.busy

    # ----- navigation -------------------------------------------------------------------------------
    def go(self, screen: Screen) -> None:
        if screen != self.screen:
            self.screen = screen
            self.screen_changed.emit(str(screen))

    @property
    def has_patient_data(self) -> bool:
        return self.result is not None or self.issued is not None or self.desk_number is not None

    def _failed(self, error: BaseException) -> None:
        fault = describe_failure(error, "check-in", log)
        self._checked(CheckResult(self._source, error_code=SYSTEM_ERROR, error_detail=fault.detail[:300],
                                  fault=fault))

    # ----- scan → verdict ------------------------------------------------------------------------------
    def scan(self, payload: str, source: Source | str = Source.CAMERA) -> bool:
        """A payload from the camera, a scanner or the keypad; taken only on the welcome and keypad screens (a
        check-in) and on the identity screen (the CCCD compared with the checked card). True if taken."""
        checkin = self.services.checkin
        if self.screen not in (Screen.WELCOME, Screen.KEYPAD, Screen.IDENTITY) or self.busy or checkin is None:
            return False
        text = self.services.intake.offer(payload, Source(source))
        if text is None:
            return False  # the same scan again within the duplicate window
        if self.screen is Screen.IDENTITY:
            return self.result is not None and self.identity.offer(checkin, self.result, text)
        self._source = Source(source)
        check_in_background(self.ops, checkin, text, self._source, self._checked)
        return True

    def _checked(self, result: CheckResult) -> None:
        self.result = result
        self.result_changed.emit(result)
        self.feedback.emit(result.self_service_allowed)
        self.go(Screen.VERDICT)

    def proceed(self) -> None:
        """From a good verdict to the department choice (through the identity step when it is asked for)."""
        checkin = self.services.checkin
        if self.result is None or not self.result.self_service_allowed or checkin is None:
            return
        if not self.identity.done and scan_needed(self.result, checkin):
            self.identity.start()
            self.go(Screen.IDENTITY)
            return
        self._load_departments()

    def _load_departments(self) -> None:
        checkin = self.services.checkin
        if checkin is not None:
            self.ops.run(checkin.departments, self._departments)

    def _departments(self, departments: list[DepartmentInfo]) -> None:
        self.departments = departments
        self.departments_changed.emit(departments)
        self.go(Screen.DEPARTMENTS)

    # ----- department → ticket -----------------------------------------------------------------------
    def choose(self, code: str) -> None:
        from kiosk.checkin.errors import AlreadyRegistered

        result = self.result
        department = next((d for d in self.departments if d.code == code), None)
        checkin = self.services.checkin
        if result is None or department is None or self.busy or checkin is None:
            return
        earlier = result.earlier_visit_in(code)
        if earlier is not None:
            self._already(earlier, department)
            return

        def refused(error: BaseException) -> None:
            if isinstance(error, AlreadyRegistered):
                self._already(error.visit, department)
            else:
                self._failed(error)

        self.ops.run(lambda: checkin.register(result, code), lambda r: self._registered(department, r),
                     on_error=refused, on_stale=lambda _r: self._visit_recorded())

    def _ticket(self, visit: VisitRecord, department: DepartmentInfo) -> Ticket:
        from kiosk.printing.ticket import Ticket

        lang = self.language()
        return Ticket(facility_name=self.services.facility_name, department_name=department.name(lang),
                      room=department.room or "", ticket_text=visit.ticket, issued_at=self.services.clock(),
                      visit_id=uuid.UUID(visit.id), note=self._ahead_note(visit.queue_number),
                      language=lang if lang in ("vi", "en", "zh", "ko", "ja") else "vi")  # type: ignore[arg-type]

    def _ahead_note(self, number: int) -> str:
        """ "3 people ahead of you" where the facility shows it (``[queue] people_ahead``), else ""."""
        from kiosk.queueing import people_ahead

        return people_ahead_text(people_ahead(number)) if self.services.queue.people_ahead else ""

    def _visit_recorded(self) -> None:
        """Also when the patient walked away (reset) before the ticket came back: it is recorded."""
        if self.services.on_visit_recorded is not None:
            self.services.runner.run(self.services.on_visit_recorded, lane="io")

    def _registered(self, department: DepartmentInfo, registration: Registration) -> None:
        self._visit_recorded()
        visit = registration.visit
        ticket = self._ticket(visit, department)
        self.issued = IssuedTicket(visit, department, ticket, show_ahead=self.services.queue.people_ahead)
        self.print_result = None
        self.ticket_changed.emit(self.issued)
        self.print_changed.emit(None)
        self.go(Screen.TICKET)
        self.print_ticket(ticket)

    def _already(self, visit: VisitRecord, department: DepartmentInfo) -> None:
        """The patient already has a number for this department today: show it, offer a reprint."""
        self.issued = IssuedTicket(visit, department, self._ticket(visit, department), repeat=True)
        self.print_result = None
        self.ticket_changed.emit(self.issued)
        self.print_changed.emit(None)
        self.go(Screen.TICKET)

    def reprint(self) -> None:
        """Print the shown ticket again (the "already have a number" screen)."""
        if self.issued is not None:
            self.print_ticket(self.issued.ticket)

    def print_ticket(self, ticket: Ticket) -> None:
        from kiosk.printing.status import PrintResult, PrintStatus

        printer = self.services.printer
        if printer is None:
            self._printed(PrintResult(PrintStatus.OFFLINE, "no printer configured"))
            return
        # Not part of the busy flag; a result for a patient who already left is dropped (generation),
        # but the printer's state still reaches the status bar.
        generation = self.ops.generation

        def printed(result: PrintResult) -> None:
            self.printer_state.emit(result.status)
            if generation == self.ops.generation:
                self._printed(result)

        self.services.runner.run(lambda: printer.print_ticket(ticket), printed,
                                 lambda e: printed(PrintResult(PrintStatus.ERROR, str(e))), lane="io")

    def _printed(self, result: PrintResult) -> None:
        self.print_result = result
        self.print_changed.emit(result)

    # ----- a number for the reception desk ---------------------------------------------------------------
    @property
    def priority_queue(self) -> bool:
        return self.services.queue.priority_queue

    def take_desk_number(self, queue: DeskQueue | str = DeskQueue.RECEPTION) -> None:
        """"Call staff / reception ticket": the next number of the desk's (or the priority) queue, printed.
        Offered on every failure verdict and on the keypad (no card); the reason goes to the audit log."""
        checkin = self.services.checkin
        queue = DeskQueue(queue)
        if self.busy or checkin is None or (queue is DeskQueue.PRIORITY and not self.priority_queue):
            return
        if not (self.screen is Screen.KEYPAD or (self.screen is Screen.VERDICT and desk_number_offered(self.result))):
            return
        reason = desk_reason(self.result if self.screen is Screen.VERDICT else None)
        store, config, clock = checkin.store, self.services.queue, self.services.clock
        self.ops.run(lambda: take_desk_number(store, queue, config, reason=reason, now=clock()),  # type: ignore[arg-type]
                     lambda number: self._desk_number(number, reason))

    def _desk_number(self, number: DeskNumber, reason: str) -> None:
        from kiosk.printing.ticket import Ticket

        lang = self.language()
        ticket = Ticket(facility_name=self.services.facility_name, department_name=desk_queue_name(number.queue),
                        room="", ticket_text=number.ticket, issued_at=self.services.clock(), visit_id=uuid.uuid4(),
                        note=self._ahead_note(number.number), for_visit=False,
                        language=lang if lang in ("vi", "en", "zh", "ko", "ja") else "vi")  # type: ignore[arg-type]
        self.desk_number = IssuedDeskNumber(number, ticket, reason, show_ahead=self.services.queue.people_ahead)
        self.print_result = None
        self.desk_number_changed.emit(self.desk_number)
        self.print_changed.emit(None)
        self.go(Screen.RECEPTION)
        self.print_ticket(ticket)

    # ----- reset -------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget the patient: data off the screen and out of memory, back to the welcome screen."""
        self.ops.reset()
        self.services.intake.forget()
        self.identity.reset()
        self.result = None
        self.issued = None
        self.desk_number = None
        self.print_result = None
        self.departments = []
        self.result_changed.emit(None)
        self.ticket_changed.emit(None)
        self.desk_number_changed.emit(None)
        self.departments_changed.emit([])
        self.print_changed.emit(None)
        self.go(Screen.WELCOME)
