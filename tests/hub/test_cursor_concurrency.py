"""The PostgreSQL sequence-visibility trap, shown real with a plain sequence, and closed by the hub's
change counter (remedy (a) of docs/house-style.md §4): two concurrent writers where the first writer takes
its number first and the second tries to commit before it."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.hub import changes
from kiosk.hub.app import HubSettings, create_app
from kiosk.hub.schema import cards
from tests.hub.support import add_device, auth, card_number, open_engine

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[sa.Engine]:
    engine = open_engine(pg_url)
    yield engine
    engine.dispose()


def _card(i: int, status: str = "active") -> dict[str, Any]:
    return {"card_number": card_number(i), "name": f"Người {i}", "status": status}


def _waiting_for_lock(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()")).scalar_one())


def test_a_plain_sequence_skips_a_late_commit(pg_engine: sa.Engine) -> None:
    """Control experiment: the trap is real on this PostgreSQL."""
    with pg_engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE naive (seq BIGSERIAL PRIMARY KEY, v TEXT)"))
    first = pg_engine.connect()
    first.begin()
    first.execute(sa.text("INSERT INTO naive (v) VALUES ('first')"))  # takes seq 1, commits later
    with pg_engine.begin() as second:
        second.execute(sa.text("INSERT INTO naive (v) VALUES ('second')"))  # seq 2, commits now
    with pg_engine.connect() as reader:
        rows = reader.execute(sa.text("SELECT seq, v FROM naive WHERE seq > 0 ORDER BY seq")).all()
    assert [r.v for r in rows] == ["second"]
    cursor = rows[-1].seq
    first.commit()
    first.close()
    with pg_engine.connect() as reader:
        later = reader.execute(sa.text("SELECT v FROM naive WHERE seq > :c"), {"c": cursor}).all()
    assert later == []  # 'first' is committed, yet a cursor reader never sees it


def test_two_writers_the_first_to_number_commits_last(pg_engine: sa.Engine) -> None:
    token = add_device(pg_engine, "kiosk-1")
    app = create_app(HubSettings(rate_per_s=0), engine=pg_engine)
    client = TestClient(app)

    def pull(cursor: str) -> dict[str, Any]:
        r = client.get("/v1/sync/pull", params={"cursor": cursor}, headers=auth(token))
        assert r.status_code == 200
        return dict(r.json())

    start = pull("")["next_cursor"]
    first = pg_engine.connect()
    first.begin()
    changes.upsert_cards(first, [_card(1)])  # writer 1 numbers its row first …
    second_done = threading.Event()
    second_error: list[BaseException] = []

    def second_writer() -> None:
        try:
            with pg_engine.begin() as conn:  # … writer 2 writes and tries to commit before writer 1
                changes.upsert_cards(conn, [_card(2)])
        except BaseException as exc:  # pragma: no cover - reported below
            second_error.append(exc)
        finally:
            second_done.set()

    thread = threading.Thread(target=second_writer)
    thread.start()
    deadline = time.monotonic() + 5
    while _waiting_for_lock(pg_engine) == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _waiting_for_lock(pg_engine) == 1, "writer 2 should wait for the change counter"
    assert not second_done.is_set()
    page = pull(start)  # a kiosk pulls meanwhile: nothing is committed, the cursor must not move
    assert page["count"] == 0 and page["next_cursor"] == start
    first.commit()  # writer 1 commits last of its own work; writer 2 only now gets its number
    first.close()
    assert second_done.wait(10) and not second_error
    thread.join()
    page = pull(start)
    assert [c["card_number"] for c in page["changes"]["cards"]["upserted"]] == [card_number(1), card_number(2)]
    with pg_engine.connect() as conn:
        seqs = {r[0]: r[1] for r in conn.execute(sa.select(cards.c.card_number, cards.c.change_seq))}
    assert seqs[card_number(1)] < seqs[card_number(2)]


def test_concurrent_writers_and_a_puller_never_lose_a_change(pg_engine: sa.Engine) -> None:
    token = add_device(pg_engine, "kiosk-1")
    app = create_app(HubSettings(rate_per_s=0), engine=pg_engine)
    client = TestClient(app)
    stop = threading.Event()
    cache: dict[str, str] = {}
    errors: list[BaseException] = []

    def writer(seed: int) -> None:
        rnd = random.Random(seed)
        try:
            for _ in range(12):
                with pg_engine.begin() as conn:
                    picks = rnd.sample(range(40), 3)
                    changes.upsert_cards(conn, [_card(i, rnd.choice(["active", "revoked", "reduced"]))
                                                for i in picks])
                    if rnd.random() < 0.3:
                        changes.delete_cards(conn, [card_number(rnd.randrange(40))])
                    time.sleep(rnd.uniform(0, 0.02))  # commit late
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    def puller() -> None:
        cursor = ""
        try:
            while True:
                finished = stop.is_set()
                r = client.get("/v1/sync/pull", params={"cursor": cursor, "limit": 5}, headers=auth(token))
                page = r.json()
                for row in page["changes"]["cards"]["upserted"]:
                    cache[row["card_number"]] = row["status"]
                for number in page["changes"]["cards"]["deleted"]:
                    cache.pop(number, None)
                cursor = page["next_cursor"]
                if finished and not page["has_more"]:
                    return
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    writers = [threading.Thread(target=writer, args=(seed,)) for seed in range(4)]
    reader = threading.Thread(target=puller)
    reader.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    reader.join(30)
    assert not errors
    with pg_engine.connect() as conn:
        hub = dict(conn.execute(sa.select(cards.c.card_number, cards.c.status)
                                .where(cards.c.deleted.is_(False))).all())
    assert cache == hub


def test_the_same_batch_sent_twice_at_once_is_stored_once(pg_engine: sa.Engine) -> None:
    """A kiosk retries while its first request is still inside the hub: one applies, one replays."""
    from tests.hub.support import batch, visit

    token = add_device(pg_engine, "kiosk-1")
    app = create_app(HubSettings(rate_per_s=0), engine=pg_engine)
    body = batch([visit() for _ in range(50)])
    blocker = pg_engine.connect()
    blocker.begin()
    blocker.execute(sa.text("LOCK TABLE hub_devices IN SHARE MODE"))  # holds request 1 mid-transaction
    answers: list[dict[str, Any]] = []

    def send() -> None:
        with TestClient(app) as client:
            answers.append(client.post("/v1/sync/push", json=body, headers=auth(token)).json())

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 10
    while _waiting_for_lock(pg_engine) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _waiting_for_lock(pg_engine) == 2  # one on the device row, one on the batch id
    blocker.rollback()
    blocker.close()
    for t in threads:
        t.join(20)
    assert sorted(a["replayed"] for a in answers) == [False, True]
    assert all(a["accepted"] == 50 for a in answers)
    with pg_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM hub_visits")).scalar_one() == 50


def test_first_writer_to_begin_commits_after_the_second(pg_engine: sa.Engine) -> None:
    """Writer 1 opens its transaction first and commits last; writer 2 commits in between and a
    kiosk pulls past writer 2's row. Writer 1's row still reaches the kiosk on its next pull."""
    token = add_device(pg_engine, "kiosk-1")
    client = TestClient(create_app(HubSettings(rate_per_s=0), engine=pg_engine))

    def pull(cursor: str) -> dict[str, Any]:
        return dict(client.get("/v1/sync/pull", params={"cursor": cursor}, headers=auth(token)).json())

    first = pg_engine.connect()
    first.begin()
    first.execute(sa.text("SELECT 1 FROM hub_cards LIMIT 1"))  # writer 1 is under way (snapshot taken)
    with pg_engine.begin() as second:
        changes.upsert_cards(second, [_card(2)])
    page = pull("")
    assert [c["card_number"] for c in page["changes"]["cards"]["upserted"]] == [card_number(2)]
    cursor = page["next_cursor"]
    changes.upsert_cards(first, [_card(1)])
    first.commit()  # commits after writer 2 and after the kiosk moved its cursor
    first.close()
    page = pull(cursor)
    assert [c["card_number"] for c in page["changes"]["cards"]["upserted"]] == [card_number(1)]
