"""One bad record never stalls a kiosk (docs/hub-api.md, "Rejected records"): among 5,000 visits, a
poisoned one is set aside with its reason, every other visit reaches the hub, and the poisoned one is
never resent unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kiosk.db.models import VISITS
from kiosk.db.store import Store
from kiosk.hub.app import create_app
from kiosk.hub.settings import HubSettings
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncEngine
from tests.hub.support import live_hub, open_engine
from tests.sync.support import FailOnRecord, hub_visit_ids, hub_with_device, new_store, record_visits, run_sync, serve

VISITS_RECORDED = 5000


@pytest.fixture(scope="module")
def kiosk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kiosk database with 5,000 visits recorded through the check-in path (copied per test)."""
    path = tmp_path_factory.mktemp("kiosk") / "kiosk.sqlite3"
    with new_store(path) as store:
        record_visits(store, VISITS_RECORDED)
    return path


def _copy(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kiosk.sqlite3"
    target.write_bytes(template.read_bytes())
    return target


def _poison(db_path: Path, index: int, **values: Any) -> str:
    """Corrupt one recorded visit in place (as a damaged row or an old kiosk version would)."""
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        vid = conn.execute(sa.select(VISITS.c.id).order_by(VISITS.c.seq).offset(index).limit(1)).scalar_one()
        if values:
            conn.execute(sa.update(VISITS).where(VISITS.c.id == vid).values(**values))
    engine.dispose()
    return str(vid)


def _state(db_path: Path, vid: str) -> tuple[str, str | None, int]:
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        row = conn.execute(sa.select(VISITS.c.sync_state, VISITS.c.sync_error, VISITS.c.sync_attempts)
                           .where(VISITS.c.id == vid)).one()
    engine.dispose()
    return row.sync_state, row.sync_error, row.sync_attempts


@pytest.mark.slow
@pytest.mark.parametrize("hub_kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_record_the_hub_rejects_is_set_aside(tmp_path: Path, kiosk_template: Path, hub_kind: str,
                                             request: pytest.FixtureRequest) -> None:
    hub_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}" if hub_kind == "sqlite" else str(request.getfixturevalue("pg_url"))
    token = hub_with_device(hub_db)
    kiosk_db = _copy(kiosk_template, tmp_path)
    poisoned = _poison(kiosk_db, 1234, created_at="2026-12-07t09:00:00z")
    with live_hub(hub_db, tmp_path) as hub:
        code, out = run_sync(kiosk_db, hub.url, token)
        assert code == 0, out
        assert (out["pushed"], out["rejected"], out["set_aside"], out["pending"]) == (VISITS_RECORDED - 1, 1, 1, 0)
        state, reason, attempts = _state(kiosk_db, poisoned)
        assert state == "rejected" and reason is not None and "created_at" in reason
        code, again = run_sync(kiosk_db, hub.url, token)
        assert code == 0 and (again["pushed"], again["rejected"], again["set_aside"]) == (0, 0, 1)
        assert _state(kiosk_db, poisoned)[2] == attempts  # never resent unchanged
    held = set(hub_visit_ids(hub_db))
    assert len(held) == VISITS_RECORDED - 1 and poisoned not in held


@pytest.mark.slow
def test_batch_the_hub_fails_on_is_split_until_the_record_is_alone(tmp_path: Path, kiosk_template: Path) -> None:
    hub_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    token = hub_with_device(hub_db)
    kiosk_db = _copy(kiosk_template, tmp_path)
    poisoned = _poison(kiosk_db, 2345)
    engine = open_engine(hub_db)
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), poisoned)
    with serve(guard) as url, Store.open(f"sqlite:///{kiosk_db}") as store:
        sync = SyncEngine(store, HubClient(url, token), batch_size=500)
        report = sync.run_once()
        assert (report.pushed, report.rejected, report.set_aside, report.pending) == (VISITS_RECORDED - 1, 1, 1, 0)
        state, reason, _ = _state(kiosk_db, poisoned)
        assert state == "rejected" and reason is not None and "set aside" in reason and "500" in reason
        # 10 batches, the poisoned one split in halves down to one record: about 2 × log2(500) more.
        assert guard.pushes <= 10 + 2 * 9 + 2
        pushes = guard.pushes
        assert sync.run_once().pushed == 0 and guard.pushes == pushes  # the record stays aside
    engine.dispose()
    held = set(hub_visit_ids(hub_db))
    assert len(held) == VISITS_RECORDED - 1 and poisoned not in held


def test_a_hub_that_fails_everything_is_not_blamed_on_records(tmp_path: Path, kiosk_template: Path) -> None:
    """When nothing gets through, the failure is the hub's: nothing is set aside, the sync fails."""
    from kiosk.sync.client import HubServerError

    hub_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    token = hub_with_device(hub_db)
    kiosk_db = _copy(kiosk_template, tmp_path)
    engine = open_engine(hub_db)
    guard = FailOnRecord(create_app(HubSettings(rate_per_s=0), engine=engine), '"id"')
    with serve(guard) as url, Store.open(f"sqlite:///{kiosk_db}") as store:
        sync = SyncEngine(store, HubClient(url, token), batch_size=4)
        with pytest.raises(HubServerError):
            sync.push_pending()
        assert store.rejected_count() == 0 and store.pending_count() == VISITS_RECORDED
    engine.dispose()


def test_copied_device_database_is_told_to_re_register(tmp_path: Path, kiosk_template: Path) -> None:
    """Two kiosks imaged from one database with one token: the second installation is refused (409
    device_cloned, "register this kiosk as a new device"), the first keeps uploading."""
    from kiosk.db.store import INSTANCE_ID_KEY
    from kiosk.sync.client import DeviceCloned
    from kiosk.sync.instance import INSTANCE_SETTING

    assert INSTANCE_SETTING == INSTANCE_ID_KEY
    hub_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    token = hub_with_device(hub_db)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    engine = open_engine(hub_db)
    with serve(create_app(HubSettings(rate_per_s=0), engine=engine)) as url:
        with Store.open(f"sqlite:///{_copy(kiosk_template, first)}") as store:
            assert SyncEngine(store, HubClient(url, token), batch_size=1000).run_once().pushed == VISITS_RECORDED
        with Store.open(f"sqlite:///{_copy(kiosk_template, second)}") as store:
            with pytest.raises(DeviceCloned, match="register this kiosk as a new device"):
                SyncEngine(store, HubClient(url, token)).push_pending()
            assert store.rejected_count() == 0  # nothing set aside: the device, not a record, is refused
        with Store.open(f"sqlite:///{first / 'kiosk.sqlite3'}") as store:
            SyncEngine(store, HubClient(url, token)).push_pending()  # the first installation still may
    engine.dispose()


def test_a_hub_that_starts_failing_mid_run_sets_nothing_aside(tmp_path: Path, kiosk_template: Path) -> None:
    """The first batches get through, then the hub fails on everything: the failure is the hub's, the
    records that were not taken stay pending (none set aside)."""
    hub_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    token = hub_with_device(hub_db)
    kiosk_db = _copy(kiosk_template, tmp_path)
    engine = open_engine(hub_db)
    hub = create_app(HubSettings(rate_per_s=0), engine=engine)
    guard = FailOnRecord(hub, '"records"')
    taken = 0

    async def fail_after_two(scope: dict[str, Any], receive: Any, send: Any) -> None:
        nonlocal taken
        if scope["type"] == "http" and scope["path"] == "/v1/sync/push":
            taken += 1
            if taken > 2:
                await guard(scope, receive, send)
                return
        await hub(scope, receive, send)

    from kiosk.sync.client import HubServerError

    with serve(fail_after_two) as url, Store.open(f"sqlite:///{kiosk_db}") as store:
        with pytest.raises(HubServerError):
            SyncEngine(store, HubClient(url, token), batch_size=100).push_pending()
        assert store.rejected_count() == 0 and store.pending_count() == VISITS_RECORDED - 200
    assert guard.pushes <= 30  # splitting stops once record after record is refused
    engine.dispose()
