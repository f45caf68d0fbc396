"""A real pty as the printer's serial port: job bytes arrive intact, status requests are answered."""

from __future__ import annotations

import time

import pytest

from kiosk.printing import PrinterSettings, PrintStatus, TicketPrinter
from kiosk.printing.render import render_ticket
from tests.printing.conftest import make_ticket
from tests.printing.fakes import PtyPrinter


def _printer(fake: PtyPrinter, **changes: object) -> TicketPrinter:
    settings = PrinterSettings(target=f"serial:{fake.url}", timeout_s=0.5, facility_name="PK Mẫu")
    return TicketPrinter(settings.__class__(**{**settings.__dict__, **changes}))


def _wait_for_jobs(fake: PtyPrinter, count: int) -> list:  # type: ignore[type-arg]
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        jobs = [j for j in fake.brain.jobs if j.cut]
        if len(jobs) >= count:
            return jobs
        time.sleep(0.01)
    raise AssertionError(f"expected {count} complete jobs, got {len(fake.brain.jobs)}")


def test_ticket_reaches_the_pty_printer_dot_for_dot(pty_printer: PtyPrinter) -> None:
    ticket = make_ticket("vi")
    result = _printer(pty_printer).print_ticket(ticket)
    assert result.status is PrintStatus.OK, result
    (job,) = _wait_for_jobs(pty_printer, 1)
    assert job.image().tobytes() == render_ticket(ticket).tobytes()
    # paper checked first, then the on-line state, both before the job
    assert pty_printer.brain.stream.status_requests == [b"\x10\x04\x04", b"\x10\x04\x01"]
    assert pty_printer.brain.received.index(b"\x10\x04\x01") < pty_printer.brain.received.index(b"\x1b@")


def test_paper_near_end_prints_and_warns(pty_printer: PtyPrinter) -> None:
    pty_printer.brain.paper = "low"
    result = _printer(pty_printer).print_ticket(make_ticket("ko"))
    assert result.status is PrintStatus.PAPER_LOW
    assert result.printed and not result.ok
    _wait_for_jobs(pty_printer, 1)


def test_paper_out_does_not_print(pty_printer: PtyPrinter) -> None:
    pty_printer.brain.paper = "out"
    printer = _printer(pty_printer)
    result = printer.print_ticket(make_ticket("ja"))
    assert result.status is PrintStatus.PAPER_OUT and not result.printed
    assert result.message == "Ticket printer out of paper – please see reception"
    # A second status request on the same port is answered only after the fake has read every byte sent
    # before it (a pty is a FIFO): once it is answered, a job sent by the paper-out print would have arrived.
    assert printer.printer_status().status is PrintStatus.PAPER_OUT
    assert b"\x1b@" not in pty_printer.brain.received  # nothing but status requests was sent
    assert pty_printer.brain.stream.status_requests == [b"\x10\x04\x04"] * 2
    assert printer.last_state is not None and printer.last_state.status is PrintStatus.PAPER_OUT


def test_printer_reporting_off_line(pty_printer: PtyPrinter) -> None:
    pty_printer.brain.online = False
    result = _printer(pty_printer).print_ticket(make_ticket())
    assert result.status is PrintStatus.OFFLINE and "off line" in result.detail


def test_silent_printer_is_offline_within_the_timeout(pty_printer: PtyPrinter,
                                                     transport_timeouts: list[float]) -> None:
    pty_printer.brain.silent = True
    result = _printer(pty_printer).print_ticket(make_ticket())
    assert result.status is PrintStatus.OFFLINE and "no answer" in result.detail
    assert transport_timeouts == [0.5]  # the configured bound, not a measured time


def test_printer_that_stops_reading_times_out(pty_printer: PtyPrinter, transport_timeouts: list[float]) -> None:
    pty_printer.reading.clear()
    result = _printer(pty_printer, status_check=False).print_ticket(make_ticket())
    assert result.status is PrintStatus.OFFLINE and "stopped taking data" in result.detail
    assert transport_timeouts == [0.5]


def test_vanished_port_is_offline(pty_printer: PtyPrinter) -> None:
    printer = _printer(pty_printer)
    assert printer.printer_status().status is PrintStatus.OK
    pty_printer.vanish()
    result = printer.print_ticket(make_ticket())
    assert result.status is PrintStatus.OFFLINE and pty_printer.url in result.detail
    assert printer.printer_status().status is PrintStatus.OFFLINE


def test_status_probe_and_recovery(pty_printer: PtyPrinter) -> None:
    printer = _printer(pty_printer)
    pty_printer.brain.paper = "out"
    assert printer.printer_status().status is PrintStatus.PAPER_OUT
    pty_printer.brain.paper = "ok"  # staff loaded a new roll
    state = printer.printer_status()
    assert state.status is PrintStatus.OK and state.reported and state.ready
    assert printer.print_ticket(make_ticket()).ok


def test_test_print_on_pty(pty_printer: PtyPrinter) -> None:
    result = _printer(pty_printer).test_print()
    assert result.ok
    (job,) = _wait_for_jobs(pty_printer, 1)
    assert job.rasters[0].width_bytes == 72


@pytest.mark.parametrize("paper", ["ok", "low", "out"])
def test_status_check_can_be_turned_off(pty_printer: PtyPrinter, paper: str) -> None:
    pty_printer.brain.paper = paper  # type: ignore[assignment]
    assert _printer(pty_printer, status_check=False).print_ticket(make_ticket()).status is PrintStatus.OK
    assert pty_printer.brain.stream.status_requests == []


@pytest.mark.parametrize(("paper", "expected"), [("ok", PrintStatus.OK), ("low", PrintStatus.PAPER_LOW),
                                                 ("out", PrintStatus.PAPER_OUT)])
def test_printer_answering_only_gs_r(pty_printer: PtyPrinter, paper: str, expected: PrintStatus) -> None:
    pty_printer.brain.dle_eot = False
    pty_printer.brain.paper = paper  # type: ignore[assignment]
    result = _printer(pty_printer).print_ticket(make_ticket())
    assert result.status is expected
    assert pty_printer.brain.stream.status_requests == [b"\x10\x04\x04", b"\x1dr\x01"]
