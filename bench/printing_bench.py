"""Ticket printing latency: render, compose, and deliver to each kind of target.

    .venv/bin/python -m bench.printing_bench            # full run (~10 s)
    .venv/bin/python -m bench.printing_bench --quick    # CI smoke run (~2 s)

Stages per ticket (median and p95 in ms): rendering the 1-bit image for each language (80 mm and
58 mm), composing the ESC/POS job, and the whole ``print_ticket`` call to a Dummy target, to a file
in a directory (with the PNG copy) and to a raw-TCP printer on 127.0.0.1 that answers the two
status requests. Target (project proposal): a ticket reaches the printer in <= 300 ms (p95), so
the patient sees "printing" only briefly. Prints a table and, last, one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import socket
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kiosk.printing import LANGUAGES, PrinterSettings, Ticket, TicketPrinter
from kiosk.printing.jobs import raster_job
from kiosk.printing.render import render_ticket

TARGET_MS = 300.0


def _ticket(language: str, n: int) -> Ticket:
    return Ticket("Phòng khám Đa khoa Mẫu", "Khám Nội tổng quát", "Phòng 105 – Tầng 1", f"K01-{n % 1000:03d}",
                  dt.datetime(2026, 11, 22, 9, 15), uuid.UUID(int=n), language)  # type: ignore[arg-type]


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000, "n": len(ordered)}


def _time(fn: Callable[[int], object], count: int) -> dict[str, float]:
    fn(0)  # warm caches (fonts)
    samples = []
    for i in range(count):
        start = time.perf_counter()
        fn(i + 1)
        samples.append(time.perf_counter() - start)
    return _stats(samples)


class _TcpSink:
    """Reads everything; answers each DLE EOT request with "all fine" (0x12)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = 0
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                tail = b""
                while data := conn.recv(65536):
                    self.received += len(data)
                    chunk = tail + data
                    if chunk.endswith((b"\x10\x04\x04", b"\x10\x04\x01")):
                        conn.sendall(b"\x12")
                    tail = chunk[-2:]


def _renderer(language: str, width: int) -> Callable[[int], object]:
    return lambda i: render_ticket(_ticket(language, i), width)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small run for CI")
    args = parser.parse_args()
    count = 5 if args.quick else 40
    results: dict[str, dict[str, float]] = {}
    for width in (576, 384):
        for language in LANGUAGES:
            results[f"render {language} {width}"] = _time(_renderer(language, width), count)
    image = render_ticket(_ticket("vi", 0))
    results["compose raster job"] = _time(lambda i: raster_job(image, 576), count)

    dummy = TicketPrinter(PrinterSettings(target="dummy"))
    results["print → dummy"] = _time(lambda i: dummy.print_ticket(_ticket("zh", i)), count)
    with tempfile.TemporaryDirectory() as tmp:
        files = TicketPrinter(PrinterSettings(target=f"file:{Path(tmp)}/"))
        results["print → directory (+PNG)"] = _time(lambda i: files.print_ticket(_ticket("vi", i)), count)
    sink = _TcpSink()
    network = TicketPrinter(PrinterSettings(target=f"network:127.0.0.1:{sink.port}", timeout_s=2))
    outcomes: list[bool] = []

    def print_network(i: int) -> None:
        outcomes.append(network.print_ticket(_ticket("ja", i)).ok)

    results["print → TCP loopback"] = _time(print_network, count)
    sink.server.close()
    if not all(outcomes):
        raise SystemExit("TCP loopback printing failed during the benchmark")

    print(f"{'stage':<28} {'median ms':>10} {'p95 ms':>8} {'n':>4}")
    for name, r in results.items():
        print(f"{name:<28} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} {r['n']:>4.0f}")
    worst = max(results[k]["p95_ms"] for k in results if k.startswith("print"))
    print(f"target: ticket at the printer in <= {TARGET_MS:.0f} ms (p95): {'met' if worst <= TARGET_MS else 'NOT met'}"
          f" (worst p95 {worst:.1f} ms)")
    print(json.dumps({"benchmark": "printing", "python": platform.python_version(), "machine": platform.machine(),
                      "tickets_per_stage": count, "target_p95_ms": TARGET_MS, "worst_print_p95_ms": worst,
                      "results": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
