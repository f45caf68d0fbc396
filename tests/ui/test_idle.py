"""The idle watcher: touch, mouse and keys are activity; the warning counts down at least 20 s, then times out;
corner taps open the hidden admin entry. Time is driven by calling the timers' slots, not by waiting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.idle import CornerTaps, IdleWatcher


def activity_events() -> list[QEvent]:
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    return [press, key, QTouchEvent(QEvent.Type.TouchBegin), QTouchEvent(QEvent.Type.TouchUpdate)]


def test_every_kind_of_activity_cancels_the_warning(qtbot: QtBot) -> None:
    target = QWidget()
    qtbot.addWidget(target)
    for event in activity_events():
        watcher = IdleWatcher(idle_s=60, warn_s=20)
        watcher.arm(True)
        watcher._start_warning()  # the idle time has passed
        assert watcher.warning_active
        with qtbot.waitSignal(watcher.resumed, timeout=1000):
            assert watcher.eventFilter(target, event) is False  # the event still reaches its widget
        assert not watcher.warning_active, event.type()


def test_other_events_are_not_activity(qtbot: QtBot) -> None:
    watcher = IdleWatcher(idle_s=60, warn_s=20)
    watcher.arm(True)
    watcher._start_warning()
    watcher.eventFilter(QWidget(), QEvent(QEvent.Type.Paint))
    assert watcher.warning_active


def test_countdown_of_at_least_twenty_seconds_then_timeout(qtbot: QtBot) -> None:
    watcher = IdleWatcher(idle_s=30, warn_s=5)
    assert watcher.warn_s == 20  # WCAG: at least 20 s to react
    left: list[int] = []
    timed_out: list[bool] = []
    watcher.warning.connect(left.append)
    watcher.timed_out.connect(lambda: timed_out.append(True))
    watcher.arm(True)
    watcher._start_warning()
    for _ in range(20):
        watcher._count()
    assert left == list(range(20, 0, -1)) and timed_out == [True] and not watcher.warning_active


def test_an_unarmed_watcher_never_warns(qtbot: QtBot) -> None:
    watcher = IdleWatcher(idle_s=1, warn_s=20)
    warned: list[int] = []
    watcher.warning.connect(warned.append)
    watcher._start_warning()
    watcher.poke()
    assert warned == [] and not watcher.warning_active


def test_five_corner_taps_trigger_once(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    taps = CornerTaps(window, taps=5, within_s=60)
    triggered: list[bool] = []
    taps.triggered.connect(lambda: triggered.append(True))
    for _ in range(4):
        taps.tap()
    assert triggered == []
    taps.tap()
    assert triggered == [True]
    taps.tap()  # counting starts again
    assert triggered == [True]
