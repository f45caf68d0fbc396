"""The Windows installer script compiles with makensis (warnings are errors) and keeps data on uninstall.

What this proves: installer/windows/kiosk.nsi is valid NSIS 3 that produces a Windows PE executable,
refuses a missing bundle with a clear message, carries both languages and the registry/environment
entries, and its uninstaller only deletes ProgramData\\ClinicKiosk in a section that is off by default
and turned on by /REMOVEDATA. What it cannot prove: that the installer behaves on Windows (it is never
run here; see docs/deployment-windows.md).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "windows" / "kiosk.nsi"
BUILD = ROOT / "installer" / "windows" / "build_nsis.sh"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.installer,
    pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis missing: run scripts/setup.sh --test"),
]


def build(out: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    proc = subprocess.run(["bash", str(BUILD), "--out", str(out), "--version", "9.8.7", "--", *extra],
                          capture_output=True, text=True, timeout=300)
    return proc, out / "ClinicKiosk-9.8.7-setup.exe"


def makensis(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["makensis", "-V2", "-WX", *args, str(SCRIPT)], capture_output=True, text=True,
                          timeout=300)


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


@pytest.fixture(scope="module")
def uncompressed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The installer compiled with its payload stored, so its strings (UTF-16LE) can be read."""
    proc, exe = build(tmp_path_factory.mktemp("nsis"), "-DNO_COMPRESS")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return exe.read_bytes()


def test_compiles_to_a_windows_executable(tmp_path: Path) -> None:
    proc, exe = build(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "warning" not in (proc.stdout + proc.stderr).lower()
    data = exe.read_bytes()
    assert data[:2] == b"MZ"
    (pe_offset,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe_offset:pe_offset + 4] == b"PE\0\0"
    (machine,) = struct.unpack_from("<H", data, pe_offset + 4)
    assert machine == 0x14C  # x86 stub: starts on any Windows, then refuses 32-bit Windows with a message
    # The placeholder bundle is what build_nsis.sh made next to it.
    bundle = tmp_path / "nsis-placeholder" / "kiosk"
    assert (bundle / "kiosk.exe").is_file() and (bundle / "_internal" / "translations").is_dir()
    assert 50_000 < len(data) < 2_000_000
    assert f"{len(data)} bytes" in proc.stdout


def test_missing_bundle_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-bundle"
    proc = makensis(f"-DBUNDLE_DIR={missing}", "-DVERSION=1.0.0", f"-DOUTFILE={tmp_path / 'x.exe'}")
    assert proc.returncode != 0
    assert f"BUNDLE_DIR={missing} has no kiosk.exe" in proc.stdout + proc.stderr
    assert not (tmp_path / "x.exe").exists()

    proc = makensis("-DVERSION=1.0.0")
    assert proc.returncode != 0
    assert "BUNDLE_DIR is not defined" in proc.stdout + proc.stderr

    proc = subprocess.run(["bash", str(BUILD), "--bundle", str(missing), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0 and "has no kiosk.exe" in proc.stdout + proc.stderr


def test_installer_carries_registry_environment_and_both_languages(uncompressed: bytes) -> None:
    for text in (
        r"Software\Microsoft\Windows\CurrentVersion\Uninstall\ClinicKiosk",
        "DisplayName", "DisplayVersion", "9.8.7", "Publisher", "UninstallString", "QuietUninstallString",
        "EstimatedSize", "NoModify",
        r"SYSTEM\CurrentControlSet\Control\Session Manager\Environment", "KIOSK_DATA_DIR", "KIOSK_CONFIG",
        r"\config.toml", "run --mode self", "run --mode desk", "hub serve --host 0.0.0.0 --port 8765",
        "/REMOVEDATA", "/HUBFIREWALL",
        "Remove data (database, tickets, settings)",
        "Xóa dữ liệu (cơ sở dữ liệu, phiếu, cài đặt)",  # Vietnamese survives as real diacritics
        "Clinic Kiosk cần Windows 64-bit.",
    ):
        assert utf16(text) in uncompressed, text


@pytest.fixture(scope="module")
def ppo(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    bundle = tmp_path_factory.mktemp("bundle")
    (bundle / "kiosk.exe").write_text("placeholder")
    proc = subprocess.run(["makensis", "-PPO", f"-DBUNDLE_DIR={bundle}", "-DVERSION=1.0.0", str(SCRIPT)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return [line.strip() for line in proc.stdout.splitlines()]


def sections(lines: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        if line.startswith("Section ") or line == "Section":
            current = line
            found[current] = []
        elif line == "SectionEnd":
            current = None
        elif current is not None:
            found[current].append(line)
    return found


def test_data_is_removed_only_by_the_opt_in_uninstall_section(ppo: list[str]) -> None:
    removing = {header: body for header, body in sections(ppo).items()
                if any(re.match(r'(RMDir /r|Delete) "\$DataDir', line) for line in body)}
    # Exactly one section deletes the data folder: an UNINSTALLER section that is OFF by default (/o).
    assert list(removing) == ['Section /o "un.$(SecRemoveData)" SEC_UN_DATA']
    # Nothing ever deletes the install folder recursively (it may be a folder the user chose).
    assert not any(re.match(r'RMDir /r "\$INSTDIR"$', line) for line in ppo)
    # The upgrade runs the old uninstaller silently WITHOUT /REMOVEDATA: data survives upgrades.
    upgrade = [line for line in ppo if line.startswith("ExecWait") and "uninstall.exe" in line]
    assert upgrade == [r"""ExecWait '"$PrevDir\uninstall.exe" /S _?=$PrevDir' $0"""]


def test_removedata_switch_selects_the_data_section(ppo: list[str]) -> None:
    start = ppo.index("Function un.onInit")
    body = ppo[start:ppo.index("FunctionEnd", start)]
    option = body.index("Push `/REMOVEDATA`")
    jump = next(line for line in body[option:] if line.startswith("IfErrors"))
    skip_to = jump.split("`")[1] + ":"  # the label the "option absent" branch jumps to
    branch = body[body.index(jump):body.index(skip_to)]
    assert 'StrCpy $1 "${SEC_UN_DATA}"' in branch
    assert "IntOp $0 $0 | 1" in branch  # SF_SELECTED
    assert "SectionSetFlags $1 $0" in branch
    # And nowhere else in the uninstaller is that section switched on.
    assert sum('"${SEC_UN_DATA}"' in line for line in ppo if line.startswith("StrCpy")) == 1
