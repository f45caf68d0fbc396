"""Every benchmark runs in CI in its short mode: it must finish and print its JSON line.

The figures themselves are not asserted here (speed is shown by the full runs, see the issue notes);
this keeps the scripts working as the code under them changes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = sorted(p.stem for p in (REPO / "bench").glob("*.py")
                    if p.stem not in ("__init__", "hub_common", "make_demo_clip"))


def test_every_benchmark_is_listed() -> None:
    assert {"parse_bench", "decode_bench", "store_bench", "sync_pull", "hub_ingest"} <= set(BENCHMARKS)


@pytest.mark.slow
@pytest.mark.parametrize("name", BENCHMARKS)
def test_benchmark_quick_mode(name: str, tmp_path: Path) -> None:
    env = {**os.environ, "KIOSK_DATA_DIR": str(tmp_path), "KIOSK_CONFIG": str(tmp_path / "none.toml"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", f"bench.{name}", "--quick"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    json_lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert json_lines, proc.stdout[-2000:]
    json.loads(json_lines[-1])
