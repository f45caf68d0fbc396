from __future__ import annotations

import datetime as dt
import email.utils
import random

import pytest

from kiosk.sync.backoff import Backoff, parse_retry_after


def test_full_jitter_grows_to_the_cap_and_resets() -> None:
    backoff = Backoff(base_s=1.0, cap_s=60.0, rng=random.Random(3))
    delays = [backoff.next_delay() for _ in range(12)]
    for n, delay in enumerate(delays):
        assert 0 <= delay <= min(60.0, 2**n)
    assert max(delays[6:]) > 8  # it does grow
    backoff.reset()
    assert backoff.next_delay() <= 1.0


def test_retry_after_is_a_floor() -> None:
    backoff = Backoff(base_s=1.0, cap_s=60.0, rng=random.Random(1))
    assert backoff.next_delay(retry_after_s=30) >= 30


@pytest.mark.parametrize(("value", "expected"), [("120", 120.0), ("0", 0.0), (None, None), ("", None),
                                                 ("soon", None)])
def test_parse_retry_after_seconds(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date() -> None:
    now = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)
    header = email.utils.format_datetime(now + dt.timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(header, now=now) == pytest.approx(90)
    past = email.utils.format_datetime(now - dt.timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(past, now=now) == 0
