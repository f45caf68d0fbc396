"""Adapter of the BHXH assessment gateway (docs/bhxh-gateway.md, docs/xml0.md): no Qt, no web app.

- :class:`GatewayClient`: token, card look-up, check-in upload (HTTP, ``requests``).
- :class:`GatewayLookupService`: what the hub calls; cache, rate limit, staff identity, answer budget.
- :func:`interpret`: result code -> :class:`GatewayOutcome` (verdict / configuration error / offline).
- :mod:`kiosk.gateway.xml0`: XML0 check-in documents; :mod:`kiosk.gateway.export`: files per visit;
  :class:`CheckinUploader`: upload with retries.
"""

from kiosk.gateway.client import GatewayClient
from kiosk.gateway.codes import RULES, OutcomeKind, rule_for
from kiosk.gateway.errors import (
    GatewayAuthError,
    GatewayError,
    GatewayProtocolError,
    GatewayUnavailable,
    UploadRejected,
)
from kiosk.gateway.interpret import answer_to_cached_cards, interpret
from kiosk.gateway.outcome import GatewayOutcome
from kiosk.gateway.protocol import LookupAnswer, LookupQuery, UploadReceipt
from kiosk.gateway.service import GatewayLookupService, LookupRequest
from kiosk.gateway.settings import GatewaySettings, StaffIdentity
from kiosk.gateway.upload import MAX_FAILURES, CheckinUploader, next_retry_delay

__all__ = [
    "MAX_FAILURES",
    "RULES",
    "CheckinUploader",
    "GatewayAuthError",
    "GatewayClient",
    "GatewayError",
    "GatewayLookupService",
    "GatewayOutcome",
    "GatewayProtocolError",
    "GatewaySettings",
    "GatewayUnavailable",
    "LookupAnswer",
    "LookupQuery",
    "LookupRequest",
    "OutcomeKind",
    "StaffIdentity",
    "UploadReceipt",
    "UploadRejected",
    "answer_to_cached_cards",
    "interpret",
    "next_retry_delay",
    "rule_for",
]
