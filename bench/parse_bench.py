"""Payload parsing throughput: payloads parsed per second on one core (target >= 20,000/s).

    .venv/bin/python -m bench.parse_bench            # full run (~5 s)
    .venv/bin/python -m bench.parse_bench --quick    # CI smoke run

Prints a table and, last, one JSON line. Payloads are synthetic (no real person's data): every BHYT
layout, CCCD, and noisy scanner output (AIM prefix, CR/LF, zero-width marks).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time

from kiosk.cards import parse_payload


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


def make_payloads(count: int, seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
    given = ["Văn An", "Thị Bình", "Minh Đức", "Thị Hoa", "Quốc Huy", "Ngọc Lan", "Thanh Tùng", "Thu Hà"]
    objects = ["DN", "HC", "HS", "GD", "HT", "TE", "CN", "QN", "AK"]
    provinces = ["01", "79", "48", "31", "92", "10", "96"]

    def date(y0: int, y1: int) -> str:
        return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(y0, y1)}"

    def name() -> str:
        return f"{rng.choice(surnames)} {rng.choice(given)}"

    out: dict[str, list[str]] = {"15-part": [], "17-part": [], "10-part": [], "cccd": [], "noisy": []}
    for _ in range(count):
        prov = rng.choice(provinces)
        digits = f"{rng.randrange(10**10):010d}"
        card = f"{rng.choice(objects)}{rng.randint(1, 5)}{prov}{digits}"
        common = [_hex(name()), date(1940, 2020), rng.choice("12"), _hex("Số 1 đường Mẫu, phường Thử Nghiệm"),
                  f"{prov} - {rng.randint(0, 999):03d}", date(2024, 2026), rng.choice(["-", date(2026, 2027)]),
                  date(2023, 2025)]
        tail = [f"{prov}01{digits}", "-", rng.choice("4567"), f" {date(2027, 2032)}", "5e1f0c2a9b7d3c48-7102"]
        out["15-part"].append("|".join([card, *common, *tail, "$"]))
        out["17-part"].append("|".join([digits, *common, *tail, "4", _hex("Quận Ba Đình, Thành phố Hà Nội"), "$"]))
        out["10-part"].append("|".join([card, *common, "$"]))
        cid = f"0{prov}{rng.randint(0, 3)}{rng.randrange(10**8):08d}"
        dob = f"{rng.randint(1, 28):02d}0{rng.randint(1, 9)}19{rng.randint(40, 99)}"
        out["cccd"].append("|".join([cid, "", name(), dob, rng.choice(["Nam", "Nữ"]), "Số 1 ngõ Mẫu, Hà Nội",
                                     "10052022"]))
        out["noisy"].append("]Q1\ufeff" + out["15-part"][-1].replace("|", "|\u200e", 1) + "\r\n")
    return out


def measure(payloads: list[str], repeats: int) -> dict[str, float]:
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for p in payloads:
            parse_payload(p)  # every generated payload is valid: an error here is a bug
        rates.append(len(payloads) / (time.perf_counter() - start))
    return {"per_second": statistics.median(rates), "us_per_payload": 1e6 / statistics.median(rates)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small run for CI")
    args = parser.parse_args()
    count, repeats = (500, 1) if args.quick else (5000, 5)
    sets = make_payloads(count)
    results = {kind: measure(items, repeats) for kind, items in sets.items()}
    mixed = [p for items in sets.values() for p in items]
    random.Random(1).shuffle(mixed)
    results["mixed"] = measure(mixed, repeats)
    print(f"{'payloads':<10} {'per second':>12} {'µs each':>9}")
    for kind, r in results.items():
        print(f"{kind:<10} {r['per_second']:>12,.0f} {r['us_per_payload']:>9.1f}")
    target = 20_000
    verdict = "met" if results["mixed"]["per_second"] >= target else "NOT met"
    print(f"target >= {target:,}/s on one core: {verdict}")
    print(json.dumps({"benchmark": "parse", "python": platform.python_version(), "machine": platform.machine(),
                      "payloads_per_kind": count, "repeats": repeats, "target_per_second": target,
                      "results": results}))


if __name__ == "__main__":
    main()
