"""Wire helpers: expires_in in its three forms, result codes, dates, redaction."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.cards.model import BirthDate
from kiosk.gateway.protocol import (
    GATEWAY_TZ,
    birth_date_field,
    parse_expires_in,
    parse_gateway_birth,
    parse_gateway_date,
    parse_receipt_time,
    redact,
    result_code,
)
from kiosk.gateway.settings import GatewaySettings, StaffIdentity

NOW = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-01T08:10:00Z", dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),
    ("2025-03-01T15:10:00+07:00", dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),
    ("2025-03-01 15:10:00", dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),  # naive: gateway time (UTC+7)
    (1740816600, dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),  # Unix time stamp
    ("1740816600", dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),
    (1740816600000, dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),  # milliseconds
    (600, dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),  # seconds of lifetime
    ("600", dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),
    (600.0, dt.datetime(2025, 3, 1, 8, 10, tzinfo=dt.UTC)),
])
def test_expires_in_accepts_iso_unix_and_seconds(value: object, expected: dt.datetime) -> None:
    assert parse_expires_in(value, NOW) == expected


@pytest.mark.parametrize("value", [None, "", "soon", -5, True, float("nan"), {"a": 1}])
def test_expires_in_unreadable_is_none(value: object) -> None:
    assert parse_expires_in(value, NOW) is None


@pytest.mark.parametrize(("value", "code"), [("200", "200"), (200, "200"), (200.0, "200"), (" 000 ", "000"),
                                             ("054", "054"), (None, None), ("", None), (True, None)])
def test_result_code_is_a_string(value: object, code: str | None) -> None:
    assert result_code(value) == code


def test_birth_date_field_is_dd_mm_yyyy_or_year() -> None:
    assert birth_date_field(BirthDate(1985, 3, 5)) == "05/03/1985"
    assert birth_date_field(BirthDate(1985)) == "1985"


def test_gateway_dates() -> None:
    assert parse_gateway_date("31/12/2025") == dt.date(2025, 12, 31)
    assert parse_gateway_date("1/7/2025") == dt.date(2025, 7, 1)
    assert parse_gateway_date("31122025") == dt.date(2025, 12, 31)
    assert parse_gateway_date("2025-12-31") == dt.date(2025, 12, 31)
    assert parse_gateway_date("31/02/2025") is None
    assert parse_gateway_date(None) is None
    assert parse_gateway_birth("1985") == BirthDate(1985)
    assert parse_gateway_birth("15/03/1985") == BirthDate(1985, 3, 15)
    assert parse_receipt_time("20250301081503") == dt.datetime(2025, 3, 1, 8, 15, 3, tzinfo=GATEWAY_TZ)
    assert parse_receipt_time("bad") is None


def test_redact_hides_every_credential_parameter() -> None:
    line = ('POST /api/egw/KQNhanLichSuKCB2024?token=abc123&id_token=def456&username=10099_BV'
            '&password=0123456789abcdef0123456789abcdef HTTP/1.1" 200')
    cleaned = redact(line)
    for secret in ("abc123", "def456", "10099_BV", "0123456789abcdef0123456789abcdef"):
        assert secret not in cleaned
    assert "/api/egw/KQNhanLichSuKCB2024?token=***&id_token=***" in cleaned


def test_password_hash_case_and_precomputed_md5() -> None:
    s = GatewaySettings(base_url="https://x", username="u", password="abc")
    assert s.password_hash() == "900150983cd24fb0d6963f7d28e17f72"
    upper = GatewaySettings(base_url="https://x", username="u", password="abc", md5_upper_case=True)
    assert upper.password_hash() == "900150983CD24FB0D6963F7D28E17F72"
    pre = GatewaySettings(base_url="https://x", username="u", password_md5="900150983CD24FB0D6963F7D28E17F72")
    assert pre.password_hash() == "900150983cd24fb0d6963f7d28e17f72"
    assert pre.problems() == []
    assert GatewaySettings(base_url="ftp://x", username="", password="").problems() == [
        "gateway base_url must start with http:// or https://",
        "gateway username (facility account, e.g. 01999_BV) is empty",
        "gateway password (or password_md5) is empty",
    ]


def test_staff_identity_needs_name_and_cccd() -> None:
    with pytest.raises(ValueError):
        StaffIdentity("", "001090000001")
    assert GatewaySettings(base_url="https://x", username="u", password="p").default_staff() is None
