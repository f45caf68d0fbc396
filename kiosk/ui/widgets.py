"""Small reusable widgets: the camera preview with its framing guide, the language bar, labels."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

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

    def flash(self, ok: bool, ms: int = 900) -> None:
        self._flash = QColor("#1e9e48" if ok else "#d0312d")
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


class FlashFrame(QWidget):
    """A thick green or red frame around the whole window for a moment (scan feedback); never takes input."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("flash-frame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.colour: QColor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._end)
        self.hide()

    def flash(self, ok: bool, ms: int = 1200) -> None:
        self.colour = QColor("#1e9e48" if ok else "#d0312d")
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
