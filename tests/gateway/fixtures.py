"""Pytest fixtures ``standin_server`` and ``standin`` for the stand-in gateway, shared by the gateway, hub
and sync tests: import ``standin_fixture, standin_server_fixture`` into a conftest or test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.gateway.standin import StandinHolder


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
