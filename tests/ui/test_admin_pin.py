"""The admin PIN is stored as a PBKDF2 hash; a wrong or malformed PIN is refused."""

from __future__ import annotations

import pytest

from kiosk.ui.admin_pin import PinFormatError, hash_pin, verify_pin


def test_pin_hashing() -> None:
    stored = hash_pin("123456", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$") and "123456" not in stored
    assert verify_pin("123456", stored)
    assert not verify_pin("123457", stored)
    assert verify_pin("0000", "") and not verify_pin("1234", "")
    assert not verify_pin("1234", "garbage$1$zz$00")
    with pytest.raises(PinFormatError):
        hash_pin("12a4")
