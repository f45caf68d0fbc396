"""What the hub's routes share: the app's state, the calling device (authentication and rate limits),
JSON answers and the documented error answers (docs/hub-api.md, "Common rules")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from sqlalchemy.engine import Engine

from kiosk.hub import db
from kiosk.hub.devices import TOKEN_PREFIX, Device, authenticate
from kiosk.hub.errors import ApiError
from kiosk.hub.settings import HubSettings
from kiosk.protocol.errors import ErrorBody
from kiosk.ratelimit import TokenBucket

if TYPE_CHECKING:
    from kiosk.hub.gateway_hub import HubGateway


@dataclass
class HubState:
    settings: HubSettings
    engine: Engine
    hub_id: str
    #: Per device (shared by all workers when settings.shared_rate_limit).
    device_limiter: TokenBucket
    #: Requests without a valid token, per client address (in this process).
    anonymous_limiter: TokenBucket
    gateway: HubGateway | None


async def hub_state(request: Request) -> HubState:
    # async: FastAPI would run a plain function in its thread pool, a thread hop on every request
    state: HubState = request.app.state.hub
    return state


State = Annotated[HubState, Depends(hub_state)]

bearer = HTTPBearer(auto_error=False, description="device token printed by `kiosk hub device add`")

_ERROR_TEXTS: dict[int, str] = {
    400: "the body is not JSON, not one gzip stream, or nested too deeply (`invalid_json`, `bad_gzip`, "
         "`too_deep`); or a bad query value (`bad_cursor`)",
    401: "missing, unknown or revoked device token",
    403: "the request names another device's or facility's data",
    409: "`device_cloned`: another kiosk installation uploads with this device's token; re-register",
    413: "body too large, or too many records",
    415: "unsupported Content-Encoding",
    422: "malformed request (`details` names the fields)",
    429: "rate limit: retry after the Retry-After seconds",
    500: "a fault on the hub (a bug); `error_id` names its logged traceback",
    503: "the hub's database cannot be used right now; retry after the Retry-After seconds",
}
_RETRY_AFTER = {"Retry-After": {"description": "seconds to wait", "schema": {"type": "string"}}}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses plus the ones every authenticated route can give."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in sorted({401, 422, 429, 500, 503, *statuses}):
        entry: dict[str, Any] = {"model": ErrorBody, "description": _ERROR_TEXTS[status]}
        if status in (429, 503):
            entry["headers"] = _RETRY_AFTER
        out[status] = entry
    return out


def json_response(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), status_code=status,
                    media_type="application/json")


def validation_details(exc: ValidationError) -> list[dict[str, Any]]:
    """Field locations and rules of a validation error, never the submitted values."""
    return [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"]}
            for e in exc.errors(include_url=False, include_input=False)]


def _client_address(request: Request) -> str:
    return "addr:" + (request.client.host if request.client else "unknown")


def _limited(wait: float, who: str) -> ApiError:
    return ApiError(429, "rate_limited", f"too many requests from this {who}; slow down",
                    {"Retry-After": TokenBucket.retry_after_header(wait)})


def current_device(request: Request, state: State,
                   creds: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]) -> Device:
    """The calling device: 401 when the token is missing, unknown or revoked; 429 over its rate, or when
    this client address sent too many requests without a valid token (checked before any database look-up)."""
    challenge = {"WWW-Authenticate": "Bearer"}
    address = _client_address(request)
    token = creds.credentials if creds is not None else ""
    device: Device | None = None
    if token.startswith(TOKEN_PREFIX) and len(token) <= 200:
        if state.anonymous_limiter.blocked(address) > 0:  # this address keeps guessing: no more look-ups
            raise _limited(state.anonymous_limiter.blocked(address), "address")
        with state.engine.connect() as raw:
            conn = db.reader(raw)
            device = authenticate(conn, token)
            conn.rollback()
    if device is None:
        wait = state.anonymous_limiter.acquire(address)
        if wait > 0:
            raise _limited(wait, "address")
        message = "send Authorization: Bearer <device token>" if not token else "unknown or revoked device token"
        raise ApiError(401, "unauthorized", message, challenge)
    wait = state.device_limiter.acquire(f"device:{device.id}")
    if wait > 0:
        raise _limited(wait, "device")
    return device


AuthDevice = Annotated[Device, Depends(current_device)]
