"""The desk's "number only" look-up: a BHYT number or a 12-digit personal ID typed in the entry line, with
the name and birth date staff enter, looked up online through the core (``CheckInService.begin_typed``).

For patients without a readable QR, notably children under 6 who come with only the BHYT number or a birth
certificate (NĐ 188/2025/NĐ-CP, Điều 37 khoản 2; docs/eligibility.md, row 3). The number itself is typed in
the desk's entry line (``&Card:``); this panel adds what the gateway needs to find the card.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.cards.dates import parse_birth_date
from kiosk.cards.model import BirthDate, CardPayloadError
from kiosk.cards.names import normalise_name
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.widgets import button, label, set_role


@dataclass(frozen=True)
class TypedDetails:
    """What staff entered for a number-only look-up."""

    name: str
    birth_date: BirthDate
    #: The 12 digits are the insurance number (personal ID used as the BHYT number), not a CCCD check-in.
    insurance_number: bool


class TypedEntryPanel(TranslatedWidget):
    """Name, birth date and "12 digits are the insurance number"; ``look_up(TypedDetails)`` on Enter."""

    look_up = Signal(object)  # TypedDetails

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk-typed")
        self.title = label("", "muted", align=Qt.AlignmentFlag.AlignLeft)
        self.name = QLineEdit()
        self.name.setObjectName("desk-typed-name")
        self.birth = QLineEdit()
        self.birth.setObjectName("desk-typed-birth")
        self.insurance = QCheckBox()
        self.insurance.setObjectName("desk-typed-insurance")
        self.name_caption = label("", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.birth_caption = label("", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.name_caption.setBuddy(self.name)
        self.birth_caption.setBuddy(self.birth)
        self.look_up_button = button(name="desk-typed-look-up")
        self.look_up_button.clicked.connect(self._submit)
        self.name.returnPressed.connect(self._submit)
        self.birth.returnPressed.connect(self._submit)
        self.problem = label("", "status-bad", align=Qt.AlignmentFlag.AlignLeft)
        self.problem.setObjectName("desk-typed-problem")
        self.problem.hide()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.name_caption, self.name)
        form.addRow(self.birth_caption, self.birth)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(self.title)
        root.addLayout(form)
        root.addWidget(self.insurance)
        root.addWidget(self.problem)
        root.addWidget(self.look_up_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._problem_key = ""
        self.retranslate_ui()

    def start(self) -> None:
        """Shown: focus on the name (the number is already in the entry line)."""
        self._show_problem("")
        self.name.setFocus()

    def clear(self) -> None:
        self.name.clear()
        self.birth.clear()
        self.insurance.setChecked(False)
        self._show_problem("")

    def details(self) -> TypedDetails | None:
        """The entered details, or None (and the problem shown) when the name or birth date is missing/bad."""
        name = " ".join(self.name.text().split())
        if not name or not normalise_name(name):
            self._show_problem("name")
            self.name.setFocus()
            return None
        try:
            birth = parse_birth_date(self.birth.text(), compact=True)
        except CardPayloadError:
            birth = None
        if birth is None:
            self._show_problem("birth")
            self.birth.setFocus()
            return None
        self._show_problem("")
        return TypedDetails(name, birth, self.insurance.isChecked())

    def _submit(self) -> None:
        details = self.details()
        if details is not None:
            self.look_up.emit(details)

    def _show_problem(self, key: str) -> None:
        self._problem_key = key
        self.problem.setVisible(bool(key))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Number only (no QR code, e.g. a child under 6): type the BHYT number or "
                                   "the 12-digit personal ID above, then the name and date of birth. Tick "
                                   "\"12 digits = insurance number\" when the 12 digits are the card's number "
                                   "rather than a citizen ID."))
        self.name_caption.setText(self.tr("Na&me:"))
        self.birth_caption.setText(self.tr("&Born:"))
        self.birth.setPlaceholderText(self.tr("DD/MM/YYYY, MM/YYYY or YYYY"))
        self.insurance.setText(self.tr("12 digits = insurance &number"))
        self.look_up_button.setText(self.tr("&Look up online"))
        problems = {"name": self.tr("Enter the patient's full name."),
                    "birth": self.tr("Enter the date of birth as DD/MM/YYYY, MM/YYYY or YYYY."),
                    "number": self.tr("Type the card number or the 12-digit personal ID in the entry line first.")}
        self.problem.setText(problems.get(self._problem_key, ""))
        set_role(self.problem, "status-bad")

    def show_number_problem(self) -> None:
        self._show_problem("number")
