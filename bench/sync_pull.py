"""A kiosk pulls N card changes from a real hub (uvicorn subprocess on loopback): time, and a run that is
SIGKILLed halfway and resumed (the final cache must equal the hub's).

    .venv/bin/python -m bench.sync_pull               # 1,000,000 cards, hub on SQLite (target <= 60 s)
    .venv/bin/python -m bench.sync_pull --pg          # hub on a throw-away PostgreSQL cluster
    .venv/bin/python -m bench.sync_pull --quick       # 20,000 cards, for CI

Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench.hub_common import REPO, create_devices, durability, load_average, postgres_database, print_table, serve


def seed_hub(url: str, count: int) -> float:
    """Put ``count`` cards into the hub's card table (through the hub's own change-cursor code)."""
    from kiosk.hub.changes import upsert_cards
    from kiosk.hub.db import open_hub

    engine = open_hub(url, pool_size=1)
    valid_from, valid_to = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    start = time.perf_counter()
    chunk = 50_000
    for first in range(0, count, chunk):
        records = [{"card_number": f"HC401{i:010d}", "bhxh_number": f"{i:010d}", "citizen_id": None,
                    "name": f"Người Thử {i}", "birth_date": f"{1940 + i % 80}-03-15",
                    "gender": "male" if i % 2 else "female", "facility_code": "01999",
                    "valid_from": valid_from, "valid_to": valid_to, "status": "active", "replaced_by": None}
                   for i in range(first, min(count, first + chunk))]
        with engine.begin() as conn:
            upsert_cards(conn, records)
    engine.dispose()
    return time.perf_counter() - start


def kiosk_env(tmp: Path, hub_url: str, token: str, page: int) -> dict[str, str]:
    config = tmp / "kiosk.toml"
    config.write_text(f'[hub]\nurl = "{hub_url}"\ntoken = "{token}"\npull_page_size = {page}\ntimeout_s = 120.0\n',
                      encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(REPO), "KIOSK_CONFIG": str(config), "KIOSK_DATA_DIR": str(tmp)}


def sync_cmd(db: Path) -> list[str]:
    return [sys.executable, "-m", "kiosk", "sync", "--once", "--json", "--db", f"sqlite:///{db}"]


def cache_count(db: Path) -> int:
    from kiosk.db.store import Store

    with Store.open(f"sqlite:///{db}") as store:
        return store.cache_stats().cards


def full_pull(tmp: Path, env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    db = tmp / "full.sqlite3"
    start = time.perf_counter()
    proc = subprocess.run(sync_cmd(db), env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"sync failed: {proc.stdout} {proc.stderr}")
    return elapsed, json.loads(proc.stdout.splitlines()[-1])


def killed_pull(tmp: Path, env: dict[str, str], count: int) -> dict[str, Any]:
    from kiosk.db.store import Store

    db = tmp / "killed.sqlite3"
    Store.open(f"sqlite:///{db}").close()
    proc = subprocess.Popen(sync_cmd(db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    seen = 0
    while proc.poll() is None:
        time.sleep(0.05)
        seen = cache_count(db)
        if seen >= count // 2:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    at_kill = cache_count(db)
    resume_start = time.perf_counter()
    result = subprocess.run(sync_cmd(db), env=env, capture_output=True, text=True, check=False)
    resume_s = time.perf_counter() - resume_start
    final = cache_count(db)
    return {"killed_at_cards": at_kill, "killed_after_s": round(resume_start - start, 2),
            "resume_s": round(resume_s, 2), "resume_exit": result.returncode, "final_cards": final,
            "equal_to_hub": final == count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--page", type=int, default=10_000, help="pull page size")
    parser.add_argument("--pg", action="store_true", help="hub on a throw-away PostgreSQL cluster")
    parser.add_argument("--quick", action="store_true", help="20,000 cards, for CI")
    args = parser.parse_args()
    count = 20_000 if args.quick else args.cards
    load_start = load_average()
    settings: dict[str, str] = {}
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-pull-")))
        if args.pg:
            cluster, url = stack.enter_context(postgres_database())
            settings = durability(cluster)
        else:
            url = f"sqlite:///{tmp / 'hub.sqlite3'}"
        token = create_devices(url, 1)[0]
        seed_s = seed_hub(url, count)
        hub_url = stack.enter_context(serve(url, 1, tmp / "hub.log"))
        env = kiosk_env(tmp, hub_url, token, args.page)
        elapsed, out = full_pull(tmp, env)
        killed = killed_pull(tmp, env, count)
    ok = elapsed <= 60 * count / 1_000_000
    rows = [("cards", f"{count:,}"), ("hub database", "PostgreSQL" if args.pg else "SQLite"),
            ("page size", f"{args.page:,}"), ("seed hub", f"{seed_s:.1f} s"),
            ("full pull (process start to exit)", f"{elapsed:.1f} s ({count / elapsed:,.0f} cards/s)"),
            ("target (60 s per 1M)", "met" if ok else "NOT met"),
            ("killed halfway at", f"{killed['killed_at_cards']:,} cards"),
            ("resume to the end", f"{killed['resume_s']} s"),
            ("final cache equals hub", str(killed["equal_to_hub"]))]
    print_table("kiosk pull of card changes", rows)
    print(json.dumps({"benchmark": "sync_pull", "machine": platform.machine(), "cpus": os.cpu_count(),
                      "cards": count, "hub_db": "postgresql" if args.pg else "sqlite", "page": args.page,
                      "seed_s": round(seed_s, 2), "pull_s": round(elapsed, 2), "pulled": out.get("pulled"),
                      "cards_per_s": round(count / elapsed), "target_met": ok, "kill_resume": killed,
                      "postgres_settings": settings, "load_average_start": load_start,
                      "load_average_end": load_average()}))


if __name__ == "__main__":
    main()
