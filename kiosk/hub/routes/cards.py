"""``POST /v1/cards/lookup``: online card look-up through the social-insurance gateway."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from kiosk.cards.model import BirthDate
from kiosk.gateway.service import LookupRequest
from kiosk.gateway.settings import StaffIdentity
from kiosk.hub.bodies import read_json
from kiosk.hub.deps import AuthDevice, State, error_responses, json_response, validation_details
from kiosk.hub.errors import ApiError
from kiosk.protocol.limits import MAX_LOOKUP_BYTES
from kiosk.protocol.models import LookupBody, LookupResponse

router = APIRouter(tags=["cards"])

NOT_CONFIGURED: dict[str, Any] = {
    "kind": "not_configured", "verdict": None, "use_provisional": True, "code": None, "note": None,
    "action_vi": "Máy chủ chưa cấu hình cổng giám định BHXH; dùng kết quả tại chỗ.",
    "action_en": "The hub has no social-insurance gateway configured; use the provisional verdict.",
    "card_number": None, "replaced_by": None, "cards": [], "answered_at": None, "from_cache": False,
}


def lookup_request(body: LookupBody, facility_code: str) -> LookupRequest:
    number = body.card_number.upper() if body.card_number else body.citizen_id
    staff = StaffIdentity(body.staff.name, body.staff.citizen_id) if body.staff else None
    return LookupRequest(str(number), body.name, BirthDate.from_iso(body.birth_date), body.visit_date,
                         staff=staff, facility_code=facility_code)


@router.post("/v1/cards/lookup", response_model=LookupResponse, responses=error_responses(400, 413, 415),
             summary="Online card look-up through the social-insurance gateway (answers within ~2.5 s)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": {"$ref": "#/components/schemas/LookupBody"}}}}})
async def lookup(request: Request, device: AuthDevice, state: State) -> Response:
    raw = await read_json(request, MAX_LOOKUP_BYTES)
    try:
        body = LookupBody.model_validate(raw)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", "the look-up is malformed", details=validation_details(exc)) from None
    if (body.card_number is None) == (body.citizen_id is None):
        raise ApiError(422, "invalid_request", "send exactly one of card_number and citizen_id")
    if state.gateway is None:
        return json_response(NOT_CONFIGURED)
    try:
        request_ = lookup_request(body, device.facility_code)
    except ValueError as exc:  # blank staff name, impossible birth date
        raise ApiError(422, "invalid_request", f"the look-up is malformed: {exc}") from None
    budget = None if body.budget_s is None else min(body.budget_s, state.gateway.settings.answer_budget_s)
    outcome = await run_in_threadpool(state.gateway.lookup, request_, budget)
    return json_response(outcome.to_json())
