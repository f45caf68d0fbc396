"""``TicketPrinter``: print a ticket, probe the printer, test print — never raising to the UI.

Every call returns a PrintResult / PrinterState; failures become OFFLINE, PAPER_OUT or ERROR with a
message for staff, and the UI keeps showing the number on screen. Calls are serialised by a lock,
so one instance can be shared by worker threads; each call opens the connection, works, and closes
it (a printer that was unplugged and plugged back needs no restart). Every blocking step (connect,
status answer, each 4 KiB of job data) has a deadline of ``timeout_s``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path

import serial
from escpos.escpos import Escpos
from escpos.printer import Dummy
from PIL import Image

from kiosk.config import Config, data_dir
from kiosk.printing.backends import PrinterOfflineError, make_printer, open_printer
from kiosk.printing.fonts import FontMissingError
from kiosk.printing.jobs import raster_job, text_job
from kiosk.printing.probe import probe
from kiosk.printing.render import WIDTH_80MM, check_width, render_test_page, render_ticket
from kiosk.printing.status import STAFF_MESSAGES, PrinterState, PrintResult, PrintStatus
from kiosk.printing.targets import PrinterTarget, PrinterTargetError, parse_target
from kiosk.printing.ticket import Ticket

log = logging.getLogger(__name__)

_render_lock = threading.Lock()  # FreeType faces are shared between threads: draw one ticket at a time


@dataclass(frozen=True)
class PrinterSettings:
    """What TicketPrinter needs; ``from_config`` fills it from ``[printer]`` and ``[facility]``."""

    target: str = ""
    width_dots: int = WIDTH_80MM
    #: "image" (raster: any script) or "text" (ASCII text + native QR, for printers without raster).
    mode: str = "image"
    timeout_s: float = 2.0
    #: Ask serial/network/USB printers for paper and on-line status before each job.
    status_check: bool = True
    baudrate: int = 9600
    facility_name: str = ""


def _safe_stem(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text)[:60]


class TicketPrinter:
    def __init__(self, settings: PrinterSettings, *, tickets_dir: Path | None = None) -> None:
        self.settings = settings
        if tickets_dir is None:
            tickets_dir = data_dir() / "tickets"
        self.tickets_dir = tickets_dir
        self._lock = threading.Lock()
        self._problem = ""
        self.target: PrinterTarget | None = None
        try:
            check_width(settings.width_dots)
            if settings.mode not in ("image", "text"):
                raise ValueError(f"printer.mode {settings.mode!r}: expected 'image' or 'text'")
            if not 0.1 <= settings.timeout_s <= 30:
                raise ValueError(f"printer.timeout_s {settings.timeout_s!r}: expected 0.1-30 seconds")
            self.target = parse_target(settings.target, tickets_dir)
        except (ValueError, PrinterTargetError) as exc:
            self._problem = f"printer configuration: {exc}"
            log.error("%s", self._problem)
        #: Bytes of the last job sent to a "dummy" target (tests, previews).
        self.last_dummy_job: bytes = b""
        #: The outcome of the most recent job or probe (None before the first), for the status bar.
        self.last_state: PrinterState | None = None

    @classmethod
    def from_config(cls, config: Config, *, tickets_dir: Path | None = None) -> TicketPrinter:
        """Build from a ``kiosk.config.Config`` (its ``printer`` and ``facility`` sections)."""
        printer = config.printer
        settings = PrinterSettings(
            target=printer.target,
            width_dots=printer.width_dots,
            mode=printer.mode,
            timeout_s=printer.timeout_s,
            status_check=printer.status_check,
            baudrate=printer.baudrate,
            facility_name=config.facility.name,
        )
        return cls(settings, tickets_dir=tickets_dir)

    @property
    def config_problem(self) -> str:
        """Why the settings are unusable ("" when they are fine); every call then returns ERROR."""
        return self._problem

    @property
    def description(self) -> str:
        return self.target.describe() if self.target else f"unusable ({self._problem})"

    # ----------------------------------------------------------------- public API
    def render(self, ticket: Ticket) -> Image.Image:
        """The ticket image exactly as printed (mode "1"), e.g. for an on-screen preview."""
        with _render_lock:
            return render_ticket(ticket, self.settings.width_dots)

    def render_png(self, ticket: Ticket) -> bytes:
        """The ticket image as PNG bytes (``QPixmap.loadFromData`` takes them as they are)."""
        import io

        buffer = io.BytesIO()
        self.render(ticket).save(buffer, format="PNG")
        return buffer.getvalue()

    def print_ticket(self, ticket: Ticket) -> PrintResult:
        """Print one ticket. Never raises: failures come back as a non-ok PrintResult."""
        try:
            return self._print_ticket(ticket)
        except Exception as exc:  # the UI must never see an exception from printing
            log.exception("printing ticket failed")
            return self._record(PrintResult(PrintStatus.ERROR, STAFF_MESSAGES[PrintStatus.ERROR],
                                            detail=f"{type(exc).__name__}: {exc}"))

    def test_print(self, now: dt.datetime | None = None) -> PrintResult:
        """Print a test page (every script, full-width frame, QR). Never raises."""
        try:
            if self._problem:
                return self._record(self._config_result())
            moment = now or dt.datetime.now()
            facility = self.settings.facility_name or "-"
            image: Image.Image | None = None
            if self.settings.mode == "text":
                job = self._text_test_job(moment)
            else:
                try:
                    with _render_lock:
                        image = render_test_page(facility, self.description, self.settings.width_dots, moment)
                    job = raster_job(image, self.settings.width_dots)
                except FontMissingError as exc:
                    log.error("ticket fonts missing, test page in the printer's own font: %s", exc)
                    job = self._text_test_job(moment)
            return self._record(self._deliver(job, f"test-{moment:%Y%m%d-%H%M%S}", image))
        except Exception as exc:
            log.exception("test print failed")
            return self._record(PrintResult(PrintStatus.ERROR, STAFF_MESSAGES[PrintStatus.ERROR],
                                            detail=f"{type(exc).__name__}: {exc}"))

    def printer_status(self) -> PrinterState:
        """Probe the printer now (bounded by the timeout). Never raises."""
        if self._problem or self.target is None:
            return self._remember(PrinterState(PrintStatus.ERROR, self._problem))
        try:
            return self._remember(self._status())
        except Exception as exc:
            log.exception("printer status probe failed")
            return self._remember(PrinterState(PrintStatus.ERROR, STAFF_MESSAGES[PrintStatus.ERROR],
                                               detail=f"{type(exc).__name__}: {exc}"))

    # ----------------------------------------------------------------- internals
    def _config_result(self) -> PrintResult:
        return PrintResult(PrintStatus.ERROR, "Ticket printer is not set up correctly – please see reception",
                           detail=self._problem)

    def _print_ticket(self, ticket: Ticket) -> PrintResult:
        if self._problem:
            return self._record(self._config_result())
        if not isinstance(ticket, Ticket):
            raise TypeError(f"expected a Ticket, got {type(ticket).__name__}")
        image: Image.Image | None = None
        note = ""
        if self.settings.mode == "text":
            job = text_job(ticket, self.settings.width_dots)
        else:
            try:
                image = self.render(ticket)
                job = raster_job(image, self.settings.width_dots)
            except FontMissingError as exc:
                # Clear fall-back: the printer's own font, ASCII only, native QR; staff see why.
                log.error("ticket fonts missing, printing the ASCII fall-back: %s", exc)
                job = text_job(ticket, self.settings.width_dots)
                note = f"printed without images: {exc}"
        stem = f"{ticket.issued_at:%Y%m%d-%H%M%S}-{_safe_stem(ticket.ticket_text)}-{ticket.visit_id.hex[:8]}"
        result = self._deliver(job, stem, image)
        return self._record(replace(result, detail=f"{result.detail}; {note}".strip("; ")) if note else result)

    def _text_test_job(self, moment: dt.datetime) -> bytes:
        import uuid

        sample = Ticket(self.settings.facility_name or "Test", "Test print", "", "TEST", moment,
                        uuid.UUID(int=0), "en")
        return text_job(sample, self.settings.width_dots)

    def _deliver(self, job: bytes, stem: str, image: Image.Image | None) -> PrintResult:
        assert self.target is not None
        png_path: Path | None = None
        job_path: Path | None = None
        if self.target.kind == "directory":
            assert self.target.path is not None
            try:
                self.target.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                return PrintResult(PrintStatus.OFFLINE, STAFF_MESSAGES[PrintStatus.OFFLINE],
                                   detail=f"cannot create {self.target.path}: {exc}")
            job_path = self.target.path / f"{stem}.escpos"
            if image is not None:
                png_path = self.target.path / f"{stem}.png"
        state = self._send(job, job_path)
        if state.status in (PrintStatus.OK, PrintStatus.PAPER_LOW) and png_path is not None and image is not None:
            try:
                image.save(png_path)
            except OSError as exc:
                log.warning("ticket printed but its PNG copy could not be saved: %s", exc)
                png_path = None
        elif not state.ready:
            png_path = job_path = None
        message = STAFF_MESSAGES[state.status] if state.ready else state.message
        return PrintResult(state.status, message, detail=state.detail, png_path=png_path, job_path=job_path)

    def _send(self, job: bytes, job_file: Path | None) -> PrinterState:
        assert self.target is not None
        if not self._lock.acquire(timeout=self.settings.timeout_s * 3):
            return PrinterState(PrintStatus.ERROR, "Ticket printer busy – please see reception",
                                detail="another print job did not finish in time")
        try:
            return self._send_locked(job, job_file)
        finally:
            self._lock.release()

    def _send_locked(self, job: bytes, job_file: Path | None) -> PrinterState:
        assert self.target is not None
        printer: Escpos | None = None
        try:
            printer = make_printer(self.target, job_file=job_file, baudrate=self.settings.baudrate,
                                   timeout=self.settings.timeout_s)
            open_printer(printer)
            state = PrinterState(PrintStatus.OK, STAFF_MESSAGES[PrintStatus.OK])
            if self.target.supports_status and self.settings.status_check:
                state = self._probe(printer)
                if not state.ready:
                    return state
            try:
                printer._raw(job)
            except (OSError, serial.SerialException) as exc:
                abort = getattr(printer, "abort", None)
                if abort is not None:
                    abort()
                raise PrinterOfflineError(
                    f"the printer stopped taking data ({exc or type(exc).__name__}); the ticket may be incomplete"
                ) from exc
            if isinstance(printer, Dummy):
                self.last_dummy_job = printer.output
            return state
        except PrinterOfflineError as exc:
            return PrinterState(PrintStatus.OFFLINE, STAFF_MESSAGES[PrintStatus.OFFLINE],
                                detail=f"{self.description}: {exc}")
        finally:
            if printer is not None:
                with contextlib.suppress(OSError, serial.SerialException):
                    printer.close()

    def _probe(self, printer: Escpos) -> PrinterState:
        return probe(printer, self.description)

    def _status(self) -> PrinterState:
        assert self.target is not None
        target = self.target
        if target.kind == "dummy":
            return PrinterState(PrintStatus.OK, "Ticket printer ready (in memory)", detail="dummy")
        if target.kind == "directory":
            assert target.path is not None
            try:
                target.path.mkdir(parents=True, exist_ok=True)
                probe = target.path / ".write-test"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as exc:
                return PrinterState(PrintStatus.OFFLINE, STAFF_MESSAGES[PrintStatus.OFFLINE],
                                    detail=f"cannot write to {target.path}: {exc}")
            return PrinterState(PrintStatus.OK, "Tickets are saved as files", detail=str(target.path))
        if not self._lock.acquire(timeout=self.settings.timeout_s * 3):
            return PrinterState(PrintStatus.ERROR, "Ticket printer busy", detail="a print job is running")
        printer: Escpos | None = None
        try:
            printer = make_printer(target, job_file=None, baudrate=self.settings.baudrate,
                                   timeout=self.settings.timeout_s)
            open_printer(printer)
            if target.supports_status and self.settings.status_check:
                return self._probe(printer)
            return PrinterState(PrintStatus.OK, "Ticket printer connected", detail=self.description)
        except PrinterOfflineError as exc:
            return PrinterState(PrintStatus.OFFLINE, STAFF_MESSAGES[PrintStatus.OFFLINE],
                                detail=f"{self.description}: {exc}")
        finally:
            if printer is not None:
                with contextlib.suppress(OSError, serial.SerialException):
                    printer.close()
            self._lock.release()

    def _remember(self, state: PrinterState) -> PrinterState:
        self.last_state = state
        return state

    def _record(self, result: PrintResult) -> PrintResult:
        self.last_state = PrinterState(result.status, result.message, detail=result.detail)
        if not result.printed:
            log.warning("ticket not printed: %s (%s)", result.message, result.detail)
        return result
