"""Check-in upload (checkInKcbQd3176) against the stand-in: form, answer, retries, same MA_LK on resend."""

from __future__ import annotations

import base64
import datetime as dt

import pytest

from kiosk.gateway import (
    MAX_FAILURES,
    CheckinUploader,
    GatewayAuthError,
    GatewayClient,
    GatewayUnavailable,
    UploadRejected,
    next_retry_delay,
)
from kiosk.gateway.upload_wire import checkin_form
from kiosk.gateway.xml0 import build_xml0, to_xml
from tests.gateway.standin import StandinHolder
from tests.gateway.visits import BHYT_VISIT, CCCD_VISIT, FACILITY, UNINSURED_VISIT

DOCUMENT = to_xml(build_xml0(BHYT_VISIT, FACILITY))
MA_LK = "10099_20250301_6f1c2b3a000040008000000000000042"


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def uploader(client: GatewayClient, sleeps: list[float]) -> CheckinUploader:
    return CheckinUploader(client, attempts=3, backoff_s=0.5, sleep=sleeps.append)


def test_upload_sends_the_contract_form_and_returns_the_transaction(standin: StandinHolder,
                                                                    uploader: CheckinUploader) -> None:
    receipt = uploader.upload(DOCUMENT)
    assert receipt.code == "200" and receipt.transaction_id and receipt.transaction_id.startswith("GD")
    assert receipt.record_key == MA_LK and receipt.attempts == 1
    assert receipt.received_at is not None and receipt.received_at.utcoffset() == dt.timedelta(hours=7)
    assert receipt.message == "Tiếp nhận hồ sơ check-in thành công"
    (upload,) = standin.state.uploads
    assert upload["document"] == DOCUMENT  # base64 of the whole file, byte for byte
    form = upload["form"]
    assert {k: form[k] for k in ("username", "loaiHoSo", "maTinh", "maCSKCB")} == {
        "username": "10099_BV", "loaiHoSo": "0", "maTinh": "10", "maCSKCB": "10099"}
    assert base64.b64decode(form["fileHSBase64"]) == DOCUMENT


def test_result_code_200_as_a_number_is_accepted(standin: StandinHolder, uploader: CheckinUploader) -> None:
    standin.state.upload_script = ["number"]
    assert uploader.upload(DOCUMENT).code == "200"


def test_offline_failures_are_retried_with_backoff_and_the_same_file(standin: StandinHolder,
                                                                     uploader: CheckinUploader,
                                                                     sleeps: list[float]) -> None:
    standin.state.upload_script = ["drop", "500"]
    receipt = uploader.upload(DOCUMENT)
    assert receipt.attempts == 3 and receipt.record_key == MA_LK
    assert sleeps == [0.5, 1.0]
    assert [u["document"] for u in standin.state.uploads] == [DOCUMENT]


def test_giving_up_after_the_attempts_raises_offline(standin: StandinHolder, uploader: CheckinUploader,
                                                     sleeps: list[float]) -> None:
    standin.state.upload_script = ["500", "500", "500"]
    with pytest.raises(GatewayUnavailable):
        uploader.upload(DOCUMENT)
    assert len(sleeps) == 2 and standin.state.uploads == []


def test_rejection_is_not_retried(standin: StandinHolder, uploader: CheckinUploader, sleeps: list[float]) -> None:
    standin.state.upload_script = ["reject"]
    with pytest.raises(UploadRejected) as err:
        uploader.upload(DOCUMENT)
    assert err.value.code == "400" and sleeps == []
    with pytest.raises(UploadRejected, match="XML"):
        uploader.upload(b"<not-xml")


def test_expired_token_is_renewed_once(standin: StandinHolder, uploader: CheckinUploader,
                                       client: GatewayClient) -> None:
    uploader.upload(DOCUMENT)
    standin.state.expire_tokens()
    assert uploader.upload(DOCUMENT).transaction_id
    assert standin.state.logins == 2
    standin.state.calls_from_other_ip = True
    with pytest.raises(GatewayAuthError):
        uploader.upload(DOCUMENT)


def test_resend_schedule() -> None:
    assert [next_retry_delay(n) for n in (1, 2, 3)] == [60.0, 120.0, 240.0]
    assert next_retry_delay(15) == 6 * 3600.0
    assert next_retry_delay(MAX_FAILURES) is None


def test_form_needs_a_five_character_facility() -> None:
    assert checkin_form("u", "01999", b"x")["maTinh"] == "01"
    with pytest.raises(ValueError, match="5 characters"):
        checkin_form("u", "0199", b"x")


@pytest.mark.parametrize("visit", [BHYT_VISIT, CCCD_VISIT, UNINSURED_VISIT], ids=["bhyt", "cccd", "uninsured"])
def test_every_kind_of_visit_is_accepted_end_to_end(visit: dict[str, object], standin: StandinHolder,
                                                    uploader: CheckinUploader) -> None:
    record = build_xml0(visit, FACILITY)
    receipt = uploader.upload(to_xml(record))
    assert receipt.record_key == record["MA_LK"] and receipt.transaction_id
    assert standin.state.uploads[-1]["document"] == to_xml(record)
