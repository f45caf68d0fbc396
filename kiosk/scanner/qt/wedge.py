"""Keyboard-wedge scanner input: an application-wide Qt event filter that recognises scanner bursts.

A wedge scanner "types" its payload as key presses, far faster than a person (a few ms between
keys), usually followed by Enter. :class:`WedgeFilter`, installed on the ``QApplication``, holds back
printable key presses while they arrive faster than ``max_key_interval_ms`` apart:

* burst of at least ``min_length`` characters ended by a terminator key (Enter/Return), or by a
  pause when ``accept_without_terminator`` is set → it is a scan: the keys are swallowed (the focused
  widget never sees them) and :attr:`WedgeFilter.scanned` is emitted with the text. If the text looks
  altered by the keyboard layout or an IME, :attr:`WedgeFilter.corrupted` is emitted instead.
* anything else (a person typing, shortcuts, navigation keys) → the held-back keys are replayed,
  in order, to the widget they were meant for. A person's first key is delayed by at most
  ``max_key_interval_ms``.

Pitfalls (details in ``kiosk/scanner/README.md``):

* **Vietnamese IME (Unikey, EVKey, ibus-unikey, Telex/VNI).** The IME rewrites what the scanner types:
  ``aa``→``â``, ``ee``→``ê``, ``dd``→``đ``, ``af``→``à`` … BHYT hex fields contain those sequences, so the
  payload is silently altered (and OS-level IMEs insert Backspaces, which also break the burst).
  Switch the IME off (English mode) on kiosks with a wedge scanner; the filter detects the damage
  (:func:`kiosk.scanner.wedge_check.wedge_problems`) and refuses the scan.
* **Keyboard layout.** The scanner's keyboard country must match the OS layout, otherwise
  punctuation changes (``|`` becomes ``\\`` or ``¦``, ``@`` ↔ ``"``). Detected as a layout mismatch.
* **Non-ASCII.** Most wedge scanners cannot type Vietnamese letters (CP1252 at best): CCCD names and
  the BHYT guardian field arrive as ``?``. Prefer the scanner's USB-serial (CDC) mode.
* **Focus.** Without this filter the keys go to whatever widget has focus; with it they never do.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from kiosk.scanner.wedge_check import wedge_problems

_TERMINATOR_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
#: Keys a scanner presses around characters without typing anything: Shift for capitals and ``|``
#: (and AltGr / Caps Lock on some keyboard countries). They neither start nor break a burst.
_SHIFT_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock})
_BLOCKING_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)


class WedgeFilter(QObject):
    """Install with ``app.installEventFilter(WedgeFilter(app))``."""

    #: A scanner burst that looks intact (the text without the terminator).
    scanned = Signal(str)
    #: A scanner burst that the layout or an IME altered: text and a list of WedgeProblem codes.
    corrupted = Signal(str, list)

    def __init__(self, parent: QObject | None = None, *, max_key_interval_ms: int = 40, min_length: int = 8,
                 accept_without_terminator: bool = False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.max_key_interval_ms = max_key_interval_ms
        self.min_length = min_length
        self.accept_without_terminator = accept_without_terminator
        self._clock = clock
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._text: list[str] = []
        self._last = 0.0
        self._replaying = False
        self._swallow_release: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._pause)

    # -- Qt ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.KeyRelease:
            return self._release(watched, event)
        return self._press(watched, event)

    # -- logic ---------------------------------------------------------------------------------

    def _press(self, watched: QObject, event: QKeyEvent) -> bool:
        if event.key() in _SHIFT_KEYS:
            return self._hold_if_in_burst(watched, event)
        now = self._clock()
        fast = bool(self._held) and (now - self._last) * 1000 <= self.max_key_interval_ms
        if self._held and not fast:
            self._give_back()
        key = event.key()
        if key in _TERMINATOR_KEYS and self._held:
            if len(self._text) >= self.min_length:
                self._finish("".join(self._text))
                self._swallow_release.add(int(key))
                return True
            self._give_back()
            return False
        text = event.text()
        printable = len(text) == 1 and text.isprintable() and not (event.modifiers() & _BLOCKING_MODIFIERS)
        if not printable:
            if self._held:
                self._give_back()
            return False
        self._held.append((watched, QKeyEvent(event)))
        self._text.append(text)
        self._last = now
        self._timer.start(max(1, self.max_key_interval_ms))
        return True

    def _release(self, watched: QObject, event: QKeyEvent) -> bool:
        if int(event.key()) in self._swallow_release:
            self._swallow_release.discard(int(event.key()))
            return True
        return self._hold_if_in_burst(watched, event)

    def _hold_if_in_burst(self, watched: QObject, event: QKeyEvent) -> bool:
        """Inside a burst, keep the event (replayed in order if it was a person); outside, let it pass."""
        if self._held:
            self._held.append((watched, QKeyEvent(event)))
            return True
        return False

    def _pause(self) -> None:
        """No key for ``max_key_interval_ms``: the burst is over."""
        if not self._held:
            return
        if self.accept_without_terminator and len(self._text) >= self.min_length:
            self._finish("".join(self._text))
        else:
            self._give_back()

    def _finish(self, text: str) -> None:
        self._timer.stop()
        self._held.clear()
        self._text.clear()
        problems = wedge_problems(text)
        if problems:
            self.corrupted.emit(text, [str(p) for p in problems])
        else:
            self.scanned.emit(text)

    def _give_back(self) -> None:
        """Replay the held-back keys to their widgets: it was a person typing."""
        self._timer.stop()
        held, self._held = self._held, []
        self._text.clear()
        self._replaying = True
        try:
            for target, event in held:
                if shiboken6.isValid(target):
                    QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def flush(self) -> None:
        """Give back anything held (e.g. before the window loses focus)."""
        self._give_back()
