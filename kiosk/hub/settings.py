"""The hub server's settings: one typed class read from keyword arguments and the environment
(pydantic-settings), used by ``kiosk hub serve`` and by every uvicorn worker (``create_app_from_env``).

| Setting | Variable | Default |
|---|---|---|
| ``db_url`` | ``KIOSK_HUB_DB`` | hub.sqlite3 in the data directory |
| ``rate_per_s`` / ``burst`` | ``KIOSK_HUB_RATE`` / ``KIOSK_HUB_BURST`` | 10 / 30 (per device, all workers) |
| ``anonymous_rate_per_s`` / ``anonymous_burst`` | ``KIOSK_HUB_ANON_RATE`` / ``KIOSK_HUB_ANON_BURST`` | 1 / 20 |
| ``shared_rate_limit`` | ``KIOSK_HUB_SHARED_RATE_LIMIT`` | true: per-device buckets in the database |

``anonymous_*``: requests without a valid token, per client address (docs/hub-api.md, "Rate limits").
| ``pool_size`` | ``KIOSK_HUB_POOL`` | 10 |
| ``workers`` | ``KIOSK_HUB_WORKERS`` | 1 |
| ``gateway_config_file`` | ``KIOSK_GATEWAY_CONFIG`` | none (gateway settings: kiosk/hub/gateway_config.py) |
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from kiosk.hub.gateway_config import HubGatewayConfig, load_gateway_config
from kiosk.protocol.limits import MAX_BODY_BYTES

ENV_RATE = "KIOSK_HUB_RATE"
ENV_BURST = "KIOSK_HUB_BURST"


class HubSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True, arbitrary_types_allowed=True,
                                      frozen=False)

    #: Database URL (None: hub.sqlite3 in the data directory).
    db_url: str | None = Field(None, validation_alias=AliasChoices("db_url", "KIOSK_HUB_DB"))
    #: Requests per second allowed per device on average (0 disables rate limiting).
    rate_per_s: float = Field(10.0, ge=0, validation_alias=AliasChoices("rate_per_s", "KIOSK_HUB_RATE"))
    #: Requests a device may make in a burst above the average rate.
    burst: int = Field(30, ge=1, validation_alias=AliasChoices("burst", "KIOSK_HUB_BURST"))
    #: Requests without a valid token, per client address (0 disables).
    anonymous_rate_per_s: float = Field(1.0, ge=0, validation_alias=AliasChoices("anonymous_rate_per_s",
                                                                                 "KIOSK_HUB_ANON_RATE"))
    anonymous_burst: int = Field(20, ge=1, validation_alias=AliasChoices("anonymous_burst", "KIOSK_HUB_ANON_BURST"))
    #: Keep the per-device buckets in the database (shared by all workers); False: in this process.
    shared_rate_limit: bool = Field(True, validation_alias=AliasChoices("shared_rate_limit",
                                                                        "KIOSK_HUB_SHARED_RATE_LIMIT"))
    max_body_bytes: int = Field(MAX_BODY_BYTES, ge=1024)
    pool_size: int = Field(10, ge=1, validation_alias=AliasChoices("pool_size", "KIOSK_HUB_POOL"))
    workers: int = Field(1, ge=1, validation_alias=AliasChoices("workers", "KIOSK_HUB_WORKERS"))
    #: TOML file of the gateway settings (kiosk/hub/gateway_config.py).
    gateway_config_file: Path | None = Field(None, validation_alias=AliasChoices("gateway_config_file",
                                                                                  "KIOSK_GATEWAY_CONFIG"))
    #: Gateway settings already read (tests, ``hub serve``); None: read from ``gateway_config_file`` and the
    #: environment by :meth:`load_gateway`.
    gateway: HubGatewayConfig | None = Field(None, exclude=True)

    def load_gateway(self) -> HubGatewayConfig | None:
        """The gateway settings: ``gateway`` when given, else the file and KIOSK_GATEWAY_* variables."""
        if self.gateway is not None:
            return self.gateway
        return load_gateway_config(self.gateway_config_file)
