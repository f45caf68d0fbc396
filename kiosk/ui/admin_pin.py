"""The admin PIN: PBKDF2-SHA256 hashes in the config (``ui.admin_pin_hash``), never the PIN itself.

Format: ``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``. An empty setting means the factory PIN
``0000`` until an administrator sets one (the admin screen says so). Recovery: `kiosk run` with a
config whose ``admin_pin_hash`` is emptied by whoever has file access (the documented path).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from kiosk.errors import KioskError

ALGORITHM: Final = "pbkdf2_sha256"
ITERATIONS: Final = 200_000
FACTORY_PIN: Final = "0000"
MIN_PIN_LENGTH: Final = 4
MAX_PIN_LENGTH: Final = 12


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
