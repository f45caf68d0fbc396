"""Live tests of the chosen devices: camera, serial scanner, ticket printer, hub (URL + token).

Each probe blocks for at most its timeout (run it on a worker thread), never raises, and returns a
:class:`ProbeResult`: ``ok``, a stable ``code`` (the Qt wizard translates by it, with ``params``), an
English ``message`` (the command line prints it) and a technical ``detail``.

Each probe imports the part it tests inside itself (OpenCV, pyserial, the printer, the hub client): the
wizard loads only what it probes, and a missing part fails its own probe instead of the whole wizard.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from kiosk.config import Config, HubConfig

#: code -> English message template (placeholders filled from ``params``).
MESSAGES: Final = {
    "camera_ok": "Camera works: a {width}×{height} picture arrived",
    "camera_none": "No camera chosen",
    "camera_open_failed": "Cannot open the camera",
    "camera_no_frame": "The camera opened but sent no picture within {seconds} s",
    "serial_ok": "Scanner works: received \"{preview}\"",
    "serial_none": "No serial scanner chosen",
    "serial_open_failed": "Cannot open the scanner port",
    "serial_timeout": "No scan arrived within {seconds} s (scan any code while the test runs)",
    "serial_cancelled": "Scanner test cancelled",
    "printer_ok": "Test ticket printed ({target})",
    "printer_failed": "The test ticket was not printed: {reason}",
    "printer_config": "The printer setting is not usable",
    "hub_ok": "Hub reached; the token belongs to device \"{device}\" of facility {facility}",
    "hub_none": "No hub: this kiosk works offline",
    "hub_unreachable": "Cannot reach the hub",
    "hub_certificate": "The hub's certificate is not trusted by this computer",
    "hub_token_refused": "The hub refused the device token (wrong or revoked)",
    "hub_not_a_hub": "This address does not answer like a kiosk hub",
    "hub_facility_mismatch": "The token belongs to facility {facility}, not {expected}",
    "hub_error": "The hub answered with an error",
}


@dataclass(frozen=True)
class ProbeResult:
    ok: bool
    code: str
    params: dict[str, str] = field(default_factory=dict)
    #: Technical detail (exception text, target, HTTP status); for staff and logs.
    detail: str = ""
    #: Set when the step was skipped because nothing was chosen (not a failure).
    skipped: bool = False

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(**self.params)

    def line(self) -> str:
        """One line for a terminal: "PASS: …" / "FAIL: …" / "SKIP: …" with the detail."""
        verdict = "SKIP" if self.skipped else ("PASS" if self.ok else "FAIL")
        return f"{verdict}: {self.message}" + (f" ({self.detail})" if self.detail else "")


def _result(ok: bool, code: str, detail: str = "", *, skipped: bool = False, **params: object) -> ProbeResult:
    return ProbeResult(ok, code, {k: str(v) for k, v in params.items()}, detail, skipped)


def probe_camera(spec: str, *, timeout_s: float = 5.0, width: int = 1280, height: int = 720) -> ProbeResult:
    """Open the camera (or video file, image folder, URL) and wait for one picture."""
    if not spec.strip():
        return _result(True, "camera_none", skipped=True)
    from kiosk.scanner.sources import SourceError, open_source

    try:
        source = open_source(spec, width=width, height=height)
    except (SourceError, OSError, ValueError) as exc:
        return _result(False, "camera_open_failed", str(exc) or type(exc).__name__)
    except Exception as exc:  # OpenCV backends raise cv2.error and friends
        return _result(False, "camera_open_failed", f"{type(exc).__name__}: {exc}")
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            frame = source.read()
            if frame is not None:
                h, w = frame.shape[:2]
                return _result(True, "camera_ok", spec, width=w, height=h)
            if source.ended:
                break
            time.sleep(0.02)
        return _result(False, "camera_no_frame", spec, seconds=f"{timeout_s:g}")
    except Exception as exc:
        return _result(False, "camera_no_frame", f"{type(exc).__name__}: {exc}", seconds=f"{timeout_s:g}")
    finally:
        source.close()


def _preview(text: str, limit: int = 40) -> str:
    text = "".join(c if c.isprintable() else "·" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def probe_serial(url: str, *, baudrate: int = 115200, terminator: str = "CR", timeout_s: float = 15.0,
                 on_open: Callable[[], None] | None = None, cancel: threading.Event | None = None) -> ProbeResult:
    """Open the scanner's port and wait for one scan. ``on_open`` is called once the port is open
    (the UI then says "scan a code now"); ``cancel`` ends the wait early."""
    if not url.strip():
        return _result(True, "serial_none", skipped=True)
    import serial

    from kiosk.scanner.serial_reader import SerialFramer

    try:
        framer = SerialFramer(terminator)
        port = serial.serial_for_url(url, baudrate=baudrate, timeout=0.05)
    except (serial.SerialException, OSError, ValueError) as exc:
        return _result(False, "serial_open_failed", str(exc) or type(exc).__name__)
    try:
        if on_open is not None:
            on_open()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if cancel is not None and cancel.is_set():
                return _result(False, "serial_cancelled", url)
            data = port.read(max(1, port.in_waiting))
            now = time.monotonic()
            payloads = framer.feed(data, now) if data else framer.poll(now)
            if payloads:
                return _result(True, "serial_ok", f"{url}, {len(payloads[0].text)} characters",
                               preview=_preview(payloads[0].text))
        return _result(False, "serial_timeout", url, seconds=f"{timeout_s:g}")
    except (serial.SerialException, OSError) as exc:
        return _result(False, "serial_open_failed", str(exc) or type(exc).__name__)
    finally:
        with contextlib.suppress(serial.SerialException, OSError):
            port.close()


def probe_printer(config: Config, target: str, *, tickets_dir: Path | None = None) -> ProbeResult:
    """Print the test ticket on ``target`` (the other printer settings from ``config``)."""
    from kiosk.printing import TicketPrinter

    settings = dataclasses.replace(config, printer=dataclasses.replace(config.printer, target=target))
    printer = TicketPrinter.from_config(settings, tickets_dir=tickets_dir)
    if printer.config_problem:
        return _result(False, "printer_config", printer.config_problem)
    result = printer.test_print()
    where = printer.description
    detail = "; ".join(str(p) for p in (result.detail, result.png_path) if p and str(p) != where)
    if result.printed:
        return _result(True, "printer_ok", detail, target=where)
    return _result(False, "printer_failed", detail or where, reason=result.message, status=result.status.value)


def probe_hub(hub: HubConfig, *, facility_code: str = "", timeout_s: float = 10.0) -> ProbeResult:
    """An authenticated call (``GET /v1/device``): is the hub of this ``[hub]`` section there, and is the
    token valid for it? The client is built as the sync's (HubClient.from_config), so the probe trusts
    exactly what the kiosk will trust (``ca_bundle``)."""
    if not hub.url.strip():
        return _result(True, "hub_none", skipped=True)
    from kiosk.sync.client import HubClient, HubRejected, HubUnreachable, SyncError

    try:
        client = HubClient.from_config(dataclasses.replace(hub, url=hub.url.strip(), token=hub.token.strip(),
                                                           timeout_s=timeout_s), connect_timeout_s=timeout_s)
    except SyncError as exc:
        return _result(False, "hub_token_refused", exc.message)
    try:
        who = client.whoami()
    except HubUnreachable as exc:
        return _result(False, "hub_certificate" if "SSLError" in exc.message else "hub_unreachable", exc.message)
    except HubRejected as exc:
        if exc.status in (401, 403):
            return _result(False, "hub_token_refused", exc.message)
        if exc.status in (404, 405):
            return _result(False, "hub_not_a_hub", exc.message)
        return _result(False, "hub_error", exc.message)
    except SyncError as exc:
        return _result(False, "hub_error", exc.message)
    except Exception as exc:  # e.g. an invalid URL that requests refuses before connecting
        return _result(False, "hub_unreachable", f"{type(exc).__name__}: {exc}")
    finally:
        client.close()
    if not isinstance(who, dict) or "facility_code" not in who:
        return _result(False, "hub_not_a_hub", "the answer has no facility_code")
    facility = str(who.get("facility_code", ""))
    if facility_code and facility and facility.upper() != facility_code.upper():
        return _result(False, "hub_facility_mismatch", f"device {who.get('device', '?')}",
                       facility=facility, expected=facility_code)
    return _result(True, "hub_ok", f"hub {who.get('hub_id', '?')}", device=who.get("device", "?"),
                   facility=facility)
