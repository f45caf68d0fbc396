"""Settings of the gateway adapter (the hub owns them; kiosks never hold gateway credentials).

The hub builds a :class:`GatewaySettings` from its own configuration. Defaults follow docs/bhxh-gateway.md §4:
connect timeout 15 s, total 60 s, a 900 s debounce per card, a per-minute look-up cap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class StaffIdentity:
    """The staff member named in a look-up (``hoTenCb``, ``cccdCb``); must be registered with BHXH."""

    name: str
    citizen_id: str

    def __post_init__(self) -> None:
        if not self.name.strip() or not self.citizen_id.strip():
            raise ValueError("staff identity needs both a name and a CCCD number")


@dataclass(frozen=True)
class SigningSettings:
    """Where the facility's signing certificate and key are (``[gateway] sign_*`` keys, see GatewaySettings)."""

    #: PKCS#12 (.p12/.pfx) file, or a PEM/DER certificate file with ``key_file``.
    certificate_file: str = ""
    #: PEM private key for a certificate given alone.
    key_file: str = ""
    #: Environment variable holding the password of the PKCS#12 file or of the key.
    password_env: str = "KIOSK_GATEWAY_SIGN_PASSWORD"
    #: File whose first line is the password (takes precedence over the variable).
    password_file: str = ""
    #: Unsigned files are never queued or uploaded (see GatewaySettings.require_signature).
    require_signature: bool = True

    @property
    def configured(self) -> bool:
        return bool(self.certificate_file.strip())


@dataclass(frozen=True)
class GatewaySettings:
    #: Gateway base URL, e.g. "https://egw.baohiemxahoi.gov.vn" (training: "https://daotaoegw.baohiemxahoi.gov.vn").
    base_url: str
    #: Facility account, usually "<MA_CSKCB>_BV".
    username: str
    #: Account password in clear; leave empty when ``password_md5`` is given.
    password: str = ""
    #: MD5 hex of the password (preferred: the clear password need not be stored).
    password_md5: str = ""
    #: Send the MD5 hex in upper case (both cases are seen in public clients; docs/bhxh-gateway.md §10.1).
    md5_upper_case: bool = False
    #: This facility's 5-character code (MA_CSKCB); the rate limit is kept per facility.
    facility_code: str = ""
    #: Staff name used when a call names no signed-in desk user (the facility's configured account).
    staff_name: str = ""
    #: That staff member's CCCD; must be on the facility's registered user list (codes 054/055).
    staff_citizen_id: str = ""
    #: Seconds to wait for a TCP connection.
    connect_timeout_s: float = 15.0
    #: Seconds an HTTP call may take in total (docs/bhxh-gateway.md: 60-120 s observed).
    total_timeout_s: float = 60.0
    #: Refresh the session token this many seconds before it expires.
    token_refresh_margin_s: float = 60.0
    #: Token lifetime assumed when the login answer carries no usable ``expires_in``.
    default_token_lifetime_s: float = 600.0
    #: Seconds a gateway verdict is reused for the same card (debounce; one public client uses 900 s).
    cache_ttl_s: float = 900.0
    #: Largest number of cached answers kept (oldest dropped first).
    cache_max_entries: int = 10_000
    #: Look-ups per minute allowed per facility (token bucket average rate).
    lookups_per_minute: float = 30.0
    #: Look-ups a facility may make in a burst above the average rate.
    lookup_burst: int = 10
    #: After an offline-type failure (timeout, 5xx, codes 100/101/500), answer "offline" for this long.
    offline_backoff_s: float = 30.0
    #: After a configuration error (054/055, second 401), answer it from memory for this long.
    config_error_backoff_s: float = 300.0
    #: Default seconds a caller waits for an answer before getting "pending" (kiosk budget is 3 s).
    answer_budget_s: float = 2.5
    #: Gateway calls running at once in the background.
    max_workers: int = 4
    #: Upload: attempts per call for offline-type failures, and the first back-off delay.
    upload_attempts: int = 3
    upload_backoff_s: float = 2.0
    #: Facility signing certificate for XML0 files (<CHUKYDONVI>): a PKCS#12 file (.p12/.pfx, certificate and
    #: key) or a PEM/DER certificate file; the certificate must be registered on the BHXH portal.
    sign_certificate_file: str = ""
    #: PEM private key file when ``sign_certificate_file`` holds the certificate alone (empty for PKCS#12).
    sign_key_file: str = ""
    #: Name of the environment variable holding the PKCS#12 / key password (never put the password itself here).
    sign_password_env: str = "KIOSK_GATEWAY_SIGN_PASSWORD"
    #: File whose first line is that password (e.g. readable by the hub's user only); used instead of the variable.
    sign_password_file: str = ""
    #: Refuse to upload (or queue) unsigned check-in files: signing is mandatory from 01/01/2026 (NĐ 188/2025
    #: Đ69 k9). Turn off only against a training gateway that accepts unsigned files.
    require_signature: bool = True

    def signing_settings(self) -> SigningSettings:
        return SigningSettings(self.sign_certificate_file, self.sign_key_file, self.sign_password_env,
                               self.sign_password_file, self.require_signature)

    def password_hash(self) -> str:
        """The MD5 hex sent as ``password`` / ``passwordHash`` (the protocol asks for MD5)."""
        digest = self.password_md5.strip() or hashlib.md5(self.password.encode("utf-8")).hexdigest()
        return digest.upper() if self.md5_upper_case else digest.lower()

    def default_staff(self) -> StaffIdentity | None:
        if self.staff_name.strip() and self.staff_citizen_id.strip():
            return StaffIdentity(self.staff_name.strip(), self.staff_citizen_id.strip())
        return None

    def problems(self) -> list[str]:
        """What is wrong with these settings (empty when usable)."""
        out = []
        if not self.base_url.startswith(("http://", "https://")):
            out.append("gateway base_url must start with http:// or https://")
        if not self.username.strip():
            out.append("gateway username (facility account, e.g. 01999_BV) is empty")
        if not self.password and not self.password_md5:
            out.append("gateway password (or password_md5) is empty")
        if self.password_md5 and len(self.password_md5.strip()) != 32:
            out.append("gateway password_md5 must be 32 hex characters")
        if self.connect_timeout_s <= 0 or self.total_timeout_s <= 0:
            out.append("gateway timeouts must be positive")
        return out
