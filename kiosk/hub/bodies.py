"""Reading a request body: size cap before and after gzip decompression, one complete gzip member,
JSON no deeper than :data:`~kiosk.protocol.limits.MAX_JSON_DEPTH` (docs/hub-api.md, "Common rules")."""

from __future__ import annotations

import json
import zlib
from typing import Any

from starlette.requests import Request

from kiosk.hub.errors import ApiError
from kiosk.protocol.limits import MAX_JSON_DEPTH

_CONTAINERS = (dict, list)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"request body larger than {limit} bytes; send smaller batches")


def _too_deep() -> ApiError:
    return ApiError(400, "too_deep", f"the JSON body nests arrays/objects deeper than {MAX_JSON_DEPTH} levels")


def check_depth(value: Any, limit: int = MAX_JSON_DEPTH) -> None:
    """Raise 400 ``too_deep`` when ``value`` nests containers deeper than ``limit`` (iterative walk)."""
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, _CONTAINERS) else []
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise _too_deep()
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, _CONTAINERS))


def _gunzip(raw: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise ApiError(400, "bad_gzip", "the body is not valid gzip data") from exc
    if len(data) > limit or inflater.unconsumed_tail:
        raise _too_large(limit)
    if not inflater.eof or inflater.unused_data:
        raise ApiError(400, "bad_gzip", "the body is not one complete gzip stream (truncated, or bytes after it)")
    return data


async def read_json(request: Request, limit: int) -> Any:
    """The JSON body of ``request``: 413 when over ``limit`` bytes (raw or decompressed), 415 for an
    unknown Content-Encoding, 400 when it is not one gzip stream, not JSON, or nested too deeply."""
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
        raw = _gunzip(raw, limit)
    try:
        value = json.loads(raw)
    except RecursionError:
        raise _too_deep() from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", "the body is not valid UTF-8 JSON") from exc
    check_depth(value)
    return value
