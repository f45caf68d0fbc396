"""The hub's gateway settings: a TOML file (``kiosk hub serve --gateway-config FILE``) and/or the environment.

File (all keys optional except ``base_url``, ``username`` and a password; names = GatewaySettings fields)::

    [gateway]
    base_url = "https://egw.baohiemxahoi.gov.vn"
    username = "01999_BV"
    password_md5 = "…32 hex…"          # or password = "…"
    facility_code = "01999"
    staff_name = "Nguyễn Thị Lễ Tân"
    staff_citizen_id = "001090000001"
    lookups_per_minute = 30
    sign_certificate_file = "/etc/kiosk/facility.p12"   # XML0 signature (or a PEM certificate + sign_key_file)
    sign_password_env = "KIOSK_GATEWAY_SIGN_PASSWORD"   # the variable holding its password (or sign_password_file)

    [hub]
    recheck_interval_s = 300            # background re-check of provisional visits (0: off)
    upload_interval_s = 0               # background XML0 check-in upload (0: off, use the CLI)

Environment (overrides the file): ``KIOSK_GATEWAY_CONFIG`` (the file), ``KIOSK_GATEWAY_URL``,
``KIOSK_GATEWAY_USER``, ``KIOSK_GATEWAY_PASSWORD``, ``KIOSK_GATEWAY_PASSWORD_MD5``,
``KIOSK_GATEWAY_FACILITY``, ``KIOSK_GATEWAY_STAFF_NAME``, ``KIOSK_GATEWAY_STAFF_CCCD``,
``KIOSK_GATEWAY_BUDGET_S``, ``KIOSK_GATEWAY_RECHECK_S``, ``KIOSK_GATEWAY_UPLOAD_S``, and for the XML0
signature ``KIOSK_GATEWAY_SIGN_CERT``, ``KIOSK_GATEWAY_SIGN_KEY``, ``KIOSK_GATEWAY_SIGN_PASSWORD_FILE``
(the password itself: in the variable named by ``sign_password_env``, default ``KIOSK_GATEWAY_SIGN_PASSWORD``).
No gateway settings at all: the hub runs without a gateway (look-ups answer ``not_configured``); the signing
settings alone (:func:`load_signing_settings`) are enough for ``kiosk hub export xml0``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError
from kiosk.gateway.settings import GatewaySettings, SigningSettings

ENV_CONFIG = "KIOSK_GATEWAY_CONFIG"
ENV_WORKERS = "KIOSK_HUB_WORKERS"
_ENV_FIELDS: dict[str, str] = {
    "KIOSK_GATEWAY_URL": "base_url", "KIOSK_GATEWAY_USER": "username", "KIOSK_GATEWAY_PASSWORD": "password",
    "KIOSK_GATEWAY_PASSWORD_MD5": "password_md5", "KIOSK_GATEWAY_FACILITY": "facility_code",
    "KIOSK_GATEWAY_STAFF_NAME": "staff_name", "KIOSK_GATEWAY_STAFF_CCCD": "staff_citizen_id",
    "KIOSK_GATEWAY_BUDGET_S": "answer_budget_s",
    "KIOSK_GATEWAY_SIGN_CERT": "sign_certificate_file", "KIOSK_GATEWAY_SIGN_KEY": "sign_key_file",
    "KIOSK_GATEWAY_SIGN_PASSWORD_FILE": "sign_password_file",
}
#: GatewaySettings fields about the XML0 signature (they alone do not configure a gateway).
_SIGNING_FIELDS: dict[str, str] = {"sign_certificate_file": "certificate_file", "sign_key_file": "key_file",
                                   "sign_password_env": "password_env", "sign_password_file": "password_file",
                                   "require_signature": "require_signature"}
_ENV_HUB: dict[str, str] = {"KIOSK_GATEWAY_RECHECK_S": "recheck_interval_s",
                            "KIOSK_GATEWAY_UPLOAD_S": "upload_interval_s"}


class GatewayConfigError(KioskError):
    """The gateway settings cannot be used; the message says which key (never a password)."""


@dataclass(frozen=True)
class HubGatewayConfig:
    settings: GatewaySettings
    #: Seconds between background re-checks of provisional visits (0: only `kiosk hub recheck`).
    recheck_interval_s: float = 300.0
    #: Seconds between background check-in uploads (0: only `kiosk hub upload-checkins`).
    upload_interval_s: float = 0.0
    #: Visits re-checked per background round (the rate limit is the real brake).
    recheck_batch: int = 50


def _coerce(field: dataclasses.Field[Any], value: Any, where: str) -> Any:
    kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", str(field.type))
    try:
        if kind == "float":
            return float(value)
        if kind == "int":
            return int(value)
        if kind == "bool":
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
        return str(value)
    except (TypeError, ValueError):
        raise GatewayConfigError(f"{where}: {field.name} must be a {kind}") from None


def _settings_from(values: Mapping[str, Any], where: str) -> dict[str, Any]:
    fields = {f.name: f for f in dataclasses.fields(GatewaySettings)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in fields:
            raise GatewayConfigError(f"{where}: unknown gateway setting {key!r}")
        out[key] = _coerce(fields[key], value, where)
    return out


def load_gateway_config(path: str | Path | None = None,
                        env: Mapping[str, str] | None = None) -> HubGatewayConfig | None:
    """Gateway settings from ``path`` (else ``$KIOSK_GATEWAY_CONFIG``) and the environment; None when
    nothing configures a gateway. Raises GatewayConfigError for an unreadable file or bad values."""
    env = os.environ if env is None else env
    path = path or env.get(ENV_CONFIG) or None
    gateway: dict[str, Any] = {}
    hub: dict[str, Any] = {}
    if path:
        file = Path(path)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GatewayConfigError(f"{file}: cannot read: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise GatewayConfigError(f"{file}: not a valid TOML file: {exc}") from None
        section = data.get("gateway", {})
        if not isinstance(section, dict):
            raise GatewayConfigError(f"{file}: [gateway] must be a table")
        gateway.update(_settings_from(section, str(file)))
        hub_section = data.get("hub", {})
        if isinstance(hub_section, dict):
            hub.update(hub_section)
    env_values = {field: env[name] for name, field in _ENV_FIELDS.items() if env.get(name)}
    gateway.update(_settings_from(env_values, "environment"))
    for name, key in _ENV_HUB.items():
        if env.get(name):
            hub[key] = env[name]
    if not set(gateway) - set(_SIGNING_FIELDS):
        return None
    if "base_url" not in gateway or "username" not in gateway:
        raise GatewayConfigError("gateway settings need base_url (KIOSK_GATEWAY_URL) and username "
                                 "(KIOSK_GATEWAY_USER)")
    settings = GatewaySettings(**gateway)
    problems = settings.problems()
    if problems:
        raise GatewayConfigError("; ".join(problems))
    settings = _per_worker(settings, env)
    try:
        return HubGatewayConfig(settings, recheck_interval_s=float(hub.get("recheck_interval_s", 300.0)),
                                upload_interval_s=float(hub.get("upload_interval_s", 0.0)),
                                recheck_batch=int(hub.get("recheck_batch", 50)))
    except (TypeError, ValueError):
        raise GatewayConfigError("[hub] recheck_interval_s, upload_interval_s and recheck_batch must be "
                                 "numbers") from None


def load_signing_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> SigningSettings:
    """Only the XML0 signing settings (``[gateway] sign_*``, ``require_signature`` and their variables): what
    ``kiosk hub export xml0`` needs, with or without a gateway account. Raises GatewayConfigError."""
    env = os.environ if env is None else env
    path = path or env.get(ENV_CONFIG) or None
    values: dict[str, Any] = {}
    if path:
        file = Path(path)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GatewayConfigError(f"{file}: cannot read: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise GatewayConfigError(f"{file}: not a valid TOML file: {exc}") from None
        section = data.get("gateway", {})
        if not isinstance(section, dict):
            raise GatewayConfigError(f"{file}: [gateway] must be a table")
        values.update(_settings_from({k: v for k, v in section.items() if k in _SIGNING_FIELDS}, str(file)))
    env_values = {field: env[name] for name, field in _ENV_FIELDS.items() if env.get(name) and field in _SIGNING_FIELDS}
    values.update(_settings_from(env_values, "environment"))
    return SigningSettings(**{_SIGNING_FIELDS[k]: v for k, v in values.items()})


def _per_worker(settings: GatewaySettings, env: Mapping[str, str]) -> GatewaySettings:
    """The rate limit lives in each worker process: divide it by the number of workers."""
    try:
        workers = max(1, int(env.get(ENV_WORKERS, "1")))
    except ValueError:
        workers = 1
    if workers == 1:
        return settings
    return dataclasses.replace(settings, lookups_per_minute=settings.lookups_per_minute / workers,
                               lookup_burst=max(1, settings.lookup_burst // workers))
