"""`kiosk run` without a display: one line saying what to do, exit 2, never Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.cli import display_problem


@pytest.mark.parametrize(("environ", "ok"), [
    ({}, False),
    ({"DISPLAY": ":0"}, True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"QT_QPA_PLATFORM": "xcb"}, False),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"QT_QPA_PLATFORM": "offscreen"}, True),
    ({"QT_QPA_PLATFORM": "eglfs"}, True),
])
def test_display_problem(environ: dict[str, str], ok: bool) -> None:
    assert (display_problem(environ, "linux") is None) is ok
    assert display_problem(environ, "win32") is None  # Windows always has a desktop


def test_kiosk_run_without_a_display_exits_2_with_a_hint(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(KIOSK_DATA_DIR=str(tmp_path / "data"), KIOSK_CONFIG=str(tmp_path / "absent.toml"))
    result = subprocess.run([sys.executable, "-m", "kiosk", "run", "--demo", "--exit-after", "1"], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    assert "no display" in result.stderr and "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
