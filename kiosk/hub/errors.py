"""API errors in the one shape ``{"error": {"code", "message"}}`` (kiosk/protocol/errors.py, docs/hub-api.md
"Errors"), and the guard that turns an unexpected exception into a classified 5xx.

A fault is either an environment problem of the hub's database (locked, disk full, server down:
:func:`kiosk.db.errors.classify`) → ``503`` with ``Retry-After``, or a bug → ``500`` without it. Both are
logged with their traceback under an error id that the answer carries; the log names exception types,
SQL statements (the engine hides their parameters) and code lines, never request bodies.
"""

from __future__ import annotations

import json
import logging
import traceback
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.db.errors import classify
from kiosk.errors import KioskError
from kiosk.protocol.errors import error_document

log = logging.getLogger("kiosk.hub.errors")
#: Seconds a kiosk should wait after a 503 (database temporarily unusable).
RETRY_AFTER_S = 30


class ApiError(KioskError):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None,
                 details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.details = details


def error_body(code: str, message: str, *, error_id: str | None = None,
               details: list[dict[str, Any]] | None = None) -> bytes:
    return json.dumps(error_document(code, message, error_id=error_id, details=details),
                      ensure_ascii=False).encode()


def _describe(exc: BaseException) -> str:
    """Type and SQLSTATE of a fault, and the first line of its message (statement text, no values)."""
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None)
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    return f"{type(exc).__name__}{f' (SQLSTATE {sqlstate})' if sqlstate else ''}: {first}"


def fault_answer(exc: BaseException, method: str | None,
                 path: str | None) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
    """Log ``exc`` with its traceback under a new error id; the status, body and headers to answer."""
    error_id = uuid.uuid4().hex[:12]
    problem = classify(exc)
    frames = "".join(traceback.format_tb(exc.__traceback__))
    kind = f"database problem {problem.code}" if problem is not None else "internal error"
    log.error("%s id=%s on %s %s: %s\n%s", kind, error_id, method, path, _describe(exc), frames)
    if problem is not None:
        body = error_body(problem.code, "the hub's database cannot be used right now; try again later",
                          error_id=error_id)
        return 503, body, [(b"retry-after", str(RETRY_AFTER_S).encode())]
    body = error_body("internal_error", "the hub failed on this request (a fault on the hub, reported to its "
                                        "administrator under error_id)", error_id=error_id)
    return 500, body, []


class SafeErrors:
    """Outermost-but-one ASGI middleware: an unexpected exception becomes a classified 5xx JSON answer
    (see the module docstring) instead of Starlette's plain-text 500 and full-message log."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            status, body, headers = fault_answer(exc, scope.get("method"), scope.get("path"))
            if started:
                return
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode()), *headers]})
            await send({"type": "http.response.body", "body": body})
