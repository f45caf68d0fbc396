"""``GET /v1/health`` (no authentication) and ``GET /v1/device`` (who am I)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kiosk import __version__
from kiosk.hub.deps import AuthDevice, State, error_responses
from kiosk.hub.devices import utcnow
from kiosk.protocol.models import PROTOCOL_VERSION, DeviceResponse, HealthResponse

router = APIRouter(tags=["meta"])


@router.get("/v1/health", response_model=HealthResponse, summary="Liveness and identity (no authentication)",
            responses={k: v for k, v in error_responses().items() if k in (500, 503)})
def health(state: State) -> dict[str, Any]:
    # server_time lets a kiosk notice that its own clock (which dates its visits) is wrong.
    return {"status": "ok", "protocol": PROTOCOL_VERSION, "hub_id": state.hub_id, "version": __version__,
            "server_time": utcnow().isoformat()}


@router.get("/v1/device", response_model=DeviceResponse, responses=error_responses(),
            summary="Who am I: checks a device token")
def whoami(device: AuthDevice, state: State) -> dict[str, Any]:
    return {"device": device.name, "facility_code": device.facility_code, "hub_id": state.hub_id,
            "protocol": PROTOCOL_VERSION}
