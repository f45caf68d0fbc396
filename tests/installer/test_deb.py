"""The .deb (installer/build_deb.sh): contents, modes, conffiles, maintainer scripts, lintian, units."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.installer]

UNITS = ("clinic-kiosk.service", "clinic-kiosk-x11.service", "clinic-kiosk-hub.service")


def _dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, timeout=300, check=True).stdout


@pytest.fixture(scope="module")
def deb(kiosk_debs: dict[str, Path]) -> Path:
    return kiosk_debs["1.0"]


@pytest.fixture(scope="module")
def listing(deb: Path) -> dict[str, tuple[str, str]]:
    """path -> (mode string, owner/group) from `dpkg-deb --contents`."""
    entries = {}
    for line in _dpkg_deb("--contents", str(deb)).splitlines():
        mode, owner, _size, _date, _time, name, *_rest = line.split()
        entries[name.removeprefix(".").rstrip("/") or "/"] = (mode, owner)
    return entries


@pytest.fixture(scope="module")
def control_dir(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("control")
    subprocess.run(["dpkg-deb", "--control", str(deb), str(target)], check=True, timeout=120)
    return target


def test_control_fields(deb: Path) -> None:
    fields = dict(re.findall(r"^ ?([A-Za-z-]+): (.*)$", _dpkg_deb("--info", str(deb)), re.MULTILINE))
    assert fields["Package"] == "clinic-kiosk" and fields["Version"] == "1.0"
    assert fields["Architecture"] == "amd64"
    depends = fields["Depends"]
    for needed in ("adduser", "fonts-noto-core", "fonts-noto-cjk", "libfontconfig1"):
        assert needed in depends
    assert "cage" in fields["Recommends"]
    assert int(fields["Installed-Size"]) > 100_000  # KiB: the bundle is there


def test_files_and_modes(listing: dict[str, tuple[str, str]]) -> None:
    assert all(owner == "root/root" for _, owner in listing.values())
    expect = {
        "/opt/clinic-kiosk/kiosk": "-rwxr-xr-x",
        "/usr/bin/kiosk": "-rwxr-xr-x",
        "/usr/share/clinic-kiosk/kiosk-session": "-rwxr-xr-x",
        "/usr/share/clinic-kiosk/kiosk-app": "-rwxr-xr-x",
        "/usr/share/clinic-kiosk/x11-session": "-rwxr-xr-x",
        "/usr/share/clinic-kiosk/x11-start": "-rwxr-xr-x",
        "/usr/share/clinic-kiosk/exit-action": "-rwxr-xr-x",
        "/lib/udev/rules.d/70-clinic-kiosk.rules": "-rw-r--r--",
        "/etc/pam.d/clinic-kiosk": "-rw-r--r--",
        "/etc/clinic-kiosk/kiosk.toml": "-rw-r--r--",
        "/etc/clinic-kiosk/hub.env": "-rw-r--r--",
        "/usr/share/doc/clinic-kiosk/copyright": "-rw-r--r--",
        "/usr/share/doc/clinic-kiosk/changelog.gz": "-rw-r--r--",
        "/usr/share/man/man1/kiosk.1.gz": "-rw-r--r--",
        "/usr/share/lintian/overrides/clinic-kiosk": "-rw-r--r--",
        **{f"/lib/systemd/system/{unit}": "-rw-r--r--" for unit in UNITS},
    }
    for path, mode in expect.items():
        assert listing.get(path, ("missing",))[0] == mode, path
    bundle = {p: m for p, (m, _) in listing.items() if p.startswith("/opt/clinic-kiosk/_internal/")}
    assert "/opt/clinic-kiosk/_internal/kiosk/db/migrations/env.py" in bundle
    assert any(p.endswith("/platforms/libqwayland.so") for p in bundle)
    # Nothing else in the bundle is executable or writable by others; no data or state shipped.
    assert [p for p, m in bundle.items() if m[0] == "-" and m != "-rw-r--r--"] == []
    assert not any(p.startswith("/var/") for p in listing)


def test_conffiles_and_maintainer_scripts(control_dir: Path) -> None:
    conffiles = (control_dir / "conffiles").read_text().split()
    assert conffiles == ["/etc/clinic-kiosk/kiosk.toml", "/etc/clinic-kiosk/hub.env", "/etc/pam.d/clinic-kiosk"]
    for script in ("postinst", "prerm", "postrm"):
        path = control_dir / script
        assert path.stat().st_mode & 0o111, script
        assert path.read_text().startswith("#!/bin/sh\n")
        subprocess.run(["sh", "-n", str(path)], check=True, timeout=30)
    postinst = (control_dir / "postinst").read_text()
    assert "kiosk db upgrade" in postinst and "runuser -u kiosk" in postinst
    postrm = (control_dir / "postrm").read_text()
    assert "purge)" in postrm and "rm -rf /var/lib/clinic-kiosk /etc/clinic-kiosk" in postrm


def test_helper_scripts_are_valid_sh() -> None:
    root = Path(__file__).resolve().parents[2] / "installer" / "debian"
    for name in ("kiosk.sh", "kiosk-session", "kiosk-app", "x11-session", "x11-start", "exit-action"):
        subprocess.run(["sh", "-n", str(root / name)], check=True, timeout=30)
