"""Queue numbering rules (pure): queue day with a configurable reset time, ticket text."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.queueing import QueueRules, check_prefix, next_number, parse_reset_time

VN = dt.timezone(dt.timedelta(hours=7))


def test_midnight_reset_is_the_calendar_day() -> None:
    rules = QueueRules()
    assert rules.queue_day(dt.datetime(2026, 11, 22, 0, 0, tzinfo=VN)) == dt.date(2026, 11, 22)
    assert rules.queue_day(dt.datetime(2026, 11, 22, 23, 59, tzinfo=VN)) == dt.date(2026, 11, 22)


def test_early_reset_time_keeps_the_night_with_the_previous_day() -> None:
    rules = QueueRules(reset_at=dt.time(5, 30))
    assert rules.queue_day(dt.datetime(2026, 11, 23, 5, 29)) == dt.date(2026, 11, 22)
    assert rules.queue_day(dt.datetime(2026, 11, 23, 5, 30)) == dt.date(2026, 11, 23)
    assert rules.queue_day(dt.datetime(2026, 1, 1, 1, 0)) == dt.date(2025, 12, 31)


def test_ticket_text() -> None:
    rules = QueueRules()
    assert rules.ticket("K01", 12) == "K01-012"
    assert rules.ticket("A", 1234) == "A-1234"  # wider than the padding: printed in full
    assert QueueRules(digits=4, separator="").ticket("XN", 7) == "XN0007"
    with pytest.raises(ValueError, match="start at 1"):
        rules.ticket("K01", 0)
    with pytest.raises(ValueError, match="prefix"):
        rules.ticket("K-01", 1)


def test_settings_parsing() -> None:
    assert QueueRules.from_settings("06:45", 2) == QueueRules(reset_at=dt.time(6, 45), digits=2)
    assert parse_reset_time(" 0:00 ") == dt.time(0, 0)
    for bad in ("24:00", "7", "07:60", "seven"):
        with pytest.raises(ValueError, match="HH:MM"):
            parse_reset_time(bad)
    with pytest.raises(ValueError, match="digits"):
        QueueRules(digits=0)
    assert check_prefix("K01") == "K01"
    assert (next_number(None), next_number(41)) == (1, 42)
