"""Errors of the gateway adapter. Messages never contain URLs, tokens or password hashes."""

from __future__ import annotations

from kiosk.errors import KioskError


class GatewayError(KioskError):
    """Base class. ``message`` is for an administrator or a log; ``message_vi`` for Vietnamese staff."""

    code = "gateway_error"
    summary = "The insurance gateway could not be used"

    def __init__(self, message: str, message_vi: str | None = None) -> None:
        super().__init__(message)
        self.message_vi = message_vi or message


class GatewayUnavailable(GatewayError):
    """No usable answer: connection refused or dropped, timeout, 5xx without a result code.

    Treat as offline: use the cache and the provisional verdict, retry later with back-off.
    """

    code = "gateway_unavailable"
    summary = "The insurance gateway does not answer"
    environment = True


class GatewayAuthError(GatewayError):
    """The gateway refused the account or a fresh token (configuration: alert the administrator)."""

    code = "gateway_auth"
    summary = "The insurance gateway refused the facility's account"
    environment = True


class GatewayProtocolError(GatewayError):
    """The gateway answered something this adapter cannot read (not JSON, no result code …)."""

    code = "gateway_protocol"


class UploadRejected(GatewayError):
    """The gateway answered a check-in upload with a result code other than 200 (``code``: that result code)."""

    summary = "The insurance gateway refused the check-in file"

    def __init__(self, code: str, message: str, message_vi: str | None = None) -> None:
        super().__init__(message, message_vi)
        self.code = code


IP_OR_ACCOUNT_HINT = (
    "The gateway refused a freshly obtained token (HTTP 401 twice). Either this host's public IP "
    "address is not the one registered with BHXH (form 01/dk-ip-ctn; tokens are bound to the IP that "
    "obtained them) or the facility account is wrong or locked. Check the registered IP and the account."
)
IP_OR_ACCOUNT_HINT_VI = (
    "Cổng giám định từ chối phiên đăng nhập mới (lỗi 401 hai lần): địa chỉ IP công cộng của máy chủ "
    "không phải IP đã đăng ký với BHXH, hoặc tài khoản cơ sở sai/bị khóa. Kiểm tra IP đăng ký và tài khoản."
)
