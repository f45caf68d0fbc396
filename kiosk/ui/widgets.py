"""Small reusable widgets: the camera preview with its framing guide, the language bar, labels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from kiosk.ui.i18n import LANGUAGES


def label(text: str = "", role: str | None = None, *, wrap: bool = True,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setAlignment(align)
    if role:
        widget.setProperty("role", role)
    return widget


def reserve_wrapped_height(*labels: QLabel) -> None:
    """Word-wrapped labels in box layouts are sized for their *minimum* width; reserve the height
    their text needs at their actual width, so a long translation wraps instead of being cut off."""
    for widget in labels:
        if widget.wordWrap() and widget.width() > 0:
            need = widget.heightForWidth(widget.width())
            if need > 0 and widget.minimumHeight() != need:
                widget.setMinimumHeight(need)


def set_role(widget: QWidget, role: str) -> None:
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def button(text: str = "", role: str | None = None, name: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    # never narrower than its text: a layout short of room grows the window (tests catch that) instead
    widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    return widget


def feedback_colour(ok: bool, warn: bool = False) -> QColor:
    """Scan feedback: green for a good card, red for a failure, amber for a card not confirmed yet (the
    same tone as its banner: an "unknown" verdict never flashes green)."""
    return QColor("#e69500" if warn else "#1e9e48" if ok else "#d0312d")


class CameraView(QWidget):
    """The live preview: the frame, darkened outside a centred square guide, and a success/failure flash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera-view")
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image: QImage | None = None
        self._flash: QColor | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self.frames_shown = 0

    def show_frame(self, image: QImage) -> None:
        self._image = image
        self.frames_shown += 1
        self.update()

    def clear(self) -> None:
        self._image = None
        self.update()

    def flash(self, ok: bool, ms: int = 900, *, warn: bool = False) -> None:
        self._flash = feedback_colour(ok, warn)
        self._flash_timer.start(ms)
        self.update()

    def _end_flash(self) -> None:
        self._flash = None
        self.update()

    def guide_rect(self) -> QRectF:
        side = min(self.width(), self.height()) * 0.72
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#20262c"))
        if self._image is not None and not self._image.isNull():
            scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding)
            x = (self.width() - scaled.width()) / 2
            y = (self.height() - scaled.height()) / 2
            painter.drawImage(QRectF(x, y, scaled.width(), scaled.height()), self._image)
        guide = self.guide_rect()
        shade = QColor(0, 0, 0, 120)
        painter.fillRect(QRectF(0, 0, self.width(), guide.top()), shade)
        painter.fillRect(QRectF(0, guide.bottom(), self.width(), self.height() - guide.bottom()), shade)
        painter.fillRect(QRectF(0, guide.top(), guide.left(), guide.height()), shade)
        painter.fillRect(QRectF(guide.right(), guide.top(), self.width() - guide.right(), guide.height()), shade)
        colour = self._flash or QColor("#ffffff")
        pen = QPen(colour, 8 if self._flash else 6)
        painter.setPen(pen)
        arm = guide.width() * 0.18
        for cx, cy, dx, dy in ((guide.left(), guide.top(), 1, 1), (guide.right(), guide.top(), -1, 1),
                               (guide.left(), guide.bottom(), 1, -1), (guide.right(), guide.bottom(), -1, -1)):
            painter.drawLine(int(cx), int(cy), int(cx + dx * arm), int(cy))
            painter.drawLine(int(cx), int(cy), int(cx), int(cy + dy * arm))
        if self._flash is not None:
            edge = QColor(self._flash)
            edge.setAlpha(90)
            painter.fillRect(self.rect(), edge)
        painter.end()


class LanguageBar(QWidget):
    """Five buttons, each language named in its own script and drawn with its own font."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.buttons: dict[str, QPushButton] = {}
        for lang in LANGUAGES:
            b = button(lang.native_name, name=f"lang-{lang.code}")
            b.setCheckable(True)
            font = QFont()
            font.setFamilies(list(lang.families))
            b.setFont(font)
            b.clicked.connect(lambda _=False, code=lang.code: self.chosen.emit(code))
            layout.addWidget(b)
            self.buttons[lang.code] = b

    def set_current(self, code: str) -> None:
        for c, b in self.buttons.items():
            b.setChecked(c == code)


class HoldPhonePicture(QWidget):
    """How to hold the phone: a phone showing a QR code, upright, a hand's width from the camera. Drawn,
    not a bitmap, so it follows the theme's colours (high contrast included) and any size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hold-phone-picture")
        self.setFixedSize(260, 110)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        pen = QPen(text, 3)
        p.setPen(pen)
        # the camera (a lens in a box) on the left
        p.drawRoundedRect(QRectF(8, 35, 44, 40), 6, 6)
        p.drawEllipse(QRectF(20, 45, 20, 20))
        # the distance: a double arrow
        p.drawLine(62, 55, 150, 55)
        for x, d in ((62, 1), (150, -1)):
            p.drawLine(x, 55, x + 10 * d, 48)
            p.drawLine(x, 55, x + 10 * d, 62)
        # the phone, upright, screen towards the camera, with a QR code on it
        p.drawRoundedRect(QRectF(170, 4, 62, 102), 10, 10)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(text)
        for gx, gy in ((180, 28), (208, 28), (180, 56)):  # the three finder patterns
            p.drawRect(QRectF(gx, gy, 14, 14))
        for gx, gy in ((198, 48), (206, 60), (214, 52), (200, 66), (214, 68)):
            p.drawRect(QRectF(gx, gy, 6, 6))
        p.end()


class ScrollPage(QScrollArea):
    """A screen in a scroll area: at large text a screen that no longer fits the window scrolls (with a
    finger as well as a wheel) instead of growing the window past the display's edges. Screens reflow
    to the window's width first; the geometry tests check that none needs to scroll sideways.

    The page gets the viewport's size, or its *minimum* height for that width when that is more: its
    stretchable parts (a list, a preview) shrink first and it scrolls only when even that does not fit
    (``widgetResizable`` would give a page with wrapped text its preferred height and scroll at once).
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName(f"scroll-{page.objectName()}")
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(page)
        page.installEventFilter(self)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self._fitting = False

    def minimum_height_for(self, width: int) -> int:
        layout = self.page.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return self.page.minimumSizeHint().height()

    def fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            view = self.maximumViewportSize()  # without scroll bars
            bar = self.verticalScrollBar().sizeHint().width()
            width = max(view.width(), self.page.minimumSizeHint().width())
            need = self.minimum_height_for(width)
            if need > view.height():  # a vertical scroll bar will take its share of the width
                width = max(view.width() - bar, self.page.minimumSizeHint().width())
                need = self.minimum_height_for(width)
            self.page.resize(width, max(need, view.height()))
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)  # with self as context: dropped if it is deleted first
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def sizeHint(self) -> QSize:
        return self.page.sizeHint()


class ReflowRow(QWidget):
    """Two widgets side by side while both fit the width, else the second under the first (the
    facility name and the language bar at large text or in a long language)."""

    def __init__(self, first: QWidget, second: QWidget, *, spacing: int = 12,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.second = first, second
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self.box.addWidget(first, 1)
        self.box.addWidget(second, 0, Qt.AlignmentFlag.AlignRight)

    def _side_by_side_width(self) -> int:
        return self.first.minimumSizeHint().width() + self.box.spacing() + self.second.sizeHint().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (QBoxLayout.Direction.LeftToRight if self._side_by_side_width() <= event.size().width()
                  else QBoxLayout.Direction.TopToBottom)
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            self.updateGeometry()  # the height it needs changed with the direction
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        # Narrow enough to stack: the row never forces the window wider than its widest part. The height is
        # the current arrangement's: side by side it does not reserve the stacked height (no gap under it).
        first, second = self.first.minimumSizeHint(), self.second.sizeHint()
        if self.box.direction() == QBoxLayout.Direction.LeftToRight:
            height = max(first.height(), second.height())
        else:
            height = first.height() + self.box.spacing() + second.height()
        return QSize(max(first.width(), second.width()), height)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out (Qt's flow-layout
    example): the status strip keeps one line at normal text and never widens the window at large text."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 16, line_spacing: int = 2,
                 centre: bool = False) -> None:
        """``centre``: each line centred in the width (a row of buttons), else starting at the left."""
        super().__init__(parent)
        self._centre = centre
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        owner = self.parentWidget()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            widget = item.widget()
            if widget is not None and owner is not None and not widget.isVisibleTo(owner):
                continue
            hint = item.sizeHint()
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            height = max((hint.height() for _item, hint in line), default=0)
            x = area.x()
            if self._centre and line:
                used = sum(hint.width() for _item, hint in line) + self._spacing * (len(line) - 1)
                x += max(0, (area.width() - used) // 2)
            for item, hint in line:
                if move:  # centred on the line
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
            y += height + self._line_spacing
        return y - self._line_spacing - rect.y() + m.bottom()


class ReflowGrid(QWidget):
    """Buttons in up to ``columns`` columns: as many as fit the width side by side, down to one, so
    large text or a long language reflows into more rows instead of clipping the buttons."""

    def __init__(self, columns: int, *, spacing: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_columns = max(1, columns)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        self.items: list[QWidget] = []
        self._columns = 0
        self._spans: dict[int, bool] = {}

    def set_widgets(self, widgets: Sequence[QWidget], *, full_width: tuple[QWidget, ...] = ()) -> None:
        """Lay out ``widgets`` in order; those in ``full_width`` take a whole row."""
        for item in self.items:
            self.grid.removeWidget(item)
        self.items = list(widgets)
        self._spans = {id(w): w in full_width for w in widgets}
        self._columns = 0
        self.arrange(self.width() or 10_000)

    def set_max_columns(self, columns: int) -> None:
        self.max_columns = max(1, columns)
        self._columns = 0
        self.arrange(self.width() or 10_000)

    def columns_for(self, width: int) -> int:
        widest = max((w.sizeHint().width() for w in self.items), default=0)
        spacing = self.grid.spacing()
        fit = (width + spacing) // max(1, widest + spacing)
        return max(1, min(self.max_columns, fit))

    def arrange(self, width: int) -> None:
        columns = self.columns_for(width)
        if columns == self._columns:
            return
        self._columns = columns
        for item in self.items:
            self.grid.removeWidget(item)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 0)
        row, col = 0, 0
        for item in self.items:
            if self._spans.get(id(item)):
                if col:
                    row, col = row + 1, 0
                self.grid.addWidget(item, row, 0, 1, columns)
                row += 1
                continue
            self.grid.addWidget(item, row, col)
            col += 1
            if col == columns:
                row, col = row + 1, 0
        for c in range(columns):
            self.grid.setColumnStretch(c, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.LanguageChange,
                            QEvent.Type.LayoutRequest):
            self._columns = 0
            self.arrange(self.width() or 10_000)
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        widest = max((w.sizeHint().width() for w in self.items), default=0)
        hint = super().minimumSizeHint()
        return QSize(widest, hint.height())


class FlashFrame(QWidget):
    """A thick green, amber or red frame around the whole window for a moment (scan feedback); never takes input."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("flash-frame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.colour: QColor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._end)
        self.hide()

    def flash(self, ok: bool, ms: int = 1200, *, warn: bool = False) -> None:
        self.colour = feedback_colour(ok, warn)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._timer.start(ms)
        self.update()

    def _end(self) -> None:
        self.colour = None
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.colour is None:
            return
        painter = QPainter(self)
        pen = QPen(self.colour, 24)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(12, 12, -12, -12))
        painter.end()
