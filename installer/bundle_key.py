"""Print the cache key of the PyInstaller bundle: a hash of everything that goes into it.

Used by installer/build_bundle.sh and the installer tests' session fixture, so an unchanged tree
reuses build/installer/dist/kiosk instead of freezing again (about a minute).
"""

from __future__ import annotations

import hashlib
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("kiosk", "resources", "translations", "installer/kiosk.spec", "installer/kiosk_main.py")
SUFFIXES = {".py", ".json", ".csv", ".png", ".wav", ".mp4", ".qm", ".mako", ".spec", ".ini", ".sql"}


def bundle_key(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for name in ("pyinstaller", "pyside6-essentials"):
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\n".encode())
    digest.update(sys.version.encode())
    for entry in INPUTS:
        path = root / entry
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix not in SUFFIXES or "__pycache__" in f.parts:
                continue
            digest.update(str(f.relative_to(root)).encode() + b"\0")
            digest.update(hashlib.sha256(f.read_bytes()).digest())
    return digest.hexdigest()[:16]


if __name__ == "__main__":
    sys.stdout.write(bundle_key() + "\n")
