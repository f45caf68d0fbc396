"""Serial scanner framing and reconnection, on a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import queue
import struct
import termios
import time
import tty
from pathlib import Path

import pytest

from kiosk.scanner.serial_reader import (
    INVALID_UTF8_WARNING,
    NO_TERMINATOR_WARNING,
    PortState,
    SerialFramer,
    SerialPayload,
    SerialScanner,
)

BHYT = (
    "HC4100123456789|4e677579e1bb856e2056c4836e20416e|15/03/1985|1|-|10 - 099|01/01/2024|-|"
    "20/12/2023|10010123456789|-|5| 01/10/2027|5e1f0c2a9b7d3c48-7102|$"
)
CCCD = "001185000321||Trần Thị Bình|21061985|Nữ|Số 1 ngõ Mẫu, phường Thử Nghiệm, Hà Nội|10052022"


def texts(payloads: list[SerialPayload]) -> list[str]:
    return [p.text for p in payloads]


@pytest.mark.parametrize(("terminator", "suffix"), [("CR", b"\r"), ("LF", b"\n"), ("CRLF", b"\r\n")])
def test_framer_terminators_and_merged_reads(terminator: str, suffix: bytes) -> None:
    f = SerialFramer(terminator)
    data = (BHYT.encode() + suffix + CCCD.encode() + suffix)
    assert texts(f.feed(data, 0.0)) == [BHYT, CCCD]
    assert not f.pending


def test_framer_chunked_reads_split_inside_utf8_character() -> None:
    f = SerialFramer("CRLF")
    data = CCCD.encode() + b"\r\n"
    got: list[SerialPayload] = []
    for i in range(0, len(data), 3):  # 3-byte chunks split the 2-3 byte Vietnamese characters
        got += f.feed(data[i : i + 3], 0.0)
    assert texts(got) == [CCCD]
    assert got[0].warnings == ()


def test_framer_cr_terminator_tolerates_crlf_scanner() -> None:
    f = SerialFramer("CR")
    assert texts(f.feed(b"AAAA1111\r\nBBBB2222\r\n", 0.0)) == ["AAAA1111", "BBBB2222"]


def test_framer_dollar_keeps_dollar_and_falls_back_to_idle_timeout() -> None:
    f = SerialFramer("DOLLAR", idle_timeout_s=0.1)
    assert texts(f.feed((BHYT + "\r" + BHYT[:20]).encode(), 1.0)) == [BHYT]
    assert f.poll(1.05) == []
    assert f.feed(BHYT[20:].encode(), 1.06)[0].text == BHYT  # the "\r" before it was stripped
    # CCCD payloads have no "$": the idle timeout ends them
    assert f.feed(CCCD.encode(), 2.0) == []
    late = f.poll(2.2)
    assert texts(late) == [CCCD]
    assert late[0].warnings == (NO_TERMINATOR_WARNING,)


def test_framer_invalid_utf8_is_reported_not_dropped() -> None:
    f = SerialFramer("CR")
    [p] = f.feed(b"Tr\xe1n Th\xef B\xecnh\r", 0.0)  # CP1252 bytes from a misconfigured scanner
    assert INVALID_UTF8_WARNING in p.warnings
    assert "\ufffd" in p.text


def test_framer_rejects_unknown_terminator() -> None:
    with pytest.raises(ValueError, match="unknown terminator"):
        SerialFramer("TAB")


class FakeScannerDevice:
    """A scanner on a real pty, reachable through a stable symlink that vanishes on unplug."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master: int | None = None

    def plug(self) -> None:
        master, slave = pty.openpty()
        tty.setraw(slave)
        self.master = master
        self._slave = slave
        tmp = self.link.with_suffix(".new")
        os.symlink(os.ttyname(slave), tmp)
        os.replace(tmp, self.link)

    def unplug(self) -> None:
        self.link.unlink()
        assert self.master is not None
        os.close(self.master)
        os.close(self._slave)
        self.master = None

    def send(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)

    def unread(self) -> int:
        """Bytes sent that the reader has not taken yet (the pty's input queue)."""
        return struct.unpack("i", fcntl.ioctl(self._slave, termios.FIONREAD, b"\0\0\0\0"))[0]


def wait_for(predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError("condition not reached in time")


@pytest.mark.slow
def test_serial_scanner_on_pty_survives_unplug_and_replug(tmp_path: Path) -> None:
    device = FakeScannerDevice(tmp_path / "ttyScanner")
    device.plug()
    got: queue.Queue[SerialPayload] = queue.Queue()
    states: list[PortState] = []
    scanner = SerialScanner(str(device.link), on_payload=got.put, on_state=lambda s, d: states.append(s),
                            baudrate=9600, terminator="CRLF", initial_backoff_s=0.05, max_backoff_s=0.2)
    opens: list[float] = []
    open_port = scanner._open

    def counted_open() -> object:
        opens.append(time.monotonic())
        return open_port()

    scanner._open = counted_open  # type: ignore[method-assign]
    scanner.start()
    try:
        wait_for(lambda: scanner.state is PortState.CONNECTED)
        device.send(BHYT.encode()[:50])
        wait_for(lambda: device.unread() == 0)  # the reader has taken the first part: two reads
        device.send(BHYT.encode()[50:] + b"\r\n" + CCCD.encode() + b"\r\n")
        first = [got.get(timeout=2), got.get(timeout=2)]
        assert texts(first) == [BHYT, CCCD]

        device.unplug()
        wait_for(lambda: scanner.state is PortState.DISCONNECTED)
        failed = len(opens)
        wait_for(lambda: len(opens) >= failed + 3)  # several failed reopen attempts while the port is gone
        device.plug()
        wait_for(lambda: scanner.state is PortState.CONNECTED and scanner.connects == 2)
        device.send(CCCD.encode() + b"\r\n")
        assert got.get(timeout=2).text == CCCD
        device.send(BHYT.encode() + b"\r\n")  # a marker: the port delivers in order
        assert got.get(timeout=2).text == BHYT  # ... so nothing was duplicated by the reconnection
        assert got.empty()
        assert states[:3] == [PortState.CONNECTING, PortState.CONNECTED, PortState.DISCONNECTED]
    finally:
        scanner.stop()
        if device.master is not None:
            device.unplug()
    assert scanner.state is PortState.STOPPED


def test_serial_scanner_missing_port_reports_state_and_keeps_trying(tmp_path: Path) -> None:
    states: list[tuple[PortState, str]] = []
    scanner = SerialScanner(str(tmp_path / "nothing"), on_payload=lambda p: None,
                            on_state=lambda s, d: states.append((s, d)), initial_backoff_s=0.02)
    scanner.start()
    try:
        wait_for(lambda: scanner.state is PortState.DISCONNECTED)
        device = FakeScannerDevice(tmp_path / "nothing")
        device.plug()  # plugged in later: picked up without a restart
        wait_for(lambda: scanner.state is PortState.CONNECTED)
    finally:
        scanner.stop()
        device.unplug()
    assert "nothing" in states[1][1]
