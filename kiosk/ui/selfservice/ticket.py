"""Ticket screen: the queue number (always shown, printed or not), department, room, printing state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.queueing import people_ahead
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.selfservice.model import IssuedTicket
from kiosk.ui.texts import people_ahead_text, print_text
from kiosk.ui.widgets import button, label, set_role

if TYPE_CHECKING:
    from kiosk.printing.status import PrintResult


class TicketScreen(TranslatedWidget):
    done = Signal()
    #: "Print again" on the "you already have number X today" screen.
    reprint = Signal()

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen-ticket")
        self._language = language
        self.issued: IssuedTicket | None = None
        self.print_result: PrintResult | None = None
        self.caption = label("", "title")
        self.number = label("", "huge")
        self.number.setObjectName("ticket-number")
        self.department = label("", "title")
        self.room = label("")
        self.ahead = label("")
        self.ahead.setObjectName("people-ahead")
        self.printing = label("", "info")
        self.printing.setObjectName("print-state")
        self.done_button = button("", "primary", "done")
        self.done_button.clicked.connect(self.done)
        self.reprint_button = button("", name="reprint")
        self.reprint_button.clicked.connect(self.reprint)
        self.reprint_button.hide()
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.reprint_button)
        bottom.addWidget(self.done_button)
        bottom.addStretch(1)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 48, 32)
        root.setSpacing(16)
        root.addStretch(1)
        for w in (self.caption, self.number, self.department, self.room, self.ahead, self.printing):
            root.addWidget(w)
        root.addStretch(1)
        root.addLayout(bottom)
        self.retranslate_ui()

    def show_ticket(self, issued: IssuedTicket | None) -> None:
        self.issued = issued
        self.retranslate_ui()

    def show_print(self, result: PrintResult | None) -> None:
        self.print_result = result
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Your queue number"))
        self.done_button.setText(self.tr("Finish"))
        self.reprint_button.setText(self.tr("Print again"))
        t = self.issued
        self.reprint_button.setVisible(t is not None and t.repeat)
        if t is None:
            for w in (self.number, self.department, self.room, self.printing):
                w.clear()
            self.ahead.hide()
            return
        if t.repeat:
            self.caption.setText(self.tr("You already have number {ticket} today.").format(
                ticket=t.ticket.ticket_text))
        self.number.setText(t.ticket.ticket_text)
        self.department.setText(t.department.name(self._language()))
        self.room.setText(self.tr("Please go to room {room} and wait for your number.").format(room=t.ticket.room)
                          if t.ticket.room else self.tr("Please wait for your number to be called."))
        show_ahead = t.show_ahead and not t.repeat
        self.ahead.setText(people_ahead_text(people_ahead(t.visit.queue_number)) if show_ahead else "")
        self.ahead.setVisible(show_ahead)
        status = None if self.print_result is None else self.print_result.status
        if t.repeat and self.print_result is None:
            self.printing.setText(self.tr("No new number was issued. Press “Print again” if you need the ticket."))
        else:
            self.printing.setText(print_text(status))
        set_role(self.printing, "info" if self.print_result is None or self.print_result.printed else "bad")
