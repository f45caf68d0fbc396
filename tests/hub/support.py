"""Helpers for the hub tests: visit factory, device creation, a real uvicorn subprocess on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from kiosk.hub import db, devices

REPO = Path(__file__).resolve().parents[2]
#: Patient data used in test visits; the no-logging test looks for these strings.
PATIENT_NAME = "Nguyễn Văn An"
PATIENT_CARD = "HC4010123456789"


def visit(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": str(uuid.uuid4()), "created_at": "2026-11-22T08:15:03.123+07:00", "visit_date": "2026-11-22",
        "department_code": "K01", "queue_number": 12, "ticket": "K01-012", "verdict": "valid",
        "provisional": False, "registered_here": True, "card_kind": "bhyt", "card_number": PATIENT_CARD,
        "bhxh_number": "0123456789", "citizen_id": None, "name": PATIENT_NAME, "birth_date": "1985-03-15",
        "gender": "male", "card_facility_code": "10099", "valid_from": "2024-01-01", "valid_to": None,
        "area": "K1", "five_years_on": "2027-10-01", "object_code": "HC", "benefit_level": 4,
    }
    base.update(overrides)
    return base


def batch(records: list[dict[str, Any]], batch_id: str | None = None) -> dict[str, Any]:
    return {"batch_id": batch_id or str(uuid.uuid4()), "protocol": 1, "app_version": "test",
            "records": records}


def add_device(engine: sa.Engine, name: str, facility: str = "01999") -> str:
    with engine.begin() as conn:
        _device, token = devices.add_device(conn, name, facility)
    return token


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveHub:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def start_hub(db_url: str, tmp: Path, *, extra: tuple[str, ...] = (), scheme: str = "http",
              port: int | None = None, timeout: float = 20.0) -> LiveHub:
    """``kiosk hub serve`` as a subprocess on 127.0.0.1; returns once /v1/health answers."""
    port = port or free_port()
    log_path = tmp / f"hub-{port}.log"
    env = {**os.environ, "KIOSK_DATA_DIR": str(tmp), "PYTHONPATH": str(REPO)}
    handle = log_path.open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "hub", "serve", "--db", db_url, "--host", "127.0.0.1",
         "--port", str(port), "--rate", "0", *extra],
        stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    handle.close()
    url = f"{scheme}://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"hub exited: {log_path.read_text()}")
        try:
            if httpx.get(url + "/v1/health", timeout=1, verify=False).status_code == 200:
                return LiveHub(url=url, process=proc, log_path=log_path)
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"hub did not start: {log_path.read_text()}")


def stop_hub(hub: LiveHub) -> None:
    if hub.process.poll() is None:
        hub.process.terminate()
        try:
            hub.process.wait(10)
        except subprocess.TimeoutExpired:
            hub.process.kill()
            hub.process.wait(5)


@contextmanager
def live_hub(db_url: str, tmp: Path, **kwargs: Any) -> Iterator[LiveHub]:
    hub = start_hub(db_url, tmp, **kwargs)
    try:
        yield hub
    finally:
        stop_hub(hub)


def open_engine(url: str) -> sa.Engine:
    return db.open_hub(url, pool_size=4)


def write_card_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    from kiosk.cards.cardlist import CARD_LIST_COLUMNS

    lines = [",".join(CARD_LIST_COLUMNS)]
    for row in rows:
        lines.append(",".join(row.get(c, "") for c in CARD_LIST_COLUMNS))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def card_number(i: int) -> str:
    return f"HC401{i:010d}"
