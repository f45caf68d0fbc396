"""A throw-away X server (Xvfb) and xdotool, for tests that need a real display's event delivery.

Offscreen tests send events straight to widgets; a real X server delivers a press to the top-level
window first and types capitals as Shift + key. Tests that depend on that run here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class XServer:
    display: str

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env.pop("QT_QPA_PLATFORM", None)  # the root conftest forces offscreen; here Qt must use the display
        env.pop("WAYLAND_DISPLAY", None)
        env["DISPLAY"] = self.display
        return env

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env(), capture_output=True, text=True, timeout=30,
                              check=True)
        return done.stdout


@contextmanager
def xvfb(size: str = "1280x720x24") -> Iterator[XServer]:
    """Xvfb on a free display number (``-displayfd``); skipped where Xvfb or xdotool is missing."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (scripts/setup.sh --test installs it)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield XServer(f":{number}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def stop_app(proc: subprocess.Popen[str]) -> None:
    """End a kiosk started for a test: terminate, and kill it if it does not exit within 20 s."""
    proc.terminate()
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


def wait_for(predicate: object, timeout: float, what: str, proc: subprocess.Popen[str] | None = None) -> None:
    """Wait until ``predicate()`` is true (a condition, not a sleep-then-assert); fails with ``what``."""
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the app exited ({proc.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def kiosk_command(*args: str | Path) -> Sequence[str]:
    import sys

    return [sys.executable, "-m", "kiosk", *(str(a) for a in args)]
