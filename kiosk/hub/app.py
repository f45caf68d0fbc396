"""The hub's HTTP API (FastAPI). Endpoints, auth and limits are documented in docs/hub-api.md.

``create_app(settings)`` builds an app bound to one database; ``create_app_from_env()`` is the factory
uvicorn workers use (``uvicorn --factory kiosk.hub.app:create_app_from_env``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from kiosk import __version__
from kiosk.hub import changes, db, ingest, report
from kiosk.hub.bodies import read_json
from kiosk.hub.devices import Device, authenticate, utcnow
from kiosk.hub.errors import ApiError, SafeErrors, error_body
from kiosk.hub.openapi_doc import install_openapi
from kiosk.hub.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_BATCH_RECORDS,
    MAX_BODY_BYTES,
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    PULL_FEATURES,
    ErrorBody,
    LookupBody,
    LookupResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    SummaryResponse,
)
from kiosk.hub.pull import read_page
from kiosk.hub.ratelimit import RateLimiter
from kiosk.hub.schema import devices

if TYPE_CHECKING:
    from kiosk.hub.gateway_config import HubGatewayConfig
    from kiosk.hub.gateway_hub import HubGateway

log = logging.getLogger("kiosk.hub")

ENV_RATE = "KIOSK_HUB_RATE"
ENV_BURST = "KIOSK_HUB_BURST"
ENV_POOL = "KIOSK_HUB_POOL"


@dataclass
class HubSettings:
    #: Database URL (None: $KIOSK_HUB_DB, else hub.sqlite3 in the data directory).
    db_url: str | None = None
    #: Requests per second allowed per device on average (0 disables rate limiting).
    rate_per_s: float = 10.0
    #: Requests a device may make in a burst above the average rate.
    burst: int = 30
    max_body_bytes: int = MAX_BODY_BYTES
    pool_size: int = 10
    #: Gateway settings (kiosk.hub.gateway_config); None: no gateway, look-ups answer not_configured.
    gateway: HubGatewayConfig | None = None

    @classmethod
    def from_env(cls) -> HubSettings:
        from kiosk.hub.gateway_config import load_gateway_config

        return cls(db_url=os.environ.get(db.ENV_DB) or None,
                   rate_per_s=float(os.environ.get(ENV_RATE, "10")),
                   burst=int(os.environ.get(ENV_BURST, "30")),
                   pool_size=int(os.environ.get(ENV_POOL, "10")),
                   gateway=load_gateway_config())


#: Largest body of a card look-up.
MAX_LOOKUP_BYTES = 16 * 1024
_NOT_CONFIGURED: dict[str, Any] = {
    "kind": "not_configured", "verdict": None, "use_provisional": True, "code": None, "note": None,
    "action_vi": "Máy chủ chưa cấu hình cổng giám định BHXH; dùng kết quả tại chỗ.",
    "action_en": "The hub has no social-insurance gateway configured; use the provisional verdict.",
    "card_number": None, "replaced_by": None, "cards": [], "answered_at": None, "from_cache": False,
}


def _lookup_request(body: LookupBody, facility_code: str) -> Any:
    from kiosk.cards.model import BirthDate
    from kiosk.gateway.service import LookupRequest
    from kiosk.gateway.settings import StaffIdentity

    number = body.card_number.upper() if body.card_number else body.citizen_id
    staff = StaffIdentity(body.staff.name, body.staff.citizen_id) if body.staff else None
    return LookupRequest(str(number), body.name, BirthDate.from_iso(body.birth_date), body.visit_date,
                         staff=staff, facility_code=facility_code)


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text} for code, text in (
        (401, "missing, unknown or revoked device token"),
        (403, "the request names another device's or facility's data"),
        (422, "malformed request"),
        (429, "rate limit: retry after the Retry-After seconds"),
    )
}
_PUSH_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    400: {"model": ErrorBody, "description": "body is not JSON / not gzip"},
    409: {"model": ErrorBody, "description": "batch_id already used by another device"},
    413: {"model": ErrorBody, "description": f"body over {MAX_BODY_BYTES} bytes or over "
                                             f"{MAX_BATCH_RECORDS} records"},
    415: {"model": ErrorBody, "description": "unsupported Content-Encoding"},
}

_LOOKUP_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    400: {"model": ErrorBody, "description": "body is not JSON"},
    413: {"model": ErrorBody, "description": f"body over {16 * 1024} bytes"},
}

bearer = HTTPBearer(auto_error=False, description="device token printed by `kiosk hub device add`")


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), status_code=status,
                    media_type="application/json", headers=headers)


def current_device(request: Request,
                   creds: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]) -> Device:
    """The calling device (401 when the token is missing, unknown or revoked; 429 over its rate)."""
    challenge = {"WWW-Authenticate": "Bearer"}
    if creds is None:
        raise ApiError(401, "unauthorized", "send Authorization: Bearer <device token>", challenge)
    engine: Engine = request.app.state.engine
    with engine.connect() as raw:
        conn = db.reader(raw)
        device = authenticate(conn, creds.credentials)
        conn.rollback()
    if device is None:
        raise ApiError(401, "unauthorized", "unknown or revoked device token", challenge)
    limiter: RateLimiter = request.app.state.limiter
    wait = limiter.acquire(device.id)
    if wait > 0:
        raise ApiError(429, "rate_limited", "too many requests from this device; slow down",
                       {"Retry-After": RateLimiter.retry_after_header(wait)})
    return device


AuthDevice = Annotated[Device, Depends(current_device)]


def create_app(settings: HubSettings | None = None, *, engine: Engine | None = None,
               gateway: HubGateway | None = None) -> FastAPI:
    """The hub app. ``gateway``: an already built HubGateway (tests); else one is built from
    ``settings.gateway`` (closed with the app)."""
    settings = settings or HubSettings()
    hub_engine = engine or db.open_hub(settings.db_url, pool_size=settings.pool_size)
    with hub_engine.connect() as conn:
        hub_id = db.hub_id(conn)
        conn.rollback()
    limiter = RateLimiter(settings.rate_per_s, settings.burst)
    owns_gateway = gateway is None and settings.gateway is not None
    if owns_gateway and settings.gateway is not None:
        from kiosk.hub.gateway_hub import HubGateway

        gateway = HubGateway(hub_engine, settings.gateway)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if gateway is not None and owns_gateway:
            gateway.start_background()
        try:
            yield
        finally:
            if gateway is not None and owns_gateway:
                gateway.close()

    app = FastAPI(title="Clinic kiosk hub", version=__version__, lifespan=lifespan,
                  description="Sync API between check-in kiosks and their hub. See docs/hub-api.md.")
    app.state.engine = hub_engine
    app.state.limiter = limiter
    app.state.gateway = gateway
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=1)
    app.add_middleware(SafeErrors)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return Response(error_body(exc.code, exc.message), status_code=exc.status,
                        media_type="application/json", headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> Response:
        details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", "")} for e in exc.errors()]
        return Response(error_body("invalid_request", "the request is malformed", details=details),
                        status_code=422, media_type="application/json")

    @app.get("/v1/health", tags=["meta"], summary="Liveness and identity (no authentication)")
    def health() -> dict[str, Any]:
        # server_time lets a kiosk notice that its own clock (which dates its visits) is wrong.
        return {"status": "ok", "protocol": PROTOCOL_VERSION, "hub_id": hub_id, "version": __version__,
                "server_time": utcnow().isoformat()}

    @app.get("/v1/device", tags=["meta"], responses=_ERRORS, summary="Who am I: checks a device token")
    def whoami(device: AuthDevice) -> dict[str, Any]:
        return {"device": device.name, "facility_code": device.facility_code, "hub_id": hub_id,
                "protocol": PROTOCOL_VERSION}

    @app.post("/v1/sync/push", tags=["sync"], response_model=PushResponse, responses=_PUSH_ERRORS,
              summary="Upload a batch of visits (idempotent by batch_id)",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/PushRequest"}}}}})
    async def push(request: Request, device: AuthDevice) -> Response:
        body = await read_json(request, settings.max_body_bytes)
        records = body.get("records") if isinstance(body, dict) else None
        if isinstance(records, list) and len(records) > MAX_BATCH_RECORDS:
            raise ApiError(413, "too_many_records",
                           f"a batch holds at most {MAX_BATCH_RECORDS} records; send smaller batches")
        try:
            req = PushRequest.model_validate(body)
        except ValidationError as exc:
            details = [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"]}
                       for e in exc.errors(include_url=False, include_input=False)]
            return Response(error_body("invalid_batch", "the batch envelope is malformed", details=details),
                            status_code=422, media_type="application/json")
        key = request.headers.get("idempotency-key")
        if key is not None and key.strip('"') != str(req.batch_id):
            raise ApiError(422, "idempotency_key_mismatch", "Idempotency-Key must equal the batch_id")
        if req.protocol > PROTOCOL_VERSION:
            raise ApiError(422, "unsupported_protocol",
                           f"this hub speaks sync protocol {PROTOCOL_VERSION}; update the hub")
        try:
            result = await run_in_threadpool(ingest.push, hub_engine, device, req)
        except ingest.BatchConflict as exc:
            raise ApiError(exc.status, exc.code, exc.message) from None
        return _json(result)

    @app.get("/v1/sync/pull", tags=["sync"], response_model=PullResponse, responses=_ERRORS,
             summary="Card-cache and reference-data changes after a cursor, one page")
    def pull(device: AuthDevice,
             cursor: Annotated[str, Query(max_length=40, description="next_cursor of the last applied page")] = "",
             limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
             facility: Annotated[str | None, Query(description="optional; must be the device's facility")] = None,
             features: Annotated[str, Query(max_length=200, description="comma-separated optional tables, "
                                            "e.g. visit_updates (unknown names are ignored)")] = "",
             ) -> Response:
        if facility is not None and facility != device.facility_code:
            raise ApiError(403, "forbidden", "a device pulls only its own facility's data")
        try:
            after = changes.parse_cursor(cursor)
        except changes.CursorError as exc:
            raise ApiError(400, "bad_cursor", str(exc)) from None
        with hub_engine.connect() as raw:
            conn = db.reader(raw)
            with conn.begin():
                wanted = tuple(f for f in PULL_FEATURES if f in {x.strip() for x in features.split(",")})
                page = read_page(conn, device.facility_code, after, limit, device_id=device.id, features=wanted)
        with hub_engine.begin() as conn:
            conn.execute(devices.update().where(devices.c.id == device.id)
                         .values(last_pull_at=utcnow(), last_pull_cursor=cursor))
        body = page.render({"hub_id": hub_id, "facility_code": device.facility_code, "cursor": cursor})
        return Response(body, media_type="application/json")

    @app.get("/v1/sync/summary", tags=["sync"], response_model=SummaryResponse, responses=_ERRORS,
             summary="Visits the hub holds from this device for one date (end-of-day reconciliation)")
    def summary(device: AuthDevice, date: Annotated[dt.date, Query(description="visit date, YYYY-MM-DD")],
                device_name: Annotated[str | None, Query(alias="device",
                                                         description="optional; must be the calling device")]
                = None) -> dict[str, Any]:
        if device_name is not None and device_name != device.name:
            raise ApiError(403, "forbidden", "a device reads only its own summary")
        with hub_engine.connect() as raw:
            conn = db.reader(raw)
            total, by_verdict = report.device_summary(conn, device.id, date)
            conn.rollback()
        return {"device": device.name, "facility_code": device.facility_code, "date": date.isoformat(),
                "visits": total, "by_verdict": by_verdict}

    @app.post("/v1/cards/lookup", tags=["cards"], response_model=LookupResponse, responses=_LOOKUP_ERRORS,
              summary="Online card look-up through the social-insurance gateway (answers within ~2.5 s)",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/LookupBody"}}}}})
    async def lookup(request: Request, device: AuthDevice) -> Response:
        raw = await read_json(request, MAX_LOOKUP_BYTES)
        try:
            body = LookupBody.model_validate(raw)
        except ValidationError as exc:
            details = [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"]}
                       for e in exc.errors(include_url=False, include_input=False)]
            return Response(error_body("invalid_request", "the look-up is malformed", details=details),
                            status_code=422, media_type="application/json")
        if (body.card_number is None) == (body.citizen_id is None):
            raise ApiError(422, "invalid_request", "send exactly one of card_number and citizen_id")
        if gateway is None:
            return _json(_NOT_CONFIGURED)
        try:
            request_ = _lookup_request(body, device.facility_code)
        except ValueError as exc:  # blank staff name, impossible birth date
            raise ApiError(422, "invalid_request", f"the look-up is malformed: {exc}") from None
        outcome = await run_in_threadpool(gateway.lookup, request_)
        return _json(outcome.to_json())

    install_openapi(app)
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several workers): settings from the environment."""
    return create_app(HubSettings.from_env())
