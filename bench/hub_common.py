"""Shared pieces of the hub benchmarks: a throw-away PostgreSQL cluster, a hub database with devices,
a real ``kiosk hub serve`` subprocess on loopback, and synthetic visits (no real person's data)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.support.postgres import PostgresCluster  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


DURABILITY_SETTINGS = ("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")


@contextmanager
def postgres_database(*, durable: bool = True) -> Iterator[tuple[PostgresCluster, str]]:
    """A throw-away cluster and an empty database. ``durable=True`` (the default of the benchmarks): the
    server's own durability settings (fsync on, synchronous_commit on), what a clinic's hub runs with;
    ``durable=False``: ``fsync=off``, as the tests run it — reported only beside the durable figure."""
    cluster = PostgresCluster.start(durable=durable)
    try:
        yield cluster, cluster.create_database("bench")
    finally:
        cluster.stop()


def durability(cluster: PostgresCluster) -> dict[str, str]:
    """The durability settings the server actually runs with (read back with SHOW, not assumed), and the
    file system under its data directory (on tmpfs an fsync costs nothing, and the figure would flatter)."""
    fstype = subprocess.run(["df", "--output=fstype", str(cluster.root)], capture_output=True, text=True,
                            check=False).stdout.split()
    return {**cluster.settings(*DURABILITY_SETTINGS), "data_filesystem": fstype[-1] if fstype else "unknown"}


def durability_label(settings: dict[str, str]) -> str:
    if settings.get("fsync") == "on" and settings.get("synchronous_commit") == "on":
        return f"default durability (fsync on, synchronous_commit on, data on {settings.get('data_filesystem')})"
    return f"NOT durable (fsync {settings.get('fsync')}, synchronous_commit {settings.get('synchronous_commit')})"


def load_average() -> list[float]:
    """The machine's 1/5/15-minute load averages (shared machine: every figure is reported with them)."""
    return [round(x, 2) for x in os.getloadavg()]


def create_devices(url: str, count: int, facility: str = "01999") -> list[str]:
    from kiosk.hub.db import open_hub
    from kiosk.hub.devices import add_device

    engine = open_hub(url, pool_size=1)
    tokens = []
    with engine.begin() as conn:
        for i in range(count):
            tokens.append(add_device(conn, f"bench-{i:02d}", facility)[1])
    engine.dispose()
    return tokens


@contextmanager
def serve(url: str, workers: int, log_path: Path) -> Iterator[str]:
    """``kiosk hub serve`` on 127.0.0.1 (rate limit off); yields its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with log_path.open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "kiosk", "hub", "serve", "--db", url, "--port", str(port),
                                 "--workers", str(workers), "--rate", "0"],
                                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"hub exited: {log_path.read_text()}")
            try:
                with urllib.request.urlopen(base + "/v1/health", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"hub did not start: {log_path.read_text()}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng")
GIVEN = ("Văn An", "Thị Bình", "Minh Đức", "Thị Hoa", "Quốc Huy", "Ngọc Lan")
VERDICTS = ("valid", "valid", "valid", "valid", "expired", "name_mismatch", "unknown")


def synthetic_visit(n: int, device: int) -> dict[str, Any]:
    digits = f"{(device * 10_000_000 + n) % 10**10:010d}"
    return {
        "id": str(uuid.uuid4()), "created_at": f"2026-11-22T{7 + n % 10:02d}:{n % 60:02d}:03.123+07:00",
        "visit_date": "2026-11-22", "department_code": f"K{1 + n % 5:02d}", "queue_number": n % 1000,
        "ticket": f"K{1 + n % 5:02d}-{n % 1000:03d}", "verdict": VERDICTS[n % len(VERDICTS)],
        "provisional": n % 11 == 0, "registered_here": n % 3 != 0, "card_kind": "bhyt",
        "card_number": f"HC401{digits}", "bhxh_number": digits, "citizen_id": None,
        "name": f"{SURNAMES[n % len(SURNAMES)]} {GIVEN[n % len(GIVEN)]}", "birth_date": f"{1940 + n % 80}-03-15",
        "gender": "male" if n % 2 else "female", "card_facility_code": "01999", "valid_from": "2026-01-01",
        "valid_to": "2026-12-31", "area": None, "five_years_on": None, "object_code": "HC", "benefit_level": 4,
    }


def print_table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    print(title)
    print("-" * (width + 20))
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
