"""Every language is complete: no unfinished or missing entries, placeholders match the source, and the
catalogues cover every string the code marks for translation (lupdate run fresh into a temp file)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.ui.i18n import LANGUAGES, TRANSLATIONS_DIR, compile_catalogues

UI_DIR = Path(__file__).resolve().parents[2] / "kiosk" / "ui"
CATALOGUES = [lang.catalogue for lang in LANGUAGES if lang.catalogue]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%n")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def mnemonic_count(text: str) -> int:
    return len(re.findall(r"&(?!&)", text))


@pytest.fixture(scope="module")
def fresh_sources(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    ts = tmp_path_factory.mktemp("lupdate") / "fresh_vi.ts"
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run([str(tool), "-silent", "-no-obsolete", *files, "-ts", str(ts)], check=True)
    return set(messages(ts))


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_catalogue_is_complete(catalogue: str, fresh_sources: set[tuple[str, str]]) -> None:
    ts = TRANSLATIONS_DIR / f"kiosk_{catalogue}.ts"
    entries = messages(ts)
    missing = sorted(fresh_sources - set(entries))
    assert not missing, f"{ts.name}: strings in the code but not in the catalogue (run lupdate): {missing[:5]}"
    stale = sorted(set(entries) - fresh_sources)
    assert not stale, f"{ts.name}: entries no longer in the code: {stale[:5]}"
    problems = []
    for (context, source), message in entries.items():
        translation = message.find("translation")
        text = "" if translation is None else (translation.text or "")
        kind = "" if translation is None else translation.get("type", "")
        if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is unfinished")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
        if mnemonic_count(source) != mnemonic_count(text):
            problems.append(f"{context}: {source!r} -> {text!r}: keyboard accelerator (&) differs")
    assert not problems, "; ".join(problems[:10])


def test_catalogues_compile(tmp_path: Path) -> None:
    for catalogue in CATALOGUES:
        (tmp_path / f"kiosk_{catalogue}.ts").write_bytes((TRANSLATIONS_DIR / f"kiosk_{catalogue}.ts").read_bytes())
    written = compile_catalogues(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"kiosk_{c}.qm" for c in CATALOGUES)


def test_placeholder_check_catches_a_broken_translation(tmp_path: Path) -> None:
    source, text = "Room {room}", "Phòng {phong}"
    assert sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
