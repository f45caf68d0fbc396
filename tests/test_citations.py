"""Every document a comment or a page cites is in the repository, and so is every section it names.

Scans ``kiosk/``, ``docs/``, ``tests/`` and ``README.md`` for names ending in ``.md`` (web addresses are
skipped: they name other people's documents). A citation resolves against the citing file's folder, the
repository root or ``docs/``, and must stay inside the repository. Section marks right after the name
(``kiosk-ux.md §4``, ``§2-§7``, ``§3.3``, ``§B4``, ``§Signing``) must match a heading of that document:
a heading that starts with the number (``## 4. Idle reset``, ``### 3.3 Threads``) or, for a word, contains it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = [ROOT / "kiosk", ROOT / "docs", ROOT / "tests", ROOT / "README.md"]
SUFFIXES = frozenset({".py", ".md", ".json", ".toml", ".txt", ".sh", ".ini", ".cfg", ".spec"})
SKIPPED_DIRS = frozenset({"__pycache__", ".venv", "node_modules"})
#: Folders of generated output (a report a command writes, e.g. build/mutation/report.md): named as where
#: to look after running that command, not documents the repository holds.
GENERATED = ("build/",)

#: Documents that were never in the repository, and the repository's own page that holds what they were cited
#: for (same section numbers, except platform.md: §5 → testing.md §1, §6 → §2).
NOW_IN = {
    "bhyt-qr.md": "docs/card-payloads.md", "codes.md": "docs/card-codes.md", "xml-checkin.md": "docs/xml0.md",
    "scanners-and-decoding.md": "docs/scanning.md", "cards-api.md": "docs/visit-wire-format.md",
    "platform.md": "docs/testing.md",
    "gateway.md": "docs/bhxh-gateway.md (the gateway's contract; docs/gateway.md describes the adapter)",
}

_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
_DOC = re.compile(r"(?<![\w/.*-])((?:/|\.{1,2}/)?(?:\.{1,2}/|[\w.-]+/)*[\w.-]*[\w-]\.md)\b")
# Section marks that follow a name: "§4", "§2-§7", "§2 (fields), §4", "§3.3", "§B4", "§Signing".
_TAIL = re.compile(r"[`'\")\]]*[ \t]*(?:,?[ \t]*(?:and[ \t]+)?§[\w.]+(?:[ \t]*[-–][ \t]*§?[\w.]+)?"
                   r"(?:[ \t]*\([^)\n]*\))?)+")
_SECTION = re.compile(r"§([\w.]+)")


def _files() -> list[Path]:
    found: list[Path] = []
    for place in SCANNED:
        if place.is_file():
            found.append(place)
            continue
        for path in sorted(place.rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and not SKIPPED_DIRS & set(path.parts):
                found.append(path)
    return [p for p in found if p != Path(__file__).resolve()]


def _resolve(name: str, citing: Path) -> Path | None:
    for base in (citing.parent, ROOT, ROOT / "docs"):
        candidate = (base / name).resolve()
        if candidate.is_relative_to(ROOT) and candidate.is_file():
            return candidate
    return None


def _headings(document: Path) -> list[str]:
    headings = []
    in_code = False
    for line in document.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            headings.append(line.lstrip("#").strip())
    return headings


def _has_section(headings: list[str], section: str) -> bool:
    if re.fullmatch(r"[A-Za-z]+", section):  # a word: "§Signing"
        return any(re.search(rf"\b{re.escape(section)}\b", h, re.IGNORECASE) for h in headings)
    starts = re.compile(rf"§?{re.escape(section)}(?:[.):\s]|$)")
    return any(starts.match(h) for h in headings)


def citation_problems(text: str, citing: Path) -> list[str]:
    """The broken citations in ``text`` (a file at ``citing``), one message each."""
    problems: list[str] = []
    for number, line in enumerate(_URL.sub(" ", text).splitlines(), start=1):
        for match in _DOC.finditer(line):
            name = match.group(1)
            if name.startswith(GENERATED):
                continue
            where = f"{citing.relative_to(ROOT) if citing.is_relative_to(ROOT) else citing}:{number}"
            document = _resolve(name, citing)
            if document is None:
                hint = NOW_IN.get(Path(name).name)
                problems.append(f"{where}: cites {name}, which the repository does not hold"
                                + (f"; what it was cited for is in {hint}" if hint else ""))
                continue
            tail = _TAIL.match(line, match.end())
            if tail is None:
                continue
            headings = _headings(document)
            for section in _SECTION.findall(tail.group(0)):
                section = section.rstrip(".")
                if not _has_section(headings, section):
                    hint = NOW_IN.get(Path(name).name) if document.name == Path(name).name else None
                    problems.append(f"{where}: cites {name} §{section}, which has no such section"
                                    + (f" (did you mean {hint}?)" if hint else ""))
    return problems


def test_every_cited_document_and_section_exists() -> None:
    problems = [p for path in _files() for p in citation_problems(path.read_text(encoding="utf-8"), path)]
    assert not problems, "broken citations:\n" + "\n".join(problems)


def test_the_checker_finds_missing_documents_and_sections() -> None:
    here = ROOT / "kiosk" / "example.py"
    assert citation_problems("Plain words (kiosk-ux.md §1).", here) == []
    assert citation_problems("see docs/house-style.md §3.3 and docs/scanning.md §B4", here) == []
    assert citation_problems("docs/xml0.md §2 (fields), §4 (formats); docs/xml0.md §Signing", here) == []
    assert citation_problems("https://example.org/notes/elsewhere.md is someone else's", here) == []
    assert citation_problems("see kiosk/scanner/README.md", here) == []
    assert citation_problems("layout: cards-api.md", here) == [
        "kiosk/example.py:1: cites cards-api.md, which the repository does not hold; what it was cited for is in "
        "docs/visit-wire-format.md"]
    assert len(citation_problems("layout: ../shared/reference/bhyt-qr.md §2", here)) == 1
    assert len(citation_problems("contract in ``/work/shared/reference/gateway.md``", here)) == 1
    assert len(citation_problems("rules of kiosk-ux.md §99", here)) == 1
    assert len(citation_problems("card-payloads.md §2-§42", here)) == 1
    assert len(citation_problems("xml0.md §Nowhere", here)) == 1
