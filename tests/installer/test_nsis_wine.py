"""The compiled installer, RUN under Wine: install, upgrade over an old version, uninstall keeping the data,
uninstall with /REMOVEDATA, and the refusal on an old Windows.

Limits (say them, do not hide them): Wine is not Windows. Debian's ``wine64`` runs only 64-bit programs,
so this runs the script compiled for the amd64 stub (``-DTARGET_AMD64``), not the default x86 stub that
ships; the bundle is a placeholder (its kiosk.exe is a text file, never started); icacls and netsh are
Wine's partial versions; there is no UAC, Shell Launcher or real "file in use" lock here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "windows" / "build_nsis.sh"
WINE = shutil.which("wine64") or "/usr/lib/wine/wine64"
WINESERVER = shutil.which("wineserver") or "/usr/lib/wine/wineserver64"
UNINST_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\ClinicKiosk"
ENV_KEY = r"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.installer,
    pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis missing: run scripts/setup.sh --test"),
    pytest.mark.skipif(not Path(WINE).exists(), reason="wine64 missing: run scripts/setup.sh --test"),
]


class Wine:
    """A throw-away Wine prefix whose server stays up between calls (a cold start costs ~3 s each time)."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
                    "WINEDLLOVERRIDES": "mscoree,mshtml=", "DISPLAY": ""}
        self.program_dir = prefix / "drive_c" / "Program Files" / "ClinicKiosk"
        self.data_dir = prefix / "drive_c" / "ProgramData" / "ClinicKiosk"
        self.start_menu = prefix / "drive_c" / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / \
            "Programs" / "Clinic Kiosk"

    def start(self) -> None:
        self.prefix.mkdir(parents=True)
        subprocess.run([WINESERVER, "-p"], env=self.env, timeout=60, check=True)  # persistent until -k
        assert self.run("wineboot", "-i") == 0

    def stop(self) -> None:
        subprocess.run([WINESERVER, "-k"], env=self.env, timeout=60)

    def run(self, *args: str) -> int:
        # Never a pipe: Wine's background services inherit it and would hold it open (no EOF).
        return subprocess.run([WINE, *args], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=240).returncode

    def uninstall(self, *args: str) -> int:
        code = self.run(r"C:\Program Files\ClinicKiosk\uninstall.exe", *args)
        # An NSIS uninstaller copies itself to %TEMP%\~nsuN.tmp, starts the copy and returns at once. Done =
        # its Add/Remove Programs key is gone (so the copy has started) and no copy is still running.
        deadline = time.monotonic() + 120
        while self._temp_uninstallers() or self.reg(UNINST_KEY, "DisplayName") is not None:
            assert time.monotonic() < deadline, "the uninstaller did not finish within 120 s"
            time.sleep(0.2)
        return code

    def _temp_uninstallers(self) -> list[int]:
        mine = f"WINEPREFIX={self.prefix}".encode()
        found = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                cmdline = (proc / "cmdline").read_bytes()
                environ = (proc / "environ").read_bytes().split(b"\0")
            except OSError:
                continue  # ended meanwhile, or not ours to read
            if b"~nsu" in cmdline and mine in environ:
                found.append(int(proc.name))
        return found

    def windows_version(self, version: str) -> None:
        assert self.run("winecfg", "-v", version) == 0

    def reg(self, key: str, value: str) -> str | None:
        with tempfile.TemporaryFile() as out:
            subprocess.run([WINE, "reg", "query", key, "/v", value], env=self.env, stdout=out,
                           stderr=subprocess.DEVNULL, timeout=120)
            out.seek(0)
            text = out.read().decode("utf-8", "replace")
        for line in text.replace("\r", "").splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == value:
                return parts[2]
        return None


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    box = Wine(tmp_path_factory.mktemp("wineprefix") / "prefix")
    try:
        box.start()
        yield box
    finally:
        box.stop()


def make_installer(tmp: Path, version: str, only_file: str) -> Path:
    bundle = tmp / f"bundle-{version}" / "kiosk"
    (bundle / "_internal" / "translations").mkdir(parents=True)
    (bundle / "kiosk.exe").write_text(f"placeholder kiosk {version}")
    (bundle / "_internal" / "translations" / "kiosk_vi.qm").write_text("placeholder")
    (bundle / "_internal" / only_file).write_text(f"only in {version}")
    out = tmp / f"out-{version}"
    proc = subprocess.run(["bash", str(BUILD), "--bundle", str(bundle), "--out", str(out), "--version", version,
                           "--", "-DTARGET_AMD64"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out / f"ClinicKiosk-{version}-setup.exe"


@pytest.fixture(scope="module")
def installers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("installers")
    return {"old": make_installer(tmp, "1.0.0", "old-only.dll"), "new": make_installer(tmp, "1.1.0", "new-only.dll")}


def leftovers(folder: Path) -> str:
    return "left behind: " + ", ".join(str(p.relative_to(folder)) for p in sorted(folder.rglob("*")))


def windows_path(wine: Wine, path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


def test_install_upgrade_uninstall_keeps_data(wine: Wine, installers: dict[str, Path]) -> None:
    wine.windows_version("win10")
    old, new = installers["old"], installers["new"]

    assert wine.run(windows_path(wine, old), "/S") == 0
    assert (wine.program_dir / "kiosk.exe").read_text() == "placeholder kiosk 1.0.0"
    assert (wine.program_dir / "uninstall.exe").read_bytes()[:2] == b"MZ"
    assert wine.data_dir.is_dir()
    assert wine.reg(UNINST_KEY, "DisplayVersion") == "1.0.0"
    assert wine.reg(UNINST_KEY, "QuietUninstallString") == r'"C:\Program Files\ClinicKiosk\uninstall.exe" /S'
    assert wine.reg(ENV_KEY, "KIOSK_DATA_DIR") == r"C:\ProgramData\ClinicKiosk"
    assert wine.reg(ENV_KEY, "KIOSK_CONFIG") == r"C:\ProgramData\ClinicKiosk\config.toml"
    assert wine.reg(UNINST_KEY, "InstallerLanguage") == "1033"  # English: the uninstaller speaks it too
    kiosk_lnk = (wine.start_menu / "Clinic Kiosk.lnk").read_bytes()
    assert "run --mode self".encode("utf-16-le") in kiosk_lnk or b"run --mode self" in kiosk_lnk

    # The app's data, as the kiosk would have written it.
    (wine.data_dir / "kiosk.sqlite3").write_bytes(b"SQLite format 3\0pending visits")
    (wine.data_dir / "config.toml").write_text('[facility]\ncode = "01999"\n')

    # Upgrade: the old version's files go (its uninstaller ran), the new ones come, the data stays.
    assert wine.run(windows_path(wine, new), "/S") == 0
    assert (wine.program_dir / "kiosk.exe").read_text() == "placeholder kiosk 1.1.0"
    assert not (wine.program_dir / "_internal" / "old-only.dll").exists()
    assert (wine.program_dir / "_internal" / "new-only.dll").exists()
    assert wine.reg(UNINST_KEY, "DisplayVersion") == "1.1.0"
    assert (wine.data_dir / "kiosk.sqlite3").read_bytes() == b"SQLite format 3\0pending visits"
    assert wine.reg(ENV_KEY, "KIOSK_DATA_DIR") == r"C:\ProgramData\ClinicKiosk"

    # Uninstall without /REMOVEDATA: program, shortcuts, registry and environment go; the data stays.
    assert wine.uninstall("/S") == 0
    assert not wine.program_dir.exists(), leftovers(wine.program_dir)
    assert not wine.start_menu.exists()
    assert wine.reg(UNINST_KEY, "DisplayName") is None
    assert wine.reg(ENV_KEY, "KIOSK_DATA_DIR") is None
    assert (wine.data_dir / "kiosk.sqlite3").read_bytes() == b"SQLite format 3\0pending visits"
    assert (wine.data_dir / "config.toml").exists()

    # Reinstall finds the data where it was; uninstall /S /REMOVEDATA deletes it.
    assert wine.run(windows_path(wine, new), "/S") == 0
    assert (wine.data_dir / "kiosk.sqlite3").exists()
    assert wine.uninstall("/S", "/REMOVEDATA") == 0
    assert not wine.program_dir.exists(), leftovers(wine.program_dir)
    assert not wine.data_dir.exists()


def test_refuses_windows_older_than_10_1809(wine: Wine, installers: dict[str, Path]) -> None:
    setup = installers["new"]
    wine.windows_version("win7")
    try:
        assert wine.run(windows_path(wine, setup), "/S") == 3  # ERR_UNSUPPORTED in kiosk.nsi
        assert not (wine.program_dir / "kiosk.exe").exists()
    finally:
        wine.windows_version("win10")
