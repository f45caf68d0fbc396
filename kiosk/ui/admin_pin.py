"""The admin PIN: PBKDF2-SHA256 hashes in the config (``ui.admin_pin_hash``), never the PIN itself.

Format: ``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``. An empty setting means the factory PIN
``0000``, which opens the admin panel only after a new PIN is chosen (:class:`PinGuard`). Recovery:
`kiosk run` with a config whose ``admin_pin_hash`` is emptied by whoever has file access (the
documented path).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from typing import Final

from kiosk.errors import KioskError

ALGORITHM: Final = "pbkdf2_sha256"
ITERATIONS: Final = 200_000
FACTORY_PIN: Final = "0000"
MIN_PIN_LENGTH: Final = 4
MAX_PIN_LENGTH: Final = 12

log = logging.getLogger(__name__)


class PinFormatError(KioskError, ValueError):
    pass


def check_pin_shape(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH):
        raise PinFormatError(f"a PIN is {MIN_PIN_LENGTH}-{MAX_PIN_LENGTH} digits")
    return pin


def hash_pin(pin: str, *, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    check_pin_shape(pin)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored`` (empty: the factory PIN). A malformed hash never matches."""
    if not stored:
        return hmac.compare_digest(pin, FACTORY_PIN)
    try:
        algorithm, iterations, salt_hex, hash_hex = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt_hex), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), hash_hex)


class PinCheck(enum.Enum):
    OK = "ok"
    #: The factory PIN was right: the administrator must choose a PIN before going on.
    MUST_CHANGE = "must_change"
    WRONG = "wrong"
    #: Too many wrong PINs in a row: no PIN is checked until the lock ends.
    LOCKED = "locked"


class PinGuard:
    """Checks admin PINs for every PIN screen of one running kiosk.

    ``max_failures`` wrong PINs in a row lock PIN entry for ``lock_s`` seconds (a PIN pad in a waiting
    room is tried by children and the curious); every attempt is logged, never the PIN. The factory PIN
    (an empty stored hash) is accepted only to choose a new one: :attr:`PinCheck.MUST_CHANGE`.
    """

    def __init__(self, stored: Callable[[], str], *, max_failures: int = 5, lock_s: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stored = stored
        self.max_failures = max_failures
        self.lock_s = lock_s
        self._clock = clock
        self.failures = 0
        self._locked_until = 0.0

    def locked_for(self) -> float:
        """Seconds until PINs are checked again (0 when not locked)."""
        return max(0.0, self._locked_until - self._clock())

    @property
    def attempts_left(self) -> int:
        return max(0, self.max_failures - self.failures)

    def check(self, pin: str) -> PinCheck:
        if self.locked_for() > 0:
            log.warning("admin PIN: attempt while locked (%.0f s left)", self.locked_for())
            return PinCheck.LOCKED
        stored = self._stored()
        if verify_pin(pin, stored):
            self.failures = 0
            log.info("admin PIN: accepted%s", "" if stored else " (factory PIN: a new PIN is required)")
            return PinCheck.OK if stored else PinCheck.MUST_CHANGE
        self.failures += 1
        if self.failures >= self.max_failures:
            self.failures = 0
            self._locked_until = self._clock() + self.lock_s
            log.warning("admin PIN: %d wrong attempts, PIN entry locked for %.0f s", self.max_failures,
                        self.lock_s)
            return PinCheck.LOCKED
        log.warning("admin PIN: wrong attempt %d of %d", self.failures, self.max_failures)
        return PinCheck.WRONG


def check_new_pin(pin: str) -> str:
    """A PIN an administrator may choose: the right shape and not the factory PIN."""
    check_pin_shape(pin)
    if pin == FACTORY_PIN:
        raise PinFormatError("the factory PIN cannot be kept")
    return pin
