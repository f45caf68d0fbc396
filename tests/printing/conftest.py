from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.printing import Ticket
from tests.printing.fakes import PtyPrinter, TcpPrinter

VISIT = uuid.UUID("3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f")


def make_ticket(language: str = "vi", **changes: object) -> Ticket:
    fields: dict[str, object] = {
        "facility_name": "Phòng khám Đa khoa Mẫu",
        "department_name": "Khám Nội tổng quát",
        "room": "Phòng 105 – Tầng 1",
        "ticket_text": "K01-012",
        "issued_at": dt.datetime(2026, 11, 22, 9, 15),
        "visit_id": VISIT,
        "language": language,
    }
    fields.update(changes)
    return Ticket(**fields)  # type: ignore[arg-type]


@pytest.fixture
def ticket() -> Ticket:
    return make_ticket()


@pytest.fixture
def pty_printer() -> Iterator[PtyPrinter]:
    printer = PtyPrinter()
    yield printer
    printer.close()


@pytest.fixture
def tcp_printer() -> Iterator[TcpPrinter]:
    printer = TcpPrinter()
    yield printer
    printer.close()


@pytest.fixture
def transport_timeouts(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The timeout each printer transport was made with: a test asserts the bound a wait was given instead
    of measuring how long it took (which depends on the machine's speed)."""
    import kiosk.printing.printer as printer_module

    made: list[float] = []
    original = printer_module.make_printer

    def make_printer(*args: Any, **kwargs: Any) -> Any:
        made.append(kwargs["timeout"])
        return original(*args, **kwargs)

    monkeypatch.setattr(printer_module, "make_printer", make_printer)
    return made
