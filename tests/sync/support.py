"""Helpers for sync tests: a kiosk store with visits, a hub with a device, a connection-cutting proxy."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk.cards import parse_payload
from kiosk.db.store import Store
from tests.cards.builders import bhyt_2018
from tests.hub.support import REPO, add_device, open_engine

FACILITY = "01999"


def new_store(path: Path) -> Store:
    store = Store.open(f"sqlite:///{path}")
    store.apply_reference_data(departments=[{"code": "K01", "name": "Khám nội", "name_en": "Internal medicine",
                                             "room": "101"}])
    return store


def record_visits(store: Store, count: int) -> list[str]:
    """Record ``count`` visits through the real check-in path (parse, look up, decide, commit)."""
    ids = []
    for i in range(count):
        card = parse_payload(bhyt_2018(card=f"DN401{i:010d}", facility="01 - 999"))
        ids.append(store.check_in("K01", card, facility_code=FACILITY)["id"])
    return ids


def hub_with_device(hub_db_url: str, name: str = "kiosk-1") -> str:
    engine = open_engine(hub_db_url)
    try:
        return add_device(engine, name, FACILITY)
    finally:
        engine.dispose()


def hub_visit_ids(hub_db_url: str) -> list[str]:
    """Every visit id the hub holds."""
    import sqlalchemy as sa

    from kiosk.hub.schema import visits

    engine = open_engine(hub_db_url)
    try:
        with engine.connect() as conn:
            return [str(r[0]) for r in conn.execute(sa.select(visits.c.id))]
    finally:
        engine.dispose()


def run_sync(db_path: Path, hub_url: str, token: str, *args: str, timeout: float = 120.0,
             env_extra: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    env = {**os.environ, "KIOSK_HUB_URL": hub_url, "KIOSK_HUB_TOKEN": token, "PYTHONPATH": str(REPO),
           "KIOSK_CONFIG": str(db_path.parent / "no-config.toml"), **(env_extra or {})}
    proc = subprocess.run([sys.executable, "-m", "kiosk", "sync", "--once", "--json", "--db",
                           f"sqlite:///{db_path}", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, json.loads(lines[-1]) if lines else {}


class CuttingProxy:
    """TCP proxy on 127.0.0.1 that forwards to ``target`` and, while ``cut_responses`` > 0, closes the
    client connection after forwarding the request and receiving the start of the hub's answer:
    the hub has done the work, the client never hears of it (a network cut mid-response)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.cut_responses = 0
        self.cuts_done = 0
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(16)
        self.port = int(self._server.getsockname()[1])
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop = True
        self._server.close()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))

        def pump_up() -> None:
            try:
                while chunk := client.recv(65536):
                    upstream.sendall(chunk)
            except OSError:
                pass

        threading.Thread(target=pump_up, daemon=True).start()
        try:
            while chunk := upstream.recv(65536):
                if self.cut_responses > 0:
                    self.cut_responses -= 1
                    self.cuts_done += 1
                    client.sendall(chunk[: min(20, len(chunk))])
                    break
                client.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (client, upstream):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()


def exactly_once(hub_ids: Sequence[str], kiosk_ids: Sequence[str]) -> bool:
    return sorted(hub_ids) == sorted(kiosk_ids)
