"""Every documented configuration key is read by the code that acts on it.

The keys are the fields of :class:`kiosk.config.Config`'s sections (what ``kiosk config template``
documents). A key counts as read when the attribute access ``<section>.<key>`` appears in the kiosk's
code (Python tokens: comments and strings do not count) outside the configuration module itself, its CLI
and the setup wizard (which write keys, not act on them), or a Config method that reads it is called.
"""

from __future__ import annotations

import dataclasses
import io
import tokenize
from pathlib import Path

import pytest

from kiosk.config import Config

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"
NOT_READERS = ("config.py", "config_cli.py", "setup/")
#: Keys read through a Config method: the method's callers are the readers.
READ_THROUGH = {"database.url": "config.database_url",
                "eligibility.identity_check": "eligibility.identity_policy",
                **{f"facility.{k}": "facility.profile" for k in ("level", "former_tier", "basic_score",
                                                                 "primary_full_coverage", "primary_care_scope")}}
#: Documented keys whose feature is not wired into the check-in yet: each is an expected failure, strict,
#: so wiring one up makes this list fail until the entry is removed.
NOT_WIRED_YET: dict[str, str] = {}


def _param(key: str) -> object:
    reason = NOT_WIRED_YET.get(key)
    return pytest.param(key, marks=pytest.mark.xfail(reason=reason, strict=True)) if reason else key


def documented_keys() -> list[str]:
    config = Config()
    keys = []
    for section in dataclasses.fields(config):
        value = getattr(config, section.name)
        if dataclasses.is_dataclass(value):
            keys += [f"{section.name}.{f.name}" for f in dataclasses.fields(value)]
    return keys


def attribute_pairs(source: str) -> set[str]:
    """Every ``name.attribute`` pair in the code's tokens (not in strings or comments)."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)]
    return {f"{a.string}.{c.string}" for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
            if a.type == tokenize.NAME and b.string == "." and c.type == tokenize.NAME}


@pytest.fixture(scope="module")
def code() -> set[str]:
    pairs: set[str] = set()
    for path in KIOSK.rglob("*.py"):
        if not any(str(path.relative_to(KIOSK)).startswith(skip) for skip in NOT_READERS):
            pairs |= attribute_pairs(path.read_text(encoding="utf-8"))
    return pairs


@pytest.mark.parametrize("key", [_param(k) for k in documented_keys()])
def test_documented_key_is_read(key: str, code: set[str]) -> None:
    read = key in code or READ_THROUGH.get(key) in code
    section, name = key.split(".")
    assert read, f"[{section}] {name} is documented but no code reads it"


def test_the_walk_sees_every_section() -> None:
    sections = {k.split(".")[0] for k in documented_keys()}
    assert sections == {"facility", "eligibility", "database", "queue", "hub", "camera", "serial", "wedge",
                        "scan", "ui", "printer"}
