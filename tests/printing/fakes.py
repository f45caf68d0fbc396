"""Fake ESC/POS printers on real transports: a pty (serial) and a TCP server on 127.0.0.1.

Both parse what they receive with ``EscposStream`` and answer real-time status requests the way an
Epson-compatible printer does: DLE EOT 4 (paper), DLE EOT 1 (on line), GS r 1 (paper sensor).
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import time
import tty
from dataclasses import dataclass, field
from typing import Literal

from tests.printing.escpos_stream import EscposStream

Paper = Literal["ok", "low", "out"]

_DLE_EOT_4 = {"ok": 0x12, "low": 0x1E, "out": 0x7E}
_GS_R_1 = {"ok": 0x00, "low": 0x03, "out": 0x0F}


@dataclass
class PrinterBrain:
    paper: Paper = "ok"
    online: bool = True
    #: Never answer status requests (a printer that is switched off behind a live port).
    silent: bool = False
    #: Answers DLE EOT requests; when False only GS r (as some compatibles do).
    dle_eot: bool = True
    stream: EscposStream = field(default_factory=EscposStream)
    received: bytearray = field(default_factory=bytearray)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, data: bytes) -> bytes:
        """Consume received bytes; return the answer bytes to send back."""
        with self.lock:
            self.received.extend(data)
            requests = self.stream.feed(data)
        if self.silent:
            return b""
        answer = bytearray()
        for request in requests:
            if request[:2] == b"\x10\x04" and not self.dle_eot:
                continue
            if request == b"\x10\x04\x04":
                answer.append(_DLE_EOT_4[self.paper])
            elif request == b"\x10\x04\x01":
                answer.append(0x12 if self.online else 0x1A)
            elif request[:2] == b"\x10\x04":
                answer.append(0x12)
            elif request == b"\x1dr\x01":
                answer.append(_GS_R_1[self.paper])
        return bytes(answer)

    @property
    def jobs(self) -> list:  # type: ignore[type-arg]
        with self.lock:
            return list(self.stream.jobs)


class PtyPrinter:
    """A printer at the slave end of a pty; ``url`` is the slave path to give pyserial."""

    def __init__(self, brain: PrinterBrain | None = None) -> None:
        self.brain = brain or PrinterBrain()
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)  # a real printer port does no line processing
        self.url = os.ttyname(self._slave)
        #: While False the printer stops reading (its buffer is full): writers must time out.
        self.reading = threading.Event()
        self.reading.set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pty-printer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self.reading.is_set():
                time.sleep(0.01)
                continue
            try:
                ready, _, _ = select.select([self.master], [], [], 0.05)
            except (OSError, ValueError):
                return
            if not ready:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                time.sleep(0.01)
                continue
            answer = self.brain.take(data)
            if answer:
                os.write(self.master, answer)

    def vanish(self) -> None:
        """Unplug: stop, close both ends; the device path disappears."""
        self.close()

    def close(self) -> None:
        self._stop.set()
        self.reading.set()
        self._thread.join(timeout=2)
        for fd in (self.master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class TcpPrinter:
    """A raw-TCP (port 9100 style) printer on 127.0.0.1 at a free port."""

    def __init__(self, brain: PrinterBrain | None = None) -> None:
        self.brain = brain or PrinterBrain()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.05)
        self.port = self._server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._accept = threading.Thread(target=self._accept_loop, name="tcp-printer", daemon=True)
        self._accept.start()

    @property
    def target(self) -> str:
        return f"network:127.0.0.1:{self.port}"

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            # One connection at a time, like a real port-9100 printer: the next client waits in the
            # listen backlog until this one is drained, so two jobs never mix in the parser.
            self._serve(conn)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.05)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                answer = self.brain.take(data)
                if answer:
                    conn.sendall(answer)

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        self._accept.join(timeout=2)
