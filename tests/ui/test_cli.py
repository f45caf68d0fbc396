"""`kiosk run --demo --screenshot DIR --exit-after S`: offscreen, no camera/scanner/hub; walks through the
screens by itself, saves a PNG per screen, prints a ticket into the data directory, exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.devices import demo_clip


def run_kiosk(tmp_path: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path / "data"),
           "KIOSK_CONFIG": str(tmp_path / "absent.toml")}
    return subprocess.run([sys.executable, "-m", "kiosk", "run", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)


@pytest.mark.slow
@pytest.mark.skipif(demo_clip() is None, reason="the demo clip is not in resources/demo")
@pytest.mark.parametrize("mode", ["self", "desk"])
def test_demo_screenshots(tmp_path: Path, mode: str) -> None:
    shots = tmp_path / "shots"
    result = run_kiosk(tmp_path, "--mode", mode, "--demo", "--no-sound", "--screenshot", str(shots),
                       "--exit-after", "90")  # the run ends when its walk is done
    assert result.returncode == 0, result.stderr[-2000:]
    names = sorted(p.name for p in shots.glob("*.png"))
    expected = ["welcome", "verdict", "departments", "ticket"] if mode == "self" else ["desk", "patient",
                                                                                      "registered"]
    for screen in expected:
        assert any(screen in n for n in names), (screen, names)
    tickets = list((tmp_path / "data" / "demo" / "tickets").glob("*.escpos"))
    assert tickets, "the file printer wrote no ticket"


def test_bad_arguments_are_clear_errors(tmp_path: Path) -> None:
    result = run_kiosk(tmp_path, "--screenshot", str(tmp_path))
    assert result.returncode == 2 and "--exit-after" in result.stderr and "Traceback" not in result.stderr
    result = run_kiosk(tmp_path, "--size", "huge", "--exit-after", "1")
    assert result.returncode == 2 and "--size" in result.stderr and "Traceback" not in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[ui]\nfont_scale = 'big'\n", encoding="utf-8")
    result = run_kiosk(tmp_path, "--config", str(bad), "--exit-after", "1")
    assert result.returncode == 2 and "ui.font_scale" in result.stderr and "Traceback" not in result.stderr


def read_trace(path: Path) -> list[dict[str, object]]:
    import json

    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_unconfigured_start_shows_not_set_up_never_a_silent_demo(tmp_path: Path) -> None:
    trace = tmp_path / "trace.jsonl"
    result = run_kiosk(tmp_path, "--no-sound", "--trace", str(trace), "--exit-after", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "not set up" in result.stderr and "--demo" in result.stderr
    events = read_trace(trace)
    assert [e["screen"] for e in events] == ["not_set_up"]
    assert all(e["demo"] is False for e in events)
    assert not (tmp_path / "data" / "demo").exists()  # no demo database, no file-printer tickets
    assert not (tmp_path / "absent.toml").exists()


@pytest.mark.slow
def test_demo_is_explicit_and_marked(tmp_path: Path) -> None:
    trace = tmp_path / "trace.jsonl"
    result = run_kiosk(tmp_path, "--demo", "--mode", "self", "--no-sound", "--trace", str(trace),
                       "--exit-after", "3")
    assert result.returncode == 0, result.stderr[-2000:]
    screens = [e for e in read_trace(trace) if e["event"] == "screen"]
    assert screens[0]["screen"] == "welcome" and all(e["demo"] is True for e in screens)


@pytest.mark.slow
def test_run_takes_db_like_every_database_command(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "kiosk.sqlite3"
    db.parent.mkdir()
    trace = tmp_path / "trace.jsonl"
    result = run_kiosk(tmp_path, "--db", str(db), "--mode", "desk", "--no-sound", "--trace", str(trace),
                       "--exit-after", "4")
    assert result.returncode == 0, result.stderr[-2000:]
    assert db.exists() and db.stat().st_size > 0  # the store was opened there (migrations applied)
    events = read_trace(trace)
    assert events[0]["screen"] == "desk" and events[0]["demo"] is False
