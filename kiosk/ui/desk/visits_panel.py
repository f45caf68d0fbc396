"""Today's visits with a search field (ticket, name, card number, CCCD; accents optional). Each row shows
the verdict (flagged when the hub's re-check changed it), what the desk marked on the visit (identity
document checked, self-pay) and its upload state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kiosk.ui.base import TranslatedWidget
from kiosk.ui.texts import verdict_short
from kiosk.ui.widgets import ReflowGrid, label

if TYPE_CHECKING:
    from kiosk.db.records import VisitRecord

#: Outbox states (``kiosk.db.visits``; a test keeps them equal) — not imported: the window is built
#: before the database layer loads.
TO_SEND, SENDING, SENT, REJECTED = "to_send", "sending", "sent", "rejected"
COLUMNS = ("ticket", "time", "name", "department_code", "verdict", "marks", "sync")
#: Columns by name (the verdict's index is kept by tests and by staff habit).
VERDICT_COLUMN, MARKS_COLUMN, SYNC_COLUMN = COLUMNS.index("verdict"), COLUMNS.index("marks"), COLUMNS.index("sync")


class VisitsPanel(TranslatedWidget):
    search = Signal(str)
    reprint = Signal(object)  # VisitRecord
    acknowledge = Signal(str)  # visit id of a flagged re-check staff have seen

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("visits-panel")
        self.visits: list[VisitRecord] = []
        self.title = label("", "title", align=Qt.AlignmentFlag.AlignLeft)
        self.query = QLineEdit()
        self.query.setObjectName("visit-search")
        self.query.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(lambda: self.search.emit(self.query.text()))
        self.query.textChanged.connect(lambda _t: self._debounce.start())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("visit-table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._activated)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.count = label("", "muted", align=Qt.AlignmentFlag.AlignLeft)
        self.seen_button = QPushButton()
        self.seen_button.setObjectName("recheck-seen")
        self.seen_button.setEnabled(False)
        self.seen_button.clicked.connect(self._acknowledge)
        footer = ReflowGrid(2, spacing=8)  # the button under the count when the side is narrow
        footer.set_widgets([self.count, self.seen_button])
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(self.title)
        root.addWidget(self.query)
        root.addWidget(self.table, 1)
        root.addWidget(footer)
        self.retranslate_ui()

    def show_visits(self, visits: list[VisitRecord]) -> None:
        self.visits = list(visits)
        self.table.setRowCount(len(visits))
        for row, visit in enumerate(visits):
            cells = (visit.ticket, visit.created_at[11:16], visit.name or visit.card_number or visit.citizen_id,
                     visit.department_code, None, None, visit.sync_state)
            for col, value in enumerate(cells):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setData(Qt.ItemDataRole.UserRole, visit.id)
                self.table.setItem(row, col, item)
        self.retranslate_ui()

    def select_visit(self, visit_id: str) -> bool:
        for row, visit in enumerate(self.visits):
            if visit.id == visit_id:
                self.table.selectRow(row)
                self.table.setFocus()
                return True
        return False

    def _selected_visit(self) -> VisitRecord | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        row = next(iter(rows), -1)
        return self.visits[row] if 0 <= row < len(self.visits) else None

    def _selection_changed(self) -> None:
        visit = self._selected_visit()
        self.seen_button.setEnabled(bool(visit and visit.recheck and visit.recheck.flagged))

    def _acknowledge(self) -> None:
        visit = self._selected_visit()
        if visit is not None:
            self.acknowledge.emit(visit.id)

    def _activated(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if 0 <= row < len(self.visits):
            self.reprint.emit(self.visits[row])

    def _show_verdict(self, item: QTableWidgetItem, visit: VisitRecord) -> None:
        """The verdict; a hub re-check that changed it (or needs a person) is flagged until acknowledged."""
        shown = verdict_short(visit.verdict)
        recheck = visit.recheck
        flagged = bool(recheck and recheck.flagged)
        if recheck is not None and recheck.verdict_changed and recheck.gateway_verdict:
            shown = self.tr("{old} → {new} (re-checked)").format(
                old=shown, new=verdict_short(recheck.gateway_verdict))
        elif recheck is not None and recheck.needs_staff:
            shown = self.tr("{verdict}: needs staff").format(verdict=shown)
        item.setText(shown)
        item.setToolTip((recheck.gateway_note or "") if recheck is not None and flagged else "")
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "flagged" if flagged else "")
        item.setBackground(QBrush(QColor("#ffe08a")) if flagged else QBrush())

    def _show_marks(self, item: QTableWidgetItem, visit: VisitRecord) -> None:
        """What the desk marked on the visit: identity document checked, self-pay (not billed to BHYT)."""
        short, full = [], []
        if visit.identity_checked:
            short.append(self.tr("ID ✓"))
            full.append(self.tr("Identity document checked"))
        if visit.self_pay:
            short.append(self.tr("self-pay"))
            full.append(self.tr("Self-pay: not billed to BHYT"))
        item.setText(" · ".join(short))
        item.setToolTip("\n".join(full))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "; ".join(full))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Today's visits"))
        self.query.setPlaceholderText(self.tr("Search: ticket, name, card number, citizen ID"))
        headers = (self.tr("Ticket"), self.tr("Time"), self.tr("Name"), self.tr("Department"), self.tr("Verdict"),
                   self.tr("Marks"), self.tr("Upload"))
        self.table.setHorizontalHeaderLabels(list(headers))
        sync_text = {TO_SEND: self.tr("waiting"), SENDING: self.tr("sending"), SENT: self.tr("uploaded"),
                     REJECTED: self.tr("rejected")}
        for row, visit in enumerate(self.visits):
            verdict_item = self.table.item(row, VERDICT_COLUMN)
            if verdict_item is not None:
                self._show_verdict(verdict_item, visit)
            marks_item = self.table.item(row, MARKS_COLUMN)
            if marks_item is not None:
                self._show_marks(marks_item, visit)
            sync_item = self.table.item(row, SYNC_COLUMN)
            if sync_item is not None:
                state = visit.sync_state or ""
                sync_item.setText(sync_text.get(state, state))
        self.count.setText(self.tr("{n} visits shown").format(n=len(self.visits)))
        self.seen_button.setText(self.tr("Re-check seen"))
        self._selection_changed()
