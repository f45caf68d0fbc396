"""python-escpos printer objects with bounded timeouts for each kind of target.

python-escpos' own Serial opens only device paths, reads status with ``read(16)`` (which waits the
full timeout for a one-byte answer) and drains on close (which can block forever on a stalled port);
its Network sends a whole job with one deadline. The subclasses here keep the library's command
set and fix only the transport: pyserial URLs, a write timeout per 4 KiB chunk ("no progress for
``timeout`` seconds" = offline, however long the job), a status read that returns as soon as the
printer answered, and input draining before each status request.
"""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path
from typing import Any

import serial
from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Dummy, File, Network, Serial

from kiosk.printing.errors import PrintingError
from kiosk.printing.targets import PrinterTarget

CHUNK = 4096


class PrinterOfflineError(PrintingError):
    """The printer cannot be reached or stopped taking data; the message says which and why."""

    code = "printer_offline"
    summary = "The ticket printer cannot be reached"
    environment = True


class UrlSerialPrinter(Serial):
    """A serial printer at any pyserial URL (device path, pty, socket://, rfc2217://)."""

    def __init__(self, url: str, baudrate: int, timeout: float) -> None:
        super().__init__(devfile=url, baudrate=baudrate, timeout=timeout, dsrdtr=False)

    def open(self, raise_not_found: bool = True) -> None:
        try:
            self.device = serial.serial_for_url(
                self.devfile, baudrate=self.baudrate, timeout=self.timeout, write_timeout=self.timeout
            )
        except (ValueError, OSError, serial.SerialException) as exc:
            self._device = None
            raise DeviceNotFoundError(f"cannot open serial port {self.devfile}: {exc}") from exc

    def _raw(self, msg: bytes) -> None:
        assert self.device
        for start in range(0, len(msg), CHUNK):
            self.device.write(msg[start : start + CHUNK])

    def _read(self) -> bytes:
        assert self.device
        first: bytes = self.device.read(1)
        if not first:
            return b""
        waiting = self.device.in_waiting
        return first + (self.device.read(waiting) if waiting else b"")

    def discard_input(self) -> None:
        assert self.device
        self.device.reset_input_buffer()

    def abort(self) -> None:
        """Drop unsent output so closing cannot wait for a printer that stopped reading."""
        device: Any = self._device
        if device:
            with contextlib.suppress(OSError, serial.SerialException):
                device.reset_output_buffer()

    def close(self) -> None:
        device: Any = self._device
        if not device:
            return
        with contextlib.suppress(OSError, serial.SerialException):
            device.close()
        self.device = False


class TimeoutNetworkPrinter(Network):
    """Raw TCP (port 9100) with a deadline per chunk and per status answer."""

    def open(self, raise_not_found: bool = True) -> None:
        try:
            self.device = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            self._device = None
            raise DeviceNotFoundError(f"cannot connect to {self.host}:{self.port}: {exc}") from exc

    def _raw(self, msg: bytes) -> None:
        assert self.device
        for start in range(0, len(msg), CHUNK):
            self.device.sendall(msg[start : start + CHUNK])

    def _read(self) -> bytes:
        assert self.device
        try:
            data: bytes = self.device.recv(16)
        except TimeoutError:
            return b""
        return data

    def discard_input(self) -> None:
        assert self.device
        self.device.setblocking(False)
        try:
            while self.device.recv(256):
                pass
        except (BlockingIOError, OSError):
            pass
        finally:
            self.device.settimeout(self.timeout)

    def abort(self) -> None:
        pass


class AppendFilePrinter(File):
    """A device node or a file; regular files are appended to, so earlier tickets stay."""

    def open(self, raise_not_found: bool = True) -> None:
        try:
            handle: Any = open(self.devfile, "ab")  # noqa: SIM115 - closed by close()
            self.device = handle
        except OSError as exc:
            self._device = None
            raise DeviceNotFoundError(f"cannot open {self.devfile}: {exc}") from exc

    def close(self) -> None:
        device: Any = self._device
        if not device:
            return
        with contextlib.suppress(OSError):
            device.close()
        self.device = False


def make_printer(target: PrinterTarget, *, job_file: Path | None, baudrate: int, timeout: float) -> Escpos:
    """A python-escpos printer object for ``target``; ``job_file`` is used for directory targets."""
    if target.kind == "serial":
        return UrlSerialPrinter(target.url, baudrate, timeout)
    if target.kind == "network":
        return TimeoutNetworkPrinter(host=target.host, port=target.port, timeout=timeout)
    if target.kind in ("file", "directory"):
        path = target.path if target.kind == "file" else job_file
        assert path is not None
        return AppendFilePrinter(devfile=str(path))
    if target.kind == "usb":
        from escpos.printer import Usb

        if not Usb.is_usable():
            raise PrinterOfflineError(
                "USB printing needs the pyusb package (pip install pyusb) and a udev rule; "
                "alternatively print through a CUPS raw queue or use serial:/dev/usb/... or file:/dev/usb/lp0"
            )
        kwargs: dict[str, Any] = {"timeout": int(timeout * 1000)}
        return Usb(target.vendor_id, target.product_id, **kwargs)
    return Dummy()


def open_printer(printer: Escpos) -> None:
    """Open the connection now (python-escpos would otherwise open lazily on first use)."""
    try:
        printer.open()
    except DeviceNotFoundError as exc:
        raise PrinterOfflineError(str(exc.msg if hasattr(exc, "msg") else exc)) from exc
    except (OSError, serial.SerialException, ValueError) as exc:
        raise PrinterOfflineError(str(exc)) from exc


def query(printer: Escpos, request: bytes) -> bytes:
    """Send a real-time status request and return the answer (b"" when the printer said nothing)."""
    discard = getattr(printer, "discard_input", None)
    if discard is not None:
        discard()
    reply: bytes = printer.query_status(request)
    return reply
