"""The check-in upload on the wire (``checkInKcbQd3176``, docs/bhxh-gateway.md §9): the form sent and the answer read.

Shared by the HTTP client (which sends one upload) and :mod:`kiosk.gateway.upload` (retries, signature
checks), so neither imports the other.
"""

from __future__ import annotations

import base64
from typing import Any, Final

from kiosk.gateway.errors import GatewayProtocolError, GatewayUnavailable, UploadRejected
from kiosk.gateway.protocol import CHECKIN_RECORD_TYPE, UploadReceipt, parse_receipt_time, result_code

#: Codes after which the same file may be sent again later (server-side trouble).
RETRYABLE_CODES: Final = frozenset({"500", "100", "101"})


def checkin_form(username: str, facility_code: str, document: bytes) -> dict[str, str]:
    code = facility_code.strip().upper()
    if len(code) != 5:
        raise ValueError(f"MA_CSKCB must have 5 characters, got {facility_code!r}")
    return {"username": username, "loaiHoSo": CHECKIN_RECORD_TYPE, "maTinh": code[:2], "maCSKCB": code,
            "fileHSBase64": base64.b64encode(document).decode("ascii")}


def read_upload_answer(status: int, body: Any, record_key: str | None, attempts: int) -> UploadReceipt:
    code = result_code(body.get("maKetQua")) if isinstance(body, dict) else None
    if code is None or not isinstance(body, dict):
        if status >= 500 or status in (408, 429):
            raise GatewayUnavailable(f"check-in upload failed with HTTP {status} and no result code",
                                     f"Gửi check-in thất bại (HTTP {status})")
        raise GatewayProtocolError(f"check-in upload answer has no maKetQua (HTTP {status})")
    message = body.get("thongDiep")
    message_text = None if message is None else str(message)
    if code != "200":
        if code in RETRYABLE_CODES:
            raise GatewayUnavailable(f"gateway server error on check-in upload (code {code}): {message_text or ''}",
                                     f"Cổng giám định lỗi khi nhận check-in (mã {code})")
        raise UploadRejected(code, f"gateway rejected the check-in file (code {code}): {message_text or ''}".strip(),
                             f"Cổng giám định từ chối hồ sơ check-in (mã {code}): {message_text or ''}".strip())
    transaction = body.get("maGiaoDich")
    return UploadReceipt(transaction_id=None if transaction in (None, "") else str(transaction),
                         received_at=parse_receipt_time(body.get("thoiGianTiepNhan")),
                         message=message_text, code=code, record_key=record_key, attempts=attempts)
