"""The app under a real X server (Xvfb), driven by xdotool as a person and a scanner would.

A real display delivers events differently from the offscreen platform (a press reaches the top-level
``QWindow`` first; capitals are typed as Shift + key), so these gestures are checked here as well as
offscreen. The app reports what it shows through ``kiosk run --trace FILE``.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.xserver import XServer, kiosk_command, stop_app, wait_for, xvfb

pytestmark = pytest.mark.slow

CONFIG = """\
schema_version = 1
[facility]
code = "79123"
name = "Phòng khám Thử"
[database]
url = "sqlite:///{db}"
[ui]
mode = "self"
language = "vi"
admin_pin_hash = ""
[wedge]
enabled = true
max_key_interval_ms = 200
min_length = 8
"""


def read_trace(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def display() -> Iterator[XServer]:
    with xvfb() as server:
        yield server


@pytest.fixture
def kiosk_app(tmp_path: Path, display: XServer) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """A configured (not demo) self-service kiosk on the display, its window found by xdotool."""
    config = tmp_path / "config.toml"
    config.write_text(CONFIG.format(db=tmp_path / "kiosk.sqlite3"), encoding="utf-8")
    trace = tmp_path / "trace.jsonl"
    env = display.env({**os.environ, "KIOSK_DATA_DIR": str(tmp_path / "data")})
    proc = subprocess.Popen(kiosk_command("run", "--config", config, "--mode", "self", "--windowed", "--size",
                                          "1280x720", "--no-sound", "--trace", trace, "--exit-after", "90"),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: any(e.get("screen") == "welcome" for e in read_trace(trace)), 60, "the welcome screen",
                 proc)
        window = display.xdotool("search", "--sync", "--onlyvisible", "--name", "Kiosk").split()[0]
        display.xdotool("windowmove", window, "0", "0")
        display.xdotool("mousemove", "--sync", "640", "360")  # focus follows the pointer without a WM
        yield proc, trace
    finally:
        stop_app(proc)


def test_five_corner_taps_open_the_admin_pin_screen(display: XServer,
                                                    kiosk_app: tuple[subprocess.Popen[str], Path]) -> None:
    proc, trace = kiosk_app
    display.xdotool("mousemove", "--sync", "12", "12")
    for _ in range(5):
        display.xdotool("click", "1")
    wait_for(lambda: any(e.get("screen") == "admin_pin" for e in read_trace(trace)), 20, "the admin PIN screen",
             proc)
    events = read_trace(trace)
    assert all(e["demo"] is False for e in events if e["event"] == "screen"), events
    assert all(e["mode"] == "self" for e in events if e["event"] == "screen")


def test_four_taps_do_not_open_it(display: XServer, kiosk_app: tuple[subprocess.Popen[str], Path]) -> None:
    proc, trace = kiosk_app
    display.xdotool("mousemove", "--sync", "12", "12")
    for _ in range(4):
        display.xdotool("click", "1")
    display.xdotool("mousemove", "--sync", "640", "360")
    display.xdotool("click", "1")  # a fifth press, but outside the corner
    # The trace is written on the UI thread in event order: a marker screen change after the clicks
    # shows every click has been handled before we look.
    display.xdotool("mousemove", "--sync", "12", "12")
    for _ in range(5):
        display.xdotool("click", "1")
    wait_for(lambda: any(e.get("screen") == "admin_pin" for e in read_trace(trace)), 20, "the admin PIN screen",
             proc)
    screens = [e["screen"] for e in read_trace(trace) if e["event"] == "screen"]
    assert screens == ["welcome", "admin_pin"], screens


def test_self_mode_fills_the_screen_without_a_window_manager(tmp_path: Path, display: XServer) -> None:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG.format(db=tmp_path / "kiosk.sqlite3"), encoding="utf-8")
    trace = tmp_path / "trace.jsonl"
    env = display.env({**os.environ, "KIOSK_DATA_DIR": str(tmp_path / "data")})
    proc = subprocess.Popen(kiosk_command("run", "--config", config, "--mode", "self", "--no-sound", "--trace",
                                          trace, "--exit-after", "60"),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: bool(read_trace(trace)), 60, "the first screen", proc)
        window = display.xdotool("search", "--sync", "--onlyvisible", "--name", "Kiosk").split()[0]
        geometry = display.xdotool("getwindowgeometry", window)
        assert "Geometry: 1280x720" in geometry, geometry
    finally:
        proc.terminate()
        proc.communicate(timeout=20)


def test_wedge_payload_typed_with_shift_is_one_scan(tmp_path: Path, display: XServer,
                                                    kiosk_app: tuple[subprocess.Popen[str], Path]) -> None:
    """A keyboard-wedge scanner types capitals and '|' with Shift: xdotool does the same through XTEST."""
    from kiosk.db.demo import demo_scenarios

    proc, trace = kiosk_app
    payload = next(s.payload for s in demo_scenarios() if s.label == "valid, registered here")
    assert any(ch.isupper() for ch in payload) and "|" in payload
    display.xdotool("type", "--delay", "8", payload)
    display.xdotool("key", "Return")
    wait_for(lambda: any(e["event"] == "scan" for e in read_trace(trace)), 30, "a scan event", proc)
    scans = [e for e in read_trace(trace) if e["event"] == "scan"]
    assert scans[0]["source"] == "wedge" and scans[0]["ok"] is True, scans
    assert len(scans) == 1, scans  # one burst, one scan: Shift did not split it
    text = trace.read_text(encoding="utf-8")
    assert payload not in text and payload.split("|")[0] not in text  # no patient data in the trace
