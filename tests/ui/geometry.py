"""Geometry checks for a shown screen: the window kept its size, nothing is clipped, nothing overlaps,
nothing needs sideways scrolling, nothing sits outside the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QPushButton, QWidget

from kiosk.ui.widgets import ScrollPage
from tests.ui.support import clipped_text


def _text_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for widget in root.findChildren(QLabel) + root.findChildren(QPushButton):
        if widget.isVisibleTo(root) and widget.text() and widget.width() > 1 and widget.height() > 1:
            found.append(widget)
    return found


def _inside_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def overlapping_text(root: QWidget) -> list[str]:
    """Pairs of visible texts (labels, buttons) drawn over each other (neither inside the other)."""
    widgets = _text_widgets(root)
    # What is drawn: the part inside every parent (a scroll page clips what is scrolled away).
    rects = [w.visibleRegion().boundingRect().translated(w.mapTo(root, QPoint(0, 0))) for w in widgets]
    problems = []
    for i, a in enumerate(widgets):
        for j in range(i + 1, len(widgets)):
            b = widgets[j]
            if a.isAncestorOf(b) or b.isAncestorOf(a) or rects[i].isEmpty() or rects[j].isEmpty():
                continue
            both = rects[i].intersected(rects[j])
            if both.width() > 2 and both.height() > 2:
                problems.append(f"{_name(a)} overlaps {_name(b)}")
    return problems


def outside_window(window: QWidget) -> list[str]:
    """Visible texts that reach outside the window (scroll-area content is reachable by scrolling)."""
    area = window.rect()
    problems = []
    for widget in _text_widgets(window):
        if _inside_scroll_area(widget, window):
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not area.contains(rect):
            problems.append(f"{_name(widget)} at {rect.x()},{rect.y()} {rect.width()}x{rect.height()} is outside "
                            f"the {area.width()}x{area.height()} window")
    return problems


def sideways_scroll(page: ScrollPage) -> list[str]:
    need = page.widget().minimumSizeHint().width() if page.widget() is not None else 0
    have = page.viewport().width()
    return [f"{page.objectName()} needs {need} px wide, has {have}: scrolls sideways"] if need > have else []


def settle(window: QWidget) -> None:
    """Deliver pending layout work now (a scroll page fits its screen on the next turn of the event
    loop): the check must not depend on how fast the machine got there."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        for page in window.findChildren(ScrollPage):
            page.fit()


def geometry_problems(window: QWidget, requested: QSize, screen: QWidget) -> list[str]:
    settle(window)
    problems = []
    if window.size() != requested:
        problems.append(f"window grew to {window.width()}x{window.height()}")
    problems += clipped_text(screen)
    problems += overlapping_text(screen)
    problems += outside_window(window)
    pages = [page for page in window.findChildren(ScrollPage) if page.isVisibleTo(window)]
    for page in pages:
        problems += sideways_scroll(page)
    return problems


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QPushButton) else ""
    return f"{type(widget).__name__} {widget.objectName() or text[:30]!r}"
