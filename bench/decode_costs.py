"""Measure what each decoding strategy costs, to set its nominal cost (kiosk/scanner/strategies.py).

The decoder's ``nominal_budget`` mode charges every strategy a fixed nominal cost (× a factor for the
region's size) instead of the measured CPU time, so benchmark rates do not depend on the machine's
load. The nominal costs are only honest if they are what the strategies cost on the reference machine:
this script measures them, on the tuning frames only (``handheld.TUNING_SEEDS`` and the first
generator's tuning seeds 20-27), on one core, and prints for every strategy the mean CPU time divided
by the size factor the decoder charges (``decoder.size_factor``) beside its current nominal cost.

    .venv/bin/python -m bench.decode_costs            # ~1 min on 2 cores
    .venv/bin/python -m bench.decode_costs --quick    # a few frames (CI smoke run)

Prints a table and, last, one JSON line. Run it on an otherwise idle machine: CPU time grows when the
cores are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import cv2
import numpy as np

from kiosk.scanner import strategies
from kiosk.scanner.benchmark import _render_handheld, _render_one
from kiosk.scanner.decoder import BASE_COST_MS, PhoneScreenDecoder, size_factor, to_gray
from kiosk.scanner.locate import merge_overlapping, refine, texture_candidates
from kiosk.scanner.strategies import (
    APPLIES,
    EXTRA_ROI_STRATEGIES,
    ROI_STRATEGIES,
    WIDE_MARGIN,
    zxing_read,
)

REPEATS = 3


def _frames(quick: bool, workers: int) -> list[np.ndarray]:
    from kiosk.scanner.handheld import CONDITIONS, MODULE_SIZES, TUNING_SEEDS
    from kiosk.scanner.synthetic import CATEGORIES
    from kiosk.scanner.synthetic import MODULE_SIZES as SYN_SIZES

    hand = [(c, s, seed) for c in CONDITIONS for s in MODULE_SIZES for seed in TUNING_SEEDS]
    syn = [(c, s, seed) for c in CATEGORIES for s in SYN_SIZES for seed in range(20, 28)]
    if quick:
        hand, syn = hand[::45], syn[::120]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        out = [f[3] for f in pool.map(_render_handheld, hand, chunksize=4)]
        out += [f[3] for f in pool.map(_render_one, syn, chunksize=4)]
    return out


def _cpu_ms(fn: Any, *args: Any) -> float:
    best = float("inf")
    for _ in range(REPEATS):  # the least of a few runs: the cost without interruptions
        strategies._local.up4 = None  # no 4x image cached from the previous run or strategy
        start = time.thread_time()
        fn(*args)
        best = min(best, (time.thread_time() - start) * 1000)
    return best


def measure(frames: list[np.ndarray]) -> dict[str, Any]:
    decoder = PhoneScreenDecoder(nominal_budget=True)
    strategies = [*ROI_STRATEGIES, *EXTRA_ROI_STRATEGIES]
    per: dict[str, list[float]] = {name: [] for name, _, _ in strategies}
    base: list[float] = []
    for frame in frames:
        gray = to_gray(frame)

        def first_pass(g: np.ndarray = gray) -> None:
            zxing_read(g, errors=True, invert=False)
            merge_overlapping([refine(g, c) for c in texture_candidates(g)])

        base.append(_cpu_ms(first_pass))
        candidates = decoder.decode_still(frame).candidates
        if not candidates:
            continue
        candidate = candidates[0]
        for name, fn, _ in strategies:
            margin = WIDE_MARGIN if name.startswith("roi_wide_") else 0.18
            x0, y0, x1, y1 = candidate.box(gray.shape, margin)
            roi = gray[y0:y1, x0:x1]
            if min(roi.shape[:2]) < 16:
                continue
            applies = APPLIES.get(name)
            if applies is not None and not applies(candidate, roi):
                continue
            per[name].append(_cpu_ms(fn, roi, candidate.angle_deg) / size_factor(roi))
    nominal = {name: cost for name, _, cost in strategies}
    rows = {name: {"nominal_ms": nominal[name], "measured_ms": round(statistics.fmean(v), 2),
                   "median_ms": round(statistics.median(v), 2), "regions": len(v)}
            for name, v in per.items() if v}
    rows["(whole frame + regions)"] = {"nominal_ms": BASE_COST_MS, "measured_ms": round(statistics.fmean(base), 2),
                                       "median_ms": round(statistics.median(base), 2), "regions": len(base)}
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a few frames (smoke run)")
    parser.add_argument("--workers", type=int, default=2, help="processes rendering frames")
    args = parser.parse_args()
    cv2.setNumThreads(1)  # thread CPU time then counts all of OpenCV's work
    frames = _frames(args.quick, max(1, args.workers))
    rows = measure(frames)
    print(f"{'strategy':32} {'nominal':>8} {'measured':>9} {'median':>7} {'regions':>8}   (ms per ~150 px region)")
    for name, row in rows.items():
        print(f"{name:32} {row['nominal_ms']:8.1f} {row['measured_ms']:9.2f} "
              f"{row['median_ms']:7.2f} {row['regions']:8d}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    print(json.dumps({"frames": len(frames), "machine": platform.processor() or platform.machine(),
                      "cpus": os.cpu_count(), "load_average": load, "costs": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
