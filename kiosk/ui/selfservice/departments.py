"""Department / service choice: one large button per department (name in the patient's language, room)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.base import TranslatedWidget

if TYPE_CHECKING:
    from kiosk.db.reference import DepartmentInfo
from kiosk.ui.widgets import ReflowGrid, button, label


class DepartmentScreen(TranslatedWidget):
    chosen = Signal(str)
    back = Signal()

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-departments")
        self._language = language  # callable -> current language code
        self.departments: list[DepartmentInfo] = []
        self.buttons: dict[str, QPushButton] = {}
        self.title = label("", "title")
        self.grid = ReflowGrid(3, spacing=20)  # fewer columns at large text: more rows, never clipped
        self.back_button = button("", name="back")
        self.back_button.clicked.connect(self.back)
        self.empty = label("", "info")
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 24, 48, 24)
        root.setSpacing(20)
        root.addWidget(self.title)
        root.addWidget(self.empty)
        root.addWidget(self.grid, 1)
        root.addLayout(bottom)
        self.retranslate_ui()

    def show_departments(self, departments: list[DepartmentInfo]) -> None:
        self.departments = list(departments)
        old = list(self.buttons.values())
        self.buttons = {}
        for dept in departments:
            b = button(role="choice", name=f"dept-{dept.code}")
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
            b.clicked.connect(lambda _=False, code=dept.code: self.chosen.emit(code))
            self.buttons[dept.code] = b
        self.grid.set_max_columns(2 if len(departments) <= 4 else 3)
        self.grid.set_widgets(list(self.buttons.values()))
        for b in old:
            b.deleteLater()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        lang = self._language()
        self.title.setText(self.tr("Where would you like to go?"))
        self.back_button.setText(self.tr("Back"))
        self.empty.setText(self.tr("No departments are available. Please see reception."))
        self.empty.setVisible(not self.departments)
        for dept in self.departments:
            text = dept.name(lang)
            if dept.room:
                text += "\n" + self.tr("Room {room}").format(room=dept.room)
            b = self.buttons[dept.code]
            b.setText(text)
            b.setMinimumHeight(b.sizeHint().height())
