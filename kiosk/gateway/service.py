"""The look-up service the hub calls: cache, per-facility rate limit, staff identity, answer budget.

``lookup(request, wait_s)`` answers within ``wait_s`` seconds. When the gateway is slower, the caller gets
a ``pending`` outcome at the deadline and the call goes on in the background; its answer fills the cache
(and is passed to ``on_answer``), so the next look-up of that card is answered from memory.

- Cache: answers with a verdict are kept ``cache_ttl_s`` per (card, name, date of birth) and re-read for the
  caller's visit date; a repeated look-up within that time never reaches the gateway (debounce).
- Same card already being looked up: the caller joins that call instead of starting another.
- Rate limit: a token bucket per facility; when empty the outcome is ``rate_limited`` (use the provisional
  verdict), never a queued retry.
- Offline-type failures (timeouts, 5xx, codes 100/101/500) switch to ``offline`` answers for
  ``offline_backoff_s``; configuration errors (054/055, a second 401) are answered from memory for
  ``config_error_backoff_s`` (054/055 per staff CCCD) so a broken setup does not hammer the gateway.

Thread-safe.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.cards.model import BirthDate
from kiosk.cards.names import normalise_name
from kiosk.gateway.client import GatewayClient
from kiosk.gateway.codes import OutcomeKind, rule_for
from kiosk.gateway.errors import GatewayAuthError, GatewayError
from kiosk.gateway.interpret import interpret
from kiosk.gateway.outcome import GatewayOutcome, plain_outcome
from kiosk.gateway.protocol import LookupAnswer, LookupQuery
from kiosk.gateway.settings import GatewaySettings, StaffIdentity
from kiosk.ratelimit import TokenBucket

log = logging.getLogger("kiosk.gateway.service")

CacheKey = tuple[str, str, str]
AnswerCallback = Callable[["LookupRequest", GatewayOutcome], None]
_Call = cf.Future[LookupAnswer | GatewayError]


@dataclass(frozen=True)
class LookupRequest:
    #: Card number (15 characters, 10 digits or the 12-digit personal ID) or a 12-digit CCCD.
    card_number: str
    name: str
    birth_date: BirthDate
    #: The clinic's local date of the visit (validity and the new-card rule are judged on it).
    visit_date: dt.date
    #: The signed-in desk user; None: the facility's configured account.
    staff: StaffIdentity | None = None
    #: Facility whose rate limit is charged; None: the settings' facility code.
    facility_code: str | None = None

    @property
    def query(self) -> LookupQuery:
        return LookupQuery(self.card_number.strip().upper(), " ".join(self.name.split()), self.birth_date)

    @property
    def key(self) -> CacheKey:
        return (self.card_number.strip().upper(), normalise_name(self.name), self.birth_date.iso())


@dataclass
class _Entry:
    answer: LookupAnswer
    query: LookupQuery
    expires: float


_PENDING = ("Đang kiểm tra thẻ trên cổng giám định; tạm dùng kết quả tại chỗ, sẽ cập nhật sau.",
            "Still checking the card with the gateway; using the provisional verdict, it will be updated.")
_RATE = ("Đã đạt giới hạn tra cứu của cơ sở; tạm dùng kết quả tại chỗ, sẽ kiểm tra lại sau.",
         "The facility's look-up limit is reached; using the provisional verdict, it will be re-checked later.")
_OFFLINE = ("Không kết nối được cổng giám định; tạm dùng kết quả tại chỗ, sẽ kiểm tra lại sau.",
            "The gateway cannot be reached; using the provisional verdict, it will be re-checked later.")
_NO_STAFF = ("Chưa cấu hình cán bộ tra cứu (họ tên, CCCD): báo quản trị viên.",
             "No staff identity (name, CCCD) for gateway look-ups is configured: tell the administrator.")


class GatewayLookupService:
    def __init__(self, client: GatewayClient, settings: GatewaySettings | None = None, *,
                 on_answer: AnswerCallback | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.settings = settings or client.settings
        self._on_answer = on_answer
        self._clock = clock
        self._lock = threading.Lock()
        self._cache: OrderedDict[CacheKey, _Entry] = OrderedDict()
        self._inflight: dict[CacheKey, _Call] = {}
        self._bucket = TokenBucket.per_minute(self.settings.lookups_per_minute, self.settings.lookup_burst, clock)
        self._offline_until = 0.0
        self._offline_outcome: GatewayOutcome | None = None
        self._config_errors: dict[str, tuple[float, GatewayOutcome]] = {}  # staff CCCD or "*" -> until, outcome
        self._executor = cf.ThreadPoolExecutor(max_workers=max(1, self.settings.max_workers),
                                               thread_name_prefix="gateway-lookup")
        self._closed = False
        #: Calls actually sent to the gateway (for tests, the bench and the hub's status page).
        self.gateway_calls = 0

    # -- public -----------------------------------------------------------------------------------
    def cached(self, request: LookupRequest) -> GatewayOutcome | None:
        """The cached verdict for ``request`` (no gateway call), or None."""
        with self._lock:
            entry = self._cache.get(request.key)
            if entry is None:
                return None
            if entry.expires <= self._clock():
                del self._cache[request.key]
                return None
        return interpret(entry.answer, request.query, request.visit_date,
                         request.facility_code or self.settings.facility_code).cached_copy()

    def lookup(self, request: LookupRequest, wait_s: float | None = None) -> GatewayOutcome:
        """The gateway's outcome for ``request`` within ``wait_s`` seconds (default ``answer_budget_s``)."""
        hit = self.cached(request)
        if hit is not None:
            return hit
        staff = request.staff or self.settings.default_staff()
        if staff is None:
            return plain_outcome(OutcomeKind.CONFIG_ERROR, *_NO_STAFF)
        future = self._start(request, staff)
        if isinstance(future, GatewayOutcome):
            return future
        budget = self.settings.answer_budget_s if wait_s is None else wait_s
        try:
            result = future.result(timeout=max(0.0, budget))
        except cf.TimeoutError:
            return plain_outcome(OutcomeKind.PENDING, *_PENDING)
        except cf.CancelledError:
            return plain_outcome(OutcomeKind.OFFLINE, *_OFFLINE)
        return self._outcome(result, request)

    def pending(self) -> int:
        """Gateway calls still running or queued."""
        with self._lock:
            return len(self._inflight)

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait until no call is running (tests, shutdown); True when idle."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.pending() == 0:
                return True
            time.sleep(0.01)
        return self.pending() == 0

    def reset_backoff(self) -> None:
        """Forget offline and configuration-error back-offs (after the administrator fixed something)."""
        with self._lock:
            self._offline_until = 0.0
            self._config_errors.clear()

    def close(self) -> None:
        """Stop: queued calls are cancelled; a running call is abandoned (it ends at the client's timeout)."""
        with self._lock:
            self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- internals --------------------------------------------------------------------------------
    def _start(self, request: LookupRequest, staff: StaffIdentity) -> _Call | GatewayOutcome:
        key = request.key
        now = self._clock()
        with self._lock:
            if self._closed:
                return plain_outcome(OutcomeKind.OFFLINE, *_OFFLINE)
            future = self._inflight.get(key)
            if future is not None:
                return future  # join the call already running for this card
            for scope in (staff.citizen_id, "*"):
                remembered = self._config_errors.get(scope)
                if remembered is not None and remembered[0] > now:
                    return remembered[1]
            if self._offline_until > now and self._offline_outcome is not None:
                return self._offline_outcome
            facility = request.facility_code or self.settings.facility_code or "*"
            if self._bucket.acquire(facility) > 0.0:
                log.warning("gateway look-up rate limit reached for facility %s", facility)
                return plain_outcome(OutcomeKind.RATE_LIMITED, *_RATE)
            future = self._executor.submit(self._call, request, staff)
            self._inflight[key] = future
            self.gateway_calls += 1
        future.add_done_callback(lambda _f: self._forget(key, _f))
        return future

    def _forget(self, key: CacheKey, future: _Call) -> None:
        with self._lock:
            if self._inflight.get(key) is future:
                del self._inflight[key]

    def _call(self, request: LookupRequest, staff: StaffIdentity) -> LookupAnswer | GatewayError:
        """Runs on a worker thread: one gateway call, then cache / back-off bookkeeping and the callback."""
        query = request.query
        result: LookupAnswer | GatewayError
        try:
            result = self.client.lookup(query, staff)
        except GatewayError as exc:
            result = exc
        except Exception as exc:  # a bug must not kill the worker silently
            log.exception("gateway look-up failed unexpectedly")
            result = GatewayError(f"unexpected error during the gateway look-up ({type(exc).__name__})")
        outcome = self._outcome(result, request)
        now = self._clock()
        with self._lock:
            if isinstance(result, LookupAnswer) and outcome.kind is OutcomeKind.VERDICT:
                self._cache[request.key] = _Entry(result, query, now + self.settings.cache_ttl_s)
                self._cache.move_to_end(request.key)
                while len(self._cache) > self.settings.cache_max_entries:
                    self._cache.popitem(last=False)
            elif outcome.kind is OutcomeKind.OFFLINE:
                self._offline_until = now + self.settings.offline_backoff_s
                self._offline_outcome = outcome
            elif outcome.kind is OutcomeKind.CONFIG_ERROR and outcome.code in ("054", "055", "401"):
                scope = staff.citizen_id if outcome.code in ("054", "055") else "*"
                self._config_errors[scope] = (now + self.settings.config_error_backoff_s, outcome)
        if self._on_answer is not None:
            try:
                self._on_answer(request, outcome)
            except Exception:
                log.exception("on_answer callback failed")
        return result

    def _outcome(self, result: LookupAnswer | GatewayError, request: LookupRequest) -> GatewayOutcome:
        if isinstance(result, LookupAnswer):
            return interpret(result, request.query, request.visit_date,
                             request.facility_code or self.settings.facility_code)
        if isinstance(result, GatewayAuthError):
            rule = rule_for("401")
            return plain_outcome(OutcomeKind.CONFIG_ERROR, f"{rule.action_vi} ({result.message_vi})",
                                 f"{rule.action_en} ({result.message})", code="401")
        return plain_outcome(OutcomeKind.OFFLINE, f"{_OFFLINE[0]} ({result.message_vi})",
                             f"{_OFFLINE[1]} ({result.message})")
