"""Token bucket per key (the facility): ``per_minute`` look-ups on average, bursts up to ``burst``.

When a bucket is empty the caller gets "rate limited" at once: nothing is queued, nothing retried in a
loop (docs/bhxh-gateway.md §4: an over-querying account gets the whole hospital blocked).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class TokenBucket:
    def __init__(self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(1, burst))
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)

    def try_acquire(self, key: str) -> float:
        """Take one token: 0.0 when allowed, else the seconds until one is available. ``rate <= 0``: unlimited."""
        if self.rate <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def refund(self, key: str) -> None:
        """Give a token back (the call was never made)."""
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, self._clock()))
            self._buckets[key] = (min(self.burst, tokens + 1.0), last)
