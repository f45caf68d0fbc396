"""Hub pull: how fast the hub serves card changes by cursor, page after page, over HTTP.

    .venv/bin/python -m bench.hub_pull               # 1,000,000 card changes, pages of 10,000
    .venv/bin/python -m bench.hub_pull --quick       # 50,000 (CI smoke run)

The kiosk must pull 1 million card changes in <= 60 s including applying them, so the hub's share
(query + JSON + HTTP, measured here by a client that only downloads and parses each page) must be well
below that. Setup (not timed): a throw-away PostgreSQL cluster, the hub schema, N synthetic cards
loaded with COPY straight into hub_cards with change numbers 1..N, and `kiosk hub serve` on 127.0.0.1.
Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.hub_common import create_devices, durability, load_average, postgres_database, print_table, serve

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng")
GIVEN = ("Văn An", "Thị Bình", "Minh Đức", "Thị Hoa", "Quốc Huy", "Ngọc Lan")


def load_cards(url: str, count: int) -> float:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    t0 = time.perf_counter()
    cols = ("scope, card_number, bhxh_number, citizen_id, name, birth_date, gender, facility_code, valid_from, "
            "valid_to, status, replaced_by, source, source_at, deleted, change_seq")
    with psycopg.connect(dsn) as conn:
        with conn.cursor().copy(f"COPY hub_cards ({cols}) FROM STDIN") as copy:
            lines = []
            for i in range(count):
                digits = f"{i:010d}"
                name = f"{SURNAMES[i % 8]} {GIVEN[i % 6]}"
                lines.append(f"*\tHC401{digits}\t{digits}\t\\N\t{name}\t{1940 + i % 80}-03-15\t"
                             f"{'male' if i % 2 else 'female'}\t01999\t2026-01-01\t2026-12-31\t"
                             f"{'active' if i % 50 else 'revoked'}\t\\N\tlist\t2026-11-22 00:00:00+00\tf\t{i + 1}\n")
                if len(lines) == 20000:
                    copy.write("".join(lines))
                    lines = []
            copy.write("".join(lines))
        conn.execute("UPDATE hub_change_counter SET value = %s WHERE id = 1", (count,))
        conn.execute("ANALYZE hub_cards")
    return time.perf_counter() - t0


def pull_all(base: str, token: str, limit: int, use_gzip: bool = False) -> dict[str, Any]:
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=120)
    headers = {"Authorization": f"Bearer {token}",
               "Accept-Encoding": "gzip" if use_gzip else "identity"}
    cursor, cards, pages, nbytes = "", 0, 0, 0
    latencies = []
    t0 = time.perf_counter()
    while True:
        t = time.perf_counter()
        conn.request("GET", f"/v1/sync/pull?cursor={cursor}&limit={limit}", headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"pull failed: HTTP {resp.status} {body[:200]!r}")
        nbytes += len(body)
        if resp.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        page = json.loads(body)
        latencies.append(time.perf_counter() - t)
        cards += len(page["changes"]["cards"]["upserted"]) + len(page["changes"]["cards"]["deleted"])
        pages += 1
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    return {"seconds": time.perf_counter() - t0, "cards": cards, "pages": pages, "bytes": nbytes,
            "latencies": latencies}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="50,000 cards instead of 1,000,000")
    parser.add_argument("--cards", type=int, default=None)
    parser.add_argument("--limit", type=int, default=10000, help="page size (<= 10,000)")
    parser.add_argument("--gzip", action="store_true", help="ask for gzip-compressed pages (as requests does)")
    args = parser.parse_args()
    count = args.cards or (50_000 if args.quick else 1_000_000)
    load_start = load_average()
    with postgres_database() as (cluster, url), tempfile.TemporaryDirectory() as tmp:
        settings = durability(cluster)  # the default durability (reads only are timed here)
        token = create_devices(url, 1)[0]
        load_s = load_cards(url, count)
        with serve(url, 1, Path(tmp) / "hub.log") as base:
            run = pull_all(base, token, args.limit, args.gzip)
    if run["cards"] != count:
        raise SystemExit(f"pulled {run['cards']} card changes, expected {count}")
    lat = sorted(run["latencies"])
    result = {
        "benchmark": "hub_pull", "cards": count, "page_size": args.limit, "pages": run["pages"], "gzip": args.gzip,
        "seconds": round(run["seconds"], 3), "cards_per_s": round(count / run["seconds"]),
        "page_ms_p50": round(statistics.median(lat) * 1000, 1), "page_ms_max": round(lat[-1] * 1000, 1),
        "mb_transferred": round(run["bytes"] / 1e6, 1), "setup_copy_seconds": round(load_s, 2),
        "budget_s_for_1m_on_kiosk": 60, "python": platform.python_version(), "postgres_settings": settings,
        "load_average_start": load_start, "load_average_end": load_average(),
    }
    print_table("Hub pull (PostgreSQL, real uvicorn on loopback, client downloads + parses only)", [
        ("card changes", f"{count:,}"),
        ("pages", f"{result['pages']} x {args.limit:,}"),
        ("total time", f"{result['seconds']:.2f} s"),
        ("rate", f"{result['cards_per_s']:,} cards/s"),
        ("page latency p50 / max", f"{result['page_ms_p50']} / {result['page_ms_max']} ms"),
        ("transferred", f"{result['mb_transferred']} MB ({'gzip' if args.gzip else 'uncompressed'} JSON)"),
        ("load average start / end", f"{result['load_average_start']} / {result['load_average_end']}"),
    ])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
