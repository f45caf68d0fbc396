"""The keyboard-wedge event filter, with real Qt widgets offscreen, and the corruption checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.scanner.qt.wedge import WedgeFilter
from kiosk.scanner.wedge_check import WedgeProblem, wedge_problems

BHYT = (
    "HC4100123456789|4e677579e1bb856e2056c4836e20416e|15/03/1985|1|-|10 - 099|01/01/2024|-|"
    "20/12/2023|10010123456789|-|5| 01/10/2027|5e1f0c2a9b7d3c48-7102|$"
)
CCCD = "001185000321||Trần Thị Bình|21061985|Nữ|Số 1 ngõ Mẫu, phường Thử Nghiệm, Hà Nội|10052022"


def press(target: object, ch: str = "", key: int = 0) -> None:
    # qtbot.keyClicks aborts on non-ASCII (docs/testing.md §1): send events that carry the text instead.
    k = key or (ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, k, Qt.KeyboardModifier.NoModifier, ch))


def type_burst(target: object, text: str, terminator: bool = True) -> None:
    for ch in text:
        press(target, ch)
    if terminator:
        press(target, "\r", Qt.Key.Key_Return)


class ScannerClock:
    """A scanner's pace whatever the machine does meanwhile (a garbage-collection pause mid-burst must not
    split a synthetic burst): every reading is 5 ms after the previous one."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.005
        return self.now


@pytest.fixture
def edit_and_filter(qtbot, request):  # type: ignore[no-untyped-def]
    """A focused line edit and the filter; bursts are timed by :class:`ScannerClock` unless the test is
    about a person's pace (marked ``real_clock``)."""
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    real = request.node.get_closest_marker("real_clock") is not None
    wedge = WedgeFilter(max_key_interval_ms=40, min_length=8, **({} if real else {"clock": ScannerClock()}))
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    yield edit, wedge
    app.removeEventFilter(wedge)


def test_scanner_burst_is_taken_from_the_focused_widget(qtbot, edit_and_filter) -> None:  # type: ignore[no-untyped-def]
    edit, wedge = edit_and_filter
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_burst(edit, BHYT)
    assert blocker.args == [BHYT]
    assert edit.text() == ""


def test_vietnamese_text_burst(qtbot, edit_and_filter) -> None:  # type: ignore[no-untyped-def]
    edit, wedge = edit_and_filter
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_burst(edit, CCCD)
    assert blocker.args == [CCCD]
    assert edit.text() == ""


@pytest.mark.real_clock
def test_person_typing_reaches_the_widget(qtbot, edit_and_filter) -> None:  # type: ignore[no-untyped-def]
    edit, wedge = edit_and_filter
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    for ch in "Lê Thị Hoa":
        press(edit, ch)
        qtbot.wait(70)
    qtbot.wait(80)
    assert edit.text() == "Lê Thị Hoa"
    assert scans == []


def test_short_fast_burst_with_enter_is_given_back(qtbot, edit_and_filter) -> None:  # type: ignore[no-untyped-def]
    edit, _ = edit_and_filter
    returns: list[int] = []
    edit.returnPressed.connect(lambda: returns.append(1))
    type_burst(edit, "abc")
    assert edit.text() == "abc"
    assert returns == [1]  # the Enter still reached the widget, after the replayed keys


def test_telex_altered_payload_is_reported_corrupted(qtbot, edit_and_filter) -> None:  # type: ignore[no-untyped-def]
    edit, wedge = edit_and_filter
    altered = BHYT.replace("4e677579e1bb856e", "4e677579e1bb856e".replace("ee", "ê").replace("e1", "ế1"))
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    with qtbot.waitSignal(wedge.corrupted, timeout=1000) as blocker:
        type_burst(edit, altered)
    assert blocker.args[1] == [WedgeProblem.IME_ALTERED.value]
    assert scans == []
    assert edit.text() == ""


def test_no_terminator_mode(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    # timed by ScannerClock: under load, real time between two synthetic key presses exceeded 30 ms
    wedge = WedgeFilter(max_key_interval_ms=30, min_length=8, accept_without_terminator=True, clock=ScannerClock())
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
            type_burst(edit, "0198765432", terminator=False)
        assert blocker.args == ["0198765432"]
    finally:
        app.removeEventFilter(wedge)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BHYT, []),
        (CCCD, []),
        (BHYT.replace("4e677579", "4ê677579"), [WedgeProblem.IME_ALTERED]),
        (BHYT.replace("|4e677579e1bb856e", "|4e677579e1bb856"), [WedgeProblem.BAD_HEX]),
        (BHYT.replace("HC41", "HC4đ"), [WedgeProblem.IME_ALTERED]),
        (BHYT.replace("|-|5|", "|Nguy?n V?n B|5|"), [WedgeProblem.NON_ASCII_LOST]),
        (CCCD.replace("Trần Thị Bình", "Tr?n Th? B?nh"), [WedgeProblem.NON_ASCII_LOST]),
        (BHYT.replace("|", "\\"), [WedgeProblem.LAYOUT_MISMATCH]),
    ],
)
def test_wedge_problems(text: str, expected: list[WedgeProblem]) -> None:
    assert wedge_problems(text) == expected


def shifted_burst(target: object, text: str) -> None:
    """What a scanner (and xdotool) sends for capitals and ``|``: Shift down, the key, Shift up."""
    shift = Qt.KeyboardModifier.ShiftModifier
    for ch in text:
        needs_shift = ch.isupper() or ch in '|$:"<>?_+{}~!@#%^&*()'
        if needs_shift:
            QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, shift))
        k = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        modifiers = shift if needs_shift else Qt.KeyboardModifier.NoModifier
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, k, modifiers, ch))
        if needs_shift:
            QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift,
                                                     Qt.KeyboardModifier.NoModifier))
    press(target, "\r", Qt.Key.Key_Return)


def test_burst_with_shift_presses_is_one_scan(qtbot, edit_and_filter) -> None:  # type: ignore[no-untyped-def]
    """Capitals and ``|`` come with Shift key events; they must not split the burst ("D" left behind)."""
    edit, wedge = edit_and_filter
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        shifted_burst(edit, BHYT)
    assert blocker.args == [BHYT]
    assert edit.text() == ""


def test_person_typing_capitals_with_shift_reaches_the_widget(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    now = [0.0]
    wedge = WedgeFilter(max_key_interval_ms=40, min_length=8, clock=lambda: now[0])
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    try:
        for ch in "HC4 Dong":  # a person: 150 ms between keys, Shift for the capitals
            shifted = ch.isupper()
            if shifted:
                QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                                       Qt.KeyboardModifier.ShiftModifier))
            press(edit, ch)
            if shifted:
                QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift,
                                                       Qt.KeyboardModifier.NoModifier))
            now[0] += 0.150
        wedge.flush()
    finally:
        app.removeEventFilter(wedge)
    assert edit.text() == "HC4 Dong"
    assert scans == []
