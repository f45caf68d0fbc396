"""Online card look-ups as the kiosk sees them: kiosk -> hub (a real `kiosk hub serve` subprocess, uvicorn on
loopback) -> the STAND-IN BHXH gateway (tests/gateway/standin.py; the real one cannot be reached).

Targets (issue 7): a look-up answered from the hub's cache in <= 20 ms (measured at the kiosk, HTTP round
trip included); a gateway that answers in 30 s never blocks the kiosk more than 3 s.

    .venv/bin/python -m bench.hub_lookup               # 1,000 distinct cards, hub on PostgreSQL (default durability)
    .venv/bin/python -m bench.hub_lookup --db sqlite   # the hub on SQLite (as the earlier figures)
    .venv/bin/python -m bench.hub_lookup --quick       # CI smoke run (50 cards)

Every look-up is for a DISTINCT card (no card twice in a phase), through the kiosk's own client
(``HubLookupClient.confirm_online``: worker-thread hop + HTTP keep-alive + JSON), in a random order:
  hub cache MISS   the first look-up of each card: hub -> stand-in gateway -> hub stores the answer
  hub cache HIT    the same cards again (new random order): answered from the hub's look-up cache
  hit, raw HTTP    the same with a bare keep-alive HTTP client (what the hub alone costs)
  hit, concurrent  --kiosks client threads, each its own HubLookupClient, all asking at once: look-ups/s
  slow gateway     the stand-in answers after --slow s: how long the kiosk waits (budget 2.5 s)
Look-ups/s of a sequential phase = look-ups / the phase's wall time (one kiosk asking back to back).
The stand-in counts the requests it gets: every miss reaches it exactly once and no hit reaches it.
Prints a table and, last, one JSON line (with the load average: the machine is shared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import requests

from bench.hub_common import durability, durability_label, load_average, postgres_database
from kiosk.cards import parse_payload
from kiosk.cards.eligibility import decide
from kiosk.cards.model import BhytCard
from kiosk.sync.lookup import HubLookupClient
from tests.cards.builders import bhyt_2018
from tests.gateway.standin import DEFAULT_PASSWORD, StandinCard, StandinHolder
from tests.hub.support import add_device, open_engine, start_hub, stop_hub

CACHE_TARGET_MS = 20.0
KIOSK_LIMIT_S = 3.0
FACILITY = "10099"
NAME = "Nguyễn Văn An"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _stats(values: list[float]) -> dict[str, float]:
    return {"p50": statistics.median(values), "p95": _pct(values, 0.95), "p99": _pct(values, 0.99),
            "max": max(values), "n": float(len(values))}


def _number(i: int) -> str:
    return f"DN479{i:010d}"


def _body(i: int) -> dict[str, Any]:
    return {"card_number": _number(i), "name": NAME, "birth_date": "1985-03-15",
            "visit_date": dt.date.today().isoformat()}


def _rate(values_ms: list[float], wall_s: float) -> dict[str, float]:
    return {**_stats(values_ms), "per_s": round(len(values_ms) / wall_s, 1)}


def _ask_all(kiosk: HubLookupClient, cards: list[BhytCard], *, hit: bool) -> tuple[list[float], float]:
    samples: list[float] = []
    t0 = time.perf_counter()
    for card in cards:
        local = decide(card, None, dt.date.today(), FACILITY)
        t = time.perf_counter()
        result = kiosk.confirm_online(card, local)
        samples.append((time.perf_counter() - t) * 1000)
        assert result.confirmed and result.from_cache == hit, result
    return samples, time.perf_counter() - t0


def _concurrent_hits(base: str, token: str, cards: list[BhytCard], kiosks: int) -> tuple[list[float], float]:
    import threading

    clients = [HubLookupClient(base, token) for _ in range(kiosks)]
    samples: list[float] = []
    lock = threading.Lock()
    go = threading.Event()

    def run(k: int) -> None:
        mine = cards[k::kiosks]
        go.wait()
        got, _ = _ask_all(clients[k], mine, hit=True)
        with lock:
            samples.extend(got)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(kiosks)]
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    go.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    for c in clients:
        c.close()
    return samples, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small run for CI")
    parser.add_argument("--cards", type=int, help="distinct cards (default 1,000; --quick 50)")
    parser.add_argument("--kiosks", type=int, default=4, help="kiosk clients asking at once (concurrent phase)")
    parser.add_argument("--db", choices=("pg", "sqlite"), default="pg",
                        help="the hub's database: pg = a throw-away PostgreSQL cluster with its default durability")
    parser.add_argument("--slow", type=float, default=30.0, help="stand-in answer delay for the slow card, s")
    args = parser.parse_args()
    n_cards = args.cards or (50 if args.quick else 1000)
    slow_calls = 1 if args.quick else 3
    load_start = load_average()
    rng = random.Random(18)

    with ExitStack() as stack:
        standin = StandinHolder.start()
        stack.callback(standin.stop)
        for i in range(n_cards):
            standin.state.add(StandinCard(_number(i), NAME, "15/03/1985", facility=FACILITY))
        for i in range(slow_calls):
            standin.state.add(StandinCard(_number(90000 + i), NAME, "15/03/1985", delay_s=args.slow))
        stack.callback(standin.state.closing.set)
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hub-lookup-bench-")))
        config = tmp / "gateway.toml"
        config.write_text(f'[gateway]\nbase_url = "{standin.url}"\nusername = "10099_BV"\n'
                          f'password = "{DEFAULT_PASSWORD}"\nfacility_code = "{FACILITY}"\n'
                          'staff_name = "Nguyễn Thị Lễ Tân"\nstaff_citizen_id = "001090000001"\n'
                          "lookups_per_minute = 0\ntotal_timeout_s = 60\n[hub]\nrecheck_interval_s = 0\n",
                          encoding="utf-8")
        settings: dict[str, str] = {"database": "sqlite"}
        if args.db == "pg":
            cluster, db_url = stack.enter_context(postgres_database(durable=True))
            settings = {"database": "postgresql", **durability(cluster)}
        else:
            db_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
        engine = open_engine(db_url)
        token = add_device(engine, "bench-kiosk", FACILITY)
        engine.dispose()
        hub = start_hub(db_url, tmp, extra=("--gateway-config", str(config)))
        stack.callback(stop_hub, hub)
        kiosk = HubLookupClient(hub.url, token)
        stack.callback(kiosk.close)
        session = requests.Session()
        stack.callback(session.close)
        session.headers["Authorization"] = f"Bearer {token}"

        cards = []
        for i in range(n_cards):
            card = parse_payload(bhyt_2018(card=_number(i), name=NAME, dob="15/03/1985", facility="10 - 099"))
            assert isinstance(card, BhytCard)
            cards.append(card)
        order = list(range(n_cards))
        rng.shuffle(order)
        gw0 = standin.state.lookups
        miss, miss_wall = _ask_all(kiosk, [cards[i] for i in order], hit=False)
        gateway_calls_miss = standin.state.lookups - gw0
        rng.shuffle(order)
        gw0 = standin.state.lookups
        hit, hit_wall = _ask_all(kiosk, [cards[i] for i in order], hit=True)
        rng.shuffle(order)
        url = hub.url + "/v1/cards/lookup"
        raw: list[float] = []
        t0 = time.perf_counter()
        for i in order:
            t = time.perf_counter()
            answer = session.post(url, json=_body(i), timeout=10).json()
            raw.append((time.perf_counter() - t) * 1000)
            assert answer["from_cache"], answer
        raw_wall = time.perf_counter() - t0
        rng.shuffle(order)
        conc, conc_wall = _concurrent_hits(hub.url, token, [cards[i] for i in order], args.kiosks)
        gateway_calls_hit = standin.state.lookups - gw0
        slow: list[float] = []
        reasons: list[str] = []
        for i in range(slow_calls):
            card = parse_payload(bhyt_2018(card=_number(90000 + i), name=NAME, dob="15/03/1985"))
            assert isinstance(card, BhytCard)
            local = decide(card, None, dt.date.today(), FACILITY)
            t = time.perf_counter()
            result = kiosk.confirm_online(card, local)
            slow.append(time.perf_counter() - t)
            reasons.append(str(result.reason))

    miss_s, hit_s = _rate(miss, miss_wall), _rate(hit, hit_wall)
    raw_s, conc_s = _rate(raw, raw_wall), _rate(conc, conc_wall)
    cache_met = hit_s["p99"] <= CACHE_TARGET_MS
    slow_met = max(slow) <= KIOSK_LIMIT_S
    load_end = load_average()
    label = ("PostgreSQL, " + durability_label(settings)) if args.db == "pg" else "SQLite"
    print(f"Gateway look-up as the kiosk sees it: kiosk -> hub ({label}) -> stand-in gateway; "
          f"{n_cards:,} distinct cards; load {load_start} -> {load_end}")
    print(f"{'measure':<44} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8} {'n':>6} {'look-ups/s':>11}")
    for name, s in (("hub cache MISS, kiosk client (ms)", miss_s), ("hub cache HIT, kiosk client (ms)", hit_s),
                    ("hub cache HIT, raw HTTP keep-alive (ms)", raw_s),
                    (f"hub cache HIT, {args.kiosks} kiosks at once (ms)", conc_s)):
        print(f"{name:<44} {s['p50']:>8.2f} {s['p95']:>8.2f} {s['p99']:>8.2f} {s['max']:>8.2f} {int(s['n']):>6} "
              f"{s['per_s']:>11,.1f}")
    print(f"{f'gateway {args.slow:g} s slow: kiosk waits (s)':<44} {statistics.median(slow):>8.3f} {'':>8} "
          f"{'':>8} {max(slow):>8.3f} {len(slow):>6}   -> {', '.join(sorted(set(reasons)))}")
    print(f"gateway calls: {gateway_calls_miss} for {n_cards} misses, {gateway_calls_hit} for "
          f"{len(hit) + len(raw) + len(conc)} hits; cached p99 <= {CACHE_TARGET_MS:g} ms: "
          f"{'met' if cache_met else 'NOT met'}; slow gateway <= {KIOSK_LIMIT_S:g} s: "
          f"{'met' if slow_met else 'NOT met'}")
    print(json.dumps({"benchmark": "hub_lookup", "quick": args.quick, "python": platform.python_version(),
                      "machine": platform.machine(), "cpus": os.cpu_count(), "hub_db": settings, "cards": n_cards,
                      "kiosks": args.kiosks, "miss_ms": miss_s, "hit_ms": hit_s, "hit_raw_http_ms": raw_s,
                      "hit_concurrent_ms": conc_s, "gateway_calls_for_misses": gateway_calls_miss,
                      "gateway_calls_for_hits": gateway_calls_hit,
                      "slow_gateway_s": {"median": statistics.median(slow), "max": max(slow), "reasons": reasons},
                      "targets": {"cache_p99_ms": CACHE_TARGET_MS, "kiosk_limit_s": KIOSK_LIMIT_S},
                      "cache_met": cache_met, "slow_met": slow_met, "load_average_start": load_start,
                      "load_average_end": load_end}))


if __name__ == "__main__":
    main()
