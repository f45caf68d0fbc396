"""``POST /v1/sync/push``, ``GET /v1/sync/pull``, ``GET /v1/sync/summary`` (docs/hub-api.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from kiosk.hub import changes, db, ingest, report
from kiosk.hub.bodies import parse_json, read_body
from kiosk.hub.deps import AuthDevice, State, error_responses, json_response, validation_details
from kiosk.hub.devices import record_pull
from kiosk.hub.errors import ApiError
from kiosk.hub.pull import read_page
from kiosk.protocol.models import (
    DEFAULT_PULL_LIMIT,
    MAX_BATCH_RECORDS,
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    PULL_FEATURES,
    PullResponse,
    PushRequest,
    PushResponse,
    SummaryResponse,
)
from kiosk.protocol.types import IsoDate

router = APIRouter(tags=["sync"])


@router.post("/v1/sync/push", response_model=PushResponse, responses=error_responses(400, 409, 413, 415),
             summary="Upload a batch of visits (idempotent by batch_id, per device)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": {"$ref": "#/components/schemas/PushRequest"}}}}})
async def push(request: Request, device: AuthDevice, state: State) -> Response:
    raw = await read_body(request, state.settings.max_body_bytes)
    req: PushRequest | ingest.ValidBatch | None = ingest.parse_valid_batch(raw)  # every record valid: one pass
    if req is None:  # something to refuse or reject: read it again, step by step
        body = parse_json(raw)
        records = body.get("records") if isinstance(body, dict) else None
        if isinstance(records, list) and len(records) > MAX_BATCH_RECORDS:
            raise ApiError(413, "too_many_records",
                           f"a batch holds at most {MAX_BATCH_RECORDS} records; send smaller batches")
        try:
            req = PushRequest.model_validate(body)
        except ValidationError as exc:
            raise ApiError(422, "invalid_batch", "the batch envelope is malformed",
                           details=validation_details(exc)) from None
    key = request.headers.get("idempotency-key")
    if key is not None and key.strip('"') != str(req.batch_id):
        raise ApiError(422, "idempotency_key_mismatch", "Idempotency-Key must equal the batch_id")
    if req.protocol > PROTOCOL_VERSION:
        raise ApiError(422, "unsupported_protocol", f"this hub speaks sync protocol {PROTOCOL_VERSION}; update the hub")
    try:
        result = await run_in_threadpool(ingest.push, state.engine, device, req)
    except ingest.BatchConflict as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None
    return json_response(result)


@router.get("/v1/sync/pull", response_model=PullResponse, responses=error_responses(400, 403),
            summary="Card-cache and reference-data changes after a cursor, one page")
def pull(device: AuthDevice, state: State,
         cursor: Annotated[str, Query(max_length=40, description="next_cursor of the last applied page")] = "",
         limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
         facility: Annotated[str | None, Query(max_length=20,
                                               description="optional; must be the device's facility")] = None,
         features: Annotated[str, Query(max_length=200, description="comma-separated optional tables, "
                                        "e.g. visit_updates (unknown names are ignored)")] = "",
         ) -> Response:
    if facility is not None and facility != device.facility_code:
        raise ApiError(403, "forbidden", "a device pulls only its own facility's data")
    try:
        after = changes.parse_cursor(cursor)
    except changes.CursorError as exc:
        raise ApiError(400, "bad_cursor", str(exc)) from None
    wanted = tuple(f for f in PULL_FEATURES if f in {x.strip() for x in features.split(",")})
    with state.engine.connect() as raw:
        conn = db.reader(raw)
        with conn.begin():
            page = read_page(conn, device.facility_code, after, limit, device_id=device.id, features=wanted)
    with state.engine.begin() as conn:
        record_pull(conn, device.id, cursor)
    body = page.render({"hub_id": state.hub_id, "facility_code": device.facility_code, "cursor": cursor})
    return Response(body, media_type="application/json")


@router.get("/v1/sync/summary", response_model=SummaryResponse, responses=error_responses(403),
            summary="Visits the hub holds from this device for one date (end-of-day reconciliation)")
def summary(device: AuthDevice, state: State,
            date: Annotated[IsoDate, Query(description="visit date, YYYY-MM-DD")],
            device_name: Annotated[str | None, Query(alias="device", max_length=100,
                                                     description="optional; must be the calling device")] = None,
            ) -> dict[str, Any]:
    if device_name is not None and device_name != device.name:
        raise ApiError(403, "forbidden", "a device reads only its own summary")
    with state.engine.connect() as raw:
        conn = db.reader(raw)
        total, by_verdict = report.device_summary(conn, device.id, date)
        conn.rollback()
    return {"device": device.name, "facility_code": device.facility_code, "date": date.isoformat(),
            "visits": total, "by_verdict": by_verdict}
