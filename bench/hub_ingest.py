"""Hub ingest: visits/s pushed by concurrent kiosk processes over HTTP into the hub on PostgreSQL,
and the ratio to a raw PostgreSQL COPY of the same rows in the same run (target >= 5,000 visits/s).

    .venv/bin/python -m bench.hub_ingest             # 10 kiosks x 20 batches x 500 visits
    .venv/bin/python -m bench.hub_ingest --quick     # CI smoke run (a few seconds)
    .venv/bin/python -m bench.hub_ingest --durability default   # only the headline run

Durability: the headline figure is PostgreSQL with its DEFAULT durability (fsync on, synchronous_commit on),
what a clinic's hub runs with; by default the same run is then repeated on a second cluster with
``fsync=off`` (how the tests run PostgreSQL) and reported beside it, labelled. The settings are read back
from the server (SHOW), not assumed.

A throw-away PostgreSQL cluster (tests/support/postgres.py) and a real `kiosk hub serve --workers N`
subprocess on 127.0.0.1. Each kiosk is its own process with its own device token; it builds its
batches first (not timed), then all start together and push one batch after another over keep-alive
HTTP, as the kiosk's sync loop does. Ingest time = first request sent → last answer received.
The COPY baseline loads exactly the rows the hub stored (``COPY … TO STDOUT`` → ``COPY … FROM STDIN``
into a table LIKE hub_visits INCLUDING ALL, so with the same indexes); only the load is timed.
Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import platform
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.hub_common import (
    create_devices,
    durability,
    durability_label,
    load_average,
    postgres_database,
    print_table,
    serve,
    synthetic_visit,
)


def _client(base: str, token: str, index: int, batches: int, size: int, start: Any, out: Any) -> None:
    bodies = []
    for b in range(batches):
        records = [synthetic_visit(b * size + i, index) for i in range(size)]
        bodies.append(json.dumps({"batch_id": str(uuid.uuid4()), "protocol": 1, "app_version": "bench",
                                  "records": records}).encode())
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=300)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    accepted = retries = 0
    start.wait()
    t0 = time.monotonic()
    for body in bodies:
        t = time.monotonic()
        while True:
            conn.request("POST", "/v1/sync/push", body, headers)
            resp = conn.getresponse()
            data = resp.read()
            if resp.status == 200:
                break
            if resp.status in (429, 500, 503):
                retries += 1
                time.sleep(float(resp.getheader("Retry-After", "1")))
                continue
            raise RuntimeError(f"push failed: HTTP {resp.status} {data[:200]!r}")
        accepted += json.loads(data)["accepted"]
        latencies.append(time.monotonic() - t)
    out.put({"t0": t0, "t1": time.monotonic(), "accepted": accepted, "latencies": latencies,
             "retries": retries})


def _copy_baseline(url: str) -> tuple[int, float]:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE bench_copy (LIKE hub_visits INCLUDING ALL)")
        buf = bytearray()
        with conn.cursor().copy("COPY hub_visits TO STDOUT") as copy:
            for chunk in copy:
                buf += chunk
        t0 = time.perf_counter()
        with conn.transaction(), conn.cursor().copy("COPY bench_copy FROM STDIN") as copy:
            for start in range(0, len(buf), 1 << 20):
                copy.write(bytes(buf[start:start + (1 << 20)]))
        elapsed = time.perf_counter() - t0
        rows = conn.execute("SELECT count(*) FROM bench_copy").fetchone()
    return (int(rows[0]) if rows else 0), elapsed


def run(clients: int, batches: int, size: int, workers: int, *, durable: bool = True) -> dict[str, Any]:
    load_before = load_average()
    with postgres_database(durable=durable) as (cluster, url), tempfile.TemporaryDirectory() as tmp:
        settings = durability(cluster)
        tokens = create_devices(url, clients)
        with serve(url, workers, Path(tmp) / "hub.log") as base:
            ctx = mp.get_context("fork")
            start, out = ctx.Event(), ctx.Queue()
            procs = [ctx.Process(target=_client, args=(base, tokens[i], i, batches, size, start, out))
                     for i in range(clients)]
            for p in procs:
                p.start()
            time.sleep(0.5 + 0.02 * batches * clients * size / 1000)  # let the kiosks build their batches
            start.set()
            results = [out.get(timeout=600) for _ in procs]
            for p in procs:
                p.join()
        wall = max(r["t1"] for r in results) - min(r["t0"] for r in results)
        total = sum(r["accepted"] for r in results)
        latencies = sorted(x for r in results for x in r["latencies"])
        copy_rows, copy_s = _copy_baseline(url)
    expected = clients * batches * size
    if total != expected or copy_rows != expected:
        raise SystemExit(f"row count mismatch: hub accepted {total}, COPY {copy_rows}, expected {expected}")
    rate = total / wall
    copy_rate = copy_rows / copy_s
    return {
        "benchmark": "hub_ingest", "clients": clients, "batches_per_client": batches, "batch_size": size,
        "uvicorn_workers": workers, "visits": total, "seconds": round(wall, 3),
        "visits_per_s": round(rate), "target_visits_per_s": 5000, "meets_target": rate >= 5000,
        "batch_latency_ms_p50": round(statistics.median(latencies) * 1000, 1),
        "batch_latency_ms_p95": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1),
        "retries": sum(r["retries"] for r in results),
        "copy_rows": copy_rows, "copy_seconds": round(copy_s, 3), "copy_rows_per_s": round(copy_rate),
        "ratio_to_copy": round(rate / copy_rate, 3), "cpus": mp.cpu_count(), "python": platform.python_version(),
        "durable": durable, "postgres_settings": settings, "durability": durability_label(settings),
        "load_average_before": load_before, "load_average_after": load_average(),
    }


def _rows(r: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        ("PostgreSQL durability", r["durability"]),
        ("kiosk processes", str(r["clients"])),
        ("uvicorn workers", str(r["uvicorn_workers"])),
        ("visits pushed", f"{r['visits']:,} in batches of {r['batch_size']}"),
        ("ingest time", f"{r['seconds']:.2f} s"),
        ("ingest rate", f"{r['visits_per_s']:,} visits/s (target >= 5,000)"),
        ("batch latency p50/p95", f"{r['batch_latency_ms_p50']} / {r['batch_latency_ms_p95']} ms"),
        ("raw COPY of the same rows", f"{r['copy_rows_per_s']:,} rows/s ({r['copy_seconds']:.2f} s)"),
        ("hub / COPY", f"{r['ratio_to_copy']:.3f}"),
        ("load average before / after", f"{r['load_average_before']} / {r['load_average_after']}"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small run for CI")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--batches", type=int, default=None, help="batches per client (default 20, quick 2)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--durability", choices=("both", "default", "off"), default="both",
                        help="default: PostgreSQL's own (fsync on) = the headline; off: fsync=off; both (default): "
                             "the headline, then fsync=off beside it")
    args = parser.parse_args()
    batches = args.batches or (2 if args.quick else 20)
    size = min(args.batch_size, 200) if args.quick else args.batch_size
    runs = {"both": (True, False), "default": (True,), "off": (False,)}[args.durability]
    results = [run(args.clients, batches, size, args.workers, durable=durable) for durable in runs]
    result = results[0]
    for r in results:
        title = ("Hub ingest — HEADLINE: " if r["durable"] else "Hub ingest — for comparison only, NOT durable: ")
        print_table(title + "PostgreSQL " + r["durability"] + ", real uvicorn on loopback", _rows(r))
        print()
    if len(results) == 2:
        result = {**results[0], "fsync_off": results[1],
                  "fsync_off_over_default": round(results[1]["visits_per_s"] / results[0]["visits_per_s"], 3)}
        print(f"fsync=off / default durability: {result['fsync_off_over_default']:.3f} "
              "(the fsync=off figure is not what a clinic gets)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
