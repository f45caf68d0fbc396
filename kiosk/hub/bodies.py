"""Reading a request body with a size cap, before and after gzip decompression."""

from __future__ import annotations

import json
import zlib
from typing import Any

from starlette.requests import Request

from kiosk.hub.errors import ApiError


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"request body larger than {limit} bytes; send smaller batches")


async def read_json(request: Request, limit: int) -> Any:
    """The JSON body of ``request``: 413 when over ``limit`` bytes (raw or decompressed), 415 for an
    unknown Content-Encoding, 400 when it is not JSON."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip"):
        raise ApiError(415, "unsupported_encoding", "Content-Encoding must be gzip or absent")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if encoding == "gzip":
        inflater = zlib.decompressobj(wbits=31)
        try:
            raw = inflater.decompress(raw, limit + 1)
        except zlib.error as exc:
            raise ApiError(400, "bad_gzip", "the body is not valid gzip data") from exc
        if len(raw) > limit or inflater.unconsumed_tail:
            raise _too_large(limit)
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", "the body is not valid UTF-8 JSON") from exc
