"""The hub's gateway wiring: one GatewayClient + GatewayLookupService per hub process.

- :meth:`HubGateway.lookup`: what ``POST /v1/cards/lookup`` runs (on a worker thread).
- ``on_answer`` (every gateway answer, also late ones): card records into ``hub_cards``
  (``source="gateway"``); configuration errors (054/055/401 …) logged for the administrator and kept
  for ``kiosk hub report``. Logs carry codes and actions, never patient data.
- :meth:`HubGateway.recheck`: every visit not confirmed online at check-in re-checked (provisional ones and
  cached verdicts); results stored per visit and pulled by the recording device as ``visit_updates``.
- :meth:`HubGateway.queue_checkins` / :meth:`HubGateway.upload_due`: the XML0 check-in queue
  (``hub_gateway_checkins``), signed with the facility certificate of the settings (``sign_*``); every file
  is verified before it is sent and unsigned ones are refused while ``require_signature`` is on.
- :meth:`HubGateway.start_background`: a daemon thread running recheck (and upload) periodically.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine

from kiosk.gateway.client import GatewayClient
from kiosk.gateway.codes import OutcomeKind
from kiosk.gateway.outcome import GatewayOutcome
from kiosk.gateway.recheck import recheck_visits
from kiosk.gateway.service import GatewayLookupService, LookupRequest
from kiosk.gateway.settings import StaffIdentity
from kiosk.hub import db, gateway_store
from kiosk.hub.gateway_config import HubGatewayConfig

if TYPE_CHECKING:
    from kiosk.gateway.export import ExportReport
    from kiosk.gateway.signing import SigningCredentials

log = logging.getLogger("kiosk.hub.gateway")

#: Gateway code for "parameter format error": the visit's own data is unusable for a look-up.
UNUSABLE_VISIT_CODE = "205"


@dataclass
class RecheckReport:
    checked: int = 0
    changed: int = 0
    needs_staff: int = 0
    #: Visits left for a later round (the gateway was offline / rate limited / had no verdict).
    left: int = 0
    #: Visits whose data the gateway refused (205): taken out of the queue, flagged for staff.
    unusable: int = 0
    stopped_because: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"checked": self.checked, "changed": self.changed, "needs_staff": self.needs_staff,
                "left": self.left, "unusable": self.unusable, "stopped_because": self.stopped_because}


@dataclass
class UploadReport:
    sent: int = 0
    failed: int = 0
    rejected: int = 0
    #: visit id -> maGiaoDich of the uploads accepted in this run.
    transactions: dict[str, str | None] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    #: Files not sent because they are unsigned or their signature does not verify (left queued, see last_error).
    not_signed: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"sent": self.sent, "failed": self.failed, "rejected": self.rejected, "not_signed": self.not_signed,
                "transactions": self.transactions, "errors": self.errors}


class HubGateway:
    def __init__(self, engine: Engine, config: HubGatewayConfig, *, client: GatewayClient | None = None) -> None:
        self.engine = engine
        self.config = config
        self.settings = config.settings
        self.client = client or GatewayClient(config.settings)
        self.service = GatewayLookupService(self.client, config.settings, on_answer=self._on_answer)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._credentials: SigningCredentials | None = None

    # -- signing ------------------------------------------------------------------------------------
    def signing_credentials(self) -> SigningCredentials | None:
        """The facility certificate and key of the settings (None when none is configured); loaded once,
        re-checked for validity on every call. Raises SigningError (wrong password, expired, …)."""
        from kiosk.gateway.signing import load_credentials

        signing = self.settings.signing_settings()
        if not signing.configured:
            return None
        if self._credentials is None:
            self._credentials = load_credentials(signing)
        self._credentials.check_valid()
        return self._credentials

    def queue_checkins(self, day: dt.date, *, default_service: str | None = None,
                       facility_code: str | None = None) -> ExportReport:
        """Build, sign and queue the XML0 files of a day (nothing is queued unsigned unless require_signature is
        off). Raises SigningError when the certificate cannot sign."""
        from kiosk.hub.xml0_export import queue_checkins

        return queue_checkins(self.engine, day, facility_code=facility_code, default_service=default_service,
                              credentials=self.signing_credentials(),
                              require_signature=self.settings.require_signature)

    # -- look-ups ---------------------------------------------------------------------------------
    def lookup(self, request: LookupRequest, wait_s: float | None = None) -> GatewayOutcome:
        return self.service.lookup(request, wait_s=self.settings.answer_budget_s if wait_s is None else wait_s)

    def _on_answer(self, request: LookupRequest, outcome: GatewayOutcome) -> None:
        """Runs on the look-up worker thread for every gateway answer."""
        if outcome.kind is OutcomeKind.CONFIG_ERROR:
            log.warning("gateway configuration error %s: %s", outcome.code or "-", outcome.action_en)
            with self.engine.begin() as conn:
                gateway_store.remember_config_error(conn, outcome.code, outcome.action_en, outcome.action_vi)
            return
        if outcome.kind is OutcomeKind.VERDICT and outcome.cards:
            with self.engine.begin() as conn:
                n = gateway_store.store_gateway_cards(conn, outcome.cards, request.facility_code,
                                                      outcome.answered_at)
            log.info("gateway answer %s: %d card record(s) changed", outcome.code, n)

    # -- re-check -----------------------------------------------------------------------------------
    def recheck(self, *, day: dt.date | None = None, limit: int | None = None,
                wait_s: float | None = None, staff: StaffIdentity | None = None) -> RecheckReport:
        """Re-check every visit not confirmed online at check-in, without a gateway verdict yet (oldest first);
        changed verdicts and CCCD visits still without a card are flagged for staff (``needs_staff``)."""
        report = RecheckReport()
        with self.engine.connect() as raw:
            conn = db.reader(raw)
            with conn.begin():
                todo = gateway_store.unconfirmed_visits(conn, day=day, limit=limit or self.config.recheck_batch)
        if not todo:
            return report
        budget = self.settings.total_timeout_s if wait_s is None else wait_s
        results = recheck_visits(self.service, todo, wait_s=budget, staff=staff)
        by_id = {str(v["id"]): v for v in todo}
        with self.engine.begin() as conn:
            for r in results:
                visit = by_id.get(r.visit_id)
                if visit is not None and r.outcome.code == UNUSABLE_VISIT_CODE:
                    # The gateway refused this visit's own data (205): asking again cannot help; staff
                    # see it in the visit list, and the visit leaves the re-check queue.
                    gateway_store.store_check(conn, visit_id=r.visit_id, device_id=int(visit["device_id"]),
                                              code=r.outcome.code, note=r.outcome.note, verdict=None,
                                              card_number=None, changed=False, needs_staff=True)
                    report.unusable += 1
                    continue
                if visit is None or r.new_verdict is None:
                    if r.outcome.retry_later:
                        report.stopped_because = str(r.outcome.kind)
                    elif r.outcome.kind is OutcomeKind.CONFIG_ERROR:
                        report.stopped_because = f"config_error {r.outcome.code or ''}".strip()
                    continue
                gateway_store.store_check(conn, visit_id=r.visit_id, device_id=int(visit["device_id"]),
                                          code=r.outcome.code, note=r.outcome.note, verdict=r.new_verdict,
                                          card_number=r.outcome.card_number, changed=r.changed,
                                          needs_staff=r.needs_staff, checked_at=r.outcome.answered_at)
                report.checked += 1
                report.changed += int(r.changed)
                report.needs_staff += int(r.needs_staff)
        report.left = len(todo) - report.checked - report.unusable
        log.info("gateway re-check: %d checked, %d changed, %d left", report.checked, report.changed, report.left)
        return report

    # -- check-in upload ------------------------------------------------------------------------------
    def upload_due(self, *, day: dt.date | None = None, now: dt.datetime | None = None) -> UploadReport:
        """Upload the queued XML0 files that are due; keep each accepted upload's transaction id."""
        from kiosk.gateway.errors import GatewayAuthError, GatewayError, GatewayUnavailable, UploadRejected
        from kiosk.gateway.signing import SigningError
        from kiosk.gateway.upload import CheckinUploader, next_retry_delay

        now = now or dt.datetime.now(dt.UTC)
        report = UploadReport()
        with self.engine.connect() as raw:
            conn = db.reader(raw)
            with conn.begin():
                due = gateway_store.due_checkins(conn, now, day=day)
        # Each file is verified as it is (not against today's certificate): a file already on the wire before
        # the certificate was renewed is re-sent unchanged, signed with the certificate of its day.
        uploader = CheckinUploader(self.client, attempts=1)
        for row in due:
            visit_id, document, failures = row.visit_id, bytes(row.document), int(row.failures)
            facility = row.facility_code
            values: dict[str, Any]
            try:
                receipt = uploader.upload(document, facility)
            except SigningError as exc:  # unsigned or broken signature: never sent; re-export rebuilds it
                values = {"last_error": f"not sent: {exc.message}"}
                report.not_signed += 1
                report.errors.append(exc.message)
            except UploadRejected as exc:
                values = {"status": "rejected", "last_error": exc.message}
                report.rejected += 1
            except GatewayAuthError as exc:
                log.warning("check-in upload: gateway refused the account: %s", exc.message)
                report.errors.append(exc.message)
                with self.engine.begin() as conn:
                    gateway_store.remember_config_error(conn, "401", exc.message, exc.message_vi)
                break  # every other upload would fail the same way
            except (GatewayUnavailable, GatewayError) as exc:
                failures += 1
                delay = next_retry_delay(failures)
                values = {"failures": failures, "last_error": exc.message,
                          "status": "pending" if delay is not None else "failed",
                          "next_attempt_at": None if delay is None else now + dt.timedelta(seconds=delay)}
                report.failed += 1
                report.errors.append(exc.message)
                with self.engine.begin() as conn:
                    gateway_store.update_checkin(conn, visit_id, **values)
                if isinstance(exc, GatewayUnavailable):
                    break  # the gateway is down: the rest waits for the next round
                continue
            else:
                values = {"status": "sent", "transaction_id": receipt.transaction_id,
                          "received_at": receipt.received_at or now, "last_error": None, "next_attempt_at": None}
                report.sent += 1
                report.transactions[visit_id] = receipt.transaction_id
            with self.engine.begin() as conn:
                gateway_store.update_checkin(conn, visit_id, **values)
        return report

    # -- background ---------------------------------------------------------------------------------
    def start_background(self) -> None:
        """Periodic re-check (and upload when configured) in a daemon thread."""
        if self._thread is not None or (self.config.recheck_interval_s <= 0 and self.config.upload_interval_s <= 0):
            return
        self._thread = threading.Thread(target=self._loop, name="hub-gateway-tasks", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        intervals = [i for i in (self.config.recheck_interval_s, self.config.upload_interval_s) if i > 0]
        tick = min(intervals)
        next_recheck = next_upload = 0.0
        elapsed = 0.0
        while not self._stop.wait(0 if elapsed == 0 else tick):
            elapsed += tick
            try:
                if self.config.recheck_interval_s > 0 and elapsed >= next_recheck:
                    self.recheck()
                    next_recheck = elapsed + self.config.recheck_interval_s
                if self.config.upload_interval_s > 0 and elapsed >= next_upload:
                    self.upload_due()
                    next_upload = elapsed + self.config.upload_interval_s
            except Exception as exc:  # survive a database hiccup; the type only (no patient data in the log)
                log.error("gateway background task failed (%s); retrying next round", type(exc).__name__)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.service.close()
        self.client.close()
