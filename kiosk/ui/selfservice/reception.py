"""Reception-ticket screen: the number taken with "Call staff / reception ticket" (or the priority number),
where to go, "people ahead of you" where the facility shows it, and the printing state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.queueing import DeskQueue
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.selfservice.model import IssuedDeskNumber
from kiosk.ui.texts import desk_queue_name, people_ahead_text, print_text
from kiosk.ui.widgets import button, label, set_role

if TYPE_CHECKING:
    from kiosk.printing.status import PrintResult


class ReceptionTicketScreen(TranslatedWidget):
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-reception-ticket")
        self.issued: IssuedDeskNumber | None = None
        self.print_result: PrintResult | None = None
        self.caption = label("", "title")
        self.number = label("", "huge")
        self.number.setObjectName("reception-number")
        self.queue = label("", "title")
        self.where = label("")
        self.ahead = label("")
        self.ahead.setObjectName("people-ahead")
        self.printing = label("", "info")
        self.printing.setObjectName("print-state")
        self.done_button = button("", "primary", "done")
        self.done_button.clicked.connect(self.done)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.done_button)
        bottom.addStretch(1)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 48, 32)
        root.setSpacing(16)
        root.addStretch(1)
        for w in (self.caption, self.number, self.queue, self.where, self.ahead, self.printing):
            root.addWidget(w)
        root.addStretch(1)
        root.addLayout(bottom)
        self.retranslate_ui()

    def show_number(self, issued: IssuedDeskNumber | None) -> None:
        self.issued = issued
        self.retranslate_ui()

    def show_print(self, result: PrintResult | None) -> None:
        self.print_result = result
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Your number for reception"))
        self.done_button.setText(self.tr("Finish"))
        t = self.issued
        if t is None:
            for w in (self.number, self.queue, self.where, self.ahead, self.printing):
                w.clear()
            self.ahead.hide()
            return
        self.number.setText(t.number.ticket)
        self.queue.setText(desk_queue_name(t.number.queue))
        if t.number.queue is DeskQueue.PRIORITY:
            self.where.setText(self.tr("Please go to the reception desk and show this number; priority numbers "
                                       "are called first. The staff will help you."))
        else:
            self.where.setText(self.tr("Please wait near the reception desk until your number is called. "
                                       "The staff will help you."))
        self.ahead.setText(people_ahead_text(t.number.ahead) if t.show_ahead else "")
        self.ahead.setVisible(t.show_ahead)
        status = None if self.print_result is None else self.print_result.status
        self.printing.setText(print_text(status))
        set_role(self.printing, "info" if self.print_result is None or self.print_result.printed else "bad")
