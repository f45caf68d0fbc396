"""Parsing ``printer.target`` into a typed description of where tickets go.

Forms: ``file:PATH`` (a device such as /dev/usb/lp0, a file to append to, or an existing directory /
a path ending in "/" for one file per ticket), ``serial:URL`` (any pyserial URL: /dev/ttyUSB0, a pty
path, socket://host:port, rfc2217://…), ``network:HOST[:PORT]`` (raw TCP, port 9100 by default;
IPv6 as ``[::1]:9100``), ``usb:VID:PID`` (hex), ``dummy`` (kept in memory), and empty: one file per
ticket in ``data_dir()/tickets``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.printing.errors import PrintingError

TargetKind = Literal["directory", "file", "serial", "network", "usb", "dummy"]
DEFAULT_NETWORK_PORT = 9100


class PrinterTargetError(PrintingError, ValueError):
    """``printer.target`` cannot be understood; the message shows the accepted forms."""

    code = "printer_target"
    summary = "The printer setting cannot be understood"


_FORMS = '"file:PATH", "serial:URL", "network:HOST[:PORT]", "usb:VID:PID", "dummy" or empty'


@dataclass(frozen=True)
class PrinterTarget:
    kind: TargetKind
    path: Path | None = None  # directory / file
    url: str = ""  # serial
    host: str = ""  # network
    port: int = DEFAULT_NETWORK_PORT
    vendor_id: int = 0  # usb
    product_id: int = 0

    @property
    def supports_status(self) -> bool:
        """Whether the printer can answer DLE EOT status requests over this connection."""
        return self.kind in ("serial", "network", "usb")

    def describe(self) -> str:
        if self.kind in ("directory", "file"):
            return f"{self.kind} {self.path}"
        if self.kind == "serial":
            return f"serial {self.url}"
        if self.kind == "network":
            return f"network {self.host}:{self.port}"
        if self.kind == "usb":
            return f"usb {self.vendor_id:04x}:{self.product_id:04x}"
        return "dummy"


def _port(text: str, target: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise PrinterTargetError(f"printer.target {target!r}: port {text!r} is not a number 1-65535")
    return int(text)


def parse_target(target: str, default_directory: Path) -> PrinterTarget:
    """Raises PrinterTargetError with the accepted forms when ``target`` is not understood."""
    text = target.strip()
    if not text:
        return PrinterTarget("directory", path=default_directory)
    if text == "dummy":
        return PrinterTarget("dummy")
    scheme, sep, rest = text.partition(":")
    if not sep or not rest:
        raise PrinterTargetError(f"printer.target {target!r} not understood; expected {_FORMS}")
    if scheme == "file":
        path = Path(rest).expanduser()
        if rest.endswith(("/", "\\")) or path.is_dir():
            return PrinterTarget("directory", path=path)
        return PrinterTarget("file", path=path)
    if scheme == "serial":
        return PrinterTarget("serial", url=rest)
    if scheme == "network":
        if rest.startswith("["):  # [IPv6]:port
            host, _, tail = rest[1:].partition("]")
            port = _port(tail[1:], target) if tail.startswith(":") else DEFAULT_NETWORK_PORT
        elif rest.count(":") == 1:
            host, port_text = rest.split(":")
            port = _port(port_text, target)
        else:
            host, port = rest, DEFAULT_NETWORK_PORT
        if not host:
            raise PrinterTargetError(f"printer.target {target!r}: no host name")
        return PrinterTarget("network", host=host, port=port)
    if scheme == "usb":
        ids = rest.split(":")
        try:
            vendor, product = (int(part, 16) for part in ids)
        except ValueError:
            raise PrinterTargetError(
                f"printer.target {target!r}: expected usb:VID:PID in hex, e.g. usb:04b8:0202"
            ) from None
        return PrinterTarget("usb", vendor_id=vendor, product_id=product)
    raise PrinterTargetError(f"printer.target {target!r}: unknown kind {scheme!r}; expected {_FORMS}")
