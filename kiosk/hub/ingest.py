"""Push: one batch of visits from one device, applied in one transaction, idempotent by batch id.

Never logs record contents: only batch ids, device names and counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from pydantic import Field, TypeAdapter, ValidationError
from sqlalchemy.engine import Engine

from kiosk.errors import KioskError
from kiosk.hub.devices import Device, DeviceCloned, claim_instance
from kiosk.hub.schema import devices, push_batches, visits
from kiosk.hub.visit_store import insert_visits
from kiosk.protocol.models import MAX_BATCH_RECORDS, PushRequest, Visit

log = logging.getLogger("kiosk.hub.push")


class BatchConflict(KioskError):
    """The batch id is known but cannot be replayed for this request (HTTP ``status``)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class ValidBatch(PushRequest):
    """A push body whose every record is a valid :class:`Visit` (the common case), validated straight from
    the request bytes in one pass (:func:`parse_valid_batch`). The envelope rules are PushRequest's."""

    records: list[Visit] = Field(max_length=MAX_BATCH_RECORDS)  # type: ignore[assignment]


def parse_valid_batch(raw: bytes) -> ValidBatch | None:
    """The batch in ``raw`` when it is JSON with a valid envelope and only valid records; None otherwise
    (then the route parses it again the slow way, which finds the error or the records to reject).

    One validation from bytes instead of json.loads + envelope + records: the same models, so nothing is
    accepted here that the slow path refuses (tests/hub/test_push_fast_path.py compares the two)."""
    try:
        return ValidBatch.model_validate_json(raw)
    except ValidationError:
        return None


@dataclass
class _Checked:
    #: The accepted visits (first of each id) and their ids as text, in the same order.
    visits: list[Visit]
    ids: list[str]
    results: list[dict[str, Any]]
    fingerprint: str


def _reason(exc: ValidationError) -> str:
    """A short reason naming the fields and rules, never the submitted values."""
    parts = []
    for err in exc.errors(include_url=False, include_input=False)[:5]:
        loc = ".".join(str(p) for p in err["loc"])[:40] or "record"
        parts.append(f"{loc}: {err['msg']}")
    return "invalid record: " + "; ".join(parts)


def _record_id(raw: Any, index: int) -> str:
    """The id of a rejected record as the results name it: its UUID when it has a readable one, else '#n'."""
    value = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(value, str) and len(value) <= 40:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    return f"#{index}"


_VISITS = TypeAdapter(list[Visit])


def _validate(records: list[dict[str, Any]]) -> list[Visit | ValidationError]:
    """Validate the records: the whole list at once when all are good (fast), else one by one."""
    try:
        return list(_VISITS.validate_python(records))
    except ValidationError:
        pass
    parsed: list[Visit | ValidationError] = []
    for raw in records:
        try:
            parsed.append(Visit.model_validate(raw))
        except ValidationError as exc:
            parsed.append(exc)
    return parsed


def _check(req: PushRequest | ValidBatch) -> _Checked:
    """Results per record: a valid record is accepted under its UUID as text (a repeat of an id in the batch
    is a duplicate), an invalid one rejected with its reason."""
    parsed: list[Visit] | list[Visit | ValidationError]
    parsed = req.records if isinstance(req, ValidBatch) else _validate(req.records)
    raws: list[Any] = [None] * len(parsed) if isinstance(req, ValidBatch) else req.records
    accepted: list[Visit] = []
    accepted_ids: list[str] = []
    results: list[dict[str, Any]] = []
    ids: list[str] = []
    seen: set[str] = set()
    for index, (raw, item) in enumerate(zip(raws, parsed, strict=True)):
        if isinstance(item, ValidationError):
            rid = _record_id(raw, index)
            results.append({"id": rid, "status": "rejected", "reason": _reason(item)})
        else:
            rid = str(item.id)
            if rid in seen:
                results.append({"id": rid, "status": "duplicate", "reason": None})
            else:
                seen.add(rid)
                accepted.append(item)
                accepted_ids.append(rid)
                results.append({"id": rid, "status": "accepted", "reason": None})
        ids.append(rid)
    fingerprint = hashlib.sha256("\n".join(ids).encode()).hexdigest()
    return _Checked(visits=accepted, ids=accepted_ids, results=results, fingerprint=fingerprint)


def _stored(conn: sa.Connection, batch_id: str, device: Device, fingerprint: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(push_batches.c.fingerprint, push_batches.c.result)
                       .where(push_batches.c.device_id == device.id, push_batches.c.batch_id == batch_id)).first()
    if row is None:
        return None
    if row.fingerprint != fingerprint:
        raise BatchConflict(422, "batch_id_reused",
                            "this batch_id was already used for a different set of records")
    result: dict[str, Any] = json.loads(row.result)
    result["replayed"] = True
    return result


def _apply(conn: sa.Connection, req: PushRequest | ValidBatch, device: Device, checked: _Checked,
           received_at: dt.datetime) -> dict[str, Any]:
    batch_id = str(req.batch_id)
    conn.execute(push_batches.insert().values(batch_id=batch_id, device_id=device.id, received_at=received_at,
                                              fingerprint=checked.fingerprint,
                                              record_count=len(req.records), result=""))
    inserted = insert_visits(conn, checked.visits, device_id=device.id, facility_code=device.facility_code,
                             batch_id=batch_id, received_at=received_at)
    missing = [vid for vid in checked.ids if vid not in inserted]
    owners: dict[str, int] = {}
    for start in range(0, len(missing), 500):
        part = missing[start:start + 500]
        for vid, owner in conn.execute(sa.select(visits.c.id, visits.c.device_id).where(visits.c.id.in_(part))):
            owners[vid] = owner
    for res in checked.results:
        if res["status"] == "accepted" and res["id"] not in inserted:
            if owners.get(res["id"]) == device.id:
                res["status"] = "duplicate"
            else:
                res.update(status="rejected", reason="id_conflict: a visit with this id came from "
                                                     "another device")
    counts = {s: 0 for s in ("accepted", "duplicate", "rejected")}
    for res in checked.results:
        counts[res["status"]] += 1
    result = {"batch_id": batch_id, "replayed": False, "received_at": received_at.isoformat(), **counts,
              "results": checked.results}
    conn.execute(devices.update().where(devices.c.id == device.id)
                 .values(last_push_at=received_at, app_version=req.app_version))
    conn.execute(push_batches.update().where(push_batches.c.batch_id == batch_id)
                 .values(result=json.dumps(result)))
    return result


def push(engine: Engine, device: Device, req: PushRequest | ValidBatch) -> dict[str, Any]:
    """Apply a batch (or replay its stored result). Returns the PushResponse as a dict.

    Batch ids are scoped per device. Raises BatchConflict when this device used the batch id for other
    records, or when another kiosk installation pushes with this device's token.
    """
    received_at = dt.datetime.now(dt.UTC)
    checked = _check(req)
    batch_id = str(req.batch_id)
    for attempt in range(2):
        try:
            with engine.begin() as conn:
                try:
                    claim_instance(conn, device, req.instance_id)
                except DeviceCloned as exc:
                    raise BatchConflict(409, "device_cloned", str(exc)) from None
                stored = _stored(conn, batch_id, device, checked.fingerprint)
                if stored is not None:
                    log.info("push replay batch=%s device=%s", batch_id, device.name)
                    return stored
                result = _apply(conn, req, device, checked, received_at)
        except sa.exc.IntegrityError:
            # The same batch id committed meanwhile by a concurrent request: the second attempt
            # replays that one. Any other integrity error repeats and goes up (a 500, logged by type).
            if attempt:
                raise
            continue
        log.info("push batch=%s device=%s records=%d accepted=%d duplicate=%d rejected=%d", batch_id,
                 device.name, len(req.records), result["accepted"], result["duplicate"], result["rejected"])
        return result
    raise AssertionError("unreachable")
