"""The one error shape of the hub's answers and the CLI's ``--json`` output (docs/hub-api.md, "Errors").

``{"error": {"code": "<machine code>", "message": "<English text>"}}``; a hub 5xx adds ``error_id`` (the
key of the logged traceback), a 422 adds ``details`` (field locations and rules, never the values).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class FieldProblem(BaseModel):
    loc: list[str] = Field(description="where in the request (e.g. ['body', 'batch_id'])")
    msg: str = Field(description="the rule it breaks; never the submitted value")


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable code, e.g. 'unauthorized', 'too_large'")
    message: str = Field(description="human-readable explanation (English)")
    error_id: str | None = Field(default=None, description="5xx only: quote it to the hub's administrator; "
                                                           "the hub's log has the traceback under it")
    details: list[FieldProblem] | None = Field(default=None, description="422 only: what is malformed")


class ErrorBody(BaseModel):
    """Every error answer of the hub (and every ``--json`` error of the CLI)."""

    error: ErrorDetail


def error_document(code: str, message: str, *, error_id: str | None = None,
                   details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    detail: dict[str, Any] = {"code": code, "message": message}
    if error_id is not None:
        detail["error_id"] = error_id
    if details is not None:
        detail["details"] = details
    return {"error": detail}


def read_error(payload: Any) -> tuple[str | None, str | None]:
    """``(code, message)`` of an error answer; also reads the older ``{"error": code, "message": …}``."""
    if not isinstance(payload, dict):
        return None, None
    inner = payload.get("error")
    if isinstance(inner, dict):
        code, message = inner.get("code"), inner.get("message")
    else:
        code, message = inner, payload.get("message")
    return (str(code) if code is not None else None, str(message) if message is not None else None)
