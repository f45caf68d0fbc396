"""Every benchmark runs in CI in its short mode: it must finish, print its JSON line, and hold the targets
that mean something at quick scale.

Speed figures are never asserted here (they depend on the machine and its load; the full runs show them,
docs/benchmarks.md). What is asserted is what a slow or loaded machine cannot change: every visit delivered
exactly once, every look-up found (or missed) as it should, the hub's cache hits never reaching the
gateway, a cold page cache really cold, the durability the hub benchmark claims really the server's, no
widgets / threads / file descriptors piling up in the UI soak.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = sorted(p.stem for p in (REPO / "bench").glob("*.py")
                    if p.stem not in ("__init__", "hub_common", "make_demo_clip"))


def _hub_ingest(r: dict[str, Any]) -> None:
    # quick: 10 kiosks x 2 batches x 200 visits, first with PostgreSQL's default durability, then fsync=off
    expected = r["clients"] * r["batches_per_client"] * r["batch_size"]
    assert r["durable"] is True
    assert r["postgres_settings"]["fsync"] == "on" and r["postgres_settings"]["synchronous_commit"] == "on"
    assert r["durability"].startswith("default durability")
    off = r["fsync_off"]
    assert off["durable"] is False and off["postgres_settings"]["fsync"] == "off"
    assert off["durability"].startswith("NOT durable")
    for run in (r, off):  # every visit stored once: the hub accepted them all and the table holds exactly them
        assert run["visits"] == run["copy_rows"] == expected
        assert run["ratio_to_copy"] > 0
        assert len(run["load_average_before"]) == 3


def _card_lookup(r: dict[str, Any]) -> None:
    n = r["lookups_per_phase"]
    assert r["distinct"] is True
    for phase in ("warm", "cold_start", "cold_each", "check_warm", "check_cold"):
        assert r["found"][phase] == n, phase  # every distinct cached card found
        assert r[phase]["n"] == n
    assert r["found"]["miss_warm"] == r["found"]["miss_cold"] == 0  # and no unknown number
    resident = r["resident_bytes_before"]
    if resident["warm"] is not None:  # fincore present: the page cache was what the phase's label says
        assert resident["warm"] >= 0.9 * r["db_file_bytes"]
        for phase in ("cold_start", "cold_each", "check_cold"):
            assert resident[phase] <= 0.1 * r["db_file_bytes"], phase
        assert r["cold_verified"] is True


def _hub_lookup(r: dict[str, Any]) -> None:
    n = r["cards"]
    assert r["gateway_calls_for_misses"] == n  # each miss went to the gateway once
    assert r["gateway_calls_for_hits"] == 0  # no hit did
    assert r["miss_ms"]["n"] == r["hit_ms"]["n"] == r["hit_raw_http_ms"]["n"] == r["hit_concurrent_ms"]["n"] == n
    assert r["hub_db"]["database"] == "postgresql" and r["hub_db"]["fsync"] == "on"
    assert len(r["slow_gateway_s"]["reasons"]) == 1


def _ui_soak(r: dict[str, Any]) -> None:
    assert r["every_visit_delivered_once"] is True
    assert r["check_ins"] > 0 and r["tickets"] > 0
    assert r["frames_delivered"] > 0 and r["frames_decoded"] > 0
    assert r["lateness_samples"] > 0
    widgets, threads, fds = r["widgets_start_end"], r["threads_start_end"], r["fds_start_end"]
    # screens reused, replaced widgets deleted: a leak would be a widget or more per check-in; a few may
    # belong to the screen of the check-in in progress at the end
    assert widgets[1] - widgets[0] <= 10
    assert threads[1] - threads[0] <= 2  # a worker may be mid-start, no thread per check-in
    assert fds[1] - fds[0] <= 4  # no file or socket per check-in (tickets, uploads)
    # 30 s cannot show a slope (warm-up dominates); a leak of the size that matters would still show here
    assert r["rss_end_mb"] - r["rss_start_mb"] < 150


def _ui_bench(r: dict[str, Any]) -> None:
    assert r["accelerated_checkins"] == 10 and r["frames_decoded_total"] > 0


def _gateway(r: dict[str, Any]) -> None:
    res = r["results"]
    assert res["cold_lookup_ms"]["n"] == 50 and res["cached_lookup_ms"]["n"] == 50 * 20
    assert res["slow_gateway_answer_s"]["outcomes"] == ["pending"]  # the budget answers, not the gateway


def _sync_pull(r: dict[str, Any]) -> None:
    killed = r["kill_resume"]  # SIGKILLed halfway and resumed: the cache ends equal to the hub's
    assert killed["equal_to_hub"] is True and killed["resume_exit"] == 0


def _decode_costs(r: dict[str, Any]) -> None:
    from kiosk.scanner.strategies import ROI_STRATEGIES

    costs = r["costs"]
    assert costs["(whole frame + regions)"]["measured_ms"] > 0
    measured = {name for name, row in costs.items() if row["regions"] > 0 and row["measured_ms"] > 0}
    # every strategy of the live rotation that applies everywhere was timed (completion only where a
    # finder may be lost under glare: the quick frames need not have one)
    assert {name for name, _, _ in ROI_STRATEGIES} - {"roi_wide_finder_completion"} <= measured


CHECKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "decode_costs": _decode_costs,
    "hub_ingest": _hub_ingest, "card_lookup_bench": _card_lookup, "hub_lookup": _hub_lookup,
    "ui_soak": _ui_soak, "ui_bench": _ui_bench, "gateway_bench": _gateway, "sync_pull": _sync_pull,
}


def test_every_benchmark_is_listed() -> None:
    assert {"parse_bench", "decode_bench", "store_bench", "sync_pull", "hub_ingest", "card_lookup_bench",
            "hub_lookup", "ui_soak"} <= set(BENCHMARKS)
    assert set(CHECKS) <= set(BENCHMARKS)


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
    result = json.loads(json_lines[-1])
    if name in CHECKS:
        CHECKS[name](result)
