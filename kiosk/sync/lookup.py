"""The kiosk's side of online card look-ups: ask the hub (which asks the BHXH gateway) within 2.5 s.

The check-in core (kiosk/checkin/service.py) confirms EVERY check-in online this way when a hub is set up,
cached cards too (docs/eligibility.md, "Confirmed online"); front ends go through the core. Directly
(no Qt here; call it from a worker thread, never the GUI thread)::

    from kiosk.sync.lookup import HubLookupClient

    lookups = HubLookupClient(config.hub.url, config.hub.token)        # one per app; thread-safe
    decision = decide(card, cached, today, facility)                   # the cache's verdict first
    result = lookups.confirm_online(card, decision, staff=desk_user_or_None)   # ≤ 2.5 s, never raises
    if result.cards:
        store.upsert_cards(result.cards)                               # the gateway's records, into the cache
    shown = final_decision(result, card, today, facility)              # kiosk.checkin.decision
    # result.confirmed False: the cache's verdict stands as provisional; record the visit with
    # confirmed_online=False: the hub re-checks it and the device pulls the outcome as a visit_update.

``confirm_online`` has a hard deadline of ``timeout_s`` (default 2.5 s, the patient's budget) for connect +
send + read: the HTTP call runs on a worker thread and the caller stops waiting at the deadline (a late
answer is discarded; the hub still stores the gateway's records, which arrive by the next pull). The hub is
asked to answer within the budget less ``NETWORK_MARGIN_S``.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import enum
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import requests

from kiosk import __version__
from kiosk.cards.cardlist import CARD_LIST_COLUMNS, row_to_card
from kiosk.cards.eligibility import Decision, Verdict
from kiosk.cards.model import BhytCard, CachedCard, CccdCard
from kiosk.gateway.protocol import CardDetails, CheckRecord, checks_elsewhere_since_discharge

log = logging.getLogger(__name__)

#: The patient's budget: at most this many seconds are added to a check-in by the online confirmation.
DEFAULT_TIMEOUT_S = 2.5
#: Share of the budget kept for the network round trip: the hub is asked to answer within the rest
#: (``budget_s``), so a slow gateway gives a ``pending`` answer rather than a kiosk-side timeout.
NETWORK_MARGIN_S = 0.3
LOOKUP_PATH = "/v1/cards/lookup"


class ProvisionalReason(enum.StrEnum):
    """Why the kiosk keeps its provisional verdict."""

    OFFLINE = "offline"                  # hub unreachable, or the hub cannot reach the gateway
    TIMEOUT = "timeout"                  # no answer within the deadline
    NOT_CONFIGURED = "not_configured"    # no hub in the kiosk's settings, or no gateway on the hub
    RATE_LIMITED = "rate_limited"        # the facility's look-up budget (or the device's hub rate) is used up
    PENDING = "pending"                  # the gateway is still answering; the hub keeps the answer
    CONFIG_ERROR = "config_error"        # 054/055/401 …: the administrator must fix the gateway set-up
    HUB_REJECTED = "hub_rejected"        # 401/403/422 from the hub (token revoked, malformed look-up)
    INCOMPLETE_CARD = "incomplete_card"  # the QR lacks a name or a date of birth: nothing to ask


_REASON_TEXT: dict[ProvisionalReason, tuple[str, str]] = {
    ProvisionalReason.OFFLINE: ("Không kết nối được để kiểm tra thẻ trực tuyến; sẽ kiểm tra lại sau.",
                                "Cannot check the card online now; it will be re-checked later."),
    ProvisionalReason.TIMEOUT: ("Kiểm tra thẻ trực tuyến quá lâu; tạm dùng kết quả tại chỗ, sẽ kiểm tra lại sau.",
                                "The online card check took too long; using the local result, re-checking later."),
    ProvisionalReason.NOT_CONFIGURED: ("Chưa cấu hình kiểm tra thẻ trực tuyến; dùng kết quả tại chỗ.",
                                       "Online card checks are not configured; using the local result."),
    ProvisionalReason.RATE_LIMITED: ("Đã đạt giới hạn tra cứu; tạm dùng kết quả tại chỗ, sẽ kiểm tra lại sau.",
                                     "The look-up limit is reached; using the local result, re-checking later."),
    ProvisionalReason.PENDING: ("Đang kiểm tra thẻ trên cổng giám định; tạm dùng kết quả tại chỗ.",
                                "Still checking the card with the gateway; using the local result for now."),
    ProvisionalReason.CONFIG_ERROR: ("Lỗi cấu hình tra cứu thẻ: báo quản trị viên. Tạm dùng kết quả tại chỗ.",
                                     "Card look-up set-up error: tell the administrator. Using the local result."),
    ProvisionalReason.HUB_REJECTED: ("Máy chủ từ chối yêu cầu tra cứu; tạm dùng kết quả tại chỗ.",
                                     "The hub refused the look-up; using the local result."),
    ProvisionalReason.INCOMPLETE_CARD: ("Mã QR thiếu họ tên hoặc ngày sinh; không tra cứu trực tuyến được.",
                                        "The QR code lacks a name or birth date; it cannot be checked online."),
}
_KIND_REASON = {"offline": ProvisionalReason.OFFLINE, "rate_limited": ProvisionalReason.RATE_LIMITED,
                "pending": ProvisionalReason.PENDING, "config_error": ProvisionalReason.CONFIG_ERROR,
                "not_configured": ProvisionalReason.NOT_CONFIGURED}


@dataclass(frozen=True)
class OnlineResult:
    """What the online check gave. ``confirmed``: the gateway's verdict; else keep the provisional one."""

    confirmed: bool
    #: The gateway's verdict when confirmed, else the local decision's verdict.
    verdict: Verdict
    #: The local decision passed in.
    local: Decision
    reason: ProvisionalReason | None = None
    #: Raw gateway result code (maKetQua) and note (ghiChu), when the gateway answered.
    code: str | None = None
    note: str | None = None
    #: Card number the visit should carry (the new card after codes 003/004).
    card_number: str | None = None
    replaced_by: str | None = None
    #: Records to upsert into the local card cache (empty unless confirmed).
    cards: tuple[CachedCard, ...] = ()
    #: Guidance (the gateway's action text for staff, or why the result is provisional).
    message_vi: str = ""
    message_en: str = ""
    from_cache: bool = False
    elapsed_s: float = 0.0
    #: The card data the gateway answered besides validity (area ``maKV``, five-year date ``ngayDu5Nam``,
    #: issuing office ``cqBHXH``, old/new card, look-up history); None when the answer described no card.
    details: CardDetails | None = None

    def message(self, lang: str = "vi") -> str:
        return self.message_vi if lang == "vi" else self.message_en

    def admitted_elsewhere(self, facility_code: str) -> tuple[CheckRecord, ...]:
        """Look-ups by other facilities since the patient's last discharge, as seen from ``facility_code``
        (docs/eligibility.md, "Treatment history"): the patient may still be admitted there."""
        if self.details is None or not self.confirmed:
            return ()
        return checks_elsewhere_since_discharge(self.details, facility_code)


def card_from_json(data: dict[str, Any]) -> CachedCard:
    """A CardRecord JSON object (hub / gateway answer) as a CachedCard; ValueError names the field."""
    row = {c: "" if data.get(c) is None else str(data.get(c)) for c in CARD_LIST_COLUMNS}
    return row_to_card(row)


def lookup_body(card: BhytCard | CccdCard, visit_date: dt.date,
                staff: tuple[str, str] | None = None, budget_s: float | None = None) -> dict[str, Any] | None:
    """The JSON body of ``POST /v1/cards/lookup`` for ``card``; None when the card lacks name/birth date.
    ``budget_s``: ask the hub to answer within this many seconds."""
    if not card.name or card.birth_date is None:
        return None
    body: dict[str, Any] = {"name": card.name, "birth_date": card.birth_date.iso(),
                            "visit_date": visit_date.isoformat()}
    if budget_s is not None and budget_s > 0:
        body["budget_s"] = round(budget_s, 3)
    if isinstance(card, BhytCard):
        body["card_number"] = card.card_number
    else:
        body["citizen_id"] = card.citizen_id
    if staff is not None:
        body["staff"] = {"name": staff[0], "citizen_id": staff[1]}
    return body


def result_from_answer(answer: dict[str, Any], local: Decision, elapsed_s: float = 0.0) -> OnlineResult:
    """An OnlineResult from the hub's LookupResponse JSON."""
    kind = str(answer.get("kind") or "")
    verdict_text = answer.get("verdict")
    common: dict[str, Any] = {"code": answer.get("code"), "note": answer.get("note"),
                              "message_vi": str(answer.get("action_vi") or ""),
              "message_en": str(answer.get("action_en") or ""), "from_cache": bool(answer.get("from_cache")),
              "elapsed_s": elapsed_s}
    if kind == "verdict" and not answer.get("use_provisional") and verdict_text in Verdict.__members__.values():
        cards = []
        for item in answer.get("cards") or ():
            try:
                cards.append(card_from_json(item))
            except (ValueError, TypeError, KeyError, AttributeError):
                continue  # a record the kiosk cannot read is skipped; the verdict still holds
        return OnlineResult(True, Verdict(str(verdict_text)), local, card_number=answer.get("card_number"),
                            replaced_by=answer.get("replaced_by"), cards=tuple(cards),
                            details=CardDetails.from_json(answer.get("details")), **common)
    reason = _KIND_REASON.get(kind, ProvisionalReason.OFFLINE)
    if not common["message_vi"]:
        common["message_vi"], common["message_en"] = _REASON_TEXT[reason]
    return OnlineResult(False, local.verdict, local, reason=reason, **common)


class HubLookupClient:
    """Online look-ups through the hub. Thread-safe; one per application."""

    def __init__(self, base_url: str, token: str, *, verify: bool | str = True, max_workers: int = 2) -> None:
        self.base_url = base_url.rstrip("/") if base_url else ""
        self._token = token
        self._verify = verify
        self._local = threading.local()
        self._executor = cf.ThreadPoolExecutor(max_workers=max(1, max_workers), thread_name_prefix="hub-lookup")

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers.update({"Authorization": f"Bearer {self._token}", "Accept": "application/json",
                                    "User-Agent": f"clinic-kiosk/{__version__}"})
            self._local.session = session
        return session

    def _post(self, body: dict[str, Any], timeout_s: float) -> tuple[int, Any]:
        response = self._session().post(self.base_url + LOOKUP_PATH, json=body, verify=self._verify,
                                        timeout=(timeout_s, timeout_s))
        try:
            return response.status_code, json.loads(response.content)
        except ValueError:
            return response.status_code, None

    def confirm_online(self, card: BhytCard | CccdCard, decision: Decision, *, timeout_s: float = DEFAULT_TIMEOUT_S,
                       visit_date: dt.date | None = None, staff: tuple[str, str] | None = None) -> OnlineResult:
        """Ask the hub for the gateway's verdict on ``card``; never takes longer than ``timeout_s`` and
        never raises for network or hub trouble (the result says why it stayed provisional).

        ``staff``: (name, CCCD) of the signed-in desk user (hoTenCb/cccdCb); None at a self-service kiosk.
        """
        start = time.monotonic()

        def provisional(reason: ProvisionalReason) -> OnlineResult:
            vi, en = _REASON_TEXT[reason]
            return OnlineResult(False, decision.verdict, decision, reason=reason, message_vi=vi, message_en=en,
                                elapsed_s=time.monotonic() - start)

        if not self.base_url or not self._token:
            return provisional(ProvisionalReason.NOT_CONFIGURED)
        body = lookup_body(card, visit_date or dt.date.today(), staff,
                           budget_s=max(0.1, timeout_s - NETWORK_MARGIN_S))
        if body is None:
            return provisional(ProvisionalReason.INCOMPLETE_CARD)
        try:
            future = self._executor.submit(self._post, body, timeout_s)
        except RuntimeError:  # closed
            return provisional(ProvisionalReason.OFFLINE)
        try:
            status, answer = future.result(timeout=max(0.0, timeout_s - (time.monotonic() - start)))
        except cf.TimeoutError:
            future.cancel()
            return provisional(ProvisionalReason.TIMEOUT)
        except requests.Timeout:
            return provisional(ProvisionalReason.TIMEOUT)
        except requests.RequestException:
            return provisional(ProvisionalReason.OFFLINE)
        except Exception:  # never let a look-up break the check-in; the visit is re-checked later
            log.warning("online card look-up failed unexpectedly", exc_info=False)
            return provisional(ProvisionalReason.OFFLINE)
        if status == 200 and isinstance(answer, dict):
            return result_from_answer(answer, decision, time.monotonic() - start)
        if status == 404:
            return provisional(ProvisionalReason.NOT_CONFIGURED)  # a hub without look-ups
        if status == 429:
            return provisional(ProvisionalReason.RATE_LIMITED)
        if status in (401, 403, 413, 422):
            return provisional(ProvisionalReason.HUB_REJECTED)
        return provisional(ProvisionalReason.OFFLINE)
