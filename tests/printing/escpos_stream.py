"""A small ESC/POS stream parser for the fake printers and byte-level checks in the tests.

It understands the commands our jobs and python-escpos emit and fails loudly on anything else, so a
test notices when the job format changes. Incremental: ``feed()`` may be given any split of bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

ESC, GS, DLE, EOT = 0x1B, 0x1D, 0x10, 0x04

# ESC x followed by this many parameter bytes
_ESC_ARGS = {ord("@"): 0, ord("a"): 1, ord("E"): 1, ord("!"): 1, ord("t"): 1, ord("{"): 1, ord("-"): 1,
             ord("M"): 1, ord("d"): 1, ord("2"): 0, ord("3"): 1, ord("G"): 1, ord("J"): 1}
_GS_ARGS = {ord("!"): 1, ord("b"): 1, ord("B"): 1, ord("a"): 1, ord("r"): 1, ord("H"): 1, ord("f"): 1,
            ord("h"): 1, ord("w"): 1}


class StreamError(ValueError):
    pass


@dataclass
class Raster:
    width_bytes: int
    height: int
    data: bytes
    mode: int = 0


@dataclass
class Job:
    """What one ESC @ … cut sequence put on paper."""

    rasters: list[Raster] = field(default_factory=list)
    text: bytearray = field(default_factory=bytearray)
    qr_payloads: list[bytes] = field(default_factory=list)
    cut: bool = False

    def image(self) -> Image.Image:
        """The raster bands stacked, as a mode "1" image (black = printed dot)."""
        if not self.rasters:
            raise StreamError("no raster image in this job")
        width = self.rasters[0].width_bytes * 8
        height = sum(r.height for r in self.rasters)
        inverted = Image.frombytes("1", (width, height), b"".join(r.data for r in self.rasters))
        # GS v 0 uses 1 = black; PIL mode "1" uses 1 = white.
        return Image.frombytes("1", (width, height), bytes(b ^ 0xFF for b in inverted.tobytes()))


@dataclass
class EscposStream:
    """Parses a byte stream into jobs and real-time status requests (in order of arrival)."""

    jobs: list[Job] = field(default_factory=list)
    status_requests: list[bytes] = field(default_factory=list)
    _buffer: bytearray = field(default_factory=bytearray)
    _current: Job | None = None

    @property
    def current(self) -> Job:
        if self._current is None:
            self._current = Job()
        return self._current

    def feed(self, data: bytes) -> list[bytes]:
        """Consume bytes; returns the real-time status requests completed by this chunk."""
        self._buffer.extend(data)
        requests: list[bytes] = []
        while self._buffer:
            used = self._step(requests)
            if used == 0:
                break  # incomplete command: wait for more bytes
            del self._buffer[:used]
        return requests

    def _step(self, requests: list[bytes]) -> int:
        buf = self._buffer
        first = buf[0]
        if first == DLE:
            if len(buf) < 3:
                return 0
            if buf[1] != EOT:
                raise StreamError(f"unknown DLE command {bytes(buf[:3])!r}")
            request = bytes(buf[:3])
            self.status_requests.append(request)
            requests.append(request)
            return 3
        if first == ESC:
            if len(buf) < 2:
                return 0
            if buf[1] not in _ESC_ARGS:
                raise StreamError(f"unknown ESC command {bytes(buf[:2])!r}")
            size = 2 + _ESC_ARGS[buf[1]]
            if len(buf) < size:
                return 0
            if buf[1] == ord("@"):
                self._current = Job()
                self.jobs.append(self._current)
            return size
        if first == GS:
            return self._gs(requests)
        if first == 0x0A or 0x20 <= first < 0x7F:
            self.current.text.append(first)
            return 1
        raise StreamError(f"unexpected byte 0x{first:02x}")

    def _gs(self, requests: list[bytes]) -> int:
        buf = self._buffer
        if len(buf) < 2:
            return 0
        cmd = buf[1]
        if cmd == ord("v"):  # GS v 0 m xL xH yL yH data
            if len(buf) < 8:
                return 0
            width_bytes = buf[4] | buf[5] << 8
            height = buf[6] | buf[7] << 8
            size = 8 + width_bytes * height
            if len(buf) < size:
                return 0
            self.current.rasters.append(Raster(width_bytes, height, bytes(buf[8:size]), buf[3]))
            return size
        if cmd == ord("("):  # GS ( k / GS ( L  pL pH payload
            if len(buf) < 5:
                return 0
            size = 5 + (buf[3] | buf[4] << 8)
            if len(buf) < size:
                return 0
            body = bytes(buf[5:size])
            if buf[2] == ord("k") and body[:2] == b"1P":
                self.current.qr_payloads.append(body[3:])
            return size
        if cmd == ord("V"):  # GS V m  |  GS V m n (m = 65/66)
            if len(buf) < 3:
                return 0
            size = 4 if buf[2] in (65, 66) else 3
            if len(buf) < size:
                return 0
            self.current.cut = True
            return size
        if cmd in _GS_ARGS:
            if len(buf) < 3:
                return 0
            if cmd == ord("r"):
                request = bytes(buf[:3])
                self.status_requests.append(request)
                requests.append(request)
            return 3
        raise StreamError(f"unknown GS command {bytes(buf[:2])!r}")


def parse(data: bytes) -> EscposStream:
    stream = EscposStream()
    stream.feed(data)
    if stream._buffer:
        raise StreamError(f"stream ends inside a command: {bytes(stream._buffer[:16])!r}")
    return stream
