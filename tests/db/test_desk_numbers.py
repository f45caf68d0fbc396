"""Reception-desk numbers in the store (docs/kiosk-ux.md §10a): their own daily counter per queue next to
the departments', never shared between two writers, audited, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from kiosk.db.store import Store
from kiosk.queueing import DeskQueue, QueueRules
from tests.db.conftest import MORNING, take_concurrently


def test_numbers_per_queue_and_day_with_the_reset_time(db_url: str) -> None:
    rules = QueueRules(reset_at=dt.time(5, 0))
    with Store.open(db_url, queue_rules=rules, clock=lambda: MORNING) as store:
        store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
        assert store.issue_desk_number(DeskQueue.RECEPTION, "TD", reason="expired").ticket == "TD-001"
        assert store.issue_desk_number(DeskQueue.PRIORITY, "UT", reason="no_card").ticket == "UT-001"
        assert store.issue_desk_number(DeskQueue.RECEPTION, "TD", reason="system").ticket == "TD-002"
        # before the 05:00 reset a moment still belongs to the previous queue day
        night = MORNING.replace(hour=2)
        late = store.issue_desk_number(DeskQueue.RECEPTION, "TD", now=night + dt.timedelta(days=1))
        assert (late.ticket, late.queue_day) == ("TD-003", MORNING.date())
        assert store.last_desk_number(DeskQueue.RECEPTION, MORNING.date()) == 3
        assert store.last_desk_number(DeskQueue.PRIORITY, MORNING.date()) == 1
        assert store.last_queue_number("K01", MORNING.date()) == 0
        audit = [e["details"] for e in reversed(store.audit_entries()) if e["action"] == "desk_number"]
        assert [(a["queue"], a["ticket"], a["reason"]) for a in audit] == [
            ("reception", "TD-001", "expired"), ("priority", "UT-001", "no_card"), ("reception", "TD-002", "system"),
            ("reception", "TD-003", "")]


def test_two_writers_never_share_a_desk_number(db_url: str) -> None:
    """Two stores (as two kiosks on one database) take reception numbers at the same time."""
    with Store.open(db_url):
        pass
    per_writer = 30
    tickets = take_concurrently(db_url, per_writer,
                                lambda store: store.issue_desk_number(DeskQueue.RECEPTION, "TD").ticket)
    assert sorted(tickets) == [f"TD-{n:03d}" for n in range(1, 2 * per_writer + 1)]
