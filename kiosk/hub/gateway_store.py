"""The hub database's side of the gateway: cards from answers, visit re-checks, visits for XML0, check-ins.

Card answers go through :func:`kiosk.hub.changes.upsert_cards` (``source="gateway"``, ``source_at`` =
the answer's time), so kiosks pull them by cursor. A card is written where the hub already holds it
(the device's facility scope and/or ``*``); a card the hub did not hold goes to the asking facility's
scope only (a look-up at one facility does not spread patient data to every facility of the hub).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from kiosk.cards.numbers import PERSONAL_ID_RE
from kiosk.hub import changes
from kiosk.hub.imports import cached_card_row
from kiosk.hub.schema import ALL_FACILITIES, cards, gateway_checkins, meta, reference, visit_checks, visits

#: hub_visits columns that are not wire fields.
_BOOKKEEPING = ("device_id", "facility_code", "batch_id", "received_at")
CONFIG_ERROR_KEY = "gateway.last_config_error"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def store_gateway_cards(conn: sa.Connection, records: Iterable[Any], facility_code: str | None,
                        answered_at: dt.datetime | None) -> int:
    """Upsert CachedCard records vouched for by a gateway answer; returns rows changed."""
    rows = [cached_card_row(c) for c in records]
    if not rows:
        return 0
    at = answered_at or _utcnow()
    scopes = [ALL_FACILITIES] + ([facility_code] if facility_code else [])
    held: dict[str, set[str]] = {}
    for scope, number in conn.execute(sa.select(cards.c.scope, cards.c.card_number).where(
            cards.c.card_number.in_([r["card_number"] for r in rows]), cards.c.scope.in_(scopes))):
        held.setdefault(number, set()).add(scope)
    written = 0
    by_scope: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        for scope in held.get(row["card_number"]) or {facility_code or ALL_FACILITIES}:
            by_scope.setdefault(scope, []).append(row)
    for scope, part in sorted(by_scope.items()):
        written += changes.upsert_cards(conn, part, scope=scope, source="gateway", source_at=at)
    return written


def remember_config_error(conn: sa.Connection, code: str | None, action_en: str, action_vi: str) -> None:
    """Keep the last configuration error (054/055/401 …) for `kiosk hub report` (no patient data)."""
    value = json.dumps({"code": code, "action_en": action_en, "action_vi": action_vi,
                        "at": _utcnow().isoformat()}, ensure_ascii=False)
    updated = conn.execute(meta.update().where(meta.c.key == CONFIG_ERROR_KEY).values(value=value)).rowcount
    if not updated:
        conn.execute(meta.insert().values(key=CONFIG_ERROR_KEY, value=value))


def last_config_error(conn: sa.Connection) -> dict[str, Any] | None:
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == CONFIG_ERROR_KEY)).scalar()
    return None if value is None else dict(json.loads(value))


def wire_visit(row: Mapping[str, Any]) -> dict[str, Any]:
    """A hub_visits row as the wire dict of docs/visit-wire-format.md (dates as ISO text)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in _BOOKKEEPING:
            continue
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _not_confirmed_online() -> sa.ColumnElement[bool]:
    """Visits to re-check: ``confirmed_online`` false, or null (a kiosk from before the field) and provisional."""
    return sa.or_(visits.c.confirmed_online.is_(False),
                  sa.and_(visits.c.confirmed_online.is_(None), visits.c.provisional.is_(True)))


def unconfirmed_visits(conn: sa.Connection, *, day: dt.date | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Visits the gateway did not confirm at check-in without a gateway verdict yet, oldest first (wire dicts +
    facility_code, device_id): ``confirmed_online`` false (provisional ones and verdicts from a kiosk's card
    cache), and — for visits of kiosks from before the field (null) — the provisional ones, as then (their
    cached verdicts are not re-checked: a hub upgraded with months of such visits would otherwise spend the
    facility's look-up budget on them for weeks, competing with live check-ins)."""
    done = sa.select(visit_checks.c.visit_id).where(sa.or_(visit_checks.c.gateway_verdict.is_not(None),
                                                           visit_checks.c.gateway_code == "205"))
    # Only visits that can be looked up (a number, a name, a birth date): the others would block the queue.
    stmt = (sa.select(visits).where(_not_confirmed_online(), visits.c.id.not_in(done),
                                    sa.or_(visits.c.card_number.is_not(None), visits.c.citizen_id.is_not(None)),
                                    visits.c.name.is_not(None), visits.c.birth_date.is_not(None))
            .order_by(visits.c.received_at, visits.c.id).limit(limit))
    if day is not None:
        stmt = stmt.where(visits.c.visit_date == day)
    out = []
    for row in conn.execute(stmt).mappings():
        wire = wire_visit(dict(row))
        wire["facility_code"], wire["device_id"] = row["facility_code"], row["device_id"]
        out.append(wire)
    return out


def store_check(conn: sa.Connection, *, visit_id: str, device_id: int, code: str | None, note: str | None,
                verdict: str | None, card_number: str | None, changed: bool, needs_staff: bool,
                checked_at: dt.datetime | None = None) -> bool:
    """Record a gateway re-check of one visit (a new change number: the device pulls it as a
    visit_update). An identical result is not written again. Returns True when written."""
    existing = conn.execute(sa.select(visit_checks).where(visit_checks.c.visit_id == visit_id)).mappings().first()
    values = {"gateway_code": code, "gateway_note": note, "gateway_verdict": verdict,
              "gateway_card_number": card_number, "verdict_changed": changed, "needs_staff": needs_staff}
    if existing is not None and all(existing[k] == v for k, v in values.items()):
        return False
    seq = changes.allocate(conn, 1)
    row = {**values, "gateway_checked_at": checked_at or _utcnow(), "change_seq": seq}
    if existing is None:
        conn.execute(visit_checks.insert().values(visit_id=visit_id, device_id=device_id, **row))
    else:
        conn.execute(visit_checks.update().where(visit_checks.c.visit_id == visit_id).values(**row))
    return True


def visit_update_rows(conn: sa.Connection, device_id: int, after: int, n: int) -> list[Any]:
    """(change_seq, visit_id, JSON text) of the device's visit re-checks after ``after``."""
    rows = conn.execute(sa.select(visit_checks).where(visit_checks.c.device_id == device_id,
                                                      visit_checks.c.change_seq > after)
                        .order_by(visit_checks.c.change_seq).limit(n)).mappings().all()
    return [(r["change_seq"], r["visit_id"], json.dumps(visit_update_json(dict(r)), ensure_ascii=False)) for r in rows]


def visit_update_json(r: Mapping[str, Any]) -> dict[str, Any]:
    checked = r["gateway_checked_at"]
    if isinstance(checked, dt.datetime) and checked.tzinfo is None:
        checked = checked.replace(tzinfo=dt.UTC)
    return {"visit_id": r["visit_id"], "gateway_verdict": r["gateway_verdict"], "gateway_code": r["gateway_code"],
            "gateway_note": r["gateway_note"], "gateway_card_number": r["gateway_card_number"],
            "verdict_changed": bool(r["verdict_changed"]), "needs_staff": bool(r["needs_staff"]),
            "checked_at": checked.isoformat() if isinstance(checked, dt.datetime) else checked}


def visits_for_day(conn: sa.Connection, day: dt.date, facility_code: str | None = None) -> list[dict[str, Any]]:
    """That day's visits as wire dicts (+ facility_code), with the gateway's re-check applied: a visit
    whose verdict the gateway confirmed carries the gateway's verdict and card number."""
    stmt = (sa.select(visits, visit_checks.c.gateway_verdict, visit_checks.c.gateway_card_number)
            .select_from(visits.outerjoin(visit_checks, visit_checks.c.visit_id == visits.c.id))
            .where(visits.c.visit_date == day).order_by(visits.c.created_at, visits.c.id))
    if facility_code:
        stmt = stmt.where(visits.c.facility_code == facility_code)
    out = []
    for row in conn.execute(stmt).mappings():
        wire = wire_visit({k: v for k, v in row.items() if k not in ("gateway_verdict", "gateway_card_number")})
        if row["gateway_verdict"]:
            wire["verdict"], wire["provisional"] = row["gateway_verdict"], False
            number = row["gateway_card_number"]
            if number and (len(number) == 15 or PERSONAL_ID_RE.fullmatch(number)):
                # The card the gateway named (a new card, or the card behind a CCCD visit): its validity and
                # registered facility come from the card record the answer stored in hub_cards.
                if number != wire.get("card_number"):
                    _fill_from_card(conn, wire, number, str(row["facility_code"]))
                wire["card_number"] = number
        wire["facility_code"] = row["facility_code"]
        out.append(wire)
    return out


def _fill_from_card(conn: sa.Connection, wire: dict[str, Any], number: str, facility_code: str) -> None:
    """The card fields of ``wire`` from the hub's record of card ``number`` (the facility's scope first)."""
    record = conn.execute(sa.select(cards).where(cards.c.card_number == number, cards.c.deleted.is_(False),
                                                 cards.c.scope.in_([facility_code, ALL_FACILITIES]))
                          .order_by(cards.c.scope.desc())).mappings().first()
    if record is None:
        return
    wire["card_facility_code"] = record["facility_code"] or wire.get("card_facility_code")
    for key in ("valid_from", "valid_to"):
        value = record[key]
        wire[key] = value.isoformat() if isinstance(value, dt.date) else value
    if len(number) == 15 and number[:2].isalpha():
        wire["object_code"] = number[:2]
        if number[2].isdigit():
            wire["benefit_level"] = int(number[2])
    if not wire.get("citizen_id") and record["citizen_id"]:
        wire["citizen_id"] = record["citizen_id"]


def services_for(conn: sa.Connection, facility_code: str) -> list[dict[str, Any]]:
    """Live service reference rows for a facility (its own and the hub-wide ones)."""
    rows = conn.execute(sa.select(reference.c.data).where(
        reference.c.kind == "service", reference.c.scope.in_([ALL_FACILITIES, facility_code]),
        reference.c.deleted.is_(False)).order_by(reference.c.scope.desc(), reference.c.key)).scalars()
    return [dict(json.loads(text)) for text in rows]


# -- check-in upload queue -------------------------------------------------------------------------
def stored_ma_lk(conn: sa.Connection, visit_ids: Sequence[str]) -> dict[str, str]:
    if not visit_ids:
        return {}
    stmt = sa.select(gateway_checkins.c.visit_id, gateway_checkins.c.ma_lk).where(
        gateway_checkins.c.visit_id.in_(list(visit_ids)))
    return {str(a): str(b) for a, b in conn.execute(stmt).all()}


def store_checkin_document(conn: sa.Connection, visit_id: str, ma_lk: str, document: bytes) -> str:
    """Queue (or refresh, while never yet put on the wire) the XML0 file of a visit. Returns the row's status.

    Once an attempt reached the network (``failures`` > 0 or sent) the stored bytes are frozen: the gateway may
    have received them, and a resend must carry the very same signed file."""
    row = conn.execute(sa.select(gateway_checkins.c.status, gateway_checkins.c.document, gateway_checkins.c.failures)
                       .where(gateway_checkins.c.visit_id == visit_id)).first()
    if row is None:
        conn.execute(gateway_checkins.insert().values(
            visit_id=visit_id, ma_lk=ma_lk, document=document, status="pending", failures=0,
            created_at=_utcnow()))
        return "pending"
    if row.status == "pending" and int(row.failures) == 0 and bytes(row.document) != document:
        conn.execute(gateway_checkins.update().where(gateway_checkins.c.visit_id == visit_id)
                     .values(document=document))
    return str(row.status)


def due_checkins(conn: sa.Connection, now: dt.datetime, *, day: dt.date | None = None,
                 limit: int = 500) -> list[Any]:
    stmt = (sa.select(gateway_checkins.c.visit_id, gateway_checkins.c.document, gateway_checkins.c.failures,
                      visits.c.facility_code)
            .select_from(gateway_checkins.join(visits, visits.c.id == gateway_checkins.c.visit_id))
            .where(gateway_checkins.c.status == "pending",
                   sa.or_(gateway_checkins.c.next_attempt_at.is_(None), gateway_checkins.c.next_attempt_at <= now))
            .order_by(gateway_checkins.c.created_at).limit(limit))
    if day is not None:
        stmt = stmt.where(visits.c.visit_date == day)
    return list(conn.execute(stmt).all())


def update_checkin(conn: sa.Connection, visit_id: str, **values: Any) -> None:
    conn.execute(gateway_checkins.update().where(gateway_checkins.c.visit_id == visit_id).values(**values))


def checkin_counts(conn: sa.Connection, day: dt.date) -> dict[str, int]:
    rows = conn.execute(sa.select(gateway_checkins.c.status, sa.func.count())
                        .select_from(gateway_checkins.join(visits, visits.c.id == gateway_checkins.c.visit_id))
                        .where(visits.c.visit_date == day).group_by(gateway_checkins.c.status)).all()
    return {str(s): int(n) for s, n in rows}


def recheck_counts(conn: sa.Connection, day: dt.date) -> dict[str, int]:
    base = (sa.select(sa.func.count()).select_from(visit_checks.join(visits, visits.c.id == visit_checks.c.visit_id))
            .where(visits.c.visit_date == day))
    provisional = conn.execute(sa.select(sa.func.count()).select_from(visits).where(
        visits.c.visit_date == day, visits.c.provisional.is_(True))).scalar_one()
    unconfirmed = conn.execute(sa.select(sa.func.count()).select_from(visits).where(
        visits.c.visit_date == day, _not_confirmed_online())).scalar_one()
    return {"provisional": int(provisional), "not_confirmed_online": int(unconfirmed),
            "checked": int(conn.execute(base.where(visit_checks.c.gateway_verdict.is_not(None))).scalar_one()),
            "changed": int(conn.execute(base.where(visit_checks.c.verdict_changed.is_(True))).scalar_one()),
            "needs_staff": int(conn.execute(base.where(visit_checks.c.needs_staff.is_(True))).scalar_one())}
