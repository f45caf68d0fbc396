"""Issue 14 end to end: the check-in core with the real hub look-up client, a real hub (uvicorn on loopback,
SQLite) wired to the stand-in BHXH gateway, the kiosk's sync engine, and the hub's XML0 export and check.

- a BHYT card numbered by the 12-digit personal ID: scan → confirmed online → visit → hub → XML0;
- a CCCD-only check-in: the visit carries the card number the gateway returned → XML0 with that card; a
  CCCD the gateway knows no card for is flagged (kiosk and hub re-check) and the XML0 check reports it,
  never a silent "not insured";
- a card ended (báo giảm) since the kiosk's last sync: the cache says valid, the online confirmation
  catches it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kiosk.cards import CachedCard, CardStatus
from kiosk.cards.model import BirthDate
from kiosk.cards.route import FacilityLevel, FacilityProfile
from kiosk.checkin.result import Source, StaffFlag, VerdictSource
from kiosk.checkin.service import CheckInService
from kiosk.cli import main
from kiosk.db.store import Store
from kiosk.gateway.xml0 import parse_xml0, validate_xml0
from kiosk.hub.gateway_config import load_gateway_config
from kiosk.hub.gateway_hub import HubGateway
from kiosk.hub.imports import import_reference
from kiosk.hub.schema import visit_checks, visits
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.lookup import HubLookupClient
from tests.cards.builders import bhyt_2018, cccd
from tests.gateway.fixtures import write_gateway_config
from tests.gateway.standin import StandinCard, StandinHolder
from tests.hub.support import LiveHub, add_device, open_engine, start_hub, stop_hub

pytestmark = pytest.mark.slow

FACILITY = "10099"
STAFF = ("Nguyễn Thị Lễ Tân", "001090000001")
TODAY = dt.date.today()


class Env:
    """One stand-in gateway and one live hub for the module; each test has its own kiosk store."""

    def __init__(self, standin: StandinHolder, hub: LiveHub, token: str, hub_db: str, config: Path) -> None:
        self.standin, self.hub, self.token, self.hub_db, self.config = standin, hub, token, hub_db, config

    def add(self, **kw: Any) -> StandinCard:
        values: dict[str, Any] = {"name": "Trần Thị Bình", "birth": "21/06/1985", "facility": FACILITY,
                                  "valid_from": "01/01/2024", "valid_to": "31/12/2030", "area": "K2",
                                  "five_years": "01/10/2027", "office": "BHXH huyện Mẫu"}
        values.update(kw)
        return self.standin.state.add(StandinCard(**values))

    def export(self, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
        """``kiosk hub export xml0`` for today (unsigned drafts: no certificate here) and its JSON report."""
        capsys.readouterr()
        code = main(["hub", "export", "xml0", "--date", TODAY.isoformat(), "--out", str(out), "--db", self.hub_db,
                     "--json", "--default-service", "02.1896"])
        assert code in (0, 1)
        return dict(json.loads(capsys.readouterr().out))


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    tmp = tmp_path_factory.mktemp("e2e14")
    standin = StandinHolder.start()
    config = write_gateway_config(tmp / "gateway.toml", standin.url, facility=FACILITY, staff=STAFF,
                                  gateway_extra="total_timeout_s = 10\nconnect_timeout_s = 2\nanswer_budget_s = 10\n")
    hub_db = f"sqlite:///{tmp / 'hub.sqlite3'}"
    engine = open_engine(hub_db)
    token = add_device(engine, "kiosk-1", FACILITY)
    services = tmp / "services.json"
    services.write_text(json.dumps([{"code": "02.1896", "name": "Khám Nội", "department_code": "K01"}]),
                        encoding="utf-8")
    settings = tmp / "settings.json"  # the facility's route profile, as on the kiosk's [facility]
    settings.write_text(json.dumps([{"key": "facility.level", "value": "basic"},
                                    {"key": "facility.basic_score", "value": 40}]), encoding="utf-8")
    with engine.begin() as conn:
        import_reference(conn, "service", services)
        import_reference(conn, "setting", settings, scope=FACILITY)
    engine.dispose()
    hub = start_hub(hub_db, tmp, extra=("--gateway-config", str(config)))
    try:
        yield Env(standin, hub, token, hub_db, config)
    finally:
        stop_hub(hub)
        standin.stop()


class Kiosk:
    """One kiosk installation: its own store, its own device token on the hub, the core with the real
    hub look-up client."""

    def __init__(self, env: Env, folder: Path, name: str) -> None:
        engine = open_engine(env.hub_db)
        self.token = add_device(engine, name, FACILITY)
        engine.dispose()
        self.env = env
        self.lookups = HubLookupClient(env.hub.url, self.token)
        self.store = Store.open(f"sqlite:///{folder / 'kiosk.sqlite3'}")
        self.store.apply_reference_data(departments=[{"code": "K01", "name": "Khám nội"}])
        profile = FacilityProfile(code=FACILITY, level=FacilityLevel.BASIC, basic_score=40)
        # A generous deadline: these tests are about what the answer does, not how fast a loaded machine
        # gives it (the 2.5 s budget is shown by bench.lookup_rate and tests/sync/test_lookup.py).
        self.checkin = CheckInService(self.store, FACILITY, online=self.lookups, profile=profile,
                                      online_timeout_s=15.0)

    def push(self) -> None:
        client = HubClient(self.env.hub.url, self.token)
        try:
            assert SyncEngine(self.store, client).run_once().pushed >= 1
        finally:
            client.close()

    def close(self) -> None:
        self.lookups.close()
        self.store.close()


@pytest.fixture
def kiosk(env: Env, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Kiosk]:
    k = Kiosk(env, tmp_path, request.node.name[:60])
    try:
        yield k
    finally:
        k.close()
        env.standin.reset()


def hub_visit(env: Env, visit_id: str) -> dict[str, Any]:
    engine = open_engine(env.hub_db)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(sa.select(visits).where(visits.c.id == visit_id)).mappings().one())
    finally:
        engine.dispose()


def exported(report: dict[str, Any], visit_id: str) -> dict[str, Any]:
    return next(v for v in report["visits"] if v["visit_id"] == visit_id)


def test_a_12_digit_personal_id_card_from_scan_to_xml0(env: Env, kiosk: Kiosk,
                                                       tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checkin = kiosk.checkin
    env.add(card_number="001185000321", citizen_id="001185000321")
    result = checkin.check(bhyt_2018(card="001185000321", name="Trần Thị Bình", dob="21/06/1985",
                                     facility="10 - 099", valid_from="01/01/2024", valid_to="31/12/2030"),
                           Source.CAMERA)
    assert result.card is not None and result.card.kind == "bhyt"
    assert result.confirmed_online and result.verdict_source is VerdictSource.GATEWAY
    assert str(result.verdict) == "valid" and result.route is not None
    visit = checkin.register(result, "K01").visit
    assert (visit.card_number, visit.citizen_id, visit.route, visit.confirmed_online) == (
        "001185000321", "001185000321", "registered_here", True)
    assert (visit.area, visit.office) == ("K2", "BHXH huyện Mẫu")
    kiosk.push()
    stored = hub_visit(env, visit.id)
    assert (stored["card_number"], stored["route"], stored["confirmed_online"], stored["office"]) == (
        "001185000321", "registered_here", True, "BHXH huyện Mẫu")
    report = env.export(tmp_path / "xml0", capsys)
    item = exported(report, visit.id)
    assert item["problems"] == [] and item["path"]
    (record,) = parse_xml0(Path(item["path"]).read_bytes())
    assert validate_xml0(record) == []
    assert (record["MA_THE_BHYT"], record["SO_CCCD"], record["MA_DKBD"], record["MA_DOITUONG_KCB"]) == (
        "001185000321", "001185000321", FACILITY, "1.1")


def test_a_cccd_only_visit_carries_the_card_the_gateway_returned(env: Env, kiosk: Kiosk, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    checkin = kiosk.checkin
    env.add(card_number="DN4100000000222", citizen_id="001185000222", name="Lê Văn Bình", birth="01/02/1990")
    result = checkin.check(cccd(citizen_id="001185000222", name="Lê Văn Bình", dob="01021990"), Source.CAMERA)
    assert result.confirmed_online and result.confirmed_card_number == "DN4100000000222"
    assert StaffFlag.CCCD_WITHOUT_CARD not in result.staff_flags
    visit = checkin.register(result, "K01").visit
    assert (visit.card_kind, visit.card_number, visit.citizen_id, visit.card_facility_code) == (
        "cccd", "DN4100000000222", "001185000222", FACILITY)
    kiosk.push()
    report = env.export(tmp_path / "xml0", capsys)
    item = exported(report, visit.id)
    assert item["problems"] == []
    (record,) = parse_xml0(Path(item["path"]).read_bytes())
    assert validate_xml0(record) == []
    assert (record["MA_THE_BHYT"], record["SO_CCCD"], record["MA_DOITUONG_KCB"]) == (
        "DN4100000000222", "001185000222", "1.1")


def test_a_cccd_without_a_card_is_flagged_and_never_exported_as_uninsured(
        env: Env, kiosk: Kiosk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checkin = kiosk.checkin
    result = checkin.check(cccd(citizen_id="001185000999", name="Phạm Văn Không", dob="01021990"),
                           Source.CAMERA)
    assert result.cccd_without_card and result.staff_flags[0] is StaffFlag.CCCD_WITHOUT_CARD
    visit = checkin.register(result, "K01").visit
    assert visit.card_number is None and visit.confirmed_online is False  # left for the hub's re-check
    kiosk.push()
    config = load_gateway_config(env.config)
    assert config is not None
    engine = open_engine(env.hub_db)
    gateway = HubGateway(engine, config)
    try:
        gateway.recheck()
        with engine.connect() as conn:
            check = conn.execute(sa.select(visit_checks).where(visit_checks.c.visit_id == visit.id)).one()
        assert check.needs_staff  # flagged to the recording kiosk's desk as a visit update
    finally:
        gateway.close()
        engine.dispose()
    item = exported(env.export(tmp_path / "xml0", capsys), visit.id)
    assert item["path"] is None
    assert [p["problem"] for p in item["problems"]] == ["cccd_without_card"]


def test_a_card_ended_since_the_last_sync_is_caught_online(env: Env, kiosk: Kiosk) -> None:
    checkin, store = kiosk.checkin, kiosk.store
    store.upsert_cards([CachedCard(card_number="DN4100000000333", name="Đỗ Thị Hết", birth_date=BirthDate(1980, 5, 5),
                                   facility_code=FACILITY, valid_from=dt.date(2024, 1, 1),
                                   valid_to=dt.date(2030, 12, 31), status=CardStatus.ACTIVE)])
    store.set_cursor("hub", "1")  # the last sync
    env.add(card_number="DN4100000000333", name="Đỗ Thị Hết", birth="05/05/1980", code="120")  # báo giảm
    payload = bhyt_2018(card="DN4100000000333", name="Đỗ Thị Hết", dob="05/05/1980", facility="10 - 099",
                        valid_from="01/01/2024", valid_to="31/12/2030")
    offline = CheckInService(store, FACILITY).check(payload, Source.CAMERA)
    assert str(offline.verdict) == "valid"  # what the cache alone says
    result = checkin.check(payload, Source.CAMERA)
    assert str(result.verdict) == "reduced" and result.confirmed_online
    assert not result.self_service_allowed
    assert result.cache_age is not None  # the desk shows how old the cache's (now overruled) answer was
    visit = checkin.register(result, "K01").visit
    assert (visit.verdict, visit.confirmed_online) == ("reduced", True)
