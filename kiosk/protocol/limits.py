"""Sizes of the wire protocol, in one place.

``VISIT_TEXT_LENGTHS`` is the longest text (in characters) of each text field of a visit. The pydantic
model (kiosk/protocol/models.py ``Visit``) validates against it and the hub's ``hub_visits`` columns
(kiosk/hub/schema.py) are declared from it, so a record the hub accepts always fits both databases
(docs/hub-api.md, "Strict wire types"); tests/hub/test_wire_types.py compares the two.
"""

from __future__ import annotations

from typing import Final

#: Protocol version this hub speaks; a client sends it as ``protocol`` in a push.
PROTOCOL_VERSION: Final = 1
#: Largest number of records in one push batch (more → 413). The client should send ≤ 500.
MAX_BATCH_RECORDS: Final = 1000
#: Recommended batch size for clients.
RECOMMENDED_BATCH_RECORDS: Final = 500
#: Largest request body in bytes, before and after gzip decompression (more → 413).
MAX_BODY_BYTES: Final = 4 * 1024 * 1024
#: Largest body of a card look-up.
MAX_LOOKUP_BYTES: Final = 16 * 1024
#: Default and largest page size of a pull.
DEFAULT_PULL_LIMIT: Final = 5000
MAX_PULL_LIMIT: Final = 10000

#: Longest text of each visit field, in characters (hub_visits column lengths).
VISIT_TEXT_LENGTHS: Final[dict[str, int]] = {
    "id": 36,
    # ISO 8601 with offset is at most 32 characters ("2026-12-07T09:00:00.123456+07:00"); the pattern
    # of kiosk.protocol.types.OffsetTimestamp keeps it there, the column leaves room.
    "created_at": 40,
    "department_code": 20,
    "ticket": 40,
    "verdict": 30,
    "card_kind": 10,
    "card_number": 15,
    "bhxh_number": 10,
    "citizen_id": 12,
    "name": 255,
    "birth_date": 10,
    "gender": 10,
    "card_facility_code": 20,
    "area": 20,
    "object_code": 20,
    # Eligibility under the 2025 rules (issue 14).
    "route": 30,
    "office": 255,
    "admitted_elsewhere": 255,
}
#: Largest queue number a visit may carry.
MAX_QUEUE_NUMBER: Final = 1_000_000
