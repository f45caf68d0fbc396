"""The one root of the kiosk's own errors, and the one way to read any error's message.

Every package reports the errors it raises on purpose through a subclass of :class:`KioskError`
(``StoreError``, ``SyncError``, ``GatewayError``, ``ConfigError``, ``CardPayloadError``, ``SourceError``,
the printing errors, the hub's ``ApiError`` …). Each carries

* ``code``: a short stable identifier (``disk_full``, ``hub_unreachable`` …) for logs, JSON output and
  tests; a subclass sets it as a class attribute, an instance may override it;
* ``message``: English text for staff and logs, which may name the file, key or value at fault;
* ``summary``: a short English sentence without variable parts, the source text the interface
  translates (Qt context ``KioskError``, see :mod:`kiosk.ui.error_text`);
* ``environment``: True when the cause is the machine's environment (disk full, read-only or
  unwritable files, a locked database, a network or device that does not answer) rather than the
  input or a bug. :mod:`kiosk.faults` tells these apart for the interface.

This module imports nothing: every package, however low, can derive from it.
"""

from __future__ import annotations


class KioskError(Exception):
    """An error the kiosk reports on purpose; ``str()`` and ``message`` are the same English text."""

    code: str = "kiosk_error"
    summary: str = "The kiosk could not do this"
    environment: bool = False

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        text = message or self.summary
        super().__init__(text)
        self.message = text
        if code is not None:
            self.code = code


class CheckFailed(KioskError):
    """A self-test check ran and found the installation broken; the message says what is wrong."""

    code = "check_failed"
    summary = "The installation is broken"
    environment = True


def error_message(error: BaseException) -> str:
    """The text to show for ``error``: its own ``message``, else ``str(error)``, else its class name."""
    if isinstance(error, KioskError):
        return error.message
    return str(error) or type(error).__name__
