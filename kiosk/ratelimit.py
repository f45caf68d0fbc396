"""The one token-bucket rate limiter of the project (hub requests per device and per client address,
gateway look-ups per facility).

A bucket holds up to ``burst`` tokens and refills at ``rate`` tokens per second; each request takes one.
An empty bucket answers at once with the seconds until a token is back (for ``Retry-After``): nothing is
queued, nothing retried in a loop (docs/bhxh-gateway.md §4: an over-querying account gets the whole
hospital blocked). Where the buckets live is a :class:`BucketStore`: :class:`MemoryBuckets` in this process, or
``kiosk.hub.rate_store.SqlBuckets`` in the hub's database, shared by all its worker processes.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Protocol


def take_token(tokens: float, last: float, now: float, rate: float, burst: float) -> tuple[float, float]:
    """The bucket after one request at ``now``: ``(tokens left, seconds to wait)``; wait 0 = allowed."""
    tokens = min(burst, tokens + max(0.0, now - last) * rate)
    if tokens >= 1.0:
        return tokens - 1.0, 0.0
    return tokens, (1.0 - tokens) / rate


class BucketStore(Protocol):
    def take(self, key: str, now: float, rate: float, burst: float) -> float:
        """Take a token from ``key``'s bucket (new buckets start full); the seconds to wait, 0 = allowed."""
        ...

    def give_back(self, key: str, burst: float) -> None:
        """Return a token (the limited call was never made)."""
        ...

    def peek(self, key: str, now: float, rate: float, burst: float) -> float:
        """The seconds until ``key`` could take a token (0: it can now), taking nothing."""
        ...


class MemoryBuckets:
    """Buckets in this process. At most ``max_keys`` are kept: past that, full buckets are forgotten first
    (a forgotten bucket starts full again, which is what it was)."""

    def __init__(self, max_keys: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)
        self._max_keys = max_keys

    def take(self, key: str, now: float, rate: float, burst: float) -> float:
        with self._lock:
            tokens, last = self._buckets.get(key, (burst, now))
            tokens, wait = take_token(tokens, last, now, rate, burst)
            self._buckets[key] = (tokens, now)
            if len(self._buckets) > self._max_keys:
                self._forget_full(now, rate, burst)
            return wait

    def give_back(self, key: str, burst: float) -> None:
        with self._lock:
            if key in self._buckets:
                tokens, last = self._buckets[key]
                self._buckets[key] = (min(burst, tokens + 1.0), last)

    def peek(self, key: str, now: float, rate: float, burst: float) -> float:
        with self._lock:
            tokens, last = self._buckets.get(key, (burst, now))
        return take_token(tokens, last, now, rate, burst)[1]

    def _forget_full(self, now: float, rate: float, burst: float) -> None:
        full = [k for k, (tokens, last) in self._buckets.items() if tokens + (now - last) * rate >= burst]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) > self._max_keys:  # still too many: drop the oldest half
            for k, _ in sorted(self._buckets.items(), key=lambda item: item[1][1])[: len(self._buckets) // 2]:
                del self._buckets[k]


class TokenBucket:
    """``rate`` requests per second on average per key, bursts up to ``burst``; ``rate <= 0``: unlimited."""

    def __init__(self, rate: float, burst: int | float, clock: Callable[[], float] = time.monotonic,
                 store: BucketStore | None = None) -> None:
        self.rate = rate
        self.burst = float(max(1.0, burst))
        self._clock = clock
        self._store: BucketStore = store or MemoryBuckets()

    @classmethod
    def per_minute(cls, per_minute: float, burst: int | float,
                   clock: Callable[[], float] = time.monotonic) -> TokenBucket:
        return cls(per_minute / 60.0, burst, clock)

    def acquire(self, key: str) -> float:
        """Take one token for ``key``: 0.0 when allowed, else the seconds until one is available."""
        if self.rate <= 0:
            return 0.0
        return self._store.take(key, self._clock(), self.rate, self.burst)

    def blocked(self, key: str) -> float:
        """Seconds until ``key`` may make a request (0.0: now), without taking a token."""
        if self.rate <= 0:
            return 0.0
        return self._store.peek(key, self._clock(), self.rate, self.burst)

    def refund(self, key: str) -> None:
        """Give a token back (the call was never made)."""
        if self.rate > 0:
            self._store.give_back(key, self.burst)

    @staticmethod
    def retry_after_header(wait_s: float) -> str:
        return str(max(1, math.ceil(wait_s)))
