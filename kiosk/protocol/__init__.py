"""The kiosk ↔ hub wire protocol (version 1), shared by the kiosk's sync client and the hub.

Imports only pydantic and the standard library: the kiosk uses it without loading FastAPI or the hub's
database code. docs/hub-api.md explains the protocol in prose; kiosk/hub/openapi.json is the generated
OpenAPI document.

- :mod:`kiosk.protocol.limits`: field lengths and batch limits (one source for models and columns)
- :mod:`kiosk.protocol.types`: strict scalar types (dates, timestamps with offset, birth dates)
- :mod:`kiosk.protocol.models`: every request and response body
- :mod:`kiosk.protocol.errors`: the one error shape ``{"error": {"code", "message"}}``
"""
