"""Write the configuration file the setup produced: complete, documented, atomic.

The file is written whole (every setting, each with the ``#:`` doc comment from ``kiosk/config.py``)
rather than patched: ``load_config`` refuses unknown keys, so there is nothing unknown to keep;
hand-written comments are not kept (the admin panel's saves come through here too, via
:func:`update_config`). The previous file is kept as ``config.toml.bak``. Atomic: temp file in the
same folder, fsync, rename, fsync of the folder; owner-only permissions (the file holds the hub token).
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from functools import cache
from pathlib import Path

import kiosk.config as config_module
from kiosk.config import Config, default_config_path, load_config, to_toml

HEADER = """\
# Clinic kiosk configuration, written by `kiosk setup` (or the setup wizard).
# Run `kiosk setup` again to change it; `kiosk config show` prints the effective settings.
"""


#: The same doc comments as data, for where ``kiosk/config.py``'s source is not there to read (the frozen
#: bundle ships bytecode only): package data, listed in installer/kiosk.spec. Regenerate it after changing
#: a ``#:`` comment with ``python -m kiosk.setup.writer``; tests/setup/test_writer_departments.py checks
#: that it is in step with the source.
DOCS_FILE = Path(__file__).with_name("config_docs.json")


@cache
def field_docs() -> dict[tuple[str, str], str]:
    """(class name, field) -> doc comment, read from kiosk/config.py's ``#:`` comments, else from
    :data:`DOCS_FILE` (frozen bundle); empty when neither is there (the file is then written without
    comments)."""
    docs = docs_from_source()
    return docs if docs is not None else docs_from_file()


def docs_from_source() -> dict[tuple[str, str], str] | None:
    """The ``#:`` comments of kiosk/config.py, or None when its source cannot be read."""
    try:
        source = Path(config_module.__file__ or "").read_text(encoding="utf-8")
        tree = ast.parse(source)
    except (OSError, SyntaxError, ValueError):
        return None
    lines = source.splitlines()
    docs: dict[tuple[str, str], str] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                comment: list[str] = []
                i = stmt.lineno - 2
                while i >= 0 and lines[i].strip().startswith("#:"):
                    comment.insert(0, lines[i].strip()[2:].strip())
                    i -= 1
                while i >= 0 and lines[i].strip().startswith("#") and comment:
                    comment.insert(0, lines[i].strip()[1:].strip())  # continuation lines
                    i -= 1
                if comment:
                    docs[(node.name, stmt.target.id)] = " ".join(comment)
    return docs


def docs_from_file(path: Path = DOCS_FILE) -> dict[tuple[str, str], str]:
    """:data:`DOCS_FILE` (``{class: {field: comment}}``); empty when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {(cls, name): text for cls, fields in data.items() if isinstance(fields, dict)
            for name, text in fields.items() if isinstance(text, str)}


def docs_json(docs: dict[tuple[str, str], str]) -> str:
    """The text of :data:`DOCS_FILE` for ``docs`` (classes and fields in source order)."""
    nested: dict[str, dict[str, str]] = {}
    for (cls, name), text in docs.items():
        nested.setdefault(cls, {})[name] = text
    return json.dumps(nested, ensure_ascii=False, indent=1) + "\n"


def documented_toml(config: Config) -> str:
    """``to_toml`` with each setting preceded by its doc comment."""
    docs = field_docs()
    sections = {f.name: type(getattr(config, f.name)).__name__ for f in dataclasses.fields(config)
                if dataclasses.is_dataclass(getattr(config, f.name))}
    out = [HEADER]
    section = ""
    for line in to_toml(config).splitlines():
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif " = " in line and section:
            doc = docs.get((sections.get(section, ""), line.split(" = ", 1)[0]))
            if doc:
                out.extend(f"# {chunk}" for chunk in textwrap.wrap(doc, 98))
        out.append(line)
    return "\n".join(out) + "\n"


def write_config(config: Config, path: Path | None = None, *, keep_backup: bool = True) -> Path:
    """Write ``config`` to ``path`` (default: the usual place) atomically; returns the path.

    Raises OSError when the folder is not writable; the old file is then untouched."""
    target = path if path is not None else default_config_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = documented_toml(config)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and target.exists():
            backup = target.with_name(target.name + ".bak")
            shutil.copy2(target, backup)
            os.chmod(backup, 0o600)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX; not on Windows)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return target


def update_config(change: Callable[[Config], None], path: Path | None = None) -> Path:
    """Apply ``change`` to the configuration *file* and write it back with :func:`write_config`.

    The values come from the file only (``environ={}``): what ``KIOSK_DB``, ``KIOSK_HUB_URL`` and
    ``KIOSK_HUB_TOKEN`` override at run time never lands in the file. A missing file starts from the
    defaults. Raises ConfigError when the file cannot be read, OSError when it cannot be written."""
    target = path if path is not None else default_config_path()
    config = load_config(target, environ={}) if target.exists() else Config()
    change(config)
    return write_config(config, target)


if __name__ == "__main__":  # regenerate DOCS_FILE from kiosk/config.py
    source_docs = docs_from_source()
    if not source_docs:
        raise SystemExit(f"cannot read the doc comments of {config_module.__file__}")
    DOCS_FILE.write_text(docs_json(source_docs), encoding="utf-8")
    sys.stdout.write(f"{DOCS_FILE}: {len(source_docs)} settings\n")
