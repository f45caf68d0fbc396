"""Pull: card and reference changes by cursor, pages, tombstones, facility scope."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.hub.imports import import_cards, import_reference
from tests.hub.support import add_device, auth, card_number, write_card_csv


class Cache:
    """What a kiosk would hold after applying pages (keyed like the kiosk's card cache)."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Any]] = {t: {} for t in ("cards", "departments", "services", "settings")}
        self.cursor = ""
        self.pages = 0

    def apply(self, page: dict[str, Any]) -> None:
        keys = {"cards": "card_number", "departments": "code", "services": "code", "settings": "key"}
        for table, ch in page["changes"].items():
            for row in ch["upserted"]:
                self.tables[table][row[keys[table]]] = row
            for key in ch["deleted"]:
                self.tables[table].pop(key, None)
        self.cursor = page["next_cursor"]
        self.pages += 1

    def pull_all(self, client: TestClient, token: str, limit: int = 1000) -> None:
        while True:
            r = client.get("/v1/sync/pull", params={"cursor": self.cursor, "limit": limit}, headers=auth(token))
            assert r.status_code == 200, r.text
            page = r.json()
            self.apply(page)
            if not page["has_more"]:
                return


def _cards(n: int, **extra: str) -> list[dict[str, str]]:
    return [{"card_number": card_number(i), "name": f"Người {i}", "birth_date": f"1990-01-0{1 + i % 9}",
             "gender": "female", "facility_code": "01999", "valid_from": "2025-01-01", **extra} for i in range(n)]


def test_pages_carry_every_card_once(client: TestClient, hub_engine: sa.Engine, tmp_path: Path) -> None:
    token = add_device(hub_engine, "kiosk-1")
    with hub_engine.begin() as conn:
        result = import_cards(conn, write_card_csv(tmp_path / "c.csv", _cards(25)))
    assert (result.read, result.written, result.errors) == (25, 25, [])
    cache = Cache()
    seen = 0
    while True:
        page = client.get("/v1/sync/pull", params={"cursor": cache.cursor, "limit": 10},
                          headers=auth(token)).json()
        assert page["cursor"] == cache.cursor and page["count"] == len(page["changes"]["cards"]["upserted"])
        seen += page["count"]
        cache.apply(page)
        if not page["has_more"]:
            break
    assert cache.pages == 3 and seen == 25
    card = cache.tables["cards"][card_number(3)]
    assert card == {"card_number": card_number(3), "bhxh_number": card_number(3)[-10:], "citizen_id": None,
                    "name": "Người 3", "birth_date": "1990-01-04", "gender": "female", "facility_code": "01999",
                    "valid_from": "2025-01-01", "valid_to": None, "status": "active", "replaced_by": None}
    # Nothing new: an empty page that keeps (or advances) the cursor.
    page = client.get("/v1/sync/pull", params={"cursor": cache.cursor}, headers=auth(token)).json()
    assert page["count"] == 0 and page["has_more"] is False and page["next_cursor"] == cache.cursor


def test_reimport_sends_only_changes_and_tombstones(client: TestClient, hub_engine: sa.Engine,
                                                     tmp_path: Path) -> None:
    token = add_device(hub_engine, "kiosk-1")
    rows = _cards(5)
    with hub_engine.begin() as conn:
        import_cards(conn, write_card_csv(tmp_path / "a.csv", rows))
    cache = Cache()
    cache.pull_all(client, token)
    rows[1]["status"] = "revoked"
    with hub_engine.begin() as conn:
        result = import_cards(conn, write_card_csv(tmp_path / "b.csv", rows[:4]), replace=True)
    assert (result.written, result.deleted) == (1, 1)
    page = client.get("/v1/sync/pull", params={"cursor": cache.cursor}, headers=auth(token)).json()
    assert [c["card_number"] for c in page["changes"]["cards"]["upserted"]] == [card_number(1)]
    assert page["changes"]["cards"]["deleted"] == [card_number(4)]
    cache.apply(page)
    assert cache.tables["cards"][card_number(1)]["status"] == "revoked" and len(cache.tables["cards"]) == 4
    # Re-adding a tombstoned card brings it back.
    with hub_engine.begin() as conn:
        assert import_cards(conn, write_card_csv(tmp_path / "c.csv", rows)).written == 1
    cache.pull_all(client, token)
    assert len(cache.tables["cards"]) == 5


def test_bad_rows_are_reported_and_block_replace(hub_engine: sa.Engine, tmp_path: Path) -> None:
    rows = _cards(3)
    with hub_engine.begin() as conn:
        import_cards(conn, write_card_csv(tmp_path / "a.csv", rows))
    bad = [rows[0], {**rows[1], "birth_date": "32/13/1990"}]
    with hub_engine.begin() as conn:
        result = import_cards(conn, write_card_csv(tmp_path / "b.csv", bad), replace=True)
    assert result.read == 1 and result.errors[0][0] == 3 and "birth_date" in result.errors[0][1]
    assert result.replace_skipped and result.deleted == 0


def test_reference_data_and_facility_scope(client: TestClient, hub_engine: sa.Engine, tmp_path: Path) -> None:
    t1 = add_device(hub_engine, "kiosk-1", "01999")
    t2 = add_device(hub_engine, "kiosk-2", "79001")
    deps = tmp_path / "d.csv"
    deps.write_text("code,name,name_en,sort_order\nK01,Khám Nội,Internal medicine,1\nK02,Khám Nhi,,2\n",
                    encoding="utf-8")
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps([{"key": "ticket.footer", "value": "Xin cảm ơn"},
                                    {"key": "queue.reset_hour", "value": 0}]), encoding="utf-8")
    with hub_engine.begin() as conn:
        assert import_reference(conn, "department", deps).written == 2
        assert import_reference(conn, "setting", settings, scope="01999").written == 2
        import_cards(conn, write_card_csv(tmp_path / "c.csv", _cards(2)), scope="79001")
    c1, c2 = Cache(), Cache()
    c1.pull_all(client, t1)
    c2.pull_all(client, t2)
    assert c1.tables["departments"]["K01"] == {"code": "K01", "name": "Khám Nội", "name_en": "Internal medicine",
                                               "sort_order": 1}  # only the fields the file gave
    assert set(c1.tables["settings"]) == {"ticket.footer", "queue.reset_hour"} and not c1.tables["cards"]
    assert set(c2.tables["departments"]) == {"K01", "K02"} and not c2.tables["settings"]
    assert len(c2.tables["cards"]) == 2
    # Both kiosks end with the hub's current cursor.
    assert c1.cursor == c2.cursor
    deps.write_text("code,name\nK01,Khám Nội\n", encoding="utf-8")
    with hub_engine.begin() as conn:
        result = import_reference(conn, "department", deps, replace=True)
    assert (result.written, result.deleted) == (1, 1)
    c1.pull_all(client, t1)
    assert set(c1.tables["departments"]) == {"K01"} and c1.tables["departments"]["K01"] == {"code": "K01",
                                                                                           "name": "Khám Nội"}


def test_pull_errors(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1", "01999")
    r = client.get("/v1/sync/pull", params={"facility": "79001"}, headers=auth(token))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert client.get("/v1/sync/pull", params={"facility": "01999"}, headers=auth(token)).status_code == 200
    r = client.get("/v1/sync/pull", params={"cursor": "abc"}, headers=auth(token))
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_cursor"
    r = client.get("/v1/sync/pull", params={"limit": 10001}, headers=auth(token))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_bad_reference_rows(hub_engine: sa.Engine, tmp_path: Path) -> None:
    path = tmp_path / "svc.csv"
    path.write_text("code,name,price_vnd\nKB01,Khám bệnh,34500\nKB02,,-1\n", encoding="utf-8")
    with hub_engine.begin() as conn:
        result = import_reference(conn, "service", path)
    assert result.read == 1 and [e[0] for e in result.errors] == [3]
    assert "name" in result.errors[0][1] and "price_vnd" in result.errors[0][1]
