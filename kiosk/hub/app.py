"""The hub's HTTP API (FastAPI). Endpoints, auth and limits are documented in docs/hub-api.md.

``create_app(settings)`` assembles the routers (kiosk/hub/routes/) around one database;
``create_app_from_env()`` is the factory uvicorn workers use
(``uvicorn --factory kiosk.hub.app:create_app_from_env``), settings from the environment
(kiosk/hub/settings.py).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import Response
from sqlalchemy.engine import Engine

from kiosk import __version__
from kiosk.hub import db
from kiosk.hub.deps import HubState
from kiosk.hub.errors import ApiError, SafeErrors, error_body
from kiosk.hub.openapi_doc import install_openapi
from kiosk.hub.rate_store import SqlBuckets
from kiosk.hub.routes import cards, health, sync
from kiosk.hub.settings import HubSettings
from kiosk.ratelimit import TokenBucket

if TYPE_CHECKING:
    from kiosk.hub.gateway_hub import HubGateway

__all__ = ["HubSettings", "create_app", "create_app_from_env"]


def _limiters(settings: HubSettings, engine: Engine) -> tuple[TokenBucket, TokenBucket]:
    if settings.shared_rate_limit:
        device = TokenBucket(settings.rate_per_s, settings.burst, time.time, SqlBuckets(engine))
    else:
        device = TokenBucket(settings.rate_per_s, settings.burst)
    return device, TokenBucket(settings.anonymous_rate_per_s, settings.anonymous_burst)


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return Response(error_body(exc.code, exc.message, details=exc.details), status_code=exc.status,
                    media_type="application/json", headers=exc.headers)


async def _invalid(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", "")} for e in exc.errors()]
    return Response(error_body("invalid_request", "the request is malformed", details=details),
                    status_code=422, media_type="application/json")


def create_app(settings: HubSettings | None = None, *, engine: Engine | None = None,
               gateway: HubGateway | None = None) -> FastAPI:
    """The hub app. ``gateway``: an already built HubGateway (tests); else one is built from the
    settings' gateway configuration (and closed with the app)."""
    settings = settings or HubSettings()
    hub_engine = engine or db.open_hub(settings.db_url, pool_size=settings.pool_size)
    with hub_engine.connect() as conn:
        hub_id = db.hub_id(conn)
        conn.rollback()
    gateway_config = settings.load_gateway() if gateway is None else None
    owns_gateway = gateway_config is not None
    if gateway_config is not None:
        from kiosk.hub.gateway_hub import HubGateway  # the gateway stack loads only when configured

        gateway = HubGateway(hub_engine, gateway_config)

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
    device_limiter, anonymous_limiter = _limiters(settings, hub_engine)
    app.state.hub = HubState(settings=settings, engine=hub_engine, hub_id=hub_id, device_limiter=device_limiter,
                             anonymous_limiter=anonymous_limiter, gateway=gateway)
    app.state.engine = hub_engine
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=1)
    app.add_middleware(SafeErrors)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    for area in (health, sync, cards):
        app.include_router(area.router)
    install_openapi(app)
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (several workers): settings from the environment."""
    return create_app(HubSettings())
