"""Reading a request body: size cap before and after gzip decompression, one complete gzip member,
JSON that the parser can read without running out of recursion (docs/hub-api.md, "Common rules").

Nesting is not limited further: every body's fields are scalars or lists of flat records, so a nested
value anywhere is refused by validation (a 422, or a record ``rejected``) without recursing into it.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from starlette.requests import Request

from kiosk.hub.errors import ApiError


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"request body larger than {limit} bytes; send smaller batches")


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


async def read_body(request: Request, limit: int) -> bytes:
    """The body of ``request``, decompressed: 413 when over ``limit`` bytes (raw or decompressed), 415 for an
    unknown Content-Encoding, 400 when it is not one gzip stream."""
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
    return raw


def parse_json(raw: bytes) -> Any:
    """``raw`` read as JSON: 400 when it is not JSON or nested too deeply to parse."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise ApiError(400, "too_deep", "the JSON body nests arrays/objects too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", "the body is not valid UTF-8 JSON") from exc


async def read_json(request: Request, limit: int) -> Any:
    """The JSON body of ``request`` (:func:`read_body`, then :func:`parse_json`)."""
    return parse_json(await read_body(request, limit))
