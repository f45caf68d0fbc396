"""lintian on the .deb: no errors, no warnings (overrides only for what a PyInstaller bundle in /opt
inherently is: installer/debian/lintian-overrides).

The file name sorts last on purpose: lintian needs 1-3 minutes on a 400 MB package; it is started in
the background when the packages are built (tests/installer/conftest.py) and collected here, after
the other packaging tests ran meanwhile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installer.conftest import LINTIAN_TIMEOUT_S, lintian_command, lintian_job

pytestmark = [pytest.mark.slow, pytest.mark.installer]


def test_lintian_has_no_errors_or_warnings(kiosk_debs: dict[str, Path]) -> None:
    if shutil.which("lintian") is None:
        pytest.skip("lintian is not installed (scripts/setup.sh --test installs it)")
    started = lintian_job()
    if started is None:  # not started by the fixture (should not happen): run it now
        result = subprocess.run(lintian_command(kiosk_debs["1.0"]), capture_output=True, text=True,
                                timeout=LINTIAN_TIMEOUT_S, check=False)
        returncode, output = result.returncode, result.stdout + result.stderr
    else:
        job, log = started
        returncode, output = job.wait(timeout=LINTIAN_TIMEOUT_S), log.read_text()
    tags = [line for line in output.splitlines() if line[:2] in ("E:", "W:")]
    assert returncode == 0 and tags == [], output
