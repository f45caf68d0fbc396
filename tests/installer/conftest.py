"""Session fixtures of the packaging tests: the PyInstaller bundle (built once, cached by a hash of
its inputs in build/installer) and two .deb packages of it that differ only in their version."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build" / "installer"
BUNDLE = BUILD / "dist" / "kiosk"
#: Generous: PyInstaller needs about a minute alone, more on a busy 2-core machine.
BUILD_TIMEOUT_S = 900


def _bundle_key() -> str:
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        from bundle_key import bundle_key

        return str(bundle_key())
    finally:
        sys.path.remove(str(ROOT / "installer"))


@pytest.fixture(scope="session")
def kiosk_bundle() -> Path:
    """build/installer/dist/kiosk, rebuilt by installer/build_bundle.sh only when its inputs changed."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: run scripts/setup.sh --test")
    stamp = BUILD / "bundle.key"
    if (BUNDLE / "kiosk").is_file() and stamp.is_file() and stamp.read_text().strip() == _bundle_key():
        return BUNDLE
    result = subprocess.run(["bash", str(ROOT / "installer" / "build_bundle.sh")], capture_output=True, text=True,
                            timeout=BUILD_TIMEOUT_S, check=False)
    assert result.returncode == 0, f"build_bundle.sh failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return BUNDLE


def _tools(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (scripts/setup.sh --test installs them)")


@pytest.fixture(scope="session")
def kiosk_debs(kiosk_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """clinic-kiosk 0.9 and 1.0 .deb files of the same bundle: {"0.9": path, "1.0": path}."""
    _tools("dpkg-deb")
    out = tmp_path_factory.mktemp("debs")
    debs: dict[str, Path] = {}
    for version in ("0.9", "1.0"):
        result = subprocess.run(["bash", str(ROOT / "installer" / "build_deb.sh"), version, "--bundle",
                                 str(kiosk_bundle), "--out", str(out)],
                                capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False)
        assert result.returncode == 0, f"build_deb.sh {version} failed:\n{result.stdout}\n{result.stderr}"
        debs[version] = Path(result.stdout.strip().splitlines()[-1])
        assert debs[version].is_file()
    return debs


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the frozen kiosk with its data and config in a temporary folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(tmp_path / "data"),
               KIOSK_CONFIG=str(tmp_path / "kiosk.toml"))
    return env
