"""The frozen bundle (installer/kiosk.spec): smoke test, database migrations, the hub, the layout the
.deb and the Windows installer rely on."""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.installer.conftest import prepare_x11_socket_dir

pytestmark = [pytest.mark.slow, pytest.mark.installer]


def _run(bundle: Path, *args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / "kiosk"), *args], capture_output=True, text=True, timeout=timeout,
                          env=env, check=False)


def test_frozen_self_test_passes_offscreen(kiosk_bundle: Path, frozen_env: dict[str, str]) -> None:
    result = _run(kiosk_bundle, "--self-test", "--json", env=frozen_env)
    assert result.returncode == 0, result.stdout + result.stderr
    out = json.loads(result.stdout)
    assert out["ok"] is True and out["frozen"] is True
    assert {c["name"] for c in out["checks"]} == {"database", "decoder", "translations", "printer", "serial", "qt"}


def test_bundle_layout(kiosk_bundle: Path) -> None:
    internal = kiosk_bundle / "_internal"
    assert (kiosk_bundle / "kiosk").stat().st_mode & 0o111
    for lang in ("vi", "zh_CN", "ko", "ja"):
        assert (internal / "translations" / f"kiosk_{lang}.qm").is_file()
    assert (internal / "resources" / "selftest" / "vssid-demo-qr.png").is_file()
    assert (internal / "resources" / "demo" / "cards.csv").is_file()
    assert (internal / "resources" / "sounds" / "success.wav").is_file()
    assert sorted(p.name for p in (internal / "kiosk" / "db" / "migrations" / "versions").glob("v*.py"))
    assert (internal / "kiosk" / "db" / "migrations" / "env.py").is_file()
    assert (internal / "kiosk" / "hub" / "migrations" / "env.py").is_file()
    assert (internal / "kiosk" / "setup" / "config_docs.json").is_file()  # the config files' comments
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert list(internal.rglob("libzbar.so*")), "pyzbar's libzbar is not bundled"
    assert not list(internal.rglob("*tkinter*")), "tkinter should be excluded"
    assert not (internal / "PySide6" / "Qt" / "qml").exists()


def test_frozen_db_upgrade_creates_the_schema(kiosk_bundle: Path, frozen_env: dict[str, str], tmp_path: Path) -> None:
    from kiosk.db.schema import HEAD, VERSION_TABLE

    db = tmp_path / "store.sqlite3"
    result = _run(kiosk_bundle, "db", "upgrade", "--db", str(db), "--json", env=frozen_env)
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(db) as con:
        assert con.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone() == (HEAD,)
    # Bad input: a clear message, no traceback.
    bad = _run(kiosk_bundle, "db", "upgrade", "--db", "mysql://nowhere/x", env=frozen_env)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and bad.stderr.strip()


def test_frozen_kiosk_imports_a_big_card_list_with_reader_processes(kiosk_bundle: Path, frozen_env: dict[str, str],
                                                                    tmp_path: Path) -> None:
    from bench.store_bench import write_csv
    from kiosk.db.parallel_import import MIN_PARALLEL_BYTES

    cards = tmp_path / "cards.csv"
    write_csv(cards, 200_000)
    assert cards.stat().st_size > MIN_PARALLEL_BYTES  # big enough for reader processes
    result = _run(kiosk_bundle, "cache", "import", str(cards), "--json", "--db", str(tmp_path / "k.sqlite3"),
                  env={**frozen_env, "KIOSK_DEBUG": "1"}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["imported"] == 200_000
    # The readers are the frozen executable itself, started with its hidden reader flag.
    assert re.search(r"read by [2-9] reader processes", result.stderr), result.stderr[-2000:]


def test_frozen_hub_serves_health_on_loopback(kiosk_bundle: Path, frozen_env: dict[str, str], tmp_path: Path) -> None:
    log = tmp_path / "hub.log"
    with log.open("w") as sink:
        proc = subprocess.Popen([str(kiosk_bundle / "kiosk"), "hub", "serve", "--host", "127.0.0.1", "--port", "0",
                                 "--db", str(tmp_path / "hub.sqlite3")],
                                stdout=sink, stderr=subprocess.STDOUT, env=frozen_env)
    try:
        deadline = time.monotonic() + 90
        port = None
        while port is None and time.monotonic() < deadline:
            found = re.search(r"http://127\.0\.0\.1:(\d+)", log.read_text())
            if found:
                port = int(found.group(1))
            elif proc.poll() is not None:
                pytest.fail(f"hub exited with {proc.returncode}:\n{log.read_text()}")
            else:
                time.sleep(0.2)
        assert port, f"hub did not report its port:\n{log.read_text()}"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=30) as response:
            body = json.loads(response.read())
        assert body["status"] == "ok"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _everyone_can_enter(folder: Path) -> bool:
    """Every folder from the root down to ``folder`` lets other users through (o+x)."""
    return all(p.stat().st_mode & 0o001 for p in (folder.resolve(), *folder.resolve().parents))


@pytest.fixture
def world_path() -> Iterator[Path]:
    """A temporary folder the user nobody can reach (pytest's tmp_path lives under a 0700 folder, and
    $TMPDIR may be a private folder too)."""
    parent = next((Path(p) for p in (tempfile.gettempdir(), "/tmp", "/var/tmp") if _everyone_can_enter(Path(p))),
                  None)
    if parent is None:
        pytest.skip("no temporary folder that other users can enter")
    with tempfile.TemporaryDirectory(prefix="kiosk-cage-", dir=parent) as folder:
        os.chmod(folder, 0o755)
        yield Path(folder)


def copy_for_everyone(source: Path, target: Path) -> Path:
    """A copy of ``source`` (a folder) that every user can read and run: folders 755, files readable by all,
    executable by all when the owner may run them. The checkout itself may sit where other users cannot
    enter (root's home, a mode-700 temporary folder), so a test that runs the bundle as another user runs
    this copy (docs/testing.md §4)."""
    shutil.copytree(source, target, symlinks=True)
    for folder, _dirs, files in os.walk(target):
        os.chmod(folder, 0o755)
        for name in files:
            path = Path(folder, name)
            if path.is_symlink():
                continue
            mode = path.stat().st_mode
            os.chmod(path, 0o755 if mode & 0o100 else 0o644)
    return target


def test_copy_for_everyone_opens_a_private_folder(tmp_path: Path) -> None:
    private = tmp_path / "private"
    (private / "lib").mkdir(parents=True)
    (private / "kiosk").write_text("#!/bin/sh\n")
    (private / "kiosk").chmod(0o700)
    (private / "lib" / "data.bin").write_bytes(b"x")
    (private / "lib" / "data.bin").chmod(0o600)
    (private / "lib").chmod(0o700)
    (private / "link").symlink_to("kiosk")
    copy = copy_for_everyone(private, tmp_path / "copy")
    assert (copy / "kiosk").stat().st_mode & 0o777 == 0o755
    assert (copy / "lib").stat().st_mode & 0o777 == 0o755
    assert (copy / "lib" / "data.bin").stat().st_mode & 0o777 == 0o644
    assert (copy / "link").is_symlink() and os.readlink(copy / "link") == "kiosk"


def test_frozen_kiosk_runs_under_cage_on_wayland(kiosk_bundle: Path, world_path: Path) -> None:
    """The kiosk session's stack for real: cage (headless wlroots backend) + Qt's wayland plugin + the
    demo. cage refuses to run as root, so it runs as "nobody", from a copy of the bundle that nobody can
    reach whatever the checkout's folder allows. cage 0.1.x exits 0 whatever its client returns; that is
    why the package's kiosk-session passes the app's own exit code on."""
    if shutil.which("cage") is None or shutil.which("Xwayland") is None:
        pytest.skip("cage and xwayland are not installed (scripts/setup.sh --test installs them)")
    if os.geteuid() != 0:
        pytest.skip("runs cage as the user nobody: needs root")
    prepare_x11_socket_dir()
    nobody = pwd.getpwnam("nobody")
    bundle = copy_for_everyone(kiosk_bundle, world_path / "bundle")
    runtime, data = world_path / "run", world_path / "data"
    for folder in (runtime, data):
        folder.mkdir(mode=0o700)
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    marker = data / "app-ran"
    script = world_path / "app.sh"
    script.write_text(f'#!/bin/sh\n"{bundle / "kiosk"}" run --demo --mode self --no-sound --exit-after 3\n'
                      f'echo "$? $QT_QPA_PLATFORM $WAYLAND_DISPLAY" > "{marker}"\n')
    script.chmod(0o755)
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(data), "XDG_RUNTIME_DIR": str(runtime),
           "WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1", "WLR_RENDERER": "pixman",
           "QT_QPA_PLATFORM": "wayland", "KIOSK_DATA_DIR": str(data), "KIOSK_CONFIG": str(data / "kiosk.toml")}
    result = subprocess.run(["runuser", "-u", "nobody", "--", "cage", "-s", "--", str(script)], env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert marker.is_file(), f"the kiosk did not run under cage:\n{result.stdout}\n{result.stderr[-3000:]}"
    status, platform, display = marker.read_text().split()
    assert (status, platform) == ("0", "wayland") and display.startswith("wayland-"), result.stderr[-3000:]
    assert "Traceback" not in result.stderr
