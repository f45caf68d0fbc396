"""Property-based run of the hub's own OpenAPI document (schemathesis) against the real app, on SQLite and
on PostgreSQL: whatever a client sends, no server error and every answer matches the document (status
code, content type, body schema, headers). Bounded: a few hundred cases per database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kiosk.hub.app import create_app
from kiosk.hub.settings import HubSettings
from tests.hub.support import add_device, auth, open_engine

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'hub.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_cluster").create_database()
    engine: sa.Engine = open_engine(url)
    token = add_device(engine, "fuzz-kiosk")
    app = create_app(HubSettings(rate_per_s=0, anonymous_rate_per_s=0), engine=engine)
    yield app, token
    engine.dispose()


@pytest.mark.slow
def test_hub_answers_match_its_document(hub: tuple[Any, str]) -> None:
    app, token = hub
    api = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in api.get_all_operations()]
    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {
        "POST /v1/sync/push", "GET /v1/sync/pull", "GET /v1/sync/summary", "POST /v1/cards/lookup",
        "GET /v1/health", "GET /v1/device"}
    seen: dict[str, set[int]] = {}
    for operation in operations:
        has_inputs = bool(list(operation.query) or list(operation.body))
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if has_inputs else (GenerationMode.POSITIVE,):

            @settings(max_examples=30, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def answers_match(case: Any) -> None:
                response = case.call_and_validate(headers=auth(token), checks=CHECKS)
                seen.setdefault(case.operation.method.upper() + " " + case.operation.path, set()).add(
                    response.status_code)

            answers_match()
    # The run reached the handlers, not only the validation: stored pushes and real answers.
    assert 200 in seen["POST /v1/sync/push"] and 200 in seen["GET /v1/sync/pull"]
    assert all(code < 500 for codes in seen.values() for code in codes), seen
