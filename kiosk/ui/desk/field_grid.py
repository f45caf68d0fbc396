"""The patient panel's captioned values, compact: two caption/value pairs side by side while both fit the
width (1280x720 at 100 % text), one pair a row at large text or in a narrow pane; long values (what the
verdict rests on, the gateway's data) take a whole row."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

#: Width a value needs at least next to its caption before the pairs go side by side.
_VALUE_MIN_PX = 150


class FieldGrid(QWidget):
    def __init__(self, keys: tuple[str, ...], wide: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk-fields")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self.keys = keys
        self.wide = set(wide)
        self.fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in keys:
            caption, value = QLabel(), QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.fields[key] = (caption, value)
        self.pairs = 0
        self.arrange(10_000)

    def set_row_visible(self, key: str, shown: bool) -> None:
        for widget in self.fields[key]:
            widget.setVisible(shown)

    def _pair_width(self) -> tuple[int, int]:
        """(widest caption, narrowest a value column may be)."""
        caption = max((c.sizeHint().width() for c, _v in self.fields.values()), default=0)
        value = max((v.minimumSizeHint().width() for k, (_c, v) in self.fields.items() if k not in self.wide),
                    default=0)
        return caption, max(value, _VALUE_MIN_PX)

    def pairs_for(self, width: int) -> int:
        caption, value = self._pair_width()
        spacing = self.grid.horizontalSpacing()
        return 2 if width >= 2 * (caption + value) + 3 * spacing else 1

    def minimumSizeHint(self) -> QSize:
        """One pair a row is always possible: the grid never makes its page wider than that (two pairs only
        when the width allows, :meth:`pairs_for`)."""
        caption, value = self._pair_width()
        wide = max((v.minimumSizeHint().width() for k, (_c, v) in self.fields.items() if k in self.wide), default=0)
        return QSize(caption + self.grid.horizontalSpacing() + max(value, wide), super().minimumSizeHint().height())

    def arrange(self, width: int) -> None:
        pairs = self.pairs_for(width)
        if pairs == self.pairs:
            return
        self.pairs = pairs
        for caption, value in self.fields.values():
            self.grid.removeWidget(caption)
            self.grid.removeWidget(value)
        row, col = 0, 0
        for key in self.keys:
            caption, value = self.fields[key]
            if key in self.wide:
                if col:
                    row, col = row + 1, 0
                self.grid.addWidget(caption, row, 0)
                self.grid.addWidget(value, row, 1, 1, 2 * pairs - 1)
                row += 1
                continue
            self.grid.addWidget(caption, row, 2 * col)
            self.grid.addWidget(value, row, 2 * col + 1)
            col += 1
            if col == pairs:
                row, col = row + 1, 0
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c % 2 and c < 2 * pairs else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self.pairs = 0
            self.arrange(self.width() or 10_000)
        return super().event(event)
