"""A raw-TCP printer on 127.0.0.1: bytes recorded, status answered; refused connection → offline."""

from __future__ import annotations

import socket
import threading
import time

from kiosk.printing import PrinterSettings, PrintStatus, TicketPrinter
from kiosk.printing.render import render_ticket
from tests.printing.conftest import make_ticket
from tests.printing.fakes import TcpPrinter


def _printer(target: str, timeout_s: float = 0.5) -> TicketPrinter:
    return TicketPrinter(PrinterSettings(target=target, timeout_s=timeout_s))


def _complete_jobs(fake: TcpPrinter, count: int) -> list:  # type: ignore[type-arg]
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        jobs = [j for j in fake.brain.jobs if j.cut]
        if len(jobs) >= count:
            return jobs
        time.sleep(0.01)
    raise AssertionError("jobs did not arrive")


def test_network_printer_receives_the_ticket(tcp_printer: TcpPrinter) -> None:
    ticket = make_ticket("zh")
    result = _printer(tcp_printer.target).print_ticket(ticket)
    assert result.ok, result
    (job,) = _complete_jobs(tcp_printer, 1)
    assert job.image().tobytes() == render_ticket(ticket).tobytes()
    assert tcp_printer.brain.stream.status_requests == [b"\x10\x04\x04", b"\x10\x04\x01"]


def test_network_paper_states(tcp_printer: TcpPrinter) -> None:
    printer = _printer(tcp_printer.target)
    tcp_printer.brain.paper = "low"
    assert printer.printer_status().status is PrintStatus.PAPER_LOW
    assert printer.print_ticket(make_ticket()).status is PrintStatus.PAPER_LOW
    tcp_printer.brain.paper = "out"
    assert printer.print_ticket(make_ticket()).status is PrintStatus.PAPER_OUT
    assert len(_complete_jobs(tcp_printer, 1)) == 1  # only the near-end ticket was printed


def test_refused_connection_is_offline() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    printer = _printer(f"network:127.0.0.1:{port}")
    result = printer.print_ticket(make_ticket())
    assert result.status is PrintStatus.OFFLINE and "refused" in result.detail.lower()
    assert result.message == "Ticket printer not reachable – please see reception"
    assert printer.printer_status().status is PrintStatus.OFFLINE


def test_listener_that_never_answers_is_offline_quickly(transport_timeouts: list[float]) -> None:
    server = socket.create_server(("127.0.0.1", 0))  # accepts (backlog) but never reads or answers
    try:
        result = _printer(f"network:127.0.0.1:{server.getsockname()[1]}", 0.3).print_ticket(make_ticket())
        assert result.status is PrintStatus.OFFLINE and "no answer" in result.detail
        assert transport_timeouts == [0.3]  # the wait for an answer was bounded by the configured timeout
    finally:
        server.close()


def test_concurrent_prints_from_threads_are_serialised(tcp_printer: TcpPrinter) -> None:
    printer = _printer(tcp_printer.target, timeout_s=2.0)
    tickets = [make_ticket(lang, ticket_text=f"K01-{n:03d}") for n, lang in enumerate(["vi", "en", "zh", "ko"])]
    results: list[object] = []
    threads = [threading.Thread(target=lambda t=t: results.append(printer.print_ticket(t))) for t in tickets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert len(results) == 4 and all(r.ok for r in results)  # type: ignore[attr-defined]
    jobs = _complete_jobs(tcp_printer, 4)
    # each job arrived whole (no interleaving): every one is exactly one of the rendered tickets
    rendered = {render_ticket(t).tobytes() for t in tickets}
    assert {j.image().tobytes() for j in jobs} == rendered
    assert tcp_printer.connections == 4


def test_serial_url_over_socket_reaches_the_same_printer(tcp_printer: TcpPrinter) -> None:
    """pyserial URLs work as serial targets (socket:// here; rfc2217:// for serial servers)."""
    printer = _printer(f"serial:socket://127.0.0.1:{tcp_printer.port}")
    tcp_printer.brain.paper = "low"
    assert printer.print_ticket(make_ticket("ko")).status is PrintStatus.PAPER_LOW
    (job,) = _complete_jobs(tcp_printer, 1)
    assert job.image().tobytes() == render_ticket(make_ticket("ko")).tobytes()
