"""Helpers for sync tests: a kiosk store with visits, a hub with a device, a connection-cutting proxy."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

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


class LoopbackProxy:
    """A TCP proxy on 127.0.0.1 in front of ``target_port``: accepts connections in a thread and hands each
    to ``_handle`` (in its own thread); subclasses decide what is forwarded."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
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
        raise NotImplementedError


class CuttingProxy(LoopbackProxy):
    """Forwards to the hub and, while ``cut_responses`` > 0, closes the client connection after
    forwarding the request and receiving the start of the hub's answer: the hub has done the work, the
    client never hears of it (a network cut mid-response)."""

    def __init__(self, target_port: int) -> None:
        self.cut_responses = 0
        self.cuts_done = 0
        super().__init__(target_port)

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


class FailOnRecord:
    """ASGI wrapper in front of the real hub: a push whose body carries any of ``poison`` gets a 500, as the
    PostgreSQL-only fault of issue 16 did for a whole batch. Counts the pushes."""

    def __init__(self, app: Any, *poison: str) -> None:
        self.app = app
        self.poison = [p.encode() for p in poison]
        self.pushes = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/sync/push":
            await self.app(scope, receive, send)
            return
        self.pushes += 1
        messages, body = [], b""
        while True:
            message = await receive()
            messages.append(message)
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        plain = gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body
        if any(p in plain for p in self.poison):
            payload = b'{"error":{"code":"internal_error","message":"injected fault","error_id":"x"}}'
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": payload})
            return

        async def replay() -> dict[str, Any]:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        await self.app(scope, replay, send)


@contextmanager
def serve(app: Any) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    started = threading.Event()
    while not started.wait(0.05):
        if server.started:
            started.set()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


class PushRecorder:
    """ASGI wrapper in front of the real hub that notes every push: the batch id and the record ids sent,
    and the status the hub answered. ``edit_answer`` may rewrite a 200 answer (a hub that misbehaves)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.pushes: list[tuple[str, list[str], int]] = []
        self.edit_answer: Any = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/sync/push":
            await self.app(scope, receive, send)
            return
        messages, body = [], b""
        while True:
            message = await receive()
            messages.append(message)
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        sent = json.loads(gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body)
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def replay() -> dict[str, Any]:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def keep(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, replay, keep)
        status, answer = int(started["status"]), b"".join(chunks)
        self.pushes.append((str(sent["batch_id"]), [str(r["id"]) for r in sent["records"]], status))
        headers = [(k, v) for k, v in started.get("headers", []) if k.lower() not in (b"content-length",
                                                                                    b"content-encoding")]
        if status == 200:
            if answer[:2] == b"\x1f\x8b":
                answer = gzip.decompress(answer)
            if self.edit_answer is not None:
                answer = json.dumps(self.edit_answer(json.loads(answer))).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [*headers, (b"content-length", str(len(answer)).encode())]})
        await send({"type": "http.response.body", "body": answer})


class PushGateProxy(LoopbackProxy):
    """Signals ``forwarded`` once the hub has been sent the whole request of push number ``after + 1`` (it
    then forwards nothing more): the test can kill the hub while that batch is in its hands, without
    depending on how fast either side is."""

    def __init__(self, target_port: int, after: int) -> None:
        self.after = after
        self.forwarded = threading.Event()
        self._pushes = 0
        super().__init__(target_port)

    def _requests(self, client: socket.socket) -> Iterator[bytes]:
        """The client's requests, one whole request (headers and body) at a time."""
        buf = b""
        while True:
            while b"\r\n\r\n" not in buf:
                chunk = client.recv(65536)
                if not chunk:
                    return
                buf += chunk
            head, _, rest = buf.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(rest) < length:
                chunk = client.recv(65536)
                if not chunk:
                    return
                rest += chunk
            yield head + b"\r\n\r\n" + rest[:length]
            buf = rest[length:]

    def _handle(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))

        def pump_down() -> None:
            try:
                while chunk := upstream.recv(65536):
                    client.sendall(chunk)
            except OSError:
                pass
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)

        threading.Thread(target=pump_down, daemon=True).start()
        try:
            for request in self._requests(client):
                if self.forwarded.is_set():
                    break
                upstream.sendall(request)
                if request.startswith(b"POST /v1/sync/push"):
                    self._pushes += 1
                    if self._pushes > self.after:
                        self.forwarded.set()
        except OSError:
            pass


class HoldAnswer:
    """ASGI wrapper in front of the real hub: push number ``after + 1`` is handed to the hub (which stores it),
    then ``holding`` is set and its answer is kept back until ``release`` (then the connection just ends)."""

    def __init__(self, app: Any, after: int) -> None:
        self.app = app
        self.after = after
        self.pushes = 0
        self.holding = threading.Event()
        self.release = threading.Event()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/sync/push":
            await self.app(scope, receive, send)
            return
        self.pushes += 1
        if self.pushes != self.after + 1:
            await self.app(scope, receive, send)
            return

        async def swallow(_message: dict[str, Any]) -> None:
            return None

        await self.app(scope, receive, swallow)  # stored on the hub; the kiosk never hears of it
        self.holding.set()
        import anyio

        await anyio.to_thread.run_sync(self.release.wait)
        raise ConnectionAbortedError("answer withheld by the test")
