"""The push's per-record rules (kiosk/hub/ingest.py) without HTTP: how a rejected record is named and why,
what is accepted, and the batch fingerprint (docs/hub-api.md, "Push")."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest

from kiosk.hub import ingest
from kiosk.protocol.models import PushRequest
from tests.hub.support import batch, visit


def _check(records: list[Any]) -> ingest._Checked:
    return ingest._check(PushRequest.model_validate(batch(records)))


@pytest.mark.parametrize(("raw_id", "named"), [
    ("not-a-uuid", "#1"),
    (12345, "#1"),
    ("x" * 41, "#1"),
    (None, "#1"),
])
def test_a_rejected_record_without_a_readable_id_is_named_by_its_position(raw_id: object, named: str) -> None:
    checked = _check([visit(), visit(id=raw_id)])
    assert checked.results[1] == {"id": named, "status": "rejected", "reason": checked.results[1]["reason"]}


def test_a_rejected_record_with_a_readable_id_is_named_by_its_uuid() -> None:
    vid = uuid.uuid4()
    for written in (str(vid).upper(), "urn:" + str(vid), "{" + str(vid) + "}"):  # 36, 40 and 38 characters
        checked = _check([visit(id=written, verdict="nope")])
        assert checked.results[0]["id"] == str(vid) and checked.results[0]["status"] == "rejected"
    assert _check([visit(id="urn:uuid:" + str(vid), verdict="nope")]).results[0]["id"] == "#0"  # 45 characters


def test_an_accepted_record_is_named_and_stored_by_its_canonical_uuid() -> None:
    vid = uuid.uuid4()
    checked = _check([visit(id=str(vid).upper())])
    assert checked.results == [{"id": str(vid), "status": "accepted", "reason": None}]
    assert checked.ids == [str(vid)] and [str(v.id) for v in checked.visits] == [str(vid)]


def test_the_reason_names_at_most_five_rules_and_no_values() -> None:
    bad = visit(created_at="1985", visit_date="0", ticket="T" * 41, verdict="nope", card_kind="nope",
                gender="nope", benefit_level=9)
    reason = _check([bad]).results[0]["reason"]
    assert reason.startswith("invalid record: created_at: ")
    assert reason.count("; ") == 4 and "benefit_level" not in reason and "gender" not in reason
    assert "1985" not in reason and "T" * 41 not in reason


def test_the_field_named_in_a_reason_is_cut_to_40_characters() -> None:
    reason = _check([{**visit(), "z" * 60: 1}]).results[0]["reason"]
    assert reason == "invalid record: " + "z" * 40 + ": Extra inputs are not permitted"


def test_a_bad_record_does_not_stop_the_good_ones_after_it() -> None:
    records = [visit(verdict="nope"), visit(), visit(name="a\x00b"), visit()]
    checked = _check(records)
    assert [r["status"] for r in checked.results] == ["rejected", "accepted", "rejected", "accepted"]
    assert checked.ids == [records[1]["id"], records[3]["id"]]


def test_the_fingerprint_is_the_sha256_of_the_record_ids_in_order() -> None:
    import hashlib

    a, b = visit(), visit(verdict="nope")
    checked = _check([a, b, {"id": "?"}])
    expected = hashlib.sha256("\n".join([a["id"], b["id"], "#2"]).encode()).hexdigest()
    assert checked.fingerprint == expected
    assert _check([b, a, {"id": "?"}]).fingerprint != expected


def test_a_valid_batch_is_read_in_one_pass_and_gives_the_same_answer() -> None:
    records = [visit(), visit()]
    raw = json.dumps(batch(records)).encode()
    fast = ingest.parse_valid_batch(raw)
    assert isinstance(fast, ingest.ValidBatch)
    assert ingest._check(fast).results == _check(records).results
    assert ingest.parse_valid_batch(json.dumps(batch([visit(), visit(verdict="nope")])).encode()) is None
    assert ingest.parse_valid_batch(b"not json") is None


def test_the_reason_lists_each_broken_rule_by_its_field() -> None:
    reason = _check([visit(card_number=5, birth_date="1")]).results[0]["reason"]
    assert reason == ("invalid record: card_number: Input should be a valid string; "
                      "birth_date: String should match pattern '^\\d{4}(-\\d{2}(-\\d{2})?)?$'")


def test_an_id_longer_than_40_characters_is_not_read_even_when_it_spells_a_uuid() -> None:
    vid = str(uuid.uuid4())
    spelled = "urn:" + vid.replace("-", "--", 1)  # 41 characters that uuid.UUID would read
    assert len(spelled) == 41 and str(uuid.UUID(spelled)) == vid
    assert _check([visit(id=spelled, verdict="nope")]).results[0]["id"] == "#0"


def test_a_reused_batch_id_is_refused_with_its_reason(client: Any, hub_engine: Any) -> None:
    from tests.hub.support import add_device, auth

    token = add_device(hub_engine, "kiosk-1")
    body = batch([visit()])
    assert client.post("/v1/sync/push", json=body, headers=auth(token)).status_code == 200
    r = client.post("/v1/sync/push", json={**body, "records": [visit()]}, headers=auth(token))
    assert r.status_code == 422
    assert r.json()["error"] == {"code": "batch_id_reused",
                                 "message": "this batch_id was already used for a different set of records"}


def test_a_batch_conflict_reads_as_its_message() -> None:
    conflict = ingest.BatchConflict(409, "device_cloned", "register this kiosk as a new device")
    assert str(conflict) == conflict.message == "register this kiosk as a new device"
    assert (conflict.status, conflict.code) == (409, "device_cloned")


def test_a_full_batch_sent_again_under_a_new_batch_id_is_all_duplicates(client: Any, hub_engine: Any) -> None:
    """The hub looks up the owner of every id it did not insert, in chunks: all 1,000 of a full batch."""
    from kiosk.protocol.limits import MAX_BATCH_RECORDS
    from tests.hub.support import add_device, auth

    token = add_device(hub_engine, "kiosk-1")
    records = [visit(queue_number=i) for i in range(MAX_BATCH_RECORDS)]
    assert client.post("/v1/sync/push", json=batch(records), headers=auth(token)).json()["accepted"] == 1000
    again = client.post("/v1/sync/push", json=batch(records), headers=auth(token)).json()
    assert (again["accepted"], again["duplicate"], again["rejected"]) == (0, 1000, 0)


def test_a_visit_id_of_another_device_is_rejected_with_its_reason(client: Any, hub_engine: Any) -> None:
    from tests.hub.support import add_device, auth

    first, second = add_device(hub_engine, "kiosk-1"), add_device(hub_engine, "kiosk-2")
    v = visit()
    client.post("/v1/sync/push", json=batch([v]), headers=auth(first))
    result = client.post("/v1/sync/push", json=batch([v]), headers=auth(second)).json()["results"][0]
    assert result == {"id": v["id"], "status": "rejected",
                      "reason": "id_conflict: a visit with this id came from another device"}


def test_the_answer_names_its_batch_and_when_the_hub_received_it(client: Any, hub_engine: Any) -> None:
    from tests.hub.support import add_device, auth

    token = add_device(hub_engine, "kiosk-1")
    body = batch([visit()])
    before = dt.datetime.now(dt.UTC)
    answer = client.post("/v1/sync/push", json=body, headers=auth(token)).json()
    received = dt.datetime.fromisoformat(answer["received_at"])
    assert answer["batch_id"] == body["batch_id"] and before <= received <= dt.datetime.now(dt.UTC)
    again = client.post("/v1/sync/push", json=body, headers=auth(token)).json()
    assert (again["batch_id"], again["received_at"], again["replayed"]) == (body["batch_id"], answer["received_at"],
                                                                            True)


def test_a_push_notes_the_devices_last_push_and_version_and_only_its_own(client: Any, hub_engine: Any) -> None:
    from kiosk.hub.devices import get_device
    from tests.hub.support import add_device, auth

    token = add_device(hub_engine, "kiosk-1")
    add_device(hub_engine, "kiosk-2")
    answer = client.post("/v1/sync/push", json=batch([visit()]), headers=auth(token)).json()
    with hub_engine.connect() as conn:
        pushed, other = get_device(conn, "kiosk-1"), get_device(conn, "kiosk-2")
    assert pushed is not None and other is not None
    assert pushed.app_version == "test" and pushed.last_push_at is not None
    assert pushed.last_push_at.replace(tzinfo=None) == dt.datetime.fromisoformat(
        answer["received_at"]).replace(tzinfo=None)
    assert other.last_push_at is None and other.app_version is None


def test_a_second_installation_with_the_same_token_is_told_it_is_a_clone(client: Any, hub_engine: Any) -> None:
    from tests.hub.support import add_device, auth

    token = add_device(hub_engine, "kiosk-1")
    first = client.post("/v1/sync/push", json={**batch([visit()]), "instance_id": "installation-one"},
                        headers=auth(token))
    assert first.status_code == 200
    second = client.post("/v1/sync/push", json={**batch([visit()]), "instance_id": "installation-two"},
                         headers=auth(token))
    assert second.status_code == 409
    error = second.json()["error"]
    assert error["code"] == "device_cloned" and error["message"].startswith(
        "another kiosk installation already uploads with this device's token")
    assert client.post("/v1/sync/push", json={**batch([visit()]), "instance_id": "installation-one"},
                       headers=auth(token)).status_code == 200


def test_a_batch_committed_meanwhile_by_a_concurrent_request_is_replayed(hub_engine: Any,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The same batch arrives twice at once: the second request's insert collides with the first's committed
    batch row; it tries again and replays the stored result instead of failing."""
    from kiosk.hub.devices import get_device
    from tests.hub.support import add_device

    add_device(hub_engine, "kiosk-1")
    with hub_engine.connect() as conn:
        device = get_device(conn, "kiosk-1")
    assert device is not None
    req = PushRequest.model_validate(batch([visit(), visit()]))
    first = ingest.push(hub_engine, device, req)
    real_stored = ingest._stored
    calls: list[str] = []

    def not_yet_committed(*args: Any) -> Any:  # the first look-up ran before the other request committed
        calls.append("look-up")
        return None if len(calls) == 1 else real_stored(*args)

    monkeypatch.setattr(ingest, "_stored", not_yet_committed)
    again = ingest.push(hub_engine, device, req)
    assert calls == ["look-up", "look-up"] and again == {**first, "replayed": True}


def test_push_logs_counts_and_replays_without_record_contents(client: Any, hub_engine: Any,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    from tests.hub.support import add_device, auth

    token = add_device(hub_engine, "kiosk-1")
    body = batch([visit(), visit(verdict="nope")])
    with caplog.at_level("INFO", logger="kiosk.hub.push"):
        client.post("/v1/sync/push", json=body, headers=auth(token))
        client.post("/v1/sync/push", json=body, headers=auth(token))
    assert [r.getMessage() for r in caplog.records if r.name == "kiosk.hub.push"] == [
        f"push batch={body['batch_id']} device=kiosk-1 records=2 accepted=1 duplicate=0 rejected=1",
        f"push replay batch={body['batch_id']} device=kiosk-1"]


def test_a_repeated_id_in_one_batch_is_a_duplicate_result() -> None:
    a, b = visit(), visit()
    checked = _check([a, b, a])
    assert checked.results[2] == {"id": a["id"], "status": "duplicate", "reason": None}
    assert checked.ids == [a["id"], b["id"]]
