"""The kiosk ↔ hub sync protocol, version 1: pydantic models of every request and response body.

Limits come from kiosk/protocol/limits.py, strict scalar types from kiosk/protocol/types.py.

This module imports only pydantic and the standard library, so the kiosk's sync client can use it
without importing FastAPI or the hub's database code. docs/hub-api.md explains the protocol in prose;
kiosk/hub/openapi.json is the generated OpenAPI document.

Authentication: every ``/v1/`` request carries ``Authorization: Bearer <device token>``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kiosk.protocol.errors import ErrorBody, ErrorDetail, FieldProblem
from kiosk.protocol.limits import (
    DEFAULT_PULL_LIMIT,
    MAX_BATCH_RECORDS,
    MAX_BODY_BYTES,
    MAX_LOOKUP_BYTES,
    MAX_PULL_LIMIT,
    MAX_QUEUE_NUMBER,
    PROTOCOL_VERSION,
    RECOMMENDED_BATCH_RECORDS,
    VISIT_TEXT_LENGTHS,
)
from kiosk.protocol.types import NO_NUL, BirthDateText, IsoDate, OffsetTimestamp

__all__ = ["DEFAULT_PULL_LIMIT", "MAX_BATCH_RECORDS", "MAX_BODY_BYTES", "MAX_LOOKUP_BYTES", "MAX_PULL_LIMIT",
           "PROTOCOL_VERSION", "RECOMMENDED_BATCH_RECORDS", "ErrorBody", "ErrorDetail", "FieldProblem"]

Verdict = Literal[
    "valid", "expired", "not_yet_valid", "revoked", "reduced", "replaced",
    "name_mismatch", "birth_date_mismatch", "unknown",
]
VERDICTS: tuple[str, ...] = Verdict.__args__  # type: ignore[attr-defined]
CardKind = Literal["bhyt", "cccd", "manual"]
#: Values of ``kiosk.cards.route.Route`` (docs/eligibility.md, "Route and facility level").
RouteValue = Literal["registered_here", "primary_care_anywhere", "referral", "appointment", "emergency",
                     "self_referred", "referral_needed", "outside_route", "unknown"]
GenderValue = Literal["male", "female"]
RecordStatus = Literal["accepted", "duplicate", "rejected"]

_CODE_PATTERN = r"^[A-Za-z0-9._-]+$"
_Code = Annotated[str, Field(min_length=1, max_length=20, pattern=_CODE_PATTERN)]
_BirthDate = BirthDateText
_L = VISIT_TEXT_LENGTHS


def _text(max_length: int) -> Any:
    return Field(max_length=max_length, pattern=NO_NUL)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Visit(_Strict):
    """One check-in as the kiosk recorded it (an append-only event; the hub never changes it)."""

    id: uuid.UUID = Field(description="UUID generated on the kiosk; the visit's identity everywhere")
    created_at: Annotated[OffsetTimestamp, Field(max_length=_L["created_at"])] = Field(
        description="ISO 8601 with seconds and UTC offset (upper-case T and Z), kiosk clock; stored as sent")
    visit_date: IsoDate = Field(description="the clinic's local date of the visit, YYYY-MM-DD")
    department_code: Annotated[str, Field(min_length=1, max_length=_L["department_code"], pattern=_CODE_PATTERN)]
    queue_number: int = Field(ge=0, le=MAX_QUEUE_NUMBER)
    ticket: Annotated[str, _text(_L["ticket"])]
    verdict: Verdict
    provisional: bool = False
    registered_here: bool | None = None
    card_kind: CardKind
    card_number: Annotated[str, _text(_L["card_number"])] | None = None
    bhxh_number: Annotated[str, _text(_L["bhxh_number"])] | None = None
    citizen_id: Annotated[str, _text(_L["citizen_id"])] | None = None
    name: Annotated[str, _text(_L["name"])] | None = None
    birth_date: Annotated[BirthDateText, Field(max_length=_L["birth_date"])] | None = Field(
        default=None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    gender: GenderValue | None = None
    card_facility_code: Annotated[str, _text(_L["card_facility_code"])] | None = None
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    area: Annotated[str, _text(_L["area"])] | None = None
    five_years_on: IsoDate | None = None
    object_code: Annotated[str, _text(_L["object_code"])] | None = None
    benefit_level: int | None = Field(default=None, ge=1, le=5)
    # Eligibility under the 2025 rules (docs/eligibility.md); optional: older kiosks do not send them.
    route: RouteValue | None = Field(default=None, description="the visit's route (docs/eligibility.md)")
    benefit_percent: int | None = Field(default=None, ge=0, le=100,
                                        description="share of covered costs the fund pays on this route")
    self_pay: bool = Field(default=False, description="staff marked the visit self-pay (not billed to BHYT)")
    confirmed_online: bool | None = Field(default=None, description="the gateway confirmed the verdict at "
                                                                    "check-in; false: the hub re-checks it; "
                                                                    "null: an older kiosk (re-checked when "
                                                                    "provisional)")
    identity_checked: bool | None = Field(default=None, description="the desk's 'identity checked' step "
                                                                    "(null: not asked)")
    office: Annotated[str, _text(_L["office"])] | None = Field(default=None,
                                                               description="issuing social-insurance office "
                                                                           "(gateway cqBHXH)")
    admitted_elsewhere: Annotated[str, _text(_L["admitted_elsewhere"])] | None = Field(
        default=None, description="facilities that looked the card up since the last discharge (gateway history)")


class HealthResponse(BaseModel):
    """Body of ``GET /v1/health``."""

    status: Literal["ok"]
    protocol: int
    hub_id: str = Field(description="identity of the hub database")
    version: str = Field(description="the hub's software version")
    server_time: dt.datetime = Field(description="the hub's clock (UTC): compare with the kiosk's")


class DeviceResponse(BaseModel):
    """Body of ``GET /v1/device``."""

    device: str
    facility_code: str
    hub_id: str
    protocol: int


class PushRequest(_Strict):
    """Body of ``POST /v1/sync/push`` (JSON, optionally ``Content-Encoding: gzip``).

    ``records`` items are checked one by one against :class:`Visit`; a bad item is *rejected* in its
    result and does not fail the batch. The whole body fails (422) only when its envelope is wrong.
    """

    batch_id: uuid.UUID = Field(description="client-generated; a repeated batch_id replays the stored result")
    protocol: int = Field(default=PROTOCOL_VERSION, ge=1)
    app_version: Annotated[str, _text(40)] | None = None
    instance_id: Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")] | None = Field(
        default=None, description="the kiosk installation (kiosk.sync.instance); the hub binds the device token "
                                  "to the first one it sees and answers 409 device_cloned to any other")
    records: list[dict[str, Any]] = Field(
        max_length=MAX_BATCH_RECORDS, description=f"Visit objects, at most {MAX_BATCH_RECORDS}",
        json_schema_extra={"items": {"$ref": "#/components/schemas/Visit"}})


class RecordResult(BaseModel):
    id: str = Field(description="the record's id as sent (or its position '#n' when it had no usable id)")
    status: RecordStatus
    reason: str | None = Field(default=None, description="why a record was rejected; no patient data")


class PushResponse(BaseModel):
    batch_id: uuid.UUID
    replayed: bool = Field(description="true when this answer is the stored result of an earlier request")
    received_at: dt.datetime
    accepted: int
    duplicate: int
    rejected: int
    results: list[RecordResult]


class CardRecord(BaseModel):
    """A card of the synced cache; same fields as the card-list CSV (kiosk.cards.cardlist)."""

    card_number: str
    bhxh_number: str | None = None
    citizen_id: str | None = None
    name: str | None = None
    birth_date: str | None = None
    gender: GenderValue | None = None
    facility_code: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    status: Literal["active", "revoked", "reduced", "replaced"] = "active"
    replaced_by: str | None = None


_Prefix = Annotated[str, Field(pattern=r"^[0-9A-Za-z]{1,8}$", description="ticket prefix, 1-8 letters/digits")]


class Department(_Strict):
    """A department (queue). Only the fields the hub's file gave travel; the kiosk keeps the rest."""

    code: _Code
    name: str = Field(min_length=1, max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    room: str | None = Field(default=None, max_length=64)
    ticket_prefix: _Prefix | None = None
    active: bool = True
    sort_order: int = 0


class Service(_Strict):
    """A chargeable service (e.g. the consultation), for XML0's MA_DICH_VU / TEN_DICH_VU. Only the
    fields the hub's file gave travel; the kiosk keeps the rest."""

    code: Annotated[str, Field(min_length=1, max_length=50)]
    name: str = Field(min_length=1, max_length=1024)
    name_en: str | None = Field(default=None, max_length=1024)
    department_code: _Code | None = None
    room: str | None = Field(default=None, max_length=64)
    ticket_prefix: _Prefix | None = None
    price_vnd: int | None = Field(default=None, ge=0)
    active: bool = True
    sort_order: int = 0


class FacilitySetting(_Strict):
    key: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[a-z0-9_.]+$")]
    value: Any = None


class TableChanges(BaseModel):
    upserted: list[dict[str, Any]] = Field(default_factory=list)
    deleted: list[str] = Field(default_factory=list, description="keys of tombstoned rows")


class PullChanges(BaseModel):
    cards: TableChanges = Field(description="upserted: CardRecord objects; deleted: card numbers")
    departments: TableChanges = Field(description="upserted: Department objects; deleted: codes")
    services: TableChanges = Field(description="upserted: Service objects; deleted: codes")
    settings: TableChanges = Field(description="upserted: FacilitySetting objects; deleted: keys")
    visit_updates: TableChanges | None = Field(
        default=None, description="only with ?features=visit_updates: VisitUpdate objects for the calling "
                                  "device's visits (deleted: always empty)")


class VisitUpdate(BaseModel):
    """The gateway's re-check of a visit this device recorded (pull table ``visit_updates``)."""

    visit_id: str
    gateway_verdict: Verdict | None = Field(description="the gateway's verdict")
    gateway_code: str | None = Field(description="raw maKetQua")
    gateway_note: str | None = Field(description="raw ghiChu (show staff the Vietnamese text)")
    gateway_card_number: str | None = Field(description="card number the gateway names (new card after 003/004)")
    verdict_changed: bool = Field(description="differs from the verdict the kiosk recorded: flag it in the "
                                              "desk's visit list")
    needs_staff: bool = Field(description="changed to something other than valid: staff must act")
    checked_at: dt.datetime


class LookupStaff(_Strict):
    """The signed-in desk user named in the gateway look-up (hoTenCb, cccdCb); must be registered with BHXH."""

    name: str = Field(min_length=1, max_length=255, pattern=NO_NUL)
    citizen_id: str = Field(pattern=r"^\d{12}$")


class LookupBody(_Strict):
    """Body of ``POST /v1/cards/lookup``: exactly one of ``card_number`` and ``citizen_id``."""

    card_number: str | None = Field(default=None, pattern=r"^[A-Za-z0-9]{10}$|^[A-Za-z]{2}[0-9]{13}$|^\d{12}$",
                                    description="BHYT card number (15 characters) or the 10-digit BHXH number")
    citizen_id: str | None = Field(default=None, pattern=r"^\d{12}$", description="CCCD number")
    name: str = Field(min_length=1, max_length=255, pattern=NO_NUL)
    birth_date: _BirthDate = Field(description="YYYY-MM-DD, YYYY-MM or YYYY")
    visit_date: IsoDate = Field(description="the clinic's local date of the visit")
    staff: LookupStaff | None = Field(default=None, description="signed-in desk user; default: the facility's "
                                                                "configured account")
    budget_s: float | None = Field(default=None, gt=0, le=30,
                                   description="answer within this many seconds (the patient's budget less the "
                                               "network's share); the hub uses the smaller of this and its own "
                                               "answer budget. Omitted: the hub's answer budget")


LookupKind = Literal["verdict", "config_error", "offline", "rate_limited", "pending", "not_configured"]


class LookupResponse(BaseModel):
    """Answer of ``POST /v1/cards/lookup`` (always HTTP 200 once authenticated and well-formed)."""

    kind: LookupKind = Field(description="verdict: show `verdict`; anything else: use the provisional verdict")
    verdict: Verdict | None
    use_provisional: bool = Field(description="true: keep the kiosk's own (provisional) verdict; the hub "
                                              "re-checks the visit later")
    code: str | None = Field(description="raw maKetQua (None: no gateway answer)")
    note: str | None = Field(description="raw ghiChu")
    action_vi: str
    action_en: str
    card_number: str | None = Field(description="card number to use for the visit (new card after 003/004)")
    replaced_by: str | None
    cards: list[CardRecord] = Field(description="card records to upsert into the kiosk's cache")
    answered_at: dt.datetime | None
    from_cache: bool
    details: dict[str, Any] | None = Field(
        default=None, description="card data the gateway answered besides validity: area (maKV as K1-K3), "
                                  "five_years_on (ngayDu5Nam), office (cqBHXH), old_card/new_card, checks "
                                  "(look-up history dsLichSuKT2018: user, checked_at, message, code), "
                                  "last_discharge")
    warnings: list[str] = Field(default_factory=list,
                                description="warnings for staff, e.g. 'admitted_elsewhere: <facility> <time>'")


class PullResponse(BaseModel):
    """Body of ``GET /v1/sync/pull``. Apply ``changes`` first, then store ``next_cursor``."""

    hub_id: str = Field(description="identity of the hub database; if it changes, drop the cache and "
                                    "pull again from an empty cursor")
    facility_code: str
    cursor: str = Field(description="the cursor this page starts after ('' = from the beginning)")
    next_cursor: str = Field(description="store this after applying the page; send it as ?cursor=")
    has_more: bool = Field(description="true: request the next page now")
    count: int = Field(description="number of changed rows in this page")
    features: list[str] = Field(default_factory=list,
                                description="optional tables this page carries (asked for with ?features=)")
    changes: PullChanges


class SummaryResponse(BaseModel):
    """Body of ``GET /v1/sync/summary``: what the hub holds for this device on one visit date."""

    device: str
    facility_code: str
    date: dt.date
    visits: int
    by_verdict: dict[str, int]


TABLES: tuple[str, ...] = ("cards", "departments", "services", "settings")
#: Optional pull tables a client must ask for (``?features=visit_updates``); older kiosks never get them.
PULL_FEATURES: tuple[str, ...] = ("visit_updates",)
