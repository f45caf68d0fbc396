"""GatewayClient against the stand-in: token life cycle, 401 and the single retry, timeouts, drops, logs."""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from typing import Any

import pytest
import requests

from kiosk.cards.model import BirthDate
from kiosk.gateway import (
    GatewayAuthError,
    GatewayClient,
    GatewayUnavailable,
    LookupQuery,
    StaffIdentity,
)
from tests.gateway.conftest import STAFF_CCCD, STAFF_NAME, make_settings
from tests.gateway.standin import StandinCard, StandinHolder

STAFF = StaffIdentity(STAFF_NAME, STAFF_CCCD)
AN = LookupQuery("HC4100123456789", "Nguyễn Văn An", BirthDate(1985, 3, 15))


def _an(standin: StandinHolder, **kw: object) -> StandinCard:
    return standin.state.add(StandinCard("HC4100123456789", "Nguyễn Văn An", "15/03/1985", **kw))  # type: ignore[arg-type]


def test_login_then_lookup_reuses_the_token(standin: StandinHolder, client: GatewayClient) -> None:
    _an(standin)
    for _ in range(3):
        assert client.lookup(AN, STAFF).code == "000"
    assert standin.state.logins == 1 and client.logins == 1
    assert standin.state.lookups == 3


def test_lookup_sends_the_form_fields_of_the_contract(standin: StandinHolder, client: GatewayClient) -> None:
    _an(standin)
    client.lookup(AN, STAFF)
    client.lookup(LookupQuery("HC4100123456789", "Nguyễn Văn An", BirthDate(1985)), STAFF)
    assert standin.state.lookup_log == [
        {"maThe": "HC4100123456789", "hoTenCb": STAFF_NAME, "cccdCb": STAFF_CCCD, "ngaySinh": "15/03/1985"},
        {"maThe": "HC4100123456789", "hoTenCb": STAFF_NAME, "cccdCb": STAFF_CCCD, "ngaySinh": "1985"},
    ]


@pytest.mark.parametrize("style", ["iso", "unix", "seconds"])
def test_expires_in_styles_give_the_token_lifetime(standin: StandinHolder, style: str) -> None:
    standin.state.expires_style = style
    standin.state.token_lifetime_s = 600
    client = GatewayClient(make_settings(standin.url))
    token = client.login()
    remaining = (token.expires_at - dt.datetime.now(dt.UTC)).total_seconds()
    assert 590 <= remaining <= 601
    client.close()


def test_missing_expires_in_assumes_the_default_lifetime(standin: StandinHolder) -> None:
    standin.state.expires_style = "missing"
    now = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    client = GatewayClient(make_settings(standin.url, default_token_lifetime_s=120), clock=lambda: now)
    assert client.login().expires_at == now + dt.timedelta(seconds=120)
    client.close()


def test_token_is_refreshed_60_s_before_it_expires(standin: StandinHolder) -> None:
    _an(standin)
    now = [dt.datetime.now(dt.UTC)]
    client = GatewayClient(make_settings(standin.url), clock=lambda: now[0])
    client.lookup(AN, STAFF)
    now[0] += dt.timedelta(seconds=530)  # 70 s left: still used
    client.lookup(AN, STAFF)
    assert standin.state.logins == 1
    now[0] += dt.timedelta(seconds=15)  # 55 s left: refreshed before the call, no 401 seen
    client.lookup(AN, STAFF)
    assert standin.state.logins == 2
    assert standin.state.lookups == 3  # no rejected call
    client.close()


def test_expired_token_401_then_login_again_and_retry_once(standin: StandinHolder, client: GatewayClient) -> None:
    _an(standin)
    client.lookup(AN, STAFF)
    standin.state.expire_tokens()  # the gateway ends the session early (its ~10 min sessions)
    assert client.lookup(AN, STAFF).code == "000"
    assert standin.state.logins == 2
    assert standin.state.lookups == 3  # first call, the 401, the retry


def test_short_lived_tokens_expire_on_the_server(standin: StandinHolder) -> None:
    """A token past its lifetime (one clock for the stand-in and the client, moved on by the test, not waited
    for): the next look-up logs in again and answers."""
    _an(standin)
    now = [1_800_000_000.0]
    standin.state.clock = lambda: now[0]
    standin.state.token_lifetime_s = 300.0
    client = GatewayClient(make_settings(standin.url, token_refresh_margin_s=0.0),
                           clock=lambda: dt.datetime.fromtimestamp(now[0], dt.UTC))
    client.lookup(AN, STAFF)
    now[0] += 299.0
    assert client.lookup(AN, STAFF).code == "000" and standin.state.logins == 1  # still valid
    now[0] += 2.0
    assert client.lookup(AN, STAFF).code == "000"
    assert standin.state.logins == 2
    client.close()


def test_second_401_is_an_ip_or_account_error_and_no_loop(standin: StandinHolder, client: GatewayClient) -> None:
    _an(standin)
    standin.state.calls_from_other_ip = True  # token bound to the login IP, calls seen from another one
    with pytest.raises(GatewayAuthError) as err:
        client.lookup(AN, STAFF)
    assert "IP" in err.value.message and "account" in err.value.message
    assert "IP" in err.value.message_vi
    assert standin.state.logins == 2 and standin.state.lookups == 2  # exactly one retry


def test_bad_account_is_refused_at_login(standin: StandinHolder) -> None:
    client = GatewayClient(make_settings(standin.url, password="wrong"))
    with pytest.raises(GatewayAuthError, match="refused the facility account"):
        client.lookup(AN, STAFF)
    client.close()


def test_login_server_error_is_offline(standin: StandinHolder, client: GatewayClient) -> None:
    standin.state.login_script = ["500"]
    with pytest.raises(GatewayUnavailable):
        client.lookup(AN, STAFF)


def test_error_body_carries_the_result_code(standin: StandinHolder, client: GatewayClient) -> None:
    _an(standin, code="500", http_status=500)
    answer = client.lookup(AN, STAFF)
    assert answer.code == "500" and answer.http_status == 500


def test_slow_answer_hits_the_total_timeout(standin: StandinHolder) -> None:
    _an(standin, delay_s=3.0)
    timeouts: list[object] = []

    class RecordingSession(requests.Session):
        def request(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
            timeouts.append(kwargs.get("timeout"))
            return super().request(*args, **kwargs)

    client = GatewayClient(make_settings(standin.url, total_timeout_s=0.5, connect_timeout_s=0.25),
                           session_factory=RecordingSession)
    client.login()
    with pytest.raises(GatewayUnavailable, match="in time"):
        client.lookup(AN, STAFF)
    # every call is bounded by the configured timeouts, whatever the machine's speed (no elapsed-time check)
    assert timeouts == [(0.25, 0.5), (0.25, 0.5)]  # login, look-up
    client.close()


def test_dropped_connection_is_offline(standin: StandinHolder, client: GatewayClient) -> None:
    _an(standin, drop=True)
    with pytest.raises(GatewayUnavailable, match="connection failed"):
        client.lookup(AN, STAFF)


def test_refused_connection_is_offline() -> None:
    client = GatewayClient(make_settings("http://127.0.0.1:9", connect_timeout_s=0.5))
    with pytest.raises(GatewayUnavailable):
        client.lookup(AN, STAFF)
    client.close()


def test_no_url_token_or_password_hash_is_ever_logged(standin: StandinHolder, client: GatewayClient,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _an(standin)
    standin.state.add(StandinCard("DN4790000000001", "Lê Văn Rớt", "01/01/1990", drop=True))
    client.lookup(AN, STAFF)
    standin.state.expire_tokens()
    client.lookup(AN, STAFF)  # 401 and the retry
    errors = []
    with pytest.raises(GatewayUnavailable) as err:
        client.lookup(LookupQuery("DN4790000000001", "Lê Văn Rớt", BirthDate(1990, 1, 1)), STAFF)
    errors.append("".join(traceback.format_exception(err.value)))
    standin.state.calls_from_other_ip = True
    with pytest.raises(GatewayAuthError) as err2:
        client.lookup(AN, STAFF)
    errors.append("".join(traceback.format_exception(err2.value)))
    secrets = [client.settings.password_hash()]
    for issued in standin.state.tokens.values():
        secrets += [issued.access_token, issued.id_token]
    text = caplog.text + "\n".join(errors)
    assert "KQNhanLichSuKCB2024" in caplog.text  # urllib3 did log the request line, redacted
    for secret in secrets:
        assert secret not in text
    assert "?token=" not in text.replace("?token=***", "")


def test_ip_binding_can_be_switched_off_in_the_stand_in(standin: StandinHolder, client: GatewayClient) -> None:
    _an(standin)
    standin.state.ip_bound = False
    standin.state.calls_from_other_ip = True
    assert client.lookup(AN, STAFF).code == "000"
    assert standin.state.logins == 1


def test_upper_case_md5_is_accepted_by_the_stand_in(standin: StandinHolder) -> None:
    _an(standin)
    client = GatewayClient(make_settings(standin.url, md5_upper_case=True))
    assert client.lookup(AN, STAFF).code == "000"
    client.close()


def test_a_token_shorter_than_the_margin_is_still_reused(standin: StandinHolder) -> None:
    _an(standin)
    standin.state.token_lifetime_s = 40  # shorter than the 60 s margin: refresh after half its life instead
    client = GatewayClient(make_settings(standin.url))
    for _ in range(3):
        client.lookup(AN, STAFF)
    assert standin.state.logins == 1
    client.close()
