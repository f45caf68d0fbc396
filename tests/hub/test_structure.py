"""The hub's structure (docs/hub-api.md, code layout): typed settings from the environment, the kiosk's
sync client free of the hub, and no import circle between the hub's modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.hub.settings import HubSettings
from tests.hub.support import REPO


def test_settings_come_from_the_environment_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_HUB_RATE", "2.5")
    monkeypatch.setenv("KIOSK_HUB_BURST", "7")
    monkeypatch.setenv("KIOSK_HUB_WORKERS", "3")
    monkeypatch.setenv("KIOSK_HUB_DB", "sqlite:////tmp/x.sqlite3")
    settings = HubSettings()
    assert (settings.rate_per_s, settings.burst, settings.workers, settings.db_url) == (
        2.5, 7, 3, "sqlite:////tmp/x.sqlite3")
    assert HubSettings(rate_per_s=0).rate_per_s == 0  # keyword arguments win
    monkeypatch.setenv("KIOSK_HUB_BURST", "lots")
    with pytest.raises(ValueError, match="burst"):
        HubSettings()


def test_the_sync_client_does_not_load_the_hub() -> None:
    code = ("import sys, kiosk.sync.client, kiosk.sync.engine; "
            "print(sorted(m for m in sys.modules if m.startswith(('kiosk.hub', 'fastapi', 'sqlalchemy'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def _imports(path: Path) -> set[str]:
    """Modules ``path`` imports, wherever in the file (function-local imports count too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_import_circle_among_hub_modules() -> None:
    package = REPO / "kiosk" / "hub"
    modules = {f"kiosk.hub.{'.'.join(p.relative_to(package).with_suffix('').parts)}": p
               for p in package.rglob("*.py") if "migrations" not in p.parts and p.name != "__init__.py"}
    graph = {name: {m for m in _imports(path) if m in modules} for name, path in modules.items()}

    def reaches(start: str, target: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            for nxt in graph[node]:
                if nxt == target:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    circles = sorted(f"{a} <-> {b}" for a in graph for b in graph[a] if reaches(b, a))
    assert circles == []
