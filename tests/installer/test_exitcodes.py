"""The app's exit codes: a fixed contract with Shell Launcher / systemd set-ups already deployed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.exitcodes import (
    NO_RESTART,
    SHELL_LAUNCHER_ACTIONS,
    SHELL_LAUNCHER_DEFAULT_ACTION,
    ExitCode,
    ShellLauncherAction,
    describe,
    shell_launcher_arrays,
)

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "deployment-windows.md"


def test_codes_are_stable() -> None:
    # Changing a number breaks every kiosk configured with the old mapping: this test is the contract.
    assert {c.name: int(c) for c in ExitCode} == {"ADMIN_EXIT": 0, "ERROR": 1, "USAGE": 2, "RESTART": 3,
                                                  "REBOOT": 4}
    assert [int(a) for a in ShellLauncherAction] == [0, 1, 2, 3]  # Microsoft's numbering


def test_shell_launcher_mapping_is_sensible() -> None:
    assert set(SHELL_LAUNCHER_ACTIONS) == set(ExitCode)
    assert SHELL_LAUNCHER_ACTIONS[ExitCode.ADMIN_EXIT] is ShellLauncherAction.DO_NOTHING
    assert SHELL_LAUNCHER_ACTIONS[ExitCode.USAGE] is ShellLauncherAction.DO_NOTHING  # no restart loop
    assert SHELL_LAUNCHER_ACTIONS[ExitCode.ERROR] is ShellLauncherAction.RESTART_SHELL
    assert SHELL_LAUNCHER_ACTIONS[ExitCode.RESTART] is ShellLauncherAction.RESTART_SHELL
    assert SHELL_LAUNCHER_ACTIONS[ExitCode.REBOOT] is ShellLauncherAction.RESTART_DEVICE
    assert SHELL_LAUNCHER_DEFAULT_ACTION is ShellLauncherAction.RESTART_SHELL  # crashes come back
    assert shell_launcher_arrays() == ([0, 1, 2, 3, 4], [3, 0, 3, 0, 1])
    # What a supervisor must not restart agrees with the Shell Launcher mapping.
    keep_down = {c for c, a in SHELL_LAUNCHER_ACTIONS.items() if a is not ShellLauncherAction.RESTART_SHELL}
    assert keep_down == NO_RESTART


def test_describe() -> None:
    assert describe(0) == "0 (ADMIN_EXIT): admin chose Exit: stay down"
    assert describe(3).startswith("3 (RESTART)")
    assert "not a kiosk exit code" in describe(-1073741819)


def test_admin_exit_uses_the_enum() -> None:
    from kiosk.ui.selfservice.window import ADMIN_EXIT_CODE

    assert ADMIN_EXIT_CODE is ExitCode.ADMIN_EXIT


def test_the_app_and_the_wizard_take_their_codes_from_the_enum() -> None:
    from kiosk.ui.app import STARTUP_FAILED
    from kiosk.ui.setup_wizard import RESTART_EXIT_CODE

    assert STARTUP_FAILED is ExitCode.ERROR  # an unusable store: restart (the database may come back)
    assert RESTART_EXIT_CODE is ExitCode.RESTART


def test_python_crash_and_argparse_agree_with_the_enum() -> None:
    # An uncaught exception (a bug) must look like ERROR to the supervisor, so the app is restarted.
    crash = subprocess.run([sys.executable, "-c", "raise RuntimeError('boom')"], capture_output=True, timeout=60)
    assert crash.returncode == ExitCode.ERROR
    bad = subprocess.run([sys.executable, "-m", "kiosk", "run", "--mode", "nonsense"], capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert bad.returncode == ExitCode.USAGE, bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--size", "10x10"], "--size '10x10': out of range"),
    (["--screenshot", "shots"], "--screenshot needs --exit-after"),
    (["--config", "missing.toml"], "missing.toml: no such file"),
])
def test_kiosk_run_usage_errors_exit_usage(args: list[str], message: str, tmp_path: Path) -> None:
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kiosk", "run", "--config", "empty.toml", *args],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_kiosk_run_bad_config_exits_usage(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[ui]\nmode = \"sideways\"\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kiosk", "run", "--config", str(config)], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert "sideways" in proc.stderr and "Traceback" not in proc.stderr


def test_deployment_doc_matches_the_mapping() -> None:
    text = DOC.read_text(encoding="utf-8")
    codes = re.search(r"\$codes\s*=\s*@\(([^)]*)\)", text)
    actions = re.search(r"\$actions\s*=\s*@\(([^)]*)\)", text)
    assert codes and actions, "docs/deployment-windows.md lost its Shell Launcher example"
    parsed = ([int(v) for v in codes.group(1).split(",")], [int(v) for v in actions.group(1).split(",")])
    assert parsed == shell_launcher_arrays()
    default = re.search(r"SetCustomShell\([^)]*,\s*(\d+)\s*\)", text)
    assert default and int(default.group(1)) == SHELL_LAUNCHER_DEFAULT_ACTION
    for code in ExitCode:  # the exit-code table names every code
        assert re.search(rf"^\|\s*`{int(code)}`\s*\|\s*`{code.name}`", text, re.M), code
