"""HTTP client of the BHXH assessment gateway (docs/bhxh-gateway.md): session token, card look-up, check-in upload.

- Token from ``POST /api/token/take`` (form, MD5 password), cached and refreshed
  ``token_refresh_margin_s`` before it expires; on HTTP 401 (or ``maKetQua`` 401) the token is dropped,
  the client logs in again and retries **once**; a second 401 raises :class:`GatewayAuthError` naming the
  likely causes (IP not registered, bad account).
- Error bodies are read: any answer carrying ``maKetQua`` is returned, whatever its HTTP status.
- Connect and total timeouts come from the settings. Transport failures raise :class:`GatewayUnavailable`.
- URLs are never logged: look-ups carry the token and password hash in the query string. Exceptions are
  re-raised without the library's message (which contains the URL), and a filter redacts credentials from
  ``urllib3``'s debug log lines.

Thread-safe: one ``requests.Session`` per thread; token refresh is serialised.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests

from kiosk.gateway.errors import (
    IP_OR_ACCOUNT_HINT,
    IP_OR_ACCOUNT_HINT_VI,
    GatewayAuthError,
    GatewayProtocolError,
    GatewayUnavailable,
)
from kiosk.gateway.protocol import (
    CHECKIN_PATH,
    LOOKUP_PATH,
    TOKEN_PATH,
    LookupAnswer,
    LookupQuery,
    UploadReceipt,
    parse_expires_in,
    redact,
    result_code,
)
from kiosk.gateway.settings import GatewaySettings, StaffIdentity
from kiosk.gateway.upload_wire import checkin_form, read_upload_answer

log = logging.getLogger("kiosk.gateway")

MAX_ANSWER_BYTES = 2 * 1024 * 1024


class _RedactCredentials(logging.Filter):
    """Rewrites log records so that credential query parameters never reach a log handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is not ours to fix
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def install_log_redaction() -> None:
    """Attach the redaction filter to the loggers that print request lines (idempotent)."""
    for name in ("urllib3.connectionpool", "urllib3", "requests"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _RedactCredentials) for f in logger.filters):
            logger.addFilter(_RedactCredentials())


install_log_redaction()


@dataclass(frozen=True)
class Token:
    access_token: str
    id_token: str
    username: str
    expires_at: dt.datetime
    #: When to log in again: ``token_refresh_margin_s`` early, but never earlier than half the lifetime.
    refresh_at: dt.datetime


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class GatewayClient:
    def __init__(self, settings: GatewaySettings, *,
                 session_factory: Callable[[], requests.Session] = requests.Session,
                 clock: Callable[[], dt.datetime] = _utcnow) -> None:
        self.settings = settings
        self._base = settings.base_url.rstrip("/")
        self._session_factory = session_factory
        self._clock = clock
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()
        self._token_lock = threading.Lock()
        self._login_lock = threading.Lock()
        self._token: Token | None = None
        #: Number of successful logins (for tests and the hub's status page).
        self.logins = 0

    # -- transport ------------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self._session_factory()
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def _post(self, path: str, *, data: Mapping[str, str], params: Mapping[str, str] | None = None,
              headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """POST a form; (HTTP status, decoded JSON or None). Raises GatewayUnavailable on transport errors."""
        total = self.settings.total_timeout_s
        start = time.monotonic()
        what = path.rsplit("/", 1)[-1]
        try:
            response = self._session().post(
                self._base + path, params=params, data=data, headers=dict(headers or {}),
                timeout=(self.settings.connect_timeout_s, total), stream=True)
            with response:
                body = bytearray()
                for chunk in response.iter_content(65536):
                    body.extend(chunk)
                    if len(body) > MAX_ANSWER_BYTES:
                        raise GatewayProtocolError(f"gateway answer to {what} is larger than {MAX_ANSWER_BYTES} bytes")
                    if time.monotonic() - start > total:
                        raise GatewayUnavailable(f"gateway did not finish answering {what} within {total:g} s",
                                                 f"Cổng giám định không trả lời {what} trong {total:g} giây")
                status = response.status_code
        except requests.Timeout:
            raise GatewayUnavailable(f"gateway did not answer {what} in time (timeout)",
                                     f"Cổng giám định không trả lời {what} kịp thời") from None
        except requests.RequestException as exc:
            raise GatewayUnavailable(f"gateway connection failed during {what} ({type(exc).__name__})",
                                     f"Không kết nối được cổng giám định ({what})") from None
        try:
            return status, json.loads(body.decode("utf-8-sig")) if body else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            return status, None

    # -- token ------------------------------------------------------------------------------------
    def login(self) -> Token:
        """Obtain a new session token (and cache it)."""
        form = {"username": self.settings.username, "password": self.settings.password_hash()}
        status, body = self._post(TOKEN_PATH, data=form)
        code = result_code(body.get("maKetQua")) if isinstance(body, dict) else None
        api_key = body.get("APIKey") if isinstance(body, dict) else None
        if isinstance(api_key, dict) and api_key.get("access_token") and code in (None, "200") and status < 400:
            now = self._clock()
            expires = parse_expires_in(api_key.get("expires_in"), now)
            if expires is None:
                log.warning("gateway login: unreadable expires_in; assuming %g s",
                            self.settings.default_token_lifetime_s)
                expires = now + dt.timedelta(seconds=self.settings.default_token_lifetime_s)
            lifetime = max(0.0, (expires - now).total_seconds())
            margin = min(self.settings.token_refresh_margin_s, lifetime / 2)
            token = Token(str(api_key["access_token"]), str(api_key.get("id_token") or ""),
                          str(api_key.get("username") or self.settings.username), expires,
                          expires - dt.timedelta(seconds=margin))
            with self._token_lock:
                self._token = token
                self.logins += 1
            log.info("gateway login ok for %s; token valid until %s", token.username, expires.isoformat())
            return token
        if status == 401 or code in ("401", "402", "403"):
            raise GatewayAuthError(
                f"The gateway refused the facility account {self.settings.username!r} (code {code or status}): "
                "check the user name and password, and that this host's IP is registered with BHXH.",
                f"Cổng giám định từ chối tài khoản {self.settings.username!r} (mã {code or status}): "
                "kiểm tra tên đăng nhập, mật khẩu và IP đã đăng ký với BHXH.")
        if status >= 500 or code == "500":
            raise GatewayUnavailable(f"gateway login failed with a server error (code {code or status})",
                                     f"Cổng giám định lỗi máy chủ khi đăng nhập (mã {code or status})")
        raise GatewayProtocolError(f"unexpected answer to the gateway login (HTTP {status}, code {code})")

    def _valid_token(self) -> Token:
        with self._token_lock:
            token = self._token
        if token is not None and self._clock() < token.refresh_at:
            return token
        with self._login_lock:
            with self._token_lock:
                token = self._token
            if token is not None and self._clock() < token.refresh_at:
                return token  # another thread logged in meanwhile
            return self.login()

    def drop_token(self, token: Token | None = None) -> None:
        """Forget the cached token (only if it is still ``token``, when given)."""
        with self._token_lock:
            if token is None or self._token is token:
                self._token = None

    # -- calls ------------------------------------------------------------------------------------
    def _authorised(self, call: Callable[[Token], tuple[int, Any]]) -> tuple[int, Any]:
        """Run ``call`` with a valid token; on 401 log in again and retry once."""
        for attempt in (1, 2):
            token = self._valid_token()
            status, body = call(token)
            code = result_code(body.get("maKetQua")) if isinstance(body, dict) else None
            if status != 401 and code != "401":
                return status, body
            self.drop_token(token)
            if attempt == 1:
                log.info("gateway answered 401; logging in again and retrying once")
        raise GatewayAuthError(IP_OR_ACCOUNT_HINT, IP_OR_ACCOUNT_HINT_VI)

    def lookup(self, query: LookupQuery, staff: StaffIdentity) -> LookupAnswer:
        """Card look-up (``KQNhanLichSuKCB2024``). Returns the answer for any ``maKetQua`` except 401."""
        form = query.form(staff.name, staff.citizen_id)

        def call(token: Token) -> tuple[int, Any]:
            params = {"token": token.access_token, "id_token": token.id_token,
                      "username": self.settings.username, "password": self.settings.password_hash()}
            return self._post(LOOKUP_PATH, params=params, data=form)

        status, body = self._authorised(call)
        code = result_code(body.get("maKetQua")) if isinstance(body, dict) else None
        if code is None or not isinstance(body, dict):
            if status >= 500 or status in (408, 429):
                raise GatewayUnavailable(f"gateway look-up failed with HTTP {status} and no result code",
                                         f"Cổng giám định lỗi (HTTP {status})")
            raise GatewayProtocolError(f"gateway look-up answer has no maKetQua (HTTP {status})")
        note = body.get("ghiChu")
        return LookupAnswer(code=code, note=None if note is None else str(note), http_status=status,
                            fields=dict(body), received_at=self._clock())

    def upload_checkin(self, document: bytes, facility_code: str, record_key: str | None = None,
                       attempts: int = 1) -> UploadReceipt:
        """One check-in upload (``checkInKcbQd3176``, ``loaiHoSo=0``) of the whole XML0 file.

        Raises UploadRejected (a result code other than 200), GatewayUnavailable, GatewayAuthError.
        """
        form = checkin_form(self.settings.username, facility_code, document)

        def call(token: Token) -> tuple[int, Any]:
            headers = {"accessToken": token.access_token, "tokenId": token.id_token,
                       "passwordHash": self.settings.password_hash()}
            return self._post(CHECKIN_PATH, data=form, headers=headers)

        status, body = self._authorised(call)
        return read_upload_answer(status, body, record_key, attempts)
