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
    recheck_interval_s = 300            # background re-check of visits not confirmed online (0: off)
    upload_interval_s = 0               # background XML0 check-in upload (0: off, use the CLI)

Environment (overrides the file): ``KIOSK_GATEWAY_CONFIG`` (the file), ``KIOSK_GATEWAY_URL``,
``KIOSK_GATEWAY_USER``, ``KIOSK_GATEWAY_PASSWORD``, ``KIOSK_GATEWAY_PASSWORD_MD5``,
``KIOSK_GATEWAY_FACILITY``, ``KIOSK_GATEWAY_STAFF_NAME``, ``KIOSK_GATEWAY_STAFF_CCCD``,
``KIOSK_GATEWAY_BUDGET_S``, ``KIOSK_GATEWAY_RECHECK_S``, ``KIOSK_GATEWAY_UPLOAD_S``, and for the XML0
signature ``KIOSK_GATEWAY_SIGN_CERT``, ``KIOSK_GATEWAY_SIGN_KEY``, ``KIOSK_GATEWAY_SIGN_PASSWORD_FILE``
(the password itself: in the variable named by ``sign_password_env``, default ``KIOSK_GATEWAY_SIGN_PASSWORD``).
Both sources are validated by pydantic (:class:`GatewayEnvironment` is a pydantic-settings class; values
are coerced to the GatewaySettings field types, and an error names the key, never the value). No gateway
settings at all: the hub runs without a gateway (look-ups answer ``not_configured``); the signing
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

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from kiosk.errors import KioskError
from kiosk.gateway.settings import GatewaySettings, SigningSettings

ENV_CONFIG = "KIOSK_GATEWAY_CONFIG"
ENV_WORKERS = "KIOSK_HUB_WORKERS"
#: GatewaySettings fields about the XML0 signature (they alone do not configure a gateway).
_SIGNING_FIELDS: dict[str, str] = {"sign_certificate_file": "certificate_file", "sign_key_file": "key_file",
                                   "sign_password_env": "password_env", "sign_password_file": "password_file",
                                   "require_signature": "require_signature"}


class GatewayConfigError(KioskError):
    """The gateway settings cannot be used; the message says which key (never a password)."""


@dataclass(frozen=True)
class HubGatewayConfig:
    settings: GatewaySettings
    #: Seconds between background re-checks of visits not confirmed online (0: only `kiosk hub recheck`).
    recheck_interval_s: float = 300.0
    #: Seconds between background check-in uploads (0: only `kiosk hub upload-checkins`).
    upload_interval_s: float = 0.0
    #: Visits re-checked per background round (the rate limit is the real brake).
    recheck_batch: int = 50


def _env(name: str) -> Any:
    return Field(None, validation_alias=AliasChoices(name))


class GatewayEnvironment(BaseSettings):
    """The KIOSK_GATEWAY_* variables (and KIOSK_HUB_WORKERS); each overrides the file's key."""

    model_config = SettingsConfigDict(extra="ignore")

    base_url: str | None = _env("KIOSK_GATEWAY_URL")
    username: str | None = _env("KIOSK_GATEWAY_USER")
    password: str | None = _env("KIOSK_GATEWAY_PASSWORD")
    password_md5: str | None = _env("KIOSK_GATEWAY_PASSWORD_MD5")
    facility_code: str | None = _env("KIOSK_GATEWAY_FACILITY")
    staff_name: str | None = _env("KIOSK_GATEWAY_STAFF_NAME")
    staff_citizen_id: str | None = _env("KIOSK_GATEWAY_STAFF_CCCD")
    answer_budget_s: float | None = _env("KIOSK_GATEWAY_BUDGET_S")
    sign_certificate_file: str | None = _env("KIOSK_GATEWAY_SIGN_CERT")
    sign_key_file: str | None = _env("KIOSK_GATEWAY_SIGN_KEY")
    sign_password_file: str | None = _env("KIOSK_GATEWAY_SIGN_PASSWORD_FILE")
    recheck_interval_s: float | None = _env("KIOSK_GATEWAY_RECHECK_S")
    upload_interval_s: float | None = _env("KIOSK_GATEWAY_UPLOAD_S")
    workers: int = Field(1, ge=1, validation_alias=AliasChoices(ENV_WORKERS))

    def gateway_values(self) -> dict[str, Any]:
        hub_keys = {"recheck_interval_s", "upload_interval_s", "workers"}
        return {k: v for k, v in self.model_dump().items() if k not in hub_keys and v not in (None, "")}


class _HubSection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recheck_interval_s: float = Field(300.0, ge=0)
    upload_interval_s: float = Field(0.0, ge=0)
    recheck_batch: int = Field(50, ge=1)


_GATEWAY_FIELDS = {f.name for f in dataclasses.fields(GatewaySettings)}
_GATEWAY = TypeAdapter(GatewaySettings)


def _problem(exc: ValidationError, where: str) -> GatewayConfigError:
    """The keys and rules that failed, never the values (a password may be among them)."""
    parts = []
    for err in exc.errors(include_url=False, include_input=False, include_context=False):
        key = ".".join(str(p) for p in err["loc"]) or "settings"
        parts.append(f"{key}: {err['msg']}")
    return GatewayConfigError(f"{where}: " + "; ".join(parts))


def _environment(env: Mapping[str, str] | None) -> GatewayEnvironment:
    try:
        if env is None:
            return GatewayEnvironment()
        return GatewayEnvironment.model_validate({k: v for k, v in env.items() if k.startswith("KIOSK_")})
    except ValidationError as exc:
        raise _problem(exc, "environment") from None


def _read_file(path: str | Path) -> dict[str, Any]:
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GatewayConfigError(f"{file}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GatewayConfigError(f"{file}: not a valid TOML file: {exc}") from None
    for section in ("gateway", "hub"):
        if not isinstance(data.get(section, {}), dict):
            raise GatewayConfigError(f"{file}: [{section}] must be a table")
    unknown = sorted(set(data.get("gateway", {})) - _GATEWAY_FIELDS)
    if unknown:
        raise GatewayConfigError(f"{file}: unknown gateway setting {unknown[0]!r}")
    return data


def _file_path(path: str | Path | None, env: Mapping[str, str] | None) -> str | Path | None:
    return path or (os.environ if env is None else env).get(ENV_CONFIG) or None


def load_gateway_config(path: str | Path | None = None,
                        env: Mapping[str, str] | None = None) -> HubGatewayConfig | None:
    """Gateway settings from ``path`` (else ``$KIOSK_GATEWAY_CONFIG``) and the environment; None when
    nothing configures a gateway. Raises GatewayConfigError for an unreadable file or bad values."""
    path = _file_path(path, env)
    data = _read_file(path) if path else {}
    environment = _environment(env)
    gateway = {**data.get("gateway", {}), **environment.gateway_values()}
    if not set(gateway) - set(_SIGNING_FIELDS):
        return None
    if "base_url" not in gateway or "username" not in gateway:
        raise GatewayConfigError("gateway settings need base_url (KIOSK_GATEWAY_URL) and username "
                                 "(KIOSK_GATEWAY_USER)")
    where = str(path) if path else "environment"
    try:
        settings = _GATEWAY.validate_python(gateway)
        hub = _HubSection.model_validate({**data.get("hub", {}), **{
            k: v for k, v in (("recheck_interval_s", environment.recheck_interval_s),
                              ("upload_interval_s", environment.upload_interval_s)) if v is not None}})
    except ValidationError as exc:
        raise _problem(exc, where) from None
    problems = settings.problems()
    if problems:
        raise GatewayConfigError("; ".join(problems))
    settings = _per_worker(settings, environment.workers)
    return HubGatewayConfig(settings, recheck_interval_s=hub.recheck_interval_s,
                            upload_interval_s=hub.upload_interval_s, recheck_batch=hub.recheck_batch)


def load_signing_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> SigningSettings:
    """Only the XML0 signing settings (``[gateway] sign_*``, ``require_signature`` and their variables): what
    ``kiosk hub export xml0`` needs, with or without a gateway account. Raises GatewayConfigError."""
    path = _file_path(path, env)
    data = _read_file(path) if path else {}
    values = {k: v for k, v in {**data.get("gateway", {}), **_environment(env).gateway_values()}.items()
              if k in _SIGNING_FIELDS}
    try:
        return TypeAdapter(SigningSettings).validate_python({_SIGNING_FIELDS[k]: v for k, v in values.items()})
    except ValidationError as exc:
        raise _problem(exc, str(path) if path else "environment") from None


def _per_worker(settings: GatewaySettings, workers: int) -> GatewaySettings:
    """The rate limit lives in each worker process: divide it by the number of workers."""
    if workers == 1:
        return settings
    return dataclasses.replace(settings, lookups_per_minute=settings.lookups_per_minute / workers,
                               lookup_burst=max(1, settings.lookup_burst // workers))
