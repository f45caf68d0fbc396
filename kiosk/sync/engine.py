"""One synchronisation with the hub: push pending visits, pull changes, optionally reconcile a day.

Push (docs/house-style.md §4): the outbox offers the oldest pending visits; they are marked ``sending``,
posted as one batch, and each record is marked from the hub's per-record result. The batch id is
derived from the visit ids (the hub scopes it per device), so a retry after a lost answer carries the
same id and the hub replays its stored result; a batch of different composition still cannot duplicate
anything, because the hub answers a known visit id with ``duplicate``.

One bad record never stalls the outbox (docs/hub-api.md, "Rejected records"): a record the hub rejects is
set aside (state ``rejected`` with the reason) and never resent unchanged; a batch the hub refuses as a
whole (413, a malformed batch, a 500) is split in halves until the record causing it is alone, and that
record is set aside too when the hub took more of that batch's records than it refused.

Pull: pages of changes after the saved cursor; each page is applied and its ``next_cursor`` saved in
the same transaction, so a crash resumes after the last applied page.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from kiosk.sync.client import HubClient, HubRejected, HubServerError, PullPage, SyncError
from kiosk.sync.instance import instance_id as installation_id

log = logging.getLogger(__name__)

#: Namespace for batch ids derived from visit ids.
BATCH_NAMESPACE = uuid.UUID("6d1f3c1e-3b0c-4f57-9a51-2f1b7f3c9e10")
CURSOR_NAME = "hub"
#: Optional pull tables this kiosk's store can apply (docs/hub-api.md, ``features``).
PULL_FEATURES = ("visit_updates",)
HUB_ID_SETTING = "sync.hub_id"
LAST_SUCCESS_SETTING = "sync.last_success_at"


class SyncStore(Protocol):
    """What the engine needs from the local store (kiosk.db.store.Store provides it)."""

    def pending_visits(self, limit: int = 500) -> list[dict[str, Any]]: ...
    def mark_sending(self, ids: Sequence[str]) -> int: ...
    def record_push_results(self, results: Any) -> Any: ...
    def pending_count(self) -> int: ...
    def rejected_count(self) -> int: ...
    def oldest_pending_at(self) -> dt.datetime | None: ...
    def apply_pull_page(self, changes: Any, *, cursor_name: str, next_cursor: str) -> Any: ...
    def get_cursor(self, name: str) -> str | None: ...
    def set_cursor(self, name: str, value: str) -> None: ...
    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
    def clear_card_cache(self) -> None: ...
    def visit_counts(self, first: dt.date, last: dt.date | None = None) -> dict[dt.date, Any]: ...


def _nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def batch_id_for(ids: Sequence[str]) -> uuid.UUID:
    return uuid.uuid5(BATCH_NAMESPACE, ",".join(sorted(ids)))


#: Codes of a 400/422 that a batch's content can cause (splitting the batch isolates the record).
_CONTENT_CODES = frozenset({"invalid_batch", "batch_id_reused", "invalid_json", "too_deep", "bad_gzip", None})


#: Records refused alone after which, with fewer records taken, splitting stops (the hub is failing).
_GIVE_UP_SUSPECTS = 8


def caused_by_content(exc: SyncError) -> bool:
    """Can the batch's records have caused this failure (so that a smaller batch would get through)?"""
    if exc.status == 413 or (isinstance(exc, HubServerError) and exc.status in (500, None)):
        return True
    return isinstance(exc, HubRejected) and exc.status in (400, 422) and exc.hub_code in _CONTENT_CODES


@dataclass
class DayReconciliation:
    date: dt.date
    kiosk_visits: int
    hub_visits: int
    kiosk_by_verdict: dict[str, int]
    hub_by_verdict: dict[str, int]
    pending: int
    rejected: int

    @property
    def agree(self) -> bool:
        return self.kiosk_visits == self.hub_visits and _nonzero(self.kiosk_by_verdict) == _nonzero(
            self.hub_by_verdict)

    def explanation(self) -> str:
        if self.agree:
            return f"{self.date}: kiosk {self.kiosk_visits} visits, hub {self.hub_visits}: they agree"
        reasons = []
        if self.pending:
            reasons.append(f"{self.pending} not uploaded yet")
        if self.rejected:
            reasons.append(f"{self.rejected} rejected by the hub")
        extra = self.hub_visits - (self.kiosk_visits - self.pending - self.rejected)
        if extra:
            reasons.append(f"{extra:+d} unexplained on the hub")
        why = "; ".join(reasons) or "counts per verdict differ"
        return f"{self.date}: kiosk {self.kiosk_visits} visits, hub {self.hub_visits}: they DIFFER ({why})"

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "agree": self.agree, "kiosk": self.kiosk_visits,
                "hub": self.hub_visits, "kiosk_by_verdict": self.kiosk_by_verdict,
                "hub_by_verdict": self.hub_by_verdict, "pending": self.pending, "rejected": self.rejected}


@dataclass
class _PushRun:
    """One batch from the outbox, however often it was split."""

    #: Records of the batch the hub stored.
    taken: int = 0
    #: Records the hub refused alone (visit id, the failure), waiting for a verdict on the hub's health.
    suspects: list[tuple[str, SyncError]] = field(default_factory=list)
    failure: SyncError | None = None


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    pending: int = 0
    #: Visits set aside in the outbox (rejected by the hub; shown to staff), this run's included.
    set_aside: int = 0
    reconciliation: list[DayReconciliation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pushed": self.pushed, "pulled": self.pulled, "pending": self.pending,
                               "rejected": self.rejected, "set_aside": self.set_aside}
        if self.reconciliation:
            out["reconcile"] = [r.to_json() for r in self.reconciliation]
            out["agree"] = all(r.agree for r in self.reconciliation)
        return out


class SyncEngine:
    """Runs one sync at a time against one hub. Not thread-safe: one engine per worker thread."""

    def __init__(self, store: SyncStore, client: HubClient, *, batch_size: int = 500, pull_limit: int = 5000,
                 now: Callable[[], dt.datetime] | None = None, instance_id: str | None = None) -> None:
        self.store = store
        self.client = client
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._instance_id = instance_id

    @property
    def instance_id(self) -> str:
        if self._instance_id is None:
            self._instance_id = installation_id(self.store)
        return self._instance_id

    # ----- push -------------------------------------------------------------------------------------
    def push_pending(self) -> tuple[int, int]:
        """Upload every pending visit; returns (sent, rejected). Raises SyncError when the hub fails."""
        sent = rejected = 0
        budget = self.store.pending_count() // max(1, self.batch_size) + 4  # later visits wait for next run
        while budget > 0:
            batch = self.store.pending_visits(self.batch_size)
            if not batch:
                break
            run = _PushRun()
            done, refused = self._send(batch, run)
            sent, rejected = sent + done, rejected + refused
            if run.suspects:
                # Only a record the hub refuses while it takes most of the same batch is the record's
                # fault; otherwise the hub itself is failing (and nothing is set aside).
                if len(run.suspects) >= done:
                    assert run.failure is not None
                    raise run.failure
                rejected += self._set_aside(run)
            elif done + refused == 0:
                log.warning("the hub's answer named none of the %d visits sent; stopping this push", len(batch))
                break
            budget -= 1
        return sent, rejected

    def _send(self, batch: list[dict[str, Any]], run: _PushRun) -> tuple[int, int]:
        """Post one batch; a failure its content can cause splits it in halves (see the module docstring)."""
        ids = [str(v["id"]) for v in batch]
        self.store.mark_sending(ids)
        try:
            answer = self.client.push(batch_id_for(ids), batch, instance_id=self.instance_id)
        except SyncError as exc:
            if not caused_by_content(exc):
                raise
            if len(batch) == 1:
                run.suspects.append((ids[0], exc))
                run.failure = exc
                return 0, 0
            half = len(batch) // 2
            first = self._send(batch[:half], run)
            if len(run.suspects) >= _GIVE_UP_SUSPECTS and len(run.suspects) > run.taken:
                raise exc  # the hub refuses record after record: it is failing, stop splitting
            second = self._send(batch[half:], run)
            return first[0] + second[0], first[1] + second[1]
        wanted = set(ids)
        tally = self.store.record_push_results([r for r in answer.get("results", []) if str(r.get("id")) in wanted])
        run.taken += tally.sent
        return tally.sent, tally.rejected

    def _set_aside(self, run: _PushRun) -> int:
        """Quarantine the records the hub refused alone while it took others (never resent unchanged)."""
        results = [{"id": vid, "status": "rejected",
                    "reason": f"set aside: the hub refused this record alone ({exc.message})"[:500]}
                   for vid, exc in run.suspects]
        for vid, exc in run.suspects:
            log.warning("visit %s set aside: the hub refused it alone (HTTP %s %s)", vid, exc.status, exc.hub_code)
        run.suspects.clear()
        return self.store.record_push_results(results).rejected

    # ----- pull -------------------------------------------------------------------------------------
    def _check_hub_identity(self, page: PullPage) -> bool:
        """False when the hub is a different database than before: the cache is dropped and pulled anew."""
        known = self.store.get_setting(HUB_ID_SETTING)
        if known == page.hub_id:
            return True
        if known is not None:
            log.warning("the hub's identity changed; dropping the card cache and pulling everything again")
            self.store.clear_card_cache()
            self.store.set_cursor(CURSOR_NAME, "")
        self.store.set_setting(HUB_ID_SETTING, page.hub_id)
        return known is None

    def pull_changes(self, *, on_page: Callable[[int], None] | None = None) -> int:
        """Pull and apply pages until the hub has no more; returns the number of changed rows applied.

        The next page is fetched while the current one is applied (one request in flight at a time, on
        one helper thread): the hub does not depend on what the kiosk applied, and the cursor saved
        with each applied page stays the resume point, so a crash still resumes after the last page.
        """
        total = 0
        with cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-pull") as fetcher:
            cursor = self.store.get_cursor(CURSOR_NAME) or ""
            pending = fetcher.submit(self.client.pull, cursor, self.pull_limit, features=PULL_FEATURES)
            while True:
                page = pending.result()
                if not self._check_hub_identity(page):
                    cursor = ""  # a different hub: restart from the empty cursor
                    pending = fetcher.submit(self.client.pull, cursor, self.pull_limit, features=PULL_FEATURES)
                    continue
                more = page.has_more and page.next_cursor != cursor
                if more:
                    pending = fetcher.submit(self.client.pull, page.next_cursor, self.pull_limit,
                                             features=PULL_FEATURES)
                self.store.apply_pull_page(page.changes, cursor_name=CURSOR_NAME, next_cursor=page.next_cursor)
                total += page.count
                if on_page is not None:
                    on_page(total)
                if not more:
                    return total
                cursor = page.next_cursor

    # ----- reconcile --------------------------------------------------------------------------------
    def reconcile(self, dates: Sequence[dt.date]) -> list[DayReconciliation]:
        out = []
        for day in dates:
            counts = self.store.visit_counts(day).get(day)
            hub = self.client.summary(day)
            by_state = dict(counts.by_state) if counts else {}
            out.append(DayReconciliation(
                date=day,
                kiosk_visits=counts.visits if counts else 0,
                hub_visits=int(hub.get("visits", 0)),
                kiosk_by_verdict=_nonzero(dict(counts.by_verdict)) if counts else {},
                hub_by_verdict=_nonzero({k: int(v) for k, v in dict(hub.get("by_verdict", {})).items()}),
                pending=by_state.get("to_send", 0) + by_state.get("sending", 0),
                rejected=by_state.get("rejected", 0),
            ))
        return out

    # ----- one run ----------------------------------------------------------------------------------
    def run_once(self, *, reconcile_dates: Sequence[dt.date] = ()) -> SyncReport:
        report = SyncReport()
        report.pushed, report.rejected = self.push_pending()
        report.pulled = self.pull_changes()
        if reconcile_dates:
            report.reconciliation = self.reconcile(reconcile_dates)
        report.pending = self.store.pending_count()
        report.set_aside = self.store.rejected_count()
        self.store.set_setting(LAST_SUCCESS_SETTING, self._now().isoformat())
        return report
