"""Retry timing: exponential backoff with full jitter, and the server's ``Retry-After``."""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Full-jitter exponential backoff (base 1 s, cap 5 min by default): sleep U(0, min(cap, base·2^n))."""

    base_s: float = 1.0
    cap_s: float = 300.0
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def next_delay(self, retry_after_s: float | None = None) -> float:
        """Delay before the next attempt after one more failure; never less than the server asked for."""
        ceiling = min(self.cap_s, self.base_s * 2 ** min(self.failures, 30))
        self.failures += 1
        delay = self.rng.uniform(0, ceiling)
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, self.cap_s * 4))
        return delay

    def reset(self) -> None:
        self.failures = 0


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date. None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    current = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - current).total_seconds())
