"""API errors as ``{"error": code, "message": text}`` and a guard that keeps tracebacks (which may
quote database values) out of the logs and out of responses."""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.errors import KioskError

log = logging.getLogger("kiosk.hub.errors")


class ApiError(KioskError):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_body(code: str, message: str, **extra: Any) -> bytes:
    return json.dumps({"error": code, "message": message, **extra}).encode()


class SafeErrors:
    """Outermost-but-one ASGI middleware: an unexpected exception becomes a 500 JSON answer and a log
    line naming only its type and the path (Starlette would log the full message and traceback)."""

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
            sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
            log.error("internal error %s%s on %s %s", type(exc).__name__,
                      f" (SQLSTATE {sqlstate})" if sqlstate else "", scope.get("method"), scope.get("path"))
            if started:
                return
            body = error_body("internal_error", "the hub could not handle this request; try again later")
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode()),
                                    (b"retry-after", b"30")]})
            await send({"type": "http.response.body", "body": body})
