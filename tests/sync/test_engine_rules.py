"""The sync engine's rules (kiosk/sync/engine.py) against a real hub app served by uvicorn in this process
(SQLite hub database), with a real kiosk store: batch splitting on 413 and on content faults, stable batch
ids, results only for the records sent, setting records aside, pages of pull, reconciliation. Fast enough to
run under the mutation run (scripts/mutation.py, group ``sync-engine``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kiosk.db.store import Store
from kiosk.hub.app import create_app
from kiosk.hub.imports import import_cards
from kiosk.hub.settings import HubSettings
from kiosk.sync.client import (
    BatchTooLarge,
    DeviceCloned,
    HubBusy,
    HubClient,
    HubRejected,
    HubServerError,
    HubUnreachable,
    SyncError,
)
from kiosk.sync.engine import (
    HUB_ID_SETTING,
    LAST_SUCCESS_SETTING,
    DayReconciliation,
    SyncEngine,
    SyncReport,
    batch_id_for,
    caused_by_content,
)
from tests.hub.support import add_device, card_number, open_engine, write_card_csv
from tests.sync.support import FACILITY, CuttingProxy, FailOnRecord, PushRecorder, new_store, record_visits, serve


@dataclass
class Hub:
    url: str
    engine: sa.Engine
    recorder: PushRecorder

    def visit_ids(self) -> list[str]:
        from kiosk.hub.schema import visits

        with self.engine.connect() as conn:
            return [str(v) for v in conn.execute(sa.select(visits.c.id)).scalars()]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A migrated hub database and an empty kiosk store, made once and copied per test (the mutation run
    repeats these tests for every mutant)."""
    folder = tmp_path_factory.mktemp("templates")
    open_engine(f"sqlite:///{folder / 'hub.sqlite3'}").dispose()
    new_store(folder / "kiosk.sqlite3").close()
    return folder / "hub.sqlite3", folder / "kiosk.sqlite3"


_TEMPLATES: list[tuple[Path, Path]] = []


@pytest.fixture(autouse=True)
def _remember_templates(templates: tuple[Path, Path]) -> None:
    _TEMPLATES[:] = [templates]


def _hub_db(tmp_path: Path) -> str:
    target = tmp_path / "hub.sqlite3"
    target.write_bytes(_TEMPLATES[0][0].read_bytes())
    return f"sqlite:///{target}"


def _hub(tmp_path: Path, *, fresh: bool = False, **settings: Any) -> Iterator[tuple[Hub, str]]:
    """A hub database copied from the template (``fresh``: a new one, with an identity of its own)."""
    engine = open_engine(f"sqlite:///{tmp_path / 'hub.sqlite3'}" if fresh else _hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    recorder = PushRecorder(create_app(HubSettings(rate_per_s=0, **settings), engine=engine))
    with serve(recorder) as base:
        yield Hub(base, engine, recorder), token
    engine.dispose()


def _damage(store: Store, *vids: str) -> None:
    """Damage recorded visits as an old kiosk version would have written them: the hub rejects them."""
    from kiosk.db.models import VISITS

    with store.engine.begin() as conn:
        conn.execute(sa.update(VISITS).where(VISITS.c.id.in_(vids)).values(created_at="2026-12-07t09:00:00z"))


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[Hub, str]]:
    yield from _hub(tmp_path)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    target = tmp_path / "kiosk.sqlite3"
    target.write_bytes(_TEMPLATES[0][1].read_bytes())
    with Store.open(f"sqlite:///{target}") as s:
        yield s


# ----- what a failure says about the batch ---------------------------------------------------------------
@pytest.mark.parametrize(("exc", "content"), [
    (BatchTooLarge("HTTP 413", status=413, hub_code="too_large"), True),
    (BatchTooLarge("HTTP 413", status=413, hub_code="too_many_records"), True),
    (HubServerError("HTTP 500", status=500, hub_code="internal_error"), True),
    (HubServerError("cut", status=None), True),
    (HubServerError("HTTP 502", status=502), False),
    (HubBusy("HTTP 503", status=503, retry_after_s=30), False),
    (HubBusy("HTTP 429", status=429, retry_after_s=1), False),
    (HubRejected("HTTP 422", status=422, hub_code="invalid_batch"), True),
    (HubRejected("HTTP 422", status=422, hub_code="batch_id_reused"), True),
    (HubRejected("HTTP 422", status=422, hub_code="unsupported_protocol"), False),
    (HubRejected("HTTP 422", status=422, hub_code="idempotency_key_mismatch"), False),
    (HubRejected("HTTP 400", status=400, hub_code="invalid_json"), True),
    (HubRejected("HTTP 400", status=400, hub_code="too_deep"), True),
    (HubRejected("HTTP 400", status=400, hub_code="bad_gzip"), True),
    (HubRejected("HTTP 400", status=400, hub_code=None), True),
    (HubRejected("HTTP 400", status=400, hub_code="bad_cursor"), False),
    (HubRejected("HTTP 401", status=401, hub_code="unauthorized"), False),
    (HubRejected("HTTP 403", status=403, hub_code=None), False),
    (HubRejected("HTTP 415", status=415, hub_code="unsupported_encoding"), False),
    (DeviceCloned("HTTP 409", status=409, hub_code="device_cloned"), False),
    (HubUnreachable("cannot reach the hub"), False),
])
def test_only_failures_a_record_can_cause_split_the_batch(exc: SyncError, content: bool) -> None:
    assert caused_by_content(exc) is content


def test_batch_id_is_the_same_for_the_same_visits_in_any_order() -> None:
    ids = [str(uuid.uuid4()) for _ in range(5)]
    assert batch_id_for(ids) == batch_id_for(list(reversed(ids)))
    assert batch_id_for(ids) != batch_id_for(ids[:4])
    assert batch_id_for(ids[:1]) != batch_id_for(ids[1:2])
    assert batch_id_for(["a", "bc"]) != batch_id_for(["ab", "c"])  # the ids are separated, not run together
    assert batch_id_for(ids).version == 5


# ----- push --------------------------------------------------------------------------------------------
def test_413_too_large_batch_is_halved_and_every_visit_arrives_once(tmp_path: Path, store: Store) -> None:
    """The hub answers 413 for a batch over its body limit; the kiosk halves the batch until the halves fit,
    and every visit reaches the hub exactly once (issue 18)."""
    ids = record_visits(store, 16)
    _damage(store, ids[1], ids[9])  # rejected by the hub: one in each half
    for hub, token in _hub(tmp_path, max_body_bytes=2500):
        report = SyncEngine(store, HubClient(hub.url, token), batch_size=16).run_once()
        pushes = hub.recorder.pushes
        assert pushes[0][1:] == (ids, 413)
        assert {len(sent) for _, sent, _ in pushes} <= {16, 8, 4, 2, 1}
        delivered = [vid for _, sent, status in pushes if status == 200 for vid in sent]
        assert delivered == ids  # halves in order, each visit in exactly one accepted push
        assert all(status in (200, 413) for _, _, status in pushes)
        assert sorted(hub.visit_ids()) == sorted(set(ids) - {ids[1], ids[9]})
        assert (report.pushed, report.rejected, report.pending, report.set_aside) == (14, 2, 0, 2)
        assert len({batch for batch, _, _ in pushes}) == len(pushes)  # each half is a batch of its own


def test_a_retry_after_a_lost_answer_carries_the_same_batch_id_and_is_replayed(hub: tuple[Hub, str],
                                                                               store: Store) -> None:
    live, token = hub
    ids = record_visits(store, 6)
    proxy = CuttingProxy(int(live.url.rsplit(":", 1)[1]))
    proxy.cut_responses = 1
    try:
        sync = SyncEngine(store, HubClient(proxy.url, token), batch_size=6)
        with pytest.raises(SyncError):  # the answer was cut off: unreadable or no answer at all
            sync.push_pending()
        assert store.pending_count() == 6 and sorted(live.visit_ids()) == sorted(ids)  # stored, answer lost
        assert sync.push_pending() == (6, 0)
    finally:
        proxy.close()
    (first, sent, _), (again, resent, status) = live.recorder.pushes
    assert again == first == str(batch_id_for(ids)) and resent == sent and status == 200
    assert store.pending_count() == 0


def test_results_for_visits_not_in_the_batch_are_ignored(hub: tuple[Hub, str], store: Store) -> None:
    """A hub answer that names a visit the batch did not carry must not mark that visit as sent."""
    live, token = hub
    ids = record_visits(store, 4)

    def forge(answer: dict[str, Any]) -> dict[str, Any]:
        answer["results"] += [{"id": vid, "status": "accepted", "reason": None} for vid in ids[2:]]
        return answer

    live.recorder.edit_answer = forge
    sync = SyncEngine(store, HubClient(live.url, token), batch_size=2)
    assert sync.push_pending() == (4, 0)
    assert [sent for _, sent, _ in live.recorder.pushes] == [ids[:2], ids[2:]]  # the forged ones were still sent
    assert sorted(live.visit_ids()) == sorted(ids)


@pytest.mark.parametrize("results", [[], None])
def test_an_answer_naming_none_of_the_visits_stops_the_push(hub: tuple[Hub, str], store: Store, results: Any,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    live, token = hub
    record_visits(store, 3)
    live.recorder.edit_answer = lambda answer: ({k: v for k, v in answer.items() if k != "results"}
                                                if results is None else {**answer, "results": results})
    sync = SyncEngine(store, HubClient(live.url, token), batch_size=2)
    with caplog.at_level("WARNING", logger="kiosk.sync.engine"):
        assert sync.push_pending() == (0, 0)
    assert len(live.recorder.pushes) == 1  # no endless resending of the same batch
    assert store.pending_count() == 3
    assert caplog.messages == ["the hub's answer named none of the 2 visits sent; stopping this push"]


def test_a_push_whose_answers_name_only_part_of_each_batch_stops_after_its_budget(hub: tuple[Hub, str],
                                                                                   store: Store) -> None:
    """Records the hub's answer leaves out stay pending and are offered again; a run sends at most
    pending // batch size + 4 batches, so a hub that never names them all cannot hold the kiosk forever."""
    live, token = hub
    record_visits(store, 11)
    live.recorder.edit_answer = lambda answer: {**answer, "results": answer["results"][:1]}
    assert SyncEngine(store, HubClient(live.url, token), batch_size=5).push_pending() == (6, 0)
    assert len(live.recorder.pushes) == 11 // 5 + 4
    assert store.pending_count() == 5


def test_batches_of_one_send_every_visit(hub: tuple[Hub, str], store: Store) -> None:
    live, token = hub
    record_visits(store, 10)
    assert SyncEngine(store, HubClient(live.url, token), batch_size=1).push_pending() == (10, 0)
    assert len(live.recorder.pushes) == 10


def test_push_sends_every_pending_visit_in_batches_of_the_configured_size(hub: tuple[Hub, str],
                                                                         store: Store) -> None:
    live, token = hub
    ids = record_visits(store, 7)
    assert SyncEngine(store, HubClient(live.url, token), batch_size=3).push_pending() == (7, 0)
    assert [sent for _, sent, _ in live.recorder.pushes] == [ids[:3], ids[3:6], ids[6:]]
    assert SyncEngine(store, HubClient(live.url, token), batch_size=3).push_pending() == (0, 0)
    assert len(live.recorder.pushes) == 3


def test_visits_the_hub_rejects_are_counted_and_set_aside(hub: tuple[Hub, str], store: Store,
                                                          tmp_path: Path) -> None:
    live, token = hub
    ids = record_visits(store, 5)
    _damage(store, ids[1])  # the first batch of two: one taken, one rejected; the push goes on
    report = SyncEngine(store, HubClient(live.url, token), batch_size=2).run_once()
    assert (report.pushed, report.rejected, report.set_aside, report.pending) == (4, 1, 1, 0)
    assert sorted(live.visit_ids()) == sorted(ids[:1] + ids[2:])
    assert SyncEngine(store, HubClient(live.url, token), batch_size=5).run_once().to_json() == {
        "pushed": 0, "pulled": 0, "pending": 0, "rejected": 0, "set_aside": 1}


def test_a_record_the_hub_fails_on_is_isolated_by_halving_and_set_aside(tmp_path: Path, store: Store) -> None:
    engine = open_engine(_hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    ids = record_visits(store, 8)
    _damage(store, ids[0])  # and one the hub rejects
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), ids[5])
    with serve(guard) as base:
        report = SyncEngine(store, HubClient(base, token), batch_size=8).run_once()
    assert (report.pushed, report.rejected, report.set_aside, report.pending) == (6, 2, 2, 0)
    assert guard.pushes == 7  # 8 → 4 + 4 → (2 + 2) → (1 + 1): one failing push per level, then the taken halves
    with store.engine.connect() as conn:
        from kiosk.db.models import VISITS

        state, reason = conn.execute(sa.select(VISITS.c.sync_state, VISITS.c.sync_error)
                                     .where(VISITS.c.id == ids[5])).one()
    assert state == "rejected" and reason.startswith("set aside: the hub refused this record alone (HTTP 500")
    engine.dispose()


def test_a_failing_hub_is_not_blamed_on_records_and_splitting_stops(tmp_path: Path, store: Store) -> None:
    engine = open_engine(_hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    record_visits(store, 32)
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), '"records"')
    with serve(guard) as base, pytest.raises(HubServerError):
        SyncEngine(store, HubClient(base, token), batch_size=32).push_pending()
    assert store.rejected_count() == 0 and store.pending_count() == 32
    # 32 and 16 fail, then the first 8 are split down to single records (15 pushes, 8 refused alone):
    # with 8 records refused alone and none taken, the splitting stops
    assert guard.pushes == 2 + 15
    engine.dispose()


def test_one_record_failing_alone_in_a_batch_of_one_is_the_hubs_fault(tmp_path: Path, store: Store) -> None:
    engine = open_engine(_hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    record_visits(store, 1)
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), '"records"')
    with serve(guard) as base, pytest.raises(HubServerError):
        SyncEngine(store, HubClient(base, token), batch_size=10).push_pending()
    assert store.rejected_count() == 0 and store.pending_count() == 1
    engine.dispose()


def test_a_refused_device_fails_the_push_without_splitting(hub: tuple[Hub, str], store: Store) -> None:
    live, _token = hub
    record_visits(store, 4)
    with pytest.raises(HubRejected) as refused:
        SyncEngine(store, HubClient(live.url, "kh1_" + "A" * 43), batch_size=4).push_pending()
    assert refused.value.status == 401
    assert store.pending_count() == 4 and store.rejected_count() == 0


# ----- pull --------------------------------------------------------------------------------------------
def _import_cards(hub: Hub, tmp_path: Path, numbers: list[int], name: str) -> None:
    with hub.engine.begin() as conn:
        import_cards(conn, write_card_csv(tmp_path / name, [{"card_number": card_number(i)} for i in numbers]))


def test_pull_applies_every_page_and_resumes_from_the_saved_cursor(hub: tuple[Hub, str], store: Store,
                                                                   tmp_path: Path) -> None:
    live, token = hub
    _import_cards(live, tmp_path, list(range(7)), "a.csv")
    seen: list[int] = []
    sync = SyncEngine(store, HubClient(live.url, token), pull_limit=3)
    assert sync.pull_changes(on_page=seen.append) == 7
    assert seen == [3, 6, 7] and store.cache_stats().cards == 7
    assert store.get_setting(HUB_ID_SETTING)
    assert sync.pull_changes() == 0  # nothing new after the saved cursor
    _import_cards(live, tmp_path, [100, 101], "b.csv")
    assert sync.pull_changes() == 2 and store.cache_stats().cards == 9


def test_another_hub_database_drops_the_cache_and_pulls_from_the_start(tmp_path: Path, store: Store) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    pages: list[list[int]] = []
    for folder, numbers in ((first, range(5)), (second, range(50, 53))):
        for live, token in _hub(folder, fresh=True):
            _import_cards(live, folder, list(numbers), "c.csv")
            pages.append([])
            SyncEngine(store, HubClient(live.url, token), pull_limit=2).pull_changes(on_page=pages[-1].append)
            assert store.cache_stats().cards == len(numbers)
    assert pages == [[2, 4, 5], [2, 3]]  # the new hub from its start, in pages of the same size


def test_run_once_notes_its_success_time_and_reports_the_outbox(hub: tuple[Hub, str], store: Store) -> None:
    live, token = hub
    record_visits(store, 2)
    now = dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.UTC)
    report = SyncEngine(store, HubClient(live.url, token), now=lambda: now).run_once(
        reconcile_dates=[dt.date.today()])
    assert store.get_setting(LAST_SUCCESS_SETTING) == now.isoformat()
    assert report.to_json()["agree"] is True and report.to_json()["pushed"] == 2
    (day,) = report.reconciliation
    assert (day.kiosk_visits, day.hub_visits, day.pending, day.rejected) == (2, 2, 0, 0)
    assert day.kiosk_by_verdict == day.hub_by_verdict and sum(day.hub_by_verdict.values()) == 2


# ----- reconciliation wording ------------------------------------------------------------------------
def _day(**kw: Any) -> DayReconciliation:
    base: dict[str, Any] = {"date": dt.date(2026, 12, 7), "kiosk_visits": 5, "hub_visits": 5,
                            "kiosk_by_verdict": {"valid": 5}, "hub_by_verdict": {"valid": 5}, "pending": 0,
                            "rejected": 0}
    return DayReconciliation(**{**base, **kw})


def test_reconciliation_agrees_only_when_totals_and_verdicts_agree() -> None:
    assert _day().agree
    assert _day(kiosk_by_verdict={"valid": 5, "expired": 0}).agree  # zero counts are no difference
    assert not _day(hub_visits=4).agree
    assert not _day(hub_by_verdict={"valid": 4, "expired": 1}).agree
    assert _day().explanation() == "2026-12-07: kiosk 5 visits, hub 5: they agree"


def test_reconciliation_explains_a_difference() -> None:
    text = _day(hub_visits=2, pending=2, rejected=1, hub_by_verdict={"valid": 2}).explanation()
    assert text == "2026-12-07: kiosk 5 visits, hub 2: they DIFFER (2 not uploaded yet; 1 rejected by the hub)"
    text = _day(hub_visits=7, hub_by_verdict={"valid": 7}).explanation()
    assert text.endswith("they DIFFER (+2 unexplained on the hub)")
    text = _day(hub_visits=3, pending=1, hub_by_verdict={"valid": 3}).explanation()
    assert text.endswith("(1 not uploaded yet; -1 unexplained on the hub)")
    assert _day(hub_by_verdict={"valid": 4, "expired": 1}).explanation().endswith("(counts per verdict differ)")


def test_reconciliation_and_report_as_json() -> None:
    assert _day(pending=1, hub_visits=4, hub_by_verdict={"valid": 4}).to_json() == {
        "date": "2026-12-07", "agree": False, "kiosk": 5, "hub": 4, "kiosk_by_verdict": {"valid": 5},
        "hub_by_verdict": {"valid": 4}, "pending": 1, "rejected": 0}
    report = SyncReport(pushed=3, rejected=1, pulled=2, pending=4, set_aside=5)
    assert report.to_json() == {"pushed": 3, "pulled": 2, "pending": 4, "rejected": 1, "set_aside": 5}
    report.reconciliation = [_day(), _day(hub_visits=1)]
    assert report.to_json()["agree"] is False and len(report.to_json()["reconcile"]) == 2
    report.reconciliation = [_day()]
    assert report.to_json()["agree"] is True


# ----- the engine's own settings ---------------------------------------------------------------------
def test_the_engines_defaults_are_the_hub_sections_defaults(hub: tuple[Hub, str], store: Store) -> None:
    from kiosk.config import HubConfig

    live, token = hub
    sync = SyncEngine(store, HubClient(live.url, token))
    assert (sync.batch_size, sync.pull_limit) == (HubConfig().push_batch_size, HubConfig().pull_page_size)


def test_run_once_notes_the_real_time_without_an_injected_clock(hub: tuple[Hub, str], store: Store) -> None:
    live, token = hub
    before = dt.datetime.now(dt.UTC)
    SyncEngine(store, HubClient(live.url, token)).run_once()
    noted = dt.datetime.fromisoformat(store.get_setting(LAST_SUCCESS_SETTING) or "")
    assert before <= noted <= dt.datetime.now(dt.UTC)


def test_the_installation_id_travels_with_every_push(hub: tuple[Hub, str], store: Store, tmp_path: Path) -> None:
    """A second installation (another instance id in a copy of the database) pushing with the same device
    token is refused as a clone; the engine reads the id from the store unless it is given one."""
    from kiosk.sync.instance import INSTANCE_SETTING

    live, token = hub
    record_visits(store, 2)
    SyncEngine(store, HubClient(live.url, token)).push_pending()
    assert store.get_setting(INSTANCE_SETTING)
    record_visits(store, 1)
    with pytest.raises(DeviceCloned):
        SyncEngine(store, HubClient(live.url, token), instance_id="another-installation-1").push_pending()
    assert SyncEngine(store, HubClient(live.url, token)).push_pending() == (1, 0)


# ----- what the tests above left open (the mutation run's survivors) ---------------------------------
def test_a_record_set_aside_is_logged_with_its_id_and_the_hubs_answer(tmp_path: Path, store: Store,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    engine = open_engine(_hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    ids = record_visits(store, 4)
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), ids[0])
    with serve(guard) as base, caplog.at_level("WARNING", logger="kiosk.sync.engine"):
        assert SyncEngine(store, HubClient(base, token), batch_size=4).push_pending() == (3, 1)
    assert f"visit {ids[0]} set aside: the hub refused it alone (HTTP 500 internal_error)" in caplog.messages
    engine.dispose()


def test_the_reason_kept_for_a_set_aside_record_is_at_most_500_characters(hub: tuple[Hub, str],
                                                                          store: Store) -> None:
    from kiosk.db.models import VISITS
    from kiosk.sync.engine import _PushRun

    live, token = hub
    (vid,) = record_visits(store, 1)
    run = _PushRun(suspects=[(vid, HubServerError("x" * 600, status=500))])
    assert SyncEngine(store, HubClient(live.url, token))._set_aside(run) == 1
    with store.engine.connect() as conn:
        reason = conn.execute(sa.select(VISITS.c.sync_error).where(VISITS.c.id == vid)).scalar_one()
    assert reason.startswith("set aside: the hub refused this record alone (xxx") and len(reason) == 500
    assert run.suspects == []


def test_a_changed_hub_identity_resets_the_saved_cursor_and_is_logged(hub: tuple[Hub, str], store: Store,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    """The cursor is reset at once, before the first page of the new hub arrives: a pull that fails then
    resumes from the start, never from a cursor of the old hub."""
    from kiosk.sync.client import PullPage
    from kiosk.sync.engine import CURSOR_NAME

    live, token = hub
    sync = SyncEngine(store, HubClient(live.url, token))
    page = PullPage(hub_id="hub-a", facility_code=FACILITY, cursor="", next_cursor="7", has_more=False, count=0,
                    changes={})
    assert sync._check_hub_identity(page) is True  # first contact: nothing to drop
    store.set_cursor(CURSOR_NAME, "7")
    assert sync._check_hub_identity(page) is True and store.get_cursor(CURSOR_NAME) == "7"
    with caplog.at_level("WARNING", logger="kiosk.sync.engine"):
        other = PullPage(hub_id="hub-b", facility_code=FACILITY, cursor="", next_cursor="3", has_more=False,
                         count=0, changes={})
        assert sync._check_hub_identity(other) is False
    assert store.get_cursor(CURSOR_NAME) == "" and store.get_setting(HUB_ID_SETTING) == "hub-b"
    assert caplog.messages == ["the hub's identity changed; dropping the card cache and pulling everything again"]


def test_the_first_pull_asks_for_visit_updates(hub: tuple[Hub, str], store: Store) -> None:
    """A re-check the hub made of this kiosk's visit arrives with the very first page pulled."""
    from kiosk.hub.gateway_store import store_check

    live, token = hub
    (vid,) = record_visits(store, 1)
    sync = SyncEngine(store, HubClient(live.url, token))
    sync.push_pending()
    assert sync.pull_changes() == 0
    with live.engine.begin() as conn:
        device_id = conn.execute(sa.text("SELECT id FROM hub_devices")).scalar_one()
        store_check(conn, visit_id=vid, device_id=device_id, code="010", note="Thẻ hết giá trị sử dụng!",
                    verdict="expired", card_number=None, changed=True, needs_staff=True)
    assert sync.pull_changes() == 1
    assert [u["visit_id"] for u in store.flagged_visit_updates()] == [vid]


def test_visit_updates_are_asked_for_on_every_page(hub: tuple[Hub, str], store: Store, tmp_path: Path) -> None:
    from kiosk.hub.gateway_store import store_check

    live, token = hub
    (vid,) = record_visits(store, 1)
    sync = SyncEngine(store, HubClient(live.url, token), pull_limit=1)
    sync.push_pending()
    _import_cards(live, tmp_path, [1, 2], "c.csv")
    with live.engine.begin() as conn:
        device_id = conn.execute(sa.text("SELECT id FROM hub_devices")).scalar_one()
        store_check(conn, visit_id=vid, device_id=device_id, code="010", note="Thẻ hết giá trị sử dụng!",
                    verdict="expired", card_number=None, changed=True, needs_staff=True)
    assert sync.pull_changes() == 3  # the two cards, then the re-check on the third page
    assert [u["visit_id"] for u in store.flagged_visit_updates()] == [vid]


def test_reconciliation_counts_pending_and_rejected_visits_and_days_without_visits(hub: tuple[Hub, str],
                                                                                   store: Store) -> None:
    from kiosk.db.models import VISITS

    live, token = hub
    ids = record_visits(store, 4)
    with store.engine.begin() as conn:
        conn.execute(sa.update(VISITS).where(VISITS.c.id == ids[0]).values(created_at="2026-12-07t09:00:00z"))
    sync = SyncEngine(store, HubClient(live.url, token), batch_size=2)
    sync.push_pending()
    later = record_visits(store, 2)  # recorded after the push: one still to send, one being sent
    store.mark_sending(later[1:])
    assert store.pending_count() == 2
    today, empty = dt.date.today(), dt.date(2020, 1, 1)
    day, none = sync.reconcile([today, empty])
    assert (day.kiosk_visits, day.hub_visits, day.pending, day.rejected) == (6, 3, 2, 1)
    assert not day.agree and "2 not uploaded yet; 1 rejected by the hub" in day.explanation()
    assert (none.kiosk_visits, none.hub_visits, none.pending, none.rejected, none.agree) == (0, 0, 0, 0, True)
    assert none.kiosk_by_verdict == {} and none.hub_by_verdict == {}


def test_as_many_records_refused_alone_as_taken_is_the_hubs_fault(tmp_path: Path, store: Store) -> None:
    engine = open_engine(_hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    ids = record_visits(store, 2)
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), ids[0])
    with serve(guard) as base, pytest.raises(HubServerError):
        SyncEngine(store, HubClient(base, token), batch_size=2).push_pending()
    assert store.rejected_count() == 0  # one refused alone, one taken: not enough to blame the record
    engine.dispose()


def test_splitting_goes_on_while_the_hub_takes_as_many_records_as_it_refuses(tmp_path: Path,
                                                                           store: Store) -> None:
    """Eight records refused alone among sixteen, eight taken: not yet a failing hub (it gives up only when
    more records were refused alone than taken), so the other half is sent and the eight are set aside."""
    engine = open_engine(_hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    ids = record_visits(store, 32)
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), *ids[1:16:2])
    with serve(guard) as base:
        assert SyncEngine(store, HubClient(base, token), batch_size=32).push_pending() == (24, 8)
    assert store.rejected_count() == 8 and store.pending_count() == 0
    engine.dispose()


class _ForcedMore:
    """ASGI wrapper: every pull page says ``has_more`` (a faulty hub); counts the pulls."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.pulls = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/sync/pull":
            await self.app(scope, receive, send)
            return
        import json

        self.pulls += 1
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            else:
                chunks.append(message.get("body", b""))

        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        await self.app(scope, receive, keep)
        body = json.loads(b"".join(chunks))
        body["has_more"] = True
        data = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": started["status"],
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
        await send({"type": "http.response.body", "body": data})


def test_a_page_that_does_not_move_the_cursor_ends_the_pull(tmp_path: Path, store: Store) -> None:
    engine = open_engine(_hub_db(tmp_path))
    token = add_device(engine, "kiosk-1", FACILITY)
    with engine.begin() as conn:
        import_cards(conn, write_card_csv(tmp_path / "c.csv", [{"card_number": card_number(i)} for i in range(2)]))
    forced = _ForcedMore(create_app(HubSettings(rate_per_s=0), engine=engine))
    with serve(forced) as base:
        assert SyncEngine(store, HubClient(base, token), pull_limit=1).pull_changes() == 2
    assert forced.pulls == 3  # two pages of one card, then a page whose next_cursor is the cursor sent
    engine.dispose()


def test_batch_ids_do_not_change_between_versions() -> None:
    """A retry after an upgrade carries the batch id of the lost attempt (and is replayed, not re-applied)."""
    assert batch_id_for(["b", "a"]) == uuid.uuid5(uuid.UUID("6d1f3c1e-3b0c-4f57-9a51-2f1b7f3c9e10"), "a,b")


def test_after_a_hub_change_the_first_page_carries_visit_updates_too(tmp_path: Path, store: Store) -> None:
    from kiosk.hub.gateway_store import store_check

    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    for live, token in _hub(first, fresh=True):
        _import_cards(live, first, [1, 2, 3], "c.csv")
        SyncEngine(store, HubClient(live.url, token)).run_once()
    (vid,) = record_visits(store, 1)
    for live, token in _hub(second, fresh=True):
        sync = SyncEngine(store, HubClient(live.url, token))
        sync.push_pending()
        with live.engine.begin() as conn:
            device_id = conn.execute(sa.text("SELECT id FROM hub_devices")).scalar_one()
            store_check(conn, visit_id=vid, device_id=device_id, code="010", note="Thẻ hết giá trị sử dụng!",
                        verdict="expired", card_number=None, changed=True, needs_staff=True)
        assert sync.pull_changes() == 1
    assert [u["visit_id"] for u in store.flagged_visit_updates()] == [vid]
