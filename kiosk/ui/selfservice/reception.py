"""Reception-ticket screen: the number taken with "Call staff / reception ticket" (or the priority number),
where to go, "people ahead of you" where the facility shows it, and the printing state."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.queueing import DeskQueue
from kiosk.ui.selfservice.model import IssuedDeskNumber
from kiosk.ui.selfservice.ticket import NumberScreen
from kiosk.ui.texts import desk_queue_name


class ReceptionTicketScreen(NumberScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("screen-reception-ticket", parent=parent)
        self.issued: IssuedDeskNumber | None = None
        self.queue = self.place
        self.retranslate_ui()

    def show_number(self, issued: IssuedDeskNumber | None) -> None:
        self.issued = issued
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Your number for reception"))
        self.done_button.setText(self.tr("Finish"))
        t = self.issued
        if t is None:
            self.clear_number()
            return
        self.number.setText(t.number.ticket)
        self.queue.setText(desk_queue_name(t.number.queue))
        if t.number.queue is DeskQueue.PRIORITY:
            self.where.setText(self.tr("Please go to the reception desk and show this number; priority numbers "
                                       "are called first. The staff will help you."))
        else:
            self.where.setText(self.tr("Please wait near the reception desk until your number is called. "
                                       "The staff will help you."))
        self.show_ahead(t.number.ahead if t.show_ahead else None)
        self.show_printing()
