"""Helpers for the UI tests: finding clipped text, typing non-ASCII text, waiting for screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget


def clipped_text(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit their current size (clipped or cut off)."""
    problems = []
    for widget in root.findChildren(QLabel):
        if not widget.isVisibleTo(root) or not widget.text() or widget.width() <= 1:
            continue
        if widget.wordWrap():
            need_w, need_h = widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
        else:
            need_w, need_h = widget.sizeHint().width(), widget.sizeHint().height()
        if need_w > widget.width() + 1 or need_h > widget.height() + 1:
            problems.append(f"label {widget.objectName() or widget.text()[:40]!r}: needs {need_w}x{need_h}, "
                            f"has {widget.width()}x{widget.height()}")
    for button in root.findChildren(QPushButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        hint = button.sizeHint()
        if hint.width() > button.width() + 1 or hint.height() > button.height() + 1:
            problems.append(f"button {button.objectName() or button.text()[:40]!r}: needs "
                            f"{hint.width()}x{hint.height()}, has {button.width()}x{button.height()}")
    return problems


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Vietnamese included (QTest.keyClicks aborts on non-ASCII: docs/testing.md §1)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press_key(widget: QWidget, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


#: 15 mm on a 21.5" 1920x1080 panel (≈ 102 dpi) is 60 px; the requirement rounds to 63.
TOUCH_TARGET_MIN_PX = 63


def small_touch_targets(root: QWidget, min_px: int = TOUCH_TARGET_MIN_PX) -> list[str]:
    """Visible buttons smaller than a fingertip (15 mm) in either direction."""
    return [f"button {b.objectName() or b.text()[:30]!r} is {b.width()}x{b.height()} px"
            for b in root.findChildren(QPushButton)
            if b.isVisibleTo(root) and (b.width() < min_px or b.height() < min_px)]
