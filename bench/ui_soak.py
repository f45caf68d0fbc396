"""UI soak: the REAL self-service window (offscreen) fed camera frames without a break for the whole run,
patients checking in all along, syncing to a real hub; event-loop latency, memory trend, decode rate.

    .venv/bin/python -m bench.ui_soak                 # 10 minutes
    .venv/bin/python -m bench.ui_soak --quick         # 30 seconds (CI)
    .venv/bin/python -m bench.ui_soak --minutes 60    # an hour

The app is kiosk.ui.app.KioskApp as `kiosk run` builds it: the SQLite store, the file printer, the
camera pipeline (grabber + decoder threads) and the sync loop (every second) against `kiosk hub serve`
(a subprocess on 127.0.0.1, SQLite). Camera: the demo clip (a phone showing a VssID QR code, 1280×720)
played at the camera rate ([camera] fps, 30) in an endless loop WITHOUT the demo's 1.5 s pause between
plays (bench-side hook: ``kiosk.ui.devices.PacedLoop`` is replaced by a subclass with ``pause_s=0`` that
also counts the frames it hands out; nothing in kiosk/ is changed). Patients: every 300 ms the next step
of a check-in (scan a distinct valid card → verdict → department → ticket printed), as in ui_bench.

Measured:
  event-loop lateness   a 5 ms QTimer on the UI thread: how late each tick comes; p50/p99/max over the
                        whole run and p99 per minute (a growing p99 is a leak of work)
  memory                resident memory every 5 s; the trend is the least-squares slope over the second
                        half of the run (after warm-up), in MiB per 10 minutes; also the number of live
                        QWidgets, Python threads and open file descriptors at the start and the end
  decode rate           frames the camera source delivered and frames the decoder finished, per second
  delivery              every visit recorded by the kiosk is on the hub exactly once after the final sync
Prints a table and, last, one JSON line. Offscreen Qt; timings are noisy on a shared machine (the load
average is reported).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.ui_bench import (  # noqa: E402
    StallProbe,
    bench_cards,
    patient_stepper,
    percentile,
    pump,
    rss_mb,
    start_self_service,
)

STALL_TARGET_MS = 50.0
LEAK_LIMIT_MIB_PER_10MIN = 10.0  # RSS slope over the second half; a steady climb above this is a leak
SAMPLE_S = 5.0


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def slope_per_10min(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MiB) points, in MiB per 10 minutes (0 with fewer than 3 points)."""
    if len(points) < 3:
        return 0.0
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var * 600.0


def install_continuous_camera() -> dict[str, int]:
    """Replace the demo's PacedLoop by one that never pauses between plays and counts its frames."""
    import kiosk.ui.devices as devices
    from kiosk.ui.camera import PacedLoop

    counter = {"delivered": 0, "plays": 0}

    class ContinuousLoop(PacedLoop):
        def __init__(self, opener: Any, fps: float = 30.0, **kwargs: Any) -> None:
            kwargs["pause_s"] = 0.0

            def counting_opener() -> Any:
                counter["plays"] += 1
                return opener()

            super().__init__(counting_opener, fps, **kwargs)

        def read(self) -> Any:
            frame = super().read()
            if frame is not None:
                counter["delivered"] += 1
            return frame

    devices.PacedLoop = ContinuousLoop  # type: ignore[misc]
    return counter


def hub_visit_counts(url: str) -> tuple[int, int]:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(sa.text("SELECT count(*), count(DISTINCT id) FROM hub_visits")).one()
    finally:
        engine.dispose()
    return int(row[0]), int(row[1])


def soak(seconds: float, tmp: Path) -> dict[str, Any]:
    from bench.hub_common import create_devices, serve
    from kiosk.hub.db import open_hub

    hub_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
    open_hub(hub_url, pool_size=1).dispose()
    token = create_devices(hub_url, 1)[0]
    with serve(hub_url, 1, tmp / "hub.log") as base:
        result = _drive(base, token, seconds, tmp)
        result["hub_visits"], result["hub_distinct_visits"] = hub_visit_counts(hub_url)
    return result


def _drive(hub: str, token: str, seconds: float, tmp: Path) -> dict[str, Any]:
    os.environ["KIOSK_DATA_DIR"] = str(tmp / "data")
    counter = install_continuous_camera()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.db.demo import bhyt_payload
    from kiosk.ui.selfservice.model import Screen

    app, kiosk, window = start_self_service(tmp, hub, token)
    window.autopilot = False
    if kiosk.camera is None:
        raise SystemExit("no camera: the demo clip is missing from resources/demo")
    patients_n = 5000
    cards = bench_cards(patients_n)
    kiosk.store.upsert_cards(cards)
    payloads = [bhyt_payload(card) for card in cards]
    pump(app, 2.0)  # settle: first frames decoded, first sync done

    model = window.model
    tickets = [0]
    next_step = patient_stepper(window, lambda n: payloads[n % patients_n],
                                on_ticket=lambda: tickets.__setitem__(0, tickets[0] + 1))

    camera = kiosk.camera
    t_start = time.monotonic()
    frames0, delivered0 = camera.frames, counter["delivered"]
    visits0 = len(kiosk.store.list_visits())
    widgets0, threads0, fds0 = len(QApplication.allWidgets()), threading.active_count(), open_fds()
    samples: list[dict[str, float]] = []

    def sample() -> None:
        samples.append({"t": round(time.monotonic() - t_start, 2), "rss_mb": round(rss_mb(), 2),
                        "frames": camera.frames - frames0, "delivered": counter["delivered"] - delivered0,
                        "lateness_n": len(probe.lateness_ms)})

    probe = StallProbe()
    sampler = QTimer()
    sampler.setInterval(int(SAMPLE_S * 1000))
    sampler.timeout.connect(sample)
    patients = QTimer()
    patients.setInterval(300)
    patients.timeout.connect(next_step)
    probe.start()
    sample()
    sampler.start()
    patients.start()
    pump(app, seconds)
    patients.stop()
    sampler.stop()
    probe.timer.stop()
    sample()
    elapsed = time.monotonic() - t_start
    frames, delivered = camera.frames - frames0, counter["delivered"] - delivered0
    # let the ticket in progress finish, then let the sync loop deliver everything
    pump(app, 10, lambda: model.screen is Screen.WELCOME or model.print_result is not None)
    pump(app, 60, lambda: kiosk.store.pending_count() == 0)
    pending = kiosk.store.pending_count()
    visits = len(kiosk.store.list_visits())
    result = {
        "seconds": elapsed, "lateness_ms": probe.lateness_ms, "samples": samples, "frames_decoded": frames,
        "frames_delivered": delivered, "clip_plays": counter["plays"], "camera_fps_setting": kiosk.config.camera.fps,
        "visits_kiosk": visits, "visits_during_soak": visits - visits0, "tickets": tickets[0],
        "pending_after": pending, "widgets": [widgets0, len(QApplication.allWidgets())],
        "threads": [threads0, threading.active_count()], "fds": [fds0, open_fds()],
    }
    window.close()
    kiosk.close()
    return result


def summarise(r: dict[str, Any], quick: bool, load_start: list[float]) -> dict[str, Any]:
    lateness = r["lateness_ms"]
    samples = r["samples"]
    half = r["seconds"] / 2
    second_half = [(s["t"], s["rss_mb"]) for s in samples if s["t"] >= half]
    # p99 of the lateness in each minute of the run: the 5 s samples hold how many ticks there were by then
    per_minute: list[float] = []
    bounds = [s["lateness_n"] for s in samples[:: int(60 / SAMPLE_S)]] + [len(lateness)]
    for lo, hi in itertools.pairwise(bounds):
        if hi > lo:
            per_minute.append(round(percentile(lateness[lo:hi], 99), 2))
    rss = [s["rss_mb"] for s in samples]
    figures = {
        "bench": "ui_soak", "quick": quick, "seconds": round(r["seconds"], 1),
        "lateness_p50_ms": round(percentile(lateness, 50), 2), "lateness_p99_ms": round(percentile(lateness, 99), 2),
        "lateness_max_ms": round(max(lateness, default=float("nan")), 2), "lateness_samples": len(lateness),
        "lateness_p99_per_minute_ms": per_minute,
        "rss_start_mb": rss[0], "rss_end_mb": rss[-1], "rss_max_mb": max(rss),
        "rss_slope_second_half_mib_per_10min": round(slope_per_10min(second_half), 2),
        "rss_samples": len(rss), "rss_trend_mb": rss[:: max(1, len(rss) // 20)],
        "camera_fps_setting": r["camera_fps_setting"],
        "frames_delivered": r["frames_delivered"], "frames_decoded": r["frames_decoded"],
        "delivered_fps": round(r["frames_delivered"] / r["seconds"], 1),
        "decoded_fps": round(r["frames_decoded"] / r["seconds"], 1), "clip_plays": r["clip_plays"],
        "check_ins": r["visits_during_soak"], "tickets": r["tickets"], "visits_kiosk": r["visits_kiosk"],
        "pending_after": r["pending_after"], "hub_visits": r["hub_visits"],
        "hub_distinct_visits": r["hub_distinct_visits"],
        "widgets_start_end": r["widgets"], "threads_start_end": r["threads"], "fds_start_end": r["fds"],
        "load_average_start": load_start, "load_average_end": load_average(),
        "python": platform.python_version(), "cpus": os.cpu_count(),
    }
    figures["every_visit_delivered_once"] = (r["pending_after"] == 0 and r["hub_visits"] == r["visits_kiosk"]
                                             == r["hub_distinct_visits"])
    figures["targets_met"] = {
        "lateness_p99": figures["lateness_p99_ms"] <= STALL_TARGET_MS,
        "no_leak": figures["rss_slope_second_half_mib_per_10min"] <= LEAK_LIMIT_MIB_PER_10MIN,
        "delivered_once": figures["every_visit_delivered_once"],
    }
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="30 s (CI)")
    parser.add_argument("--minutes", type=float, help="length of the soak (default 10; --quick 0.5)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    seconds = 60 * (args.minutes if args.minutes is not None else (0.5 if args.quick else 10.0))
    load_start = load_average()
    with tempfile.TemporaryDirectory(prefix="ui-soak-") as tmp_name:
        r = soak(seconds, Path(tmp_name))
    f = summarise(r, args.quick, load_start)
    ok = f["targets_met"]
    rows = [
        ("length", f"{f['seconds']} s, camera at {f['camera_fps_setting']:g} fps without a break "
                   f"({f['clip_plays']} plays of the clip)"),
        ("event-loop lateness p50 / p99 / max", f"{f['lateness_p50_ms']} / {f['lateness_p99_ms']} / "
         f"{f['lateness_max_ms']} ms (target p99 ≤ {STALL_TARGET_MS:g}) {'OK' if ok['lateness_p99'] else 'MISS'}"),
        ("  p99 per minute", ", ".join(f"{x:g}" for x in f["lateness_p99_per_minute_ms"])),
        ("frames delivered / decoded per s", f"{f['delivered_fps']} / {f['decoded_fps']}"),
        ("RSS start → end (max)", f"{f['rss_start_mb']} → {f['rss_end_mb']} MB ({f['rss_max_mb']})"),
        ("RSS slope, second half", f"{f['rss_slope_second_half_mib_per_10min']} MiB per 10 min "
         f"(leak limit {LEAK_LIMIT_MIB_PER_10MIN:g}) {'OK' if ok['no_leak'] else 'MISS'}"),
        ("widgets / threads / fds start → end", f"{f['widgets_start_end']} / {f['threads_start_end']} / "
                                                  f"{f['fds_start_end']}"),
        ("check-ins / tickets printed", f"{f['check_ins']} / {f['tickets']}"),
        ("delivered to the hub", f"{f['hub_visits']} of {f['visits_kiosk']} visits ({f['hub_distinct_visits']} "
         f"distinct, {f['pending_after']} pending) {'OK' if ok['delivered_once'] else 'MISS'}"),
        ("load average start → end", f"{f['load_average_start']} → {f['load_average_end']}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"UI soak ({'quick' if args.quick else 'full'}; {platform.python_version()}, {os.cpu_count()} CPUs, "
          "offscreen)")
    print("-" * (width + 60))
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    print(json.dumps(f, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
