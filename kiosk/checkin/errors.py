"""Refusals of the check-in core (subclasses of the store's error root: the CLI maps them alike)."""

from __future__ import annotations

from typing import Any

from kiosk.db.errors import StoreError
from kiosk.db.records import VisitRecord


class AlreadyRegistered(StoreError):
    """The card already has a visit to this department today; nothing was recorded.

    ``visit`` is the earlier visit (with its ticket). Registering again on purpose: ``again=True``
    (``kiosk visit add --again``, the desk's confirmation)."""

    code = "already_registered"
    summary = "This card already has a number for this department today"

    def __init__(self, visit: VisitRecord) -> None:
        super().__init__(f"this card already has ticket {visit.ticket} for department {visit.department_code} "
                         f"today (visit {visit.id}); use --again to record a second visit")
        self.visit = visit

    def to_json(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "visit": self.visit.to_wire()}}
