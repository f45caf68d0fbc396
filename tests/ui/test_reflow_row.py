"""ReflowRow: side by side while both fit, stacked otherwise, and its height is the current arrangement's
(side by side it reserves no stacked height: no gap under the desk's card entry at normal text)."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import ReflowRow


def test_height_follows_the_arrangement(qtbot: QtBot) -> None:
    first, second = QPushButton("A card number or citizen ID"), QPushButton("Language")
    row = ReflowRow(first, second)
    host = QWidget()
    column = QVBoxLayout(host)
    column.addWidget(row)
    below = QLabel("below")
    column.addWidget(below)
    column.addStretch(1)
    qtbot.addWidget(host)
    wide = first.minimumSizeHint().width() + second.sizeHint().width() + 200
    host.resize(wide, 400)
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: row.box.direction() == QBoxLayout.Direction.LeftToRight)
    side_by_side = max(first.minimumSizeHint().height(), second.sizeHint().height())
    assert row.minimumSizeHint().height() == side_by_side
    qtbot.waitUntil(lambda: row.height() <= side_by_side + 2 * row.box.spacing())
    gap = below.geometry().top() - row.geometry().bottom()
    assert gap <= column.spacing() + 1, f"{gap} px between the row and the next widget"

    host.resize(max(first.minimumSizeHint().width(), second.sizeHint().width()) + 30, 400)
    qtbot.waitUntil(lambda: row.box.direction() == QBoxLayout.Direction.TopToBottom)
    stacked = first.minimumSizeHint().height() + row.box.spacing() + second.sizeHint().height()
    assert row.minimumSizeHint().height() == stacked
    qtbot.waitUntil(lambda: row.height() >= stacked)
    assert below.geometry().top() >= row.geometry().bottom()  # stacked, nothing overlaps
