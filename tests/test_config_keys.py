"""Every documented configuration key is read by the code that acts on it.

The keys are the fields of :class:`kiosk.config.Config`'s sections (what ``kiosk config template``
documents). A key counts as read when ``<section>.<key>`` appears in the kiosk's code outside the
configuration module itself, its CLI and the setup wizard (which write keys, not act on them).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from kiosk.config import Config

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"
NOT_READERS = ("config.py", "config_cli.py", "setup/")
#: Keys read through a Config method: the method's callers are the readers.
READ_THROUGH = {"database.url": "database_url()"}


def documented_keys() -> list[str]:
    config = Config()
    keys = []
    for section in dataclasses.fields(config):
        value = getattr(config, section.name)
        if dataclasses.is_dataclass(value):
            keys += [f"{section.name}.{f.name}" for f in dataclasses.fields(value)]
    return keys


@pytest.fixture(scope="module")
def code() -> str:
    files = [p for p in KIOSK.rglob("*.py")
             if not any(str(p.relative_to(KIOSK)).startswith(skip) for skip in NOT_READERS)]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@pytest.mark.parametrize("key", documented_keys())
def test_documented_key_is_read(key: str, code: str) -> None:
    read = re.search(rf"\b{re.escape(key)}\b", code) or READ_THROUGH.get(key, "\0") in code
    section, name = key.split(".")
    assert read, f"[{section}] {name} is documented but no code reads it"


def test_the_walk_sees_every_section() -> None:
    sections = {k.split(".")[0] for k in documented_keys()}
    assert sections == {"facility", "database", "queue", "hub", "camera", "serial", "wedge", "scan", "ui",
                        "printer"}
