"""QR decoder benchmark: project decoder vs raw zxing-cpp vs raw pyzbar (see kiosk/scanner/benchmark.py).

    .venv/bin/python -m bench.decode_bench            # full run (several minutes)
    .venv/bin/python -m bench.decode_bench --quick    # CI smoke run (seconds)
    .venv/bin/python -m kiosk bench decode [--quick]  # the same through the kiosk CLI

Prints the tables and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import json

from kiosk.scanner.benchmark import SUITES, format_tables, run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short run for CI")
    parser.add_argument("--workers", type=int, default=2, help="processes rendering synthetic frames")
    parser.add_argument("--suites", default=",".join(SUITES),
                        help="comma-separated subset of: " + ", ".join(SUITES)
                        + " (while tuning, leave handheld_heldout out)")
    parser.add_argument("--without", default="", help="comma-separated strategies the project decoder leaves out "
                        "(ablation: what does each technique add?)")
    parser.add_argument("--nominal-budget", action="store_true",
                        help="budget in nominal strategy costs: rates independent of machine speed and load")
    args = parser.parse_args()
    report = run(quick=args.quick, workers=max(1, args.workers), suites=tuple(args.suites.split(",")),
                 without=frozenset(n for n in args.without.split(",") if n), nominal=args.nominal_budget)
    print(format_tables(report))
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
