"""Pull answers (kiosk/hub/pull.py, docs/hub-api.md "Pull"): optional tables only when asked for, and named
in the answer's ``features``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from kiosk.hub import changes
from kiosk.hub.gateway_store import store_check
from kiosk.hub.imports import import_cards
from kiosk.hub.pull import read_page
from kiosk.hub.schema import ALL_FACILITIES, visits
from tests.hub.support import add_device, auth, batch, card_number, visit, write_card_csv


def test_optional_tables_come_only_when_asked_for_and_are_named(client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    plain = client.get("/v1/sync/pull", headers=auth(token)).json()
    assert "features" not in plain and "visit_updates" not in plain["changes"]
    asked = client.get("/v1/sync/pull", params={"features": "visit_updates,unknown"}, headers=auth(token)).json()
    assert asked["features"] == ["visit_updates"]
    assert asked["changes"]["visit_updates"] == {"upserted": [], "deleted": []}


# --- Paging rules (docs/hub-api.md "Pull"): a page holds the changes after its cursor, oldest first, at most
# `limit` of them; the next page starts exactly where it stopped, so across pages every change arrives once.

_KEYS = {"cards": "card_number", "departments": "code", "services": "code", "settings": "key"}


def _rows(page: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(table, "up"/"del", key) of every row a page carries, table by table."""
    out: list[tuple[str, str, str]] = []
    for table, ch in page["changes"].items():
        key = _KEYS.get(table, "visit_id")
        out += [(table, "up", row[key]) for row in ch["upserted"]]
        out += [(table, "del", k) for k in ch["deleted"]]
    return out


def _pull(client: TestClient, token: str, cursor: str, limit: int, features: str = "") -> dict[str, Any]:
    params: dict[str, Any] = {"cursor": cursor, "limit": limit}
    if features:
        params["features"] = features
    r = client.get("/v1/sync/pull", params=params, headers=auth(token))
    assert r.status_code == 200, r.text
    page: dict[str, Any] = r.json()
    assert page["count"] == len(_rows(page))  # count = the rows the page carries, no hidden ones
    return page


def _pages(client: TestClient, token: str, cursor: str, limit: int, features: str = "") -> list[dict[str, Any]]:
    pages = []
    for _ in range(50):  # bounded: a hub that never says "no more" fails the test instead of hanging it
        page = _pull(client, token, cursor, limit, features)
        pages.append(page)
        assert page["cursor"] == cursor
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return pages
    raise AssertionError("the hub kept answering has_more")


def _departments(hub_engine: sa.Engine, codes: list[str], *, scope: str = ALL_FACILITIES,
                 name: str = "Khoa") -> None:
    with hub_engine.begin() as conn:
        assert changes.upsert_reference(
            conn, "department", [(c, {"code": c, "name": f"{name} {c}"}) for c in codes], scope=scope) == len(codes)


def _card_batch(hub_engine: sa.Engine, tmp_path: Path, numbers: list[int]) -> None:
    rows = [{"card_number": card_number(i), "name": f"Người {i}", "birth_date": "1990-01-01", "gender": "female",
             "facility_code": "01999", "valid_from": "2025-01-01"} for i in numbers]
    with hub_engine.begin() as conn:
        import_cards(conn, write_card_csv(tmp_path / f"c{numbers[0]}.csv", rows))


def test_reference_pages_hold_at_most_limit_rows_in_change_order_and_lose_or_repeat_none(
        client: TestClient, hub_engine: sa.Engine) -> None:
    token = add_device(hub_engine, "kiosk-1")
    # Written in the reverse of key order: change order and key order differ.
    order = ["K09", "K08", "K07", "K06", "K05", "K04", "K03"]
    _departments(hub_engine, order)
    pages = _pages(client, token, "", 3)
    assert [p["count"] for p in pages] == [3, 3, 1] and [p["has_more"] for p in pages] == [True, True, False]
    assert [r for p in pages for r in _rows(p)] == [("departments", "up", c) for c in order]
    # After the last page: only what changed since, never a row at or before the cursor.
    cursor = pages[-1]["next_cursor"]
    _departments(hub_engine, ["K08"], name="Phòng")
    with hub_engine.begin() as conn:
        assert changes.delete_reference(conn, "department", ["K05"]) == 1
    again = _pages(client, token, cursor, 1)
    assert [_rows(p) for p in again] == [[("departments", "up", "K08")], [("departments", "del", "K05")]]
    assert _pull(client, token, again[-1]["next_cursor"], 3)["count"] == 0


def test_a_page_of_exactly_limit_rows_says_there_is_no_more(client: TestClient, hub_engine: sa.Engine,
                                                            tmp_path: Path) -> None:
    token = add_device(hub_engine, "kiosk-1")
    _departments(hub_engine, ["K01", "K02"])
    _card_batch(hub_engine, tmp_path, [1, 2])
    page = _pull(client, token, "", 4)
    assert page["count"] == 4 and page["has_more"] is False
    assert _pull(client, token, page["next_cursor"], 4)["count"] == 0


def test_cards_and_reference_rows_come_interleaved_in_change_order(client: TestClient, hub_engine: sa.Engine,
                                                                   tmp_path: Path) -> None:
    token = add_device(hub_engine, "kiosk-1")
    _card_batch(hub_engine, tmp_path, [1, 2])
    _departments(hub_engine, ["K02", "K01"])
    _card_batch(hub_engine, tmp_path, [3])
    _departments(hub_engine, ["K03"], scope="01999")
    expected = [("cards", "up", card_number(1)), ("cards", "up", card_number(2)), ("departments", "up", "K02"),
                ("departments", "up", "K01"), ("cards", "up", card_number(3)), ("departments", "up", "K03")]
    for limit in (1, 2, 4):
        pages = _pages(client, token, "", limit)
        assert all(p["count"] <= limit for p in pages)
        assert [r for p in pages for r in _rows(p)] == expected, limit


# --- visit_updates: the gateway's re-checks of the calling device's visits, only when asked for.

def _recorded_visits(client: TestClient, token: str, n: int) -> list[str]:
    records = [visit() for _ in range(n)]
    assert client.post("/v1/sync/push", json=batch(records), headers=auth(token)).json()["accepted"] == n
    return [r["id"] for r in records]


def _recheck(hub_engine: sa.Engine, visit_id: str, *, valid: bool = False) -> None:
    """Store a gateway re-check of the visit (a new change number): expired, or valid with ``valid``."""
    with hub_engine.begin() as conn:
        device_id = conn.execute(sa.select(visits.c.device_id).where(visits.c.id == visit_id)).scalar_one()
        if valid:
            written = store_check(conn, visit_id=visit_id, device_id=device_id, code="000", note=None,
                                  verdict="valid", card_number=None, changed=False, needs_staff=False)
        else:
            written = store_check(conn, visit_id=visit_id, device_id=device_id, code="010",
                                  note="Thẻ hết giá trị sử dụng!", verdict="expired", card_number=None,
                                  changed=True, needs_staff=True)
        assert written


def test_visit_updates_reach_only_the_recording_device_and_only_when_asked(
        client: TestClient, hub_engine: sa.Engine) -> None:
    mine, other = add_device(hub_engine, "kiosk-1"), add_device(hub_engine, "kiosk-2")
    (my_visit,) = _recorded_visits(client, mine, 1)
    (other_visit,) = _recorded_visits(client, other, 1)
    _recheck(hub_engine, my_visit)
    _recheck(hub_engine, other_visit)
    # Not asked: not sent, not counted.
    plain = _pull(client, mine, "", 10)
    assert plain["count"] == 0 and "visit_updates" not in plain["changes"]
    asked = _pull(client, mine, "", 10, "visit_updates")
    assert asked["count"] == 1 and asked["has_more"] is False
    (update,) = asked["changes"]["visit_updates"]["upserted"]
    assert update["visit_id"] == my_visit and update["gateway_verdict"] == "expired"
    assert update["verdict_changed"] is True and update["needs_staff"] is True
    assert [u["visit_id"] for u in _pull(client, other, "", 10, "visit_updates")["changes"]["visit_updates"]
            ["upserted"]] == [other_visit]


def test_visit_updates_page_with_cards_in_change_order_and_lose_or_repeat_none(
        client: TestClient, hub_engine: sa.Engine, tmp_path: Path) -> None:
    token = add_device(hub_engine, "kiosk-1")
    v1, v2, v3 = _recorded_visits(client, token, 3)
    _card_batch(hub_engine, tmp_path, [1])
    _recheck(hub_engine, v2)
    _recheck(hub_engine, v1)
    _card_batch(hub_engine, tmp_path, [2])
    _recheck(hub_engine, v3)
    expected = [("cards", "up", card_number(1)), ("visit_updates", "up", v2), ("visit_updates", "up", v1),
                ("cards", "up", card_number(2)), ("visit_updates", "up", v3)]

    def in_order(pages: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
        # Within a page the tables are listed one after the other; order across tables is read page by page.
        return [r for p in pages for r in _rows(p)]

    pages = _pages(client, token, "", 1, "visit_updates")
    assert in_order(pages) == expected
    for limit in (2, 3):
        pages = _pages(client, token, "", limit, "visit_updates")
        assert all(p["count"] <= limit for p in pages) and sum(p["count"] for p in pages) == 5
        assert sorted(in_order(pages)) == sorted(expected), limit
    # Only updates, more than a page: pages of `limit`, none lost.
    cursor = pages[-1]["next_cursor"]
    for vid in (v1, v3, v2):
        _recheck(hub_engine, vid, valid=True)
    pages = _pages(client, token, cursor, 2, "visit_updates")
    assert [p["count"] for p in pages] == [2, 1]
    assert in_order(pages) == [("visit_updates", "up", v) for v in (v1, v3, v2)]
    assert {u["gateway_verdict"] for p in pages for u in p["changes"]["visit_updates"]["upserted"]} == {"valid"}


def test_optional_tables_need_the_device(hub_engine: sa.Engine) -> None:
    """read_page adds visit_updates only for a device (docs: "features (with device_id)")."""
    with hub_engine.connect() as conn:
        page = read_page(conn, "01999", 0, 10, features=("visit_updates",))
    assert page.features == () and b"visit_updates" not in page.render({})
