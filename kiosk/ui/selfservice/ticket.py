"""Ticket screens: the number (always shown, printed or not), where to go, and the printing state.

:class:`NumberScreen` is what both have; :class:`TicketScreen` shows a department's number (and "you
already have number X today" with a reprint), :class:`~kiosk.ui.selfservice.reception.ReceptionTicketScreen`
a reception-desk number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.queueing import people_ahead
from kiosk.ui.base import TranslatedWidget
from kiosk.ui.selfservice.model import IssuedTicket
from kiosk.ui.texts import people_ahead_text, print_text
from kiosk.ui.widgets import button, label, set_role

if TYPE_CHECKING:
    from kiosk.printing.status import PrintResult


class NumberScreen(TranslatedWidget):
    """Caption, the number in large type, where it is for, where to go, "people ahead", printing, Finish."""

    done = Signal()

    def __init__(self, name: str, *, extra_buttons: tuple[QPushButton, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.print_result: PrintResult | None = None
        self.caption = label("", "title")
        self.number = label("", "huge")
        self.number.setObjectName(f"{name.removeprefix('screen-')}-number")
        self.place = label("", "title")
        self.where = label("")
        self.ahead = label("")
        self.ahead.setObjectName("people-ahead")
        self.printing = label("", "info")
        self.printing.setObjectName("print-state")
        self.done_button = button("", "primary", "done")
        self.done_button.clicked.connect(self.done)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for extra in (*extra_buttons, self.done_button):
            bottom.addWidget(extra)
        bottom.addStretch(1)
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 48, 32)
        root.setSpacing(16)
        root.addStretch(1)
        for w in (self.caption, self.number, self.place, self.where, self.ahead, self.printing):
            root.addWidget(w)
        root.addStretch(1)
        root.addLayout(bottom)

    def show_print(self, result: PrintResult | None) -> None:
        self.print_result = result
        self.retranslate_ui()

    def clear_number(self) -> None:
        for w in (self.number, self.place, self.where, self.printing):
            w.clear()
        self.ahead.hide()

    def show_ahead(self, count: int | None) -> None:
        """ "N people are ahead of you", or nothing (None)."""
        self.ahead.setText("" if count is None else people_ahead_text(count))
        self.ahead.setVisible(count is not None)

    def show_printing(self, text: str | None = None) -> None:
        """The printing state (``text`` instead of it, e.g. before a reprint), red when not printed."""
        status = None if self.print_result is None else self.print_result.status
        self.printing.setText(print_text(status) if text is None else text)
        set_role(self.printing, "info" if self.print_result is None or self.print_result.printed else "bad")


class TicketScreen(NumberScreen):
    #: "Print again" on the "you already have number X today" screen.
    reprint = Signal()

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None) -> None:
        reprint_button = button("", name="reprint")
        super().__init__("screen-ticket", extra_buttons=(reprint_button,), parent=parent)
        self.reprint_button = reprint_button
        self._language = language
        self.issued: IssuedTicket | None = None
        self.department, self.room = self.place, self.where
        self.reprint_button.clicked.connect(self.reprint)
        self.reprint_button.hide()
        self.retranslate_ui()

    def show_ticket(self, issued: IssuedTicket | None) -> None:
        self.issued = issued
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Your queue number"))
        self.done_button.setText(self.tr("Finish"))
        self.reprint_button.setText(self.tr("Print again"))
        t = self.issued
        self.reprint_button.setVisible(t is not None and t.repeat)
        if t is None:
            self.clear_number()
            return
        if t.repeat:
            self.caption.setText(self.tr("You already have number {ticket} today.").format(
                ticket=t.ticket.ticket_text))
        self.number.setText(t.ticket.ticket_text)
        self.department.setText(t.department.name(self._language()))
        self.room.setText(self.tr("Please go to room {room} and wait for your number.").format(room=t.ticket.room)
                          if t.ticket.room else self.tr("Please wait for your number to be called."))
        self.show_ahead(people_ahead(t.visit.queue_number) if t.show_ahead and not t.repeat else None)
        if t.repeat and self.print_result is None:
            self.show_printing(self.tr("No new number was issued. Press “Print again” if you need the ticket."))
        else:
            self.show_printing()
