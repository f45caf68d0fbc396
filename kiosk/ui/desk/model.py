"""The reception-desk view-model: check a scan or typed number, register with a department, reprint,
today's visits with search. No widgets; work runs through :class:`~kiosk.ui.operation.Operations`.

Registering asks for confirmation first (never a single Enter) when the card already has a visit to
that department today (a repeat) or when its verdict is not ``valid`` (expired, revoked, replaced,
unknown …): :attr:`DeskModel.confirm_needed` carries what to ask, :meth:`DeskModel.confirm` records.

With ``[eligibility] identity_check = "always"`` a BHYT check-in (not a CCCD, not a child under 6) needs the
"identity checked" step before it is registered (docs/eligibility.md, "Identity"): :attr:`identity_required`,
:meth:`set_identity_checked`; the visit records ``identity_checked``.

A number typed with the name and birth date staff entered (:meth:`enter_typed`) is looked up through the
core's ``begin_typed`` (children under 6 with only the number; docs/eligibility.md row 3).

The circumstance staff choose (emergency, referral paper, re-examination appointment:
:meth:`set_circumstance`) re-decides the shown check's route with the core's rules
(``kiosk.checkin.circumstances``); the visit records that route and its benefit.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.cards.identity import IdentityStep
from kiosk.checkin.circumstances import Circumstance, with_circumstance
from kiosk.checkin.result import SYSTEM_ERROR, CheckResult, Source
from kiosk.faults import describe_failure
from kiosk.ui.checkin import check_begun_in_background, check_in_background
from kiosk.ui.error_text import staff_text
from kiosk.ui.operation import Operations
from kiosk.ui.services import Services

if TYPE_CHECKING:
    from kiosk.checkin.result import Registration
    from kiosk.db.records import VisitRecord
    from kiosk.db.reference import DepartmentInfo
    from kiosk.ui.desk.typed_entry import TypedDetails

log = logging.getLogger(__name__)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


@dataclass(frozen=True)
class Confirmation:
    """What staff must confirm before the visit is recorded."""

    department_code: str
    #: Today's earlier visit of this card to the same department (a repeat), if any.
    repeat: VisitRecord | None
    #: The verdict is not ``valid``: the card is registered against its verdict.
    not_valid: bool


class DeskModel(QObject):
    result_changed = Signal(object)  # CheckResult | None
    departments_changed = Signal(list)
    registered = Signal(object)  # VisitRecord
    visits_changed = Signal(list)  # list[VisitRecord]
    print_changed = Signal(object)  # PrintResult
    feedback = Signal(bool)
    open_visit = Signal(str)  # a scanned ticket QR (visit id)
    problem = Signal(str)
    busy_changed = Signal(bool)
    confirm_needed = Signal(object)  # Confirmation | None
    #: Register was pressed before the "identity checked" step was done.
    identity_missing = Signal()
    #: The shown check with its route decided again for the chosen circumstance (CheckResult).
    route_changed = Signal(object)

    def __init__(self, services: Services, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = language
        self.ops = Operations(services.runner, self._failed, self)
        self.ops.busy_changed.connect(self.busy_changed)
        self.result: CheckResult | None = None
        self.departments: list[DepartmentInfo] = []
        self.last_visit: VisitRecord | None = None
        self.confirmation: Confirmation | None = None
        self.query = ""
        #: Staff ticked "identity document checked" for the shown result.
        self.identity_checked = False
        #: Staff marked the visit self-pay (not billed to BHYT): a CCCD check-in without a known card.
        self.self_pay = False
        #: The circumstance staff chose for the shown check, and that check as the core decided it.
        self.circumstance = Circumstance.NONE
        self.checked: CheckResult | None = None

    @property
    def busy(self) -> bool:
        return self.ops.busy

    def _failed(self, error: BaseException) -> None:
        fault = describe_failure(error, "desk task", log)
        self.problem.emit(staff_text(fault)[:300])
        self.checked = None
        self.result = CheckResult(Source.TYPED, error_code=SYSTEM_ERROR, error_detail=fault.detail[:300],
                                  fault=fault)
        self.result_changed.emit(self.result)
        self.feedback.emit(False)

    @property
    def ready(self) -> bool:
        """The store is open (the window shows while it is still loading)."""
        return self.services.checkin is not None

    def load(self) -> None:
        checkin = self.services.checkin
        if checkin is None:
            return
        self.ops.run(checkin.departments, self._departments, busy=False)
        self.refresh_visits()

    def _departments(self, departments: list[DepartmentInfo]) -> None:
        self.departments = departments
        self.departments_changed.emit(departments)

    # ----- input ------------------------------------------------------------------------------------------
    def scan(self, payload: str, source: Source | str) -> None:
        """A scan from the camera, the serial scanner or the wedge (each through the ScanGate)."""
        text = self.services.intake.offer(payload, Source(source))
        if text is None:
            return  # the same scan again within the duplicate window
        if _UUID.fullmatch(text.strip()):  # the QR on a printed ticket: open that visit
            self.open_visit.emit(text.strip().lower())
            return
        self._check(text, Source(source))

    def enter_number(self, text: str) -> None:
        if not text.strip():
            return
        typed = self.services.intake.offer(text, Source.TYPED)
        if typed is not None:
            self._check(typed, Source.TYPED)

    def enter_typed(self, text: str, details: TypedDetails) -> bool:
        """A number typed with the name and birth date staff entered: looked up (cache, then online)."""
        checkin = self.services.checkin
        number = text.strip()
        if not number or checkin is None or self.busy:
            return False
        self._ask(None)
        check_begun_in_background(
            self.ops, checkin, lambda: checkin.begin_typed(number, name=details.name, birth_date=details.birth_date,
                                                           insurance_number=details.insurance_number),
            self._checked)
        return True

    def _check(self, text: str, source: Source) -> None:
        checkin = self.services.checkin
        if checkin is None:
            return
        self._ask(None)
        check_in_background(self.ops, checkin, text, source, self._checked)

    def _checked(self, result: CheckResult) -> None:
        self.identity_checked = False
        self.self_pay = False
        self.circumstance = Circumstance.NONE
        self.checked = result
        self.result = result
        self.result_changed.emit(result)
        self.feedback.emit(result.ok and result.verdict is not None and result.verdict.accepted)
        checkin = self.services.checkin
        if not self.departments and checkin is not None:
            self.ops.run(checkin.departments, self._departments, busy=False)

    def clear(self) -> None:
        self._ask(None)
        self.services.intake.forget()
        self.identity_checked = False
        self.circumstance = Circumstance.NONE
        self.checked = None
        self.result = None
        self.result_changed.emit(None)

    # ----- identity -------------------------------------------------------------------------------------
    @property
    def identity_required(self) -> bool:
        """The shown check-in needs the desk's "identity checked" step before it is registered."""
        result, checkin = self.result, self.services.checkin
        return (result is not None and result.ok and checkin is not None
                and checkin.identity_step(result, self_service=False) is IdentityStep.DESK_CHECK)

    def set_identity_checked(self, checked: bool) -> None:
        self.identity_checked = checked

    def set_circumstance(self, circumstance: Circumstance | str) -> None:
        """Emergency, referral paper or appointment (or none): the shown check's route is decided again."""
        checked, checkin = self.checked, self.services.checkin
        self.circumstance = Circumstance(circumstance)
        if checked is None or self.result is None or checkin is None:
            return
        self._ask(None)  # a question asked about the old route no longer stands
        self.result = with_circumstance(checked, self.circumstance, checkin.profile)
        self.route_changed.emit(self.result)

    def set_self_pay(self, self_pay: bool) -> None:
        """The patient pays the visit (not billed to BHYT; docs/eligibility.md row 17)."""
        self.self_pay = self_pay

    # ----- registration ---------------------------------------------------------------------------------
    def register(self, department_code: str) -> bool:
        """Register the checked card; asks for confirmation first for a repeat or a verdict not valid, and
        refuses (``identity_missing``) until the "identity checked" step is done where it is required."""
        result = self.result
        if result is None or not result.ok or self.busy or self._department(department_code) is None:
            return False
        if self.identity_required and not self.identity_checked:
            self.identity_missing.emit()
            return False
        repeat = result.earlier_visit_in(department_code)
        if repeat is not None or not result.valid:
            self._ask(Confirmation(department_code, repeat, not result.valid))
            return False
        self._record(result, department_code, again=False)
        return True

    def confirm(self) -> bool:
        """Staff confirmed the question shown: record the visit (a second one, for a repeat)."""
        asked, result = self.confirmation, self.result
        if asked is None or result is None or not result.ok or self.busy:
            return False
        if self.identity_required and not self.identity_checked:
            self.identity_missing.emit()
            return False
        self._ask(None)
        self._record(result, asked.department_code, again=asked.repeat is not None)
        return True

    def cancel_confirmation(self) -> None:
        self._ask(None)

    def _ask(self, confirmation: Confirmation | None) -> None:
        if confirmation != self.confirmation:
            self.confirmation = confirmation
            self.confirm_needed.emit(confirmation)

    def _department(self, code: str) -> DepartmentInfo | None:
        return next((d for d in self.departments if d.code == code), None)

    def _record(self, result: CheckResult, department_code: str, *, again: bool) -> None:
        from kiosk.checkin.errors import AlreadyRegistered

        checkin = self.services.checkin
        if checkin is None:
            return

        def refused(error: BaseException) -> None:
            if isinstance(error, AlreadyRegistered):  # another desk registered the card meanwhile
                self._ask(Confirmation(department_code, error.visit, not result.valid))
            else:
                self._failed(error)

        identity = True if self.identity_required else None  # None: the step was not asked
        self_pay = self.self_pay
        self.ops.run(lambda: checkin.register(result, department_code, again=again, identity_checked=identity,
                                              self_pay=self_pay),
                     self._registered, on_error=refused)

    def _registered(self, registration: Registration) -> None:
        visit = registration.visit
        self.services.intake.forget()  # the next scan of this card is a new presentation
        self.identity_checked = False
        self.circumstance = Circumstance.NONE
        self.checked = None
        self.last_visit = visit
        self.result = None
        self.result_changed.emit(None)
        self.registered.emit(visit)
        if self.services.on_visit_recorded is not None:
            self.services.runner.run(self.services.on_visit_recorded, lane="io")
        department = self._department(visit.department_code)
        if department is not None:
            self._print(visit, department)
        self.refresh_visits()

    def reprint(self, visit: VisitRecord | None = None) -> bool:
        visit = visit or self.last_visit
        if visit is None:
            return False
        department = self._department(visit.department_code)
        if department is None:
            return False
        self._print(visit, department)
        return True

    def _print(self, visit: VisitRecord, department: DepartmentInfo) -> None:
        from kiosk.printing.status import PrintResult, PrintStatus
        from kiosk.printing.ticket import Ticket

        printer = self.services.printer
        if printer is None:
            self.print_changed.emit(PrintResult(PrintStatus.OFFLINE, "no printer configured"))
            return
        lang = self.language()
        ticket = Ticket(facility_name=self.services.facility_name, department_name=department.name(lang),
                        room=department.room or "", ticket_text=visit.ticket, issued_at=self.services.clock(),
                        visit_id=uuid.UUID(visit.id),
                        language=lang if lang in ("vi", "en", "zh", "ko", "ja") else "vi")  # type: ignore[arg-type]
        self.ops.run(lambda: printer.print_ticket(ticket), self.print_changed.emit, lane="io", busy=False,
                     on_error=lambda e: self.print_changed.emit(PrintResult(PrintStatus.ERROR, str(e))))

    # ----- visits ------------------------------------------------------------------------------------------
    def search(self, query: str) -> None:
        self.query = query
        self.refresh_visits()

    def refresh_visits(self) -> None:
        query, checkin = self.query, self.services.checkin
        if checkin is not None:
            self.ops.run(lambda: checkin.visits_today(query), self.visits_changed.emit, busy=False)

    def acknowledge(self, visit_id: str) -> None:
        """Staff have seen a re-check that changed a visit's verdict: stop flagging it."""
        checkin = self.services.checkin
        if checkin is not None:
            self.ops.run(lambda: checkin.acknowledge_recheck(visit_id), lambda _done: self.refresh_visits(),
                         busy=False)
