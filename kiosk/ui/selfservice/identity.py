"""The self-service identity step: a patient who checked in with a BHYT card also shows the QR of their chip
citizen ID (CCCD, or VNeID), whose name and birth date must match the card; otherwise reception.

The rule and the setting (``[eligibility] identity_check``, on by default at the self-service kiosk) are in
docs/eligibility.md ("Identity", row 2): a card without a photo must be shown with an identity document
(NĐ 188/2025/NĐ-CP, Điều 37), and a QR code never tells whether the card has a photo. Children under 6 and
CCCD check-ins are not asked. The rule and the comparison are the core's
(``CheckInService.identity_step`` / ``match_identity``, with the configured policy).

:class:`IdentityFlow` is the step's state for the view-model (the screen is
:mod:`kiosk.ui.selfservice.identity_screen`); the comparison runs on a worker through the model's
``Operations``, like every check.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.cards import CardPayloadError, CccdCard, parse_payload
from kiosk.cards.identity import IdentityMismatch, IdentityStep
from kiosk.checkin.result import CheckResult
from kiosk.ui.operation import Operations

if TYPE_CHECKING:
    from kiosk.checkin.service import CheckInService


class IdentityState(enum.StrEnum):
    #: Waiting for the CCCD QR (camera, scanner) — or for "I have no ID card with me".
    ASK = "ask"
    #: Comparing the scanned document with the card.
    CHECKING = "checking"
    #: The code shown was not a CCCD QR (e.g. the health-insurance card again): ask again.
    NOT_A_CCCD = "not_a_cccd"
    #: The CCCD belongs to someone else (name, birth date or number differ): reception.
    MISMATCH = "mismatch"
    #: The patient has no identity document with them: reception.
    NO_DOCUMENT = "no_document"
    #: The CCCD matches: on to the department choice.
    PASSED = "passed"


def scan_needed(result: CheckResult, service: CheckInService) -> bool:
    """Whether this self-service check-in asks for the CCCD scan before the department choice."""
    return result.self_service_allowed and service.identity_step(result, self_service=True) is IdentityStep.SCAN_CCCD


@dataclass(frozen=True)
class DocumentCheck:
    state: IdentityState
    mismatches: tuple[IdentityMismatch, ...] = ()


def check_document(service: CheckInService, result: CheckResult, payload: str) -> DocumentCheck:
    """Compare a scanned payload with the checked card (plain Python, no store access; run on a worker)."""
    try:
        document = parse_payload(payload)
    except CardPayloadError:
        return DocumentCheck(IdentityState.NOT_A_CCCD)
    if not isinstance(document, CccdCard):
        return DocumentCheck(IdentityState.NOT_A_CCCD)
    match = service.match_identity(result, document)
    return DocumentCheck(IdentityState.PASSED if match.ok else IdentityState.MISMATCH, match.mismatches)


class IdentityFlow(QObject):
    """The identity step of one patient: ``changed(IdentityState)``; ``passed()`` when the CCCD matched."""

    changed = Signal(str)
    passed = Signal()

    def __init__(self, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.state = IdentityState.ASK
        self.mismatches: tuple[IdentityMismatch, ...] = ()
        #: Passed for the current patient (a "Back" from the departments does not ask again).
        self.done = False

    def _set(self, state: IdentityState, mismatches: tuple[IdentityMismatch, ...] = ()) -> None:
        self.state, self.mismatches = state, mismatches
        self.changed.emit(str(state))

    def start(self) -> None:
        self._set(IdentityState.ASK)

    def offer(self, service: CheckInService, result: CheckResult, payload: str) -> bool:
        """A scan while the step is shown; True if taken."""
        if self.state not in (IdentityState.ASK, IdentityState.NOT_A_CCCD) or self.ops.busy:
            return False
        self._set(IdentityState.CHECKING)
        self.ops.run(lambda: check_document(service, result, payload), self._checked)
        return True

    def _checked(self, check: DocumentCheck) -> None:
        if self.state is not IdentityState.CHECKING:
            return  # the patient chose "I have no ID card with me" meanwhile: that answer stands
        self._set(check.state, check.mismatches)
        if check.state is IdentityState.PASSED:
            self.done = True
            self.passed.emit()

    def no_document(self) -> None:
        """The patient has no ID card with them: send them to reception."""
        self._set(IdentityState.NO_DOCUMENT)

    def reset(self) -> None:
        self.done = False
        self.state, self.mismatches = IdentityState.ASK, ()
