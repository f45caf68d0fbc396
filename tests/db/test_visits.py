"""Visits: durable recording with queue numbers, the outbox cycle the sync engine uses, daily counts."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import uuid

import pytest

from kiosk.cards import parse_payload
from kiosk.db.convert import WIRE_FIELDS, visit_card_fields
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios, load_demo
from kiosk.db.errors import StoreUsageError, UnknownDepartmentError
from kiosk.db.store import Store
from kiosk.queueing import QueueRules
from tests.db.conftest import MORNING, VN, take_concurrently

MANUAL = visit_card_fields(None, None, verdict="unknown", provisional=True, registered_here=None,
                           benefit_level=None)


def test_check_in_records_the_wire_format(departments: Store) -> None:
    load_demo(departments)
    card = parse_payload(demo_scenarios()[0].payload)
    visit = departments.check_in("K01", card, facility_code=DEMO_FACILITY, now=MORNING)
    assert list(visit) == list(WIRE_FIELDS)
    uuid.UUID(visit["id"])
    assert visit["created_at"] == "2026-11-22T08:15:03.123+07:00"
    assert (visit["visit_date"], visit["queue_number"], visit["ticket"]) == ("2026-11-22", 1, "K01-001")
    assert (visit["verdict"], visit["provisional"], visit["registered_here"]) == ("valid", False, True)
    assert (visit["card_kind"], visit["card_number"], visit["bhxh_number"]) == ("bhyt", "DN4010100000001",
                                                                                "0100000001")
    assert (visit["name"], visit["birth_date"], visit["gender"]) == ("Nguyễn Văn An", "1985-03-15", "male")
    assert (visit["object_code"], visit["benefit_level"], visit["card_facility_code"]) == ("DN", 4, "01999")
    assert departments.list_visits(dt.date(2026, 11, 22)) == [{**visit, "sync_state": "to_send",
                                                                "sync_error": None}]


def test_cccd_check_in_takes_card_data_from_the_cache(departments: Store) -> None:
    load_demo(departments)
    scenario = next(s for s in demo_scenarios() if s.label == "citizen ID, valid")
    visit = departments.check_in("K02", parse_payload(scenario.payload), facility_code=DEMO_FACILITY,
                                 now=MORNING)
    assert (visit["card_kind"], visit["citizen_id"], visit["card_number"]) == ("cccd", "001086000131",
                                                                               "DN4010100000031")
    assert visit["ticket"] == "K02-001" and visit["registered_here"] is False


def test_queue_numbers_per_department_and_day(departments: Store) -> None:
    tickets = [departments.add_visit(code, MANUAL, now=MORNING)["ticket"] for code in ("K01", "K01", "K02", "K01")]
    assert tickets == ["K01-001", "K01-002", "K02-001", "K01-003"]
    next_day = MORNING + dt.timedelta(days=1)
    assert departments.add_visit("K01", MANUAL, now=next_day)["ticket"] == "K01-001"
    assert departments.last_queue_number("K01", MORNING.date()) == 3


def test_queue_resets_at_the_configured_time(db_url: str) -> None:
    rules = QueueRules(reset_at=dt.time(5, 0))
    with Store.open(db_url, queue_rules=rules) as store:
        store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
        late = dt.datetime(2026, 11, 22, 23, 50, tzinfo=VN)
        night = dt.datetime(2026, 11, 23, 2, 0, tzinfo=VN)
        dawn = dt.datetime(2026, 11, 23, 5, 0, tzinfo=VN)
        numbers = [store.add_visit("K01", MANUAL, now=t) for t in (late, night, dawn)]
    assert [v["queue_number"] for v in numbers] == [1, 2, 1]
    assert [v["visit_date"] for v in numbers] == ["2026-11-22", "2026-11-23", "2026-11-23"]


def test_unknown_or_inactive_department_is_refused(departments: Store) -> None:
    with pytest.raises(UnknownDepartmentError, match="K01, K02"):
        departments.add_visit("K77", MANUAL)
    departments.apply_pull_page({"departments": {"deleted": ["K02"]}}, cursor_name="ref", next_cursor="1")
    with pytest.raises(UnknownDepartmentError, match="not active"):
        departments.add_visit("K02", MANUAL)
    assert departments.list_visits() == []


def test_bad_card_fields_are_refused(departments: Store) -> None:
    with pytest.raises(StoreUsageError, match="verdict"):
        departments.add_visit("K01", {**MANUAL, "verdict": "great"})
    with pytest.raises(StoreUsageError, match="unknown visit field"):
        departments.add_visit("K01", {**MANUAL, "shoe_size": 42})


def test_outbox_cycle(departments: Store) -> None:
    ids = [departments.add_visit("K01", MANUAL, now=MORNING + dt.timedelta(minutes=i))["id"] for i in range(5)]
    assert departments.pending_count() == 5
    assert departments.oldest_pending_at() == MORNING
    batch = departments.pending_visits(limit=3)
    assert [v["id"] for v in batch] == ids[:3]
    assert departments.mark_sending([v["id"] for v in batch]) == 3
    # A crash now: the records in "sending" are offered again, oldest first.
    assert [v["id"] for v in departments.pending_visits()] == ids
    tally = departments.record_push_results([
        {"id": ids[0], "status": "accepted"}, {"id": ids[1], "status": "duplicate"},
        {"id": ids[2], "status": "rejected", "reason": "department_code unknown at the hub"},
        {"id": str(uuid.uuid4()), "status": "accepted"}])
    assert (tally.sent, tally.rejected, tally.unknown) == (2, 1, 1)
    assert departments.pending_count() == 2
    assert departments.oldest_pending_at() == MORNING + dt.timedelta(minutes=3)
    assert departments.outbox_counts() == {"to_send": 2, "sending": 0, "sent": 2, "rejected": 1}
    rejected = departments.rejected_visits()
    assert [(v["id"], v["sync_error"]) for v in rejected] == [(ids[2], "department_code unknown at the hub")]
    assert departments.retry_rejected([ids[2]]) == 1
    departments.mark_sending(ids[3:])
    assert departments.reset_sending() == 2
    assert departments.outbox_counts()["to_send"] == 3
    with pytest.raises(StoreUsageError, match="unknown status"):
        departments.record_push_results([{"id": ids[0], "status": "maybe"}])


def test_visit_counts_per_day_and_verdict(departments: Store) -> None:
    for day, verdict in ((0, "valid"), (0, "valid"), (0, "expired"), (1, "unknown")):
        departments.add_visit("K01", {**MANUAL, "verdict": verdict}, now=MORNING + dt.timedelta(days=day))
    departments.record_push_results([{"id": departments.pending_visits(1)[0]["id"], "status": "accepted"}])
    counts = departments.visit_counts(MORNING.date(), MORNING.date() + dt.timedelta(days=1))
    first = counts[MORNING.date()]
    assert (first.visits, first.by_verdict, first.by_state) == (3, {"valid": 2, "expired": 1},
                                                                {"sent": 1, "to_send": 2})
    assert counts[MORNING.date() + dt.timedelta(days=1)].by_verdict == {"unknown": 1}
    assert departments.visit_counts(dt.date(2000, 1, 1)) == {}


def test_two_writers_never_share_a_queue_number(db_url: str) -> None:
    """Two stores (two engines, as two kiosk processes would have) add visits at the same time."""
    with Store.open(db_url) as setup:
        setup.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
    per_writer = 40
    tickets = take_concurrently(db_url, per_writer, lambda store: store.add_visit("K01", MANUAL)["queue_number"])
    assert sorted(tickets) == list(range(1, 2 * per_writer + 1))


WRITER = """
import datetime as dt, sys
from kiosk.db.store import Store
from kiosk.db.convert import visit_card_fields
fields = visit_card_fields(None, None, verdict="unknown", provisional=True, registered_here=None, benefit_level=None)
now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
with Store.open(sys.argv[1]) as store:
    sys.stdout.write("ready\\n"); sys.stdout.flush(); sys.stdin.readline()
    for _ in range(int(sys.argv[2])):
        print(store.add_visit("K01", fields, now=now)["queue_number"])
"""


@pytest.mark.postgres
@pytest.mark.slow
def test_two_processes_on_postgres_never_share_a_queue_number(pg_url: str) -> None:
    with Store.open(pg_url) as setup:
        setup.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
    count = 60
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg_url, str(count)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:  # release both at once
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    numbers: list[int] = []
    for p in procs:
        out, _ = p.communicate(timeout=60)
        assert p.returncode == 0
        numbers += [int(x) for x in out.split()]
    assert sorted(numbers) == list(range(1, 2 * count + 1))


@pytest.mark.slow
def test_check_ins_go_on_during_a_large_import(sqlite_url: str) -> None:
    """The import stages its rows without the write lock, so check-ins go on; the cache changes at once."""
    from kiosk.cards.model import CachedCard

    with Store.open(sqlite_url, clock=lambda: MORNING) as store:
        store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
        rows = ((i, CachedCard(card_number=f"DN401{i:010d}", name="Nguyễn Văn Thử")) for i in range(80_000))
        importer = threading.Thread(target=lambda: store.import_cards(rows))
        importer.start()
        tickets, seen = [], []
        while importer.is_alive():
            tickets.append(store.add_visit("K01", MANUAL)["queue_number"])  # busy timeout: 5 s
            seen.append(store._card_count())
        importer.join()
        assert store.cache_stats().cards == 80_000
    assert tickets == list(range(1, len(tickets) + 1))
    assert tickets and set(seen) <= {0, 80_000}, (seen, tickets)  # never a half import
