"""The quick subset of the mutation run (scripts/mutation.sh, docs/testing.md §5): the scan gate's rules,
mutated one by one by mutmut, must be caught by its tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_mutation_run_kills_at_least_90_percent_of_the_scan_gate_mutants(tmp_path: Path) -> None:
    report = tmp_path / "mutation-report.txt"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "mutation.py"), "--workers", "1",
                           "--work", str(tmp_path), "--report", str(report), "gate"],
                          capture_output=True, text=True, timeout=600, check=False)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, done.stdout + done.stderr
    gate = lines[0]
    assert gate["group"] == "gate" and gate["mutants"] >= 50, gate  # the mutants were really made and run
    assert gate["kill_ratio"] >= 0.9, gate
    assert "| gate |" in report.read_text(encoding="utf-8")
