"""Serial / USB-CDC barcode scanners through ``serial.serial_for_url``.

:class:`SerialFramer` (pure) turns a byte stream into scans: it reassembles payloads split over
several reads and splits reads that carry several payloads, ends a payload at the configured
terminator (CR, LF, CRLF, or DOLLAR = the BHYT payload's own final ``$``), and — as a fallback for
scanners that send no terminator — after ``idle_timeout_s`` without bytes. Bytes are decoded as
UTF-8 only once a payload is complete (a character split over two reads is fine); invalid UTF-8 is
replaced and reported as a warning.

:class:`SerialScanner` runs the port in a thread and survives the device being unplugged and
plugged back (the port vanishes and reappears): it closes, waits with backoff, reopens the same
URL, and reports its :class:`PortState`. Every complete payload received is delivered exactly once.
Note pyserial's ``open()`` discards bytes that arrived before the port was opened; a scanner only
sends when triggered, so nothing is lost in practice.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

TERMINATORS: dict[str, bytes] = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "DOLLAR": b"$"}
#: Longest payload accepted; a runaway stream without terminators is cut here.
MAX_PAYLOAD_BYTES = 4096
INVALID_UTF8_WARNING = "invalid_utf8"
NO_TERMINATOR_WARNING = "no_terminator"
TRUNCATED_WARNING = "too_long_truncated"


class PortState(enum.StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # unplugged or failed; retrying with backoff
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class SerialPayload:
    text: str
    warnings: tuple[str, ...] = ()


class SerialFramer:
    def __init__(self, terminator: str = "CR", *, idle_timeout_s: float = 0.1) -> None:
        key = terminator.upper()
        if key not in TERMINATORS:
            raise ValueError(f"unknown terminator {terminator!r}; use one of {', '.join(TERMINATORS)}")
        self.terminator = key
        self._sep = TERMINATORS[key]
        self.idle_timeout_s = idle_timeout_s
        self._buf = bytearray()
        self._last_byte_at = 0.0

    @property
    def pending(self) -> bool:
        return bool(self._buf)

    def feed(self, data: bytes, now: float) -> list[SerialPayload]:
        out: list[SerialPayload] = []
        if not data:
            return self.poll(now)
        self._buf += data
        self._last_byte_at = now
        while True:
            idx = self._buf.find(self._sep)
            if idx < 0:
                break
            end = idx + len(self._sep)
            # DOLLAR: the "$" belongs to the payload; CR/LF terminators do not.
            chunk = bytes(self._buf[:end] if self.terminator == "DOLLAR" else self._buf[:idx])
            del self._buf[:end]
            self._emit(chunk, (), out)
        if len(self._buf) > MAX_PAYLOAD_BYTES:
            chunk = bytes(self._buf[:MAX_PAYLOAD_BYTES])
            self._buf.clear()
            self._emit(chunk, (TRUNCATED_WARNING,), out)
        return out

    def poll(self, now: float) -> list[SerialPayload]:
        """Flush a payload that stopped arriving without a terminator (after the idle timeout)."""
        out: list[SerialPayload] = []
        if self._buf and now - self._last_byte_at >= self.idle_timeout_s:
            chunk = bytes(self._buf)
            self._buf.clear()
            self._emit(chunk, (NO_TERMINATOR_WARNING,), out)
        return out

    def reset(self) -> bytes:
        """Drop a partial payload (e.g. the device vanished mid-scan); returns what was dropped."""
        dropped = bytes(self._buf)
        self._buf.clear()
        return dropped

    def _emit(self, chunk: bytes, warnings: tuple[str, ...], out: list[SerialPayload]) -> None:
        # Stray CR/LF (a scanner sending CRLF while we split on CR, or CR after "$") and NULs.
        chunk = chunk.strip(b"\r\n\x00")
        if not chunk:
            return
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError:
            text = chunk.decode("utf-8", errors="replace")
            warnings = (*warnings, INVALID_UTF8_WARNING)
            log.warning("scanner sent bytes that are not valid UTF-8 (%d bytes); check the scanner's "
                        "character set / interface mode", len(chunk))
        out.append(SerialPayload(text, warnings))


class SerialScanner:
    """Reads a serial scanner in a background thread; calls ``on_payload`` once per payload."""

    def __init__(self, url: str, *, on_payload: Callable[[SerialPayload], None],
                 on_state: Callable[[PortState, str], None] | None = None, baudrate: int = 115200,
                 terminator: str = "CR", idle_timeout_s: float = 0.1, initial_backoff_s: float = 0.2,
                 max_backoff_s: float = 5.0, read_timeout_s: float = 0.05, bytesize: int = 8,
                 parity: str = "N", stopbits: float = 1) -> None:
        self.url = url
        self.baudrate = baudrate
        # Older engines differ from 8N1 (e.g. 7 data bits, space parity, 2 stop bits).
        self.line = {"bytesize": bytesize, "parity": parity, "stopbits": stopbits}
        self._framer = SerialFramer(terminator, idle_timeout_s=idle_timeout_s)
        self._on_payload = on_payload
        self._on_state = on_state
        self._initial = initial_backoff_s
        self._max = max_backoff_s
        self._read_timeout = read_timeout_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = PortState.STOPPED
        self.connects = 0

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"serial-{self.url}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._set(PortState.STOPPED, "")

    def _set(self, state: PortState, detail: str) -> None:
        if state != self.state:
            self.state = state
            if self._on_state is not None:
                self._on_state(state, detail)

    def _open(self) -> object:
        import serial

        return serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=self._read_timeout, **self.line)

    def _run(self) -> None:
        import serial

        backoff = self._initial
        self._set(PortState.CONNECTING, self.url)
        while not self._stop.is_set():
            try:
                port = self._open()
            except (serial.SerialException, OSError, ValueError) as exc:
                self._set(PortState.DISCONNECTED, str(exc))
                self._stop.wait(backoff)
                backoff = min(self._max, backoff * 2)
                continue
            backoff = self._initial
            self.connects += 1
            self._set(PortState.CONNECTED, self.url)
            try:
                self._pump(port)
            except (serial.SerialException, OSError) as exc:
                dropped = self._framer.reset()
                if dropped:
                    log.warning("scanner %s vanished mid-payload; %d bytes dropped", self.url, len(dropped))
                self._set(PortState.DISCONNECTED, str(exc))
            finally:
                with contextlib.suppress(serial.SerialException, OSError):
                    port.close()  # type: ignore[attr-defined]
            self._stop.wait(backoff)

    def _pump(self, port: object) -> None:
        while not self._stop.is_set():
            waiting = port.in_waiting  # type: ignore[attr-defined]
            data = port.read(max(1, waiting))  # type: ignore[attr-defined]
            for payload in self._framer.feed(data, time.monotonic()):
                self._deliver(payload)

    def _deliver(self, payload: SerialPayload) -> None:
        try:
            self._on_payload(payload)
        except Exception:  # the consumer's bug must not stop the scanner
            log.exception("scan callback failed")
