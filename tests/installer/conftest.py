"""Session fixtures of the packaging tests: the PyInstaller bundle (built once, cached by a hash of
its inputs in build/installer) and two .deb packages of it that differ only in their version."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
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


#: Lintian checks left out: their tags are overridden as a whole for a PyInstaller bundle
#: (libraries/embedded) or concern third-party binaries' strings (binaries/spelling); together they
#: are half of lintian's CPU time on this package.
LINTIAN_SKIPPED_CHECKS = "binaries/spelling,libraries/embedded"
LINTIAN_TIMEOUT_S = 1200
_LINTIAN: dict[str, tuple[subprocess.Popen[str], Path]] = {}


def lintian_command(deb: Path) -> list[str]:
    return ["lintian", "--fail-on", "error,warning", "--no-tag-display-limit", "-X", LINTIAN_SKIPPED_CHECKS,
            str(deb)]


def lintian_job() -> tuple[subprocess.Popen[str], Path] | None:
    """The lintian run on the 1.0 package and its output file, started in the background when the
    packages were built (1-3 minutes), so that it overlaps the other packaging tests."""
    return _LINTIAN.get("1.0")


@pytest.fixture(scope="session")
def kiosk_debs(kiosk_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
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
    job = None
    if shutil.which("lintian") is not None:
        # Output to a file, not a pipe: nobody reads it until the lintian test runs.
        with (out / "lintian.log").open("w") as log:
            job = subprocess.Popen(lintian_command(debs["1.0"]), stdout=log, stderr=subprocess.STDOUT, text=True)
        _LINTIAN["1.0"] = (job, out / "lintian.log")
    yield debs
    if job is not None and job.poll() is None:  # the lintian test was not run (-k, -x): stop it
        job.kill()
        job.wait()


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the frozen kiosk with its data and config in a temporary folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(tmp_path / "data"),
               KIOSK_CONFIG=str(tmp_path / "kiosk.toml"))
    return env


def prepare_x11_socket_dir() -> None:
    """/tmp/.X11-unix as systemd-tmpfiles makes it (root, 1777): cage starts Xwayland, which refuses a
    folder owned by another user (e.g. left by an earlier headless cage run as another user)."""
    folder = Path("/tmp/.X11-unix")
    folder.mkdir(exist_ok=True)
    if folder.stat().st_uid != 0:
        os.chown(folder, 0, 0)
    folder.chmod(0o1777)
