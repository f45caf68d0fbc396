"""The upgrade path, for real (root, dpkg): clinic-kiosk 0.9 installed, its database at an older
schema revision with visits not yet sent; 1.0 installed over it migrates the database and keeps the
visits and the administrator's configuration; `dpkg -r` keeps data and configuration, `dpkg -P`
removes them and the kiosk user. The package is purged again in any case."""

from __future__ import annotations

import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.installer.conftest import prepare_x11_socket_dir

pytestmark = [pytest.mark.slow, pytest.mark.installer]

DATA = Path("/var/lib/clinic-kiosk")
CONF = Path("/etc/clinic-kiosk")
DB = DATA / "kiosk.sqlite3"
UNITS = ("clinic-kiosk.service", "clinic-kiosk-x11.service", "clinic-kiosk-hub.service")


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """dpkg, waiting (up to 5 min) while another dpkg/apt holds the lock."""
    deadline = time.monotonic() + 300
    while True:
        result = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=600, check=False,
                                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        if result.returncode == 0 or "lock" not in result.stderr or time.monotonic() > deadline:
            assert result.returncode == 0, f"dpkg {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            return result
        time.sleep(2)


def _installed_version() -> str | None:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}", "clinic-kiosk"], capture_output=True,
                            text=True, check=False)
    words = result.stdout.split()
    return words[-1] if result.returncode == 0 and "installed" in words[:3] and words[2] == "installed" else None


def _revision(path: Path) -> str:
    from kiosk.db.schema import VERSION_TABLE

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return str(con.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()[0])


def _visits(path: Path) -> list[dict[str, object]]:
    """Every visit as {column: value}; a migration may add columns, which the caller compares separately."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        con.row_factory = sqlite3.Row
        return [dict(row) for row in con.execute("SELECT * FROM visits ORDER BY seq")]


def _same_visits(before: list[dict[str, object]], after: list[dict[str, object]]) -> bool:
    """The upgrade kept every visit and every value it had; columns it added are not compared."""
    return len(before) == len(after) and all(
        {k: new[k] for k in old} == old for old, new in zip(before, after, strict=True))


def _old_database(path: Path, revision: str) -> list[str]:
    """A store with three checked-in (to_send) visits, then migrated down to ``revision``."""
    from alembic import command
    from alembic.config import Config

    from kiosk.cards.parse import parse_payload
    from kiosk.db.demo import demo_scenarios, load_demo
    from kiosk.db.engine import WRITE, make_engine
    from kiosk.db.schema import MIGRATIONS_DIR
    from kiosk.db.store import Store

    with Store.open(path) as store:
        load_demo(store)
        ids = [store.check_in("K01", parse_payload(s.payload), facility_code="01999")["id"]
               for s in demo_scenarios()[:3]]
        assert store.pending_count() == 3
    engine = make_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.connect().execution_options(**WRITE) as conn, conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
    finally:
        engine.dispose()
    with sqlite3.connect(path) as con:  # one self-contained file, no -wal beside it
        con.execute("PRAGMA journal_mode=DELETE")
    return ids


def _verify_units() -> None:
    """`systemd-analyze verify` on the installed units (their programs exist now); no systemd needs to run."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed (package systemd; scripts/setup.sh --test)")
    units = [f"/lib/systemd/system/{unit}" for unit in UNITS]
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", *units], capture_output=True, text=True,
                            timeout=120, check=False)
    problems = [line for line in result.stderr.splitlines() if "clinic-kiosk" in line]
    assert result.returncode == 0 and problems == [], result.stderr


def _session_passes_exit_codes_on(kiosk: pwd.struct_passwd) -> None:
    """The installed kiosk-session (cage + kiosk-app + the frozen kiosk), headless, as the kiosk user:
    it exits with the app's code although cage itself always returns 0."""
    prepare_x11_socket_dir()
    with tempfile.TemporaryDirectory(prefix="kiosk-session-") as folder:
        os.chmod(folder, 0o755)
        runtime, data = Path(folder) / "run", Path(folder) / "data"
        for sub in (runtime, data):
            sub.mkdir(mode=0o700)
            os.chown(sub, kiosk.pw_uid, kiosk.pw_gid)
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(data), "XDG_RUNTIME_DIR": str(runtime),
               "RUNTIME_DIRECTORY": str(runtime), "WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1",
               "WLR_RENDERER": "pixman", "QT_QPA_PLATFORM": "wayland", "KIOSK_DATA_DIR": str(data),
               "KIOSK_CONFIG": str(data / "kiosk.toml")}
        for run_args, expected in (("--demo --no-sound --exit-after 3", 0), ("--size 1x1", 2)):
            result = subprocess.run(["runuser", "-u", "kiosk", "--", "/usr/share/clinic-kiosk/kiosk-session"],
                                    env={**env, "KIOSK_RUN_ARGS": run_args}, capture_output=True, text=True,
                                    timeout=180, check=False)
            assert result.returncode == expected, f"{run_args}: {result.returncode}\n{result.stderr[-3000:]}"


def test_upgrade_keeps_pending_visits_and_purge_removes_data(kiosk_debs: dict[str, Path], tmp_path: Path) -> None:
    from kiosk.db.schema import HEAD, KNOWN_REVISIONS

    if os.geteuid() != 0:
        pytest.skip("installs a .deb: needs root (CI runs as root)")
    if shutil.which("dpkg") is None:
        pytest.skip("dpkg is not available")
    if _installed_version() is not None:
        pytest.skip("clinic-kiosk is installed on this machine; the test will not replace it")
    older = KNOWN_REVISIONS[-2]
    try:
        _dpkg("-i", str(kiosk_debs["0.9"]))
        assert _installed_version() == "0.9"
        kiosk = pwd.getpwnam("kiosk")
        assert DB.is_file() and DB.stat().st_uid == kiosk.pw_uid  # postinst created it as the kiosk user
        assert _revision(DB) == HEAD

        # The clinic's state before the update: an older schema, visits waiting for the hub, a setting.
        ids = _old_database(tmp_path / "old.sqlite3", older)
        for leftover in DATA.glob("kiosk.sqlite3*"):
            leftover.unlink()
        shutil.copy(tmp_path / "old.sqlite3", DB)
        os.chown(DB, kiosk.pw_uid, kiosk.pw_gid)
        assert _revision(DB) == older
        before = _visits(DB)
        assert len(before) == 3
        config = CONF / "kiosk.toml"
        config.write_text(config.read_text().replace('mode = "self"', 'mode = "desk"'))

        _dpkg("-i", str(kiosk_debs["1.0"]))
        assert _installed_version() == "1.0"
        assert _revision(DB) == HEAD, "postinst did not migrate the database"
        after = _visits(DB)
        assert _same_visits(before, after), "the pending visits changed during the upgrade"
        with sqlite3.connect(f"file:{DB}?mode=ro", uri=True) as con:
            states = dict(con.execute("SELECT id, sync_state FROM visits").fetchall())
        assert states == dict.fromkeys(ids, "to_send")
        assert 'mode = "desk"' in config.read_text(), "the administrator's configuration was replaced"
        assert DB.stat().st_uid == kiosk.pw_uid

        _verify_units()
        if shutil.which("cage") and shutil.which("Xwayland"):
            _session_passes_exit_codes_on(kiosk)

        # The installed command runs as the kiosk user with the system configuration.
        result = subprocess.run(["/usr/bin/kiosk", "--self-test"], capture_output=True, text=True, timeout=180,
                                env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "QT_QPA_PLATFORM": "offscreen"},
                                check=False)
        assert result.returncode == 0, result.stdout + result.stderr

        _dpkg("-r", "clinic-kiosk")
        assert not Path("/opt/clinic-kiosk/kiosk").exists() and not Path("/usr/bin/kiosk").exists()
        assert DB.is_file() and _same_visits(before, _visits(DB)), "remove must keep the data"
        assert config.is_file(), "remove must keep the configuration"

        _dpkg("-P", "clinic-kiosk")
        assert not DATA.exists() and not CONF.exists()
        with pytest.raises(KeyError):
            pwd.getpwnam("kiosk")
    finally:
        if subprocess.run(["dpkg-query", "-W", "clinic-kiosk"], capture_output=True, check=False).returncode == 0:
            subprocess.run(["dpkg", "-P", "clinic-kiosk"], capture_output=True, timeout=600, check=False)
