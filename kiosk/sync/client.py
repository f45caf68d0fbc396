"""HTTP client for the hub's sync API (protocol: kiosk/protocol/models.py, docs/hub-api.md).

Every failure becomes a :class:`SyncError` that says whether retrying can help (``transient``) and how
long the server asked us to wait (``retry_after_s``). Messages never carry patient data or the token.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import requests

if TYPE_CHECKING:
    from kiosk.config import HubConfig

from kiosk import __version__
from kiosk.errors import KioskError
from kiosk.protocol.errors import read_error
from kiosk.protocol.limits import PROTOCOL_VERSION
from kiosk.sync.backoff import parse_retry_after

#: Bodies larger than this are sent gzip-compressed.
GZIP_THRESHOLD_BYTES = 8 * 1024


class SyncError(KioskError):
    """A sync request failed. ``transient``: retrying later may succeed."""

    code = "sync_error"
    summary = "Synchronisation with the hub failed"
    transient = True

    def __init__(self, message: str, *, status: int | None = None, retry_after_s: float | None = None,
                 hub_code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after_s = retry_after_s
        #: The hub's error code (``{"error": {"code"}}``), when it answered with one (``code`` is the
        #: kiosk's own, see kiosk.errors).
        self.hub_code = hub_code


class HubUnreachable(SyncError):
    """No answer: network down, hub down, timeout, connection cut mid-response."""

    code = "hub_unreachable"
    summary = "The hub cannot be reached"
    environment = True


class HubBusy(SyncError):
    """429 / 503: the hub asks us to come back later (``retry_after_s``)."""

    code = "hub_busy"
    summary = "The hub is busy"
    environment = True


class HubServerError(SyncError):
    """5xx: a fault on the hub; retry with backoff."""

    code = "hub_server_error"
    summary = "The hub reported a fault"


class HubRejected(SyncError):
    """The hub refused the request itself (bad token, wrong facility, malformed): retrying will not help."""

    code = "hub_rejected"
    summary = "The hub refused the request"

    transient = False


class BatchTooLarge(HubRejected):
    """413: send smaller batches."""


class DeviceCloned(HubRejected):
    """409 ``device_cloned``: another kiosk installation uploads with this token (a copied device
    database); this kiosk must be registered as a new device."""

    code = "device_cloned"
    summary = "Another kiosk uses this device's token: register this kiosk as a new device"


class NotConfigured(HubRejected):
    """No hub URL or token in the configuration."""


@dataclass(frozen=True, slots=True)
class PullPage:
    hub_id: str
    facility_code: str
    cursor: str
    next_cursor: str
    has_more: bool
    count: int
    #: table -> {"upserted": [...], "deleted": [...]} (tables: cards, departments, services, settings)
    changes: dict[str, dict[str, list[Any]]]


class HubClient:
    """One hub, one device token. Thread-compatible: use one client per thread."""

    def __init__(self, base_url: str, token: str, *, connect_timeout_s: float = 5.0,
                 read_timeout_s: float = 30.0, session: requests.Session | None = None,
                 ca_bundle: str = "") -> None:
        if not base_url or not token:
            raise NotConfigured("no hub configured: set [hub] url and token, or KIOSK_HUB_URL and KIOSK_HUB_TOKEN")
        self.base_url = base_url.rstrip("/")
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._session = session or requests.Session()
        # [hub] ca_bundle: the private CA that signed the hub's certificate. Passed with every request:
        # requests lets $REQUESTS_CA_BUNDLE override a session-wide setting.
        self._verify: str | bool = ca_bundle or True
        self._session.headers.update({
            "Authorization": f"Bearer {token}",
            "User-Agent": f"clinic-kiosk/{__version__}",
            "Accept": "application/json",
        })

    @classmethod
    def from_config(cls, hub: HubConfig, *, connect_timeout_s: float = 5.0) -> HubClient:
        """The client of the ``[hub]`` section (url, token, timeout_s, ca_bundle)."""
        return cls(hub.url, hub.token, connect_timeout_s=connect_timeout_s, read_timeout_s=hub.timeout_s,
                   ca_bundle=hub.ca_bundle)

    def close(self) -> None:
        self._session.close()

    def _request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                 body: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> Any:
        data: bytes | None = None
        send_headers = dict(headers or {})
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            send_headers["Content-Type"] = "application/json"
            if len(data) > GZIP_THRESHOLD_BYTES:
                data = gzip.compress(data, compresslevel=5)
                send_headers["Content-Encoding"] = "gzip"
        try:
            response = self._session.request(method, self.base_url + path, params=params, data=data,
                                             headers=send_headers, timeout=self._timeout,
                                             verify=self._verify)
            payload_bytes = response.content  # reads the whole body: a cut connection raises here
        except requests.Timeout as exc:
            raise HubUnreachable(f"the hub did not answer in time ({type(exc).__name__})") from None
        except requests.RequestException as exc:
            raise HubUnreachable(f"cannot reach the hub ({type(exc).__name__})") from None
        status = response.status_code
        if status >= 400:
            self._raise_for(status, payload_bytes, response.headers.get("Retry-After"))
        try:
            return json.loads(payload_bytes)
        except ValueError:
            raise HubServerError(f"the hub sent an unreadable answer (HTTP {status})", status=status) from None

    @staticmethod
    def _raise_for(status: int, payload: bytes, retry_after: str | None) -> None:
        """The hub's error answer ``{"error": {"code", "message"}}`` (docs/hub-api.md) as a SyncError."""
        try:
            code, text = read_error(json.loads(payload))
        except ValueError:
            code, text = None, None
        detail = f"{code}: {text}" if code or text else ""
        message = f"HTTP {status}" + (f" {detail}" if detail else "")
        wait = parse_retry_after(retry_after)
        if status == 413:
            raise BatchTooLarge(message, status=status, hub_code=code)
        if status == 409 and code == "device_cloned":
            raise DeviceCloned(message, status=status, hub_code=code)
        if status in (408, 429, 503):
            raise HubBusy(message, status=status, retry_after_s=wait, hub_code=code)
        if status >= 500:
            raise HubServerError(message, status=status, retry_after_s=wait, hub_code=code)
        raise HubRejected(message, status=status, hub_code=code)

    def health(self) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", "/v1/health")
        return result

    def whoami(self) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", "/v1/device")
        return result

    def push(self, batch_id: uuid.UUID, records: list[dict[str, Any]],
             instance_id: str | None = None) -> dict[str, Any]:
        """Upload one batch; the answer carries ``results`` [{id, status, reason}] for every record.
        ``instance_id``: this installation (kiosk.sync.instance), so the hub can tell a copied database."""
        body: dict[str, Any] = {"batch_id": str(batch_id), "protocol": PROTOCOL_VERSION,
                                "app_version": __version__, "records": records}
        if instance_id is not None:
            body["instance_id"] = instance_id
        result: dict[str, Any] = self._request("POST", "/v1/sync/push", body=body,
                                               headers={"Idempotency-Key": str(batch_id)})
        return result

    def pull(self, cursor: str, limit: int, features: tuple[str, ...] = ()) -> PullPage:
        """One page. ``features``: optional tables to receive too (e.g. ("visit_updates",)); the page's
        ``changes`` then holds them; only ask for what the store can apply (docs/hub-api.md)."""
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if features:
            params["features"] = ",".join(features)
        body = self._request("GET", "/v1/sync/pull", params=params)
        try:
            return PullPage(hub_id=str(body["hub_id"]), facility_code=str(body["facility_code"]),
                            cursor=str(body["cursor"]), next_cursor=str(body["next_cursor"]),
                            has_more=bool(body["has_more"]), count=int(body["count"]), changes=body["changes"])
        except (KeyError, TypeError, ValueError):
            raise HubServerError("the hub's pull answer is missing fields") from None

    def summary(self, date: dt.date) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", "/v1/sync/summary", params={"date": date.isoformat()})
        return result
