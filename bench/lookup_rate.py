"""Gateway look-ups caused by confirming EVERY check-in online (issue 14), and what it adds to a check-in.

Kiosk check-in core (kiosk.checkin.CheckInService with the real HubLookupClient, its own SQLite store) ->
hub (a real `kiosk hub serve` subprocess, uvicorn on loopback, SQLite) -> the STAND-IN BHXH gateway
(tests/gateway/standin.py, a real HTTP server on 127.0.0.1; the real gateway cannot be reached from here).
The hub keeps its default gateway settings: answers cached 15 min per card, a token bucket of
``lookups_per_minute`` (30) with a burst of ``lookup_burst`` (10) per facility, an answer budget.

Two phases, in real time (the hub's rate limiter runs on the wall clock):

1. realistic: ``--rate`` check-ins per minute (default 20: several kiosks of a large outpatient department
   at the morning peak), ``--repeat`` of them (default 25 %) a patient already checked in earlier the same
   morning (a second department: the hub's cache answers), every card already in the kiosk's cache (the
   common case the issue is about: the cache used to be trusted without asking);
2. burst: ``--burst-rate`` check-ins per minute (default 90, far above the limit) of new patients, to show
   the hub's limit holds: the gateway never gets more than the limit + burst in any 60 s, and the
   check-ins over the limit get ``rate_limited`` at once (the cache's verdict stands, provisional).

Measures: gateway calls per check-in and per minute (the largest count in any 60 s window, from a sampler
of the stand-in's call counter), how each online confirmation ended (confirmed / rate limited / …), and the
time the confirmation added to a check-in (``ask_online``) against the 2.5 s budget. The gateway answers
after ``--gateway-delay`` seconds (default 0.4 s).

    .venv/bin/python -m bench.lookup_rate            # full run (~4 min: 2 min + 1 min + the hub's start)
    .venv/bin/python -m bench.lookup_rate --quick    # CI smoke run (~40 s)

Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import os
import platform
import random
import statistics
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from kiosk.cards import BirthDate, CachedCard, CardStatus
from kiosk.checkin.factory import LOOKUP_TIMEOUT_S
from kiosk.checkin.result import Source
from kiosk.checkin.service import Checking, CheckInService
from kiosk.db.store import Store
from kiosk.gateway.settings import GatewaySettings
from kiosk.sync.lookup import HubLookupClient
from tests.cards.builders import bhyt_2018
from tests.gateway.fixtures import write_gateway_config
from tests.gateway.standin import StandinCard, StandinHolder
from tests.hub.support import add_device, open_engine, start_hub, stop_hub

FACILITY = "10099"
NAME = "Nguyễn Văn An"
WINDOW_S = 60.0
#: Gateway calls up to this long after a phase's last check-in still belong to it (answers in flight).
TAIL_S = 3.0
PAUSE_S = 5.0


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def _number(i: int) -> str:
    return f"DN410{i:010d}"


def _payload(i: int) -> str:
    return bhyt_2018(card=_number(i), name=NAME, dob="15/03/1985", facility="10 - 099", valid_from="01/01/2024",
                     valid_to="31/12/2030")


class CallSampler:
    """Samples the stand-in's gateway-call counter every 50 ms: (monotonic time, calls so far)."""

    def __init__(self, standin: StandinHolder) -> None:
        self.standin = standin
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="call-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.samples.append((time.monotonic(), self.standin.state.lookups))

    def __enter__(self) -> CallSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append((time.monotonic(), self.standin.state.lookups))

    def max_in_window(self, start: float, end: float, window_s: float = WINDOW_S) -> int:
        """The most calls in any ``window_s`` between ``start`` and ``end`` (whole run when shorter)."""
        times = [t for t, _ in self.samples]
        counts = [n for _, n in self.samples]
        best = 0
        for i, t in enumerate(times):
            if t < start or t > end:
                continue
            j = bisect.bisect_right(times, min(end, t + window_s)) - 1
            before = counts[i - 1] if i > 0 else counts[i]
            best = max(best, counts[j] - before)
        return best

    def calls_between(self, start: float, end: float) -> int:
        times = [t for t, _ in self.samples]
        counts = [n for _, n in self.samples]
        i = max(0, bisect.bisect_left(times, start) - 1)
        j = bisect.bisect_right(times, end) - 1
        return counts[j] - counts[i]


def run_phase(service: CheckInService, numbers: list[int], rate_per_min: float) -> dict[str, Any]:
    """Check the cards in ``numbers`` in at ``rate_per_min`` (evenly paced, real time); the added time and
    how each online confirmation ended."""
    gap = 60.0 / rate_per_min
    added: list[float] = []
    outcomes: Counter[str] = Counter()
    start = time.monotonic()
    for k, i in enumerate(numbers):
        due = start + k * gap
        time.sleep(max(0.0, due - time.monotonic()))
        checking = service.begin(_payload(i), Source.CAMERA)
        assert isinstance(checking, Checking), checking
        t = time.perf_counter()
        asked = service.ask_online(checking)
        added.append(time.perf_counter() - t)
        result = service.complete(asked, history=False)
        online = result.online
        outcomes["confirmed" if result.confirmed_online else str(online.reason if online else "not asked")] += 1
    return {"start": start, "end": time.monotonic(), "added_s": added, "outcomes": dict(outcomes),
            "checkins": len(numbers)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short run for CI")
    parser.add_argument("--rate", type=float, default=20.0, help="realistic check-ins per minute")
    parser.add_argument("--repeat", type=float, default=0.25, help="share of repeat patients (second department)")
    parser.add_argument("--burst-rate", type=float, default=90.0, help="burst phase check-ins per minute")
    parser.add_argument("--gateway-delay", type=float, default=0.4, help="stand-in answer delay, s")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    realistic_s, burst_s = (15.0, 10.0) if args.quick else (120.0, 60.0)
    settings = GatewaySettings(base_url="http://127.0.0.1", username="bench")  # the defaults the hub runs with
    limit, burst = settings.lookups_per_minute, settings.lookup_burst

    rng = random.Random(args.seed)
    n_real = max(1, round(args.rate * realistic_s / 60))
    fresh = list(range(n_real))
    order: list[int] = []
    seen: list[int] = []
    for i in fresh:  # each check-in: a repeat of an earlier patient with probability --repeat, else new
        if seen and rng.random() < args.repeat:
            order.append(rng.choice(seen))
        else:
            order.append(i)
            seen.append(i)
    n_burst = max(1, round(args.burst_rate * burst_s / 60))
    burst_numbers = list(range(10_000, 10_000 + n_burst))

    standin = StandinHolder.start()
    for i in set(order) | set(burst_numbers):
        standin.state.add(StandinCard(_number(i), NAME, "15/03/1985", facility=FACILITY, delay_s=args.gateway_delay))
    tmp = Path(tempfile.mkdtemp(prefix="lookup-rate-bench-"))
    # The hub's defaults for cache, rate limit and answer budget (not overridden).
    config = write_gateway_config(tmp / "gateway.toml", standin.url, facility=FACILITY)
    db_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
    engine = open_engine(db_url)
    token = add_device(engine, "bench-kiosk", FACILITY)
    engine.dispose()
    hub = start_hub(db_url, tmp, extra=("--gateway-config", str(config)))
    lookups = HubLookupClient(hub.url, token)
    store = Store.open(f"sqlite:///{tmp / 'kiosk.sqlite3'}")
    try:
        # The kiosk's cache knows every card (synced earlier): before issue 14 none of these were asked online.
        store.upsert_cards([CachedCard(card_number=_number(i), name=NAME, birth_date=BirthDate(1985, 3, 15),
                                       facility_code=FACILITY, valid_from=dt.date(2024, 1, 1),
                                       valid_to=dt.date(2030, 12, 31), status=CardStatus.ACTIVE)
                            for i in set(order) | set(burst_numbers)])
        store.set_cursor("hub", "0")
        service = CheckInService(store, FACILITY, online=lookups, online_timeout_s=LOOKUP_TIMEOUT_S)
        with CallSampler(standin) as sampler:
            real = run_phase(service, order, args.rate)
            time.sleep(PAUSE_S)  # longer than TAIL_S: the phases' gateway calls are told apart
            peak = run_phase(service, burst_numbers, args.burst_rate)
    finally:
        standin.state.closing.set()
        lookups.close()
        store.close()
        stop_hub(hub)
        standin.stop()

    rows = []
    summary: dict[str, Any] = {}
    allowed = limit + burst
    for label, phase in (("realistic", real), ("burst", peak)):
        minutes = (phase["end"] - phase["start"]) / 60
        calls = sampler.calls_between(phase["start"], phase["end"] + TAIL_S)  # + calls still in flight
        window = sampler.max_in_window(phase["start"], phase["end"] + TAIL_S)
        added = phase["added_s"]
        stats = {"checkins": phase["checkins"], "checkins_per_min": round(phase["checkins"] / minutes, 1),
                 "gateway_calls": calls, "calls_per_checkin": round(calls / phase["checkins"], 3),
                 "calls_per_min": round(calls / minutes, 1), "max_calls_in_60s": window,
                 "added_p50_s": round(statistics.median(added), 3), "added_p99_s": round(_pct(added, 0.99), 3),
                 "added_max_s": round(max(added), 3), "outcomes": phase["outcomes"]}
        summary[label] = stats
        rows.append((label, stats))
    limit_met = all(s["max_calls_in_60s"] <= allowed for s in summary.values())
    budget_met = all(s["added_max_s"] <= LOOKUP_TIMEOUT_S + 0.1 for s in summary.values())
    print(f"{'phase':<10} {'check-ins':>9} {'/min':>6} {'gw calls':>9} {'/check-in':>9} {'/min':>6} "
          f"{'max 60s':>8} {'added p50':>10} {'p99':>7} {'max':>7}  outcomes")
    for label, s in rows:
        print(f"{label:<10} {s['checkins']:>9} {s['checkins_per_min']:>6} {s['gateway_calls']:>9} "
              f"{s['calls_per_checkin']:>9} {s['calls_per_min']:>6} {s['max_calls_in_60s']:>8} "
              f"{s['added_p50_s']:>9.3f}s {s['added_p99_s']:>6.3f}s {s['added_max_s']:>6.3f}s  "
              f"{', '.join(f'{k} {v}' for k, v in sorted(s['outcomes'].items()))}")
    print(f"gateway limit {limit:g}/min + burst {burst} per facility: "
          f"{'respected' if limit_met else 'NOT respected'} (most calls in any 60 s: "
          f"{max(s['max_calls_in_60s'] for s in summary.values())}); added time <= {LOOKUP_TIMEOUT_S:g} s budget: "
          f"{'met' if budget_met else 'NOT met'}; gateway answer delay {args.gateway_delay:g} s")
    print(json.dumps({"benchmark": "lookup_rate", "quick": args.quick, "python": platform.python_version(),
                      "machine": platform.machine(), "cpus": os.cpu_count(), "rate_per_min": args.rate,
                      "repeat": args.repeat, "burst_rate_per_min": args.burst_rate,
                      "gateway_delay_s": args.gateway_delay, "limit_per_min": limit, "limit_burst": burst,
                      "budget_s": LOOKUP_TIMEOUT_S, **summary, "limit_met": limit_met, "budget_met": budget_met},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
