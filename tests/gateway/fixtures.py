"""Pytest fixtures ``standin_server`` and ``standin`` for the stand-in gateway, shared by the gateway, hub
and sync tests: import ``standin_fixture, standin_server_fixture`` into a conftest or test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gateway.standin import DEFAULT_PASSWORD, StandinHolder


@pytest.fixture(scope="session", name="standin_server")
def standin_server_fixture() -> Iterator[StandinHolder]:
    holder = StandinHolder.start()
    try:
        yield holder
    finally:
        holder.stop()


@pytest.fixture(name="standin")
def standin_fixture(standin_server: StandinHolder) -> Iterator[StandinHolder]:
    """The running stand-in with a fresh state (slow answers of the previous test are released)."""
    standin_server.reset()
    yield standin_server
    standin_server.state.closing.set()


def write_gateway_config(path: Path, standin_url: str, *, facility: str = "10099",
                         staff: tuple[str, str] = ("Nguyễn Thị Lễ Tân", "001090000001"), gateway_extra: str = "",
                         recheck_interval_s: float = 0) -> Path:
    """A hub gateway-config TOML (``--gateway-config``) for the stand-in at ``standin_url``: the facility's
    account and staff identity, ``gateway_extra`` lines in ``[gateway]``, the re-check interval in ``[hub]``."""
    path.write_text(f'[gateway]\nbase_url = "{standin_url}"\nusername = "{facility}_BV"\n'
                    f'password = "{DEFAULT_PASSWORD}"\nfacility_code = "{facility}"\nstaff_name = "{staff[0]}"\n'
                    f'staff_citizen_id = "{staff[1]}"\n{gateway_extra}'
                    f"[hub]\nrecheck_interval_s = {recheck_interval_s:g}\n", encoding="utf-8")
    return path
