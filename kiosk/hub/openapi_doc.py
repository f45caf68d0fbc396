"""The OpenAPI document: FastAPI's schema plus the protocol models that travel inside loose JSON
(push records, pull changes, the look-up body), and the committed copy kiosk/hub/openapi.json
(rewritten by ``python -m kiosk.hub.openapi_write``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

from kiosk.protocol.errors import ErrorBody
from kiosk.protocol.models import (
    CardRecord,
    Department,
    FacilitySetting,
    LookupBody,
    PushRequest,
    RecordResult,
    Service,
    Visit,
    VisitUpdate,
)

COMMITTED = Path(__file__).parent / "openapi.json"
_EXTRA_MODELS = (PushRequest, Visit, RecordResult, CardRecord, Department, Service, FacilitySetting, LookupBody,
                 VisitUpdate, ErrorBody)


def install_openapi(app: FastAPI) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version="1", description=app.description, routes=app.routes)
        _, defs = models_json_schema([(m, "validation") for m in _EXTRA_MODELS],
                                     ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model_schema in defs.get("$defs", {}).items():
            components.setdefault(name, model_schema)
        schema["components"]["schemas"] = dict(sorted(components.items()))
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]


def render(app: FastAPI) -> str:
    """The document as committed: sorted keys, 2-space indent, final newline."""
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
