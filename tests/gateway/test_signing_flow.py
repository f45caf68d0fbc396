"""Signed XML0 files through export, upload to the stand-in gateway, the hub queue and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization

from kiosk.cli import main
from kiosk.gateway import GatewayClient, UploadRejected
from kiosk.gateway.export import export_xml0
from kiosk.gateway.signing import SignatureInvalid, SigningCredentials, sign_xml0, verify_xml0
from kiosk.gateway.upload import CheckinUploader
from kiosk.gateway.xml0 import build_xml0, parse_xml0, to_xml
from kiosk.hub.gateway_config import HubGatewayConfig
from kiosk.hub.gateway_hub import HubGateway
from kiosk.hub.imports import import_reference
from kiosk.hub.schema import gateway_checkins
from tests.gateway.certs import TestCert, make_cert
from tests.gateway.standin import StandinHolder
from tests.gateway.visits import BHYT_VISIT, CCCD_VISIT, FACILITY, UNINSURED_VISIT
from tests.hub.gateway_support import gateway_settings, make_gateway_hub
from tests.hub.support import batch, open_engine

DAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def cert() -> TestCert:
    return make_cert(valid_days=3)


@pytest.fixture(scope="module")
def creds(cert: TestCert) -> SigningCredentials:
    return SigningCredentials(cert.certificate, cert.key)


def _der(cert: TestCert) -> bytes:
    return cert.certificate.public_bytes(serialization.Encoding.DER)


def test_export_signs_every_file_and_drafts_are_marked(tmp_path: Path, creds: SigningCredentials) -> None:
    visits = [BHYT_VISIT, CCCD_VISIT, UNINSURED_VISIT]
    report = export_xml0(visits, FACILITY, tmp_path / "signed", credentials=creds)
    assert len(report.written) == 3 and all(v.signed for v in report.written)
    for item in report.written:
        assert item.path is not None and item.path.name == f"{item.ma_lk}.xml"
        data = item.path.read_bytes()
        assert verify_xml0(data).certificate == creds.certificate
        assert parse_xml0(data)[0]["MA_LK"] == item.ma_lk
    drafts = export_xml0(visits, FACILITY, tmp_path / "drafts")
    assert not any(v.signed for v in drafts.written)
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == sorted(
        f"{v.ma_lk}.unsigned.xml" for v in drafts.written)
    assert drafts.to_json()["visits"][0]["signed"] is False


def test_signed_upload_is_accepted_by_the_stand_in_byte_for_byte(standin: StandinHolder, client: GatewayClient,
                                                                 creds: SigningCredentials, cert: TestCert) -> None:
    standin.state.require_signature = True
    standin.state.registered_certificates = [_der(cert)]
    signed = sign_xml0(to_xml(build_xml0(BHYT_VISIT, FACILITY)), creds)
    receipt = CheckinUploader(client, require_signature=True, sleep=lambda _s: None).upload(signed)
    assert receipt.code == "200" and receipt.transaction_id
    (upload,) = standin.state.uploads
    assert upload["document"] == signed


def test_the_stand_in_refuses_tampered_unsigned_and_unregistered_files(standin: StandinHolder,
                                                                       client: GatewayClient,
                                                                       creds: SigningCredentials) -> None:
    standin.state.require_signature = True
    document = to_xml(build_xml0(BHYT_VISIT, FACILITY))
    signed = sign_xml0(document, creds)
    tampered = signed.replace(b"<STT>1</STT>", b"<STT>2</STT>")
    other = [_der(make_cert(key_index=4))]
    cases = [(tampered, None, "Chữ ký số không hợp lệ"), (document, None, "chưa được ký số"),
             (signed, other, "chưa được đăng ký")]
    for data, registered, message in cases:  # straight to the wire, past the uploader's own check
        standin.state.registered_certificates = registered
        with pytest.raises(UploadRejected) as err:
            client.upload_checkin(data, FACILITY.facility_code, None, 1)
        assert message in (err.value.message_vi or "")
    assert standin.state.uploads == []


def test_the_uploader_never_sends_an_unsigned_or_changed_file(standin: StandinHolder, client: GatewayClient,
                                                              creds: SigningCredentials) -> None:
    document = to_xml(build_xml0(BHYT_VISIT, FACILITY))
    uploader = CheckinUploader(client, require_signature=True, sleep=lambda _s: None)
    with pytest.raises(SignatureInvalid) as err:
        uploader.upload(document)
    assert err.value.code == "unsigned" and "sign_certificate_file" in err.value.message
    with pytest.raises(SignatureInvalid) as err:
        uploader.upload(sign_xml0(document, creds).replace(b"  <DSACH", b" <DSACH"))
    assert err.value.code == "digest_mismatch"
    assert standin.state.logins == 0 and standin.state.uploads == []


# -- the hub queue -----------------------------------------------------------------------------------
def _setup_hub_day(hub: Any, tmp_path: Path) -> None:
    services = tmp_path / "services.json"
    services.write_text(json.dumps([{"code": "02.1896", "name": "Khám Nội", "department_code": "K01"},
                                    {"code": "02.1900", "name": "Khám Ngoại", "department_code": "K02"}]),
                        encoding="utf-8")
    with hub.engine.begin() as conn:
        import_reference(conn, "service", services)
    wire = {**BHYT_VISIT, "visit_date": "2026-11-22", "created_at": "2026-11-22T08:15:03+07:00",
            "valid_to": "2026-12-31"}
    r = hub.client.post("/v1/sync/push", json=batch([wire]), headers=hub.headers)
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text


def test_a_resend_after_a_restart_is_byte_identical_and_still_verifies(standin: StandinHolder,
                                                                       tmp_path: Path, cert: TestCert) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    first_cert, first_key = cert.write_pem(tmp_path / "c1.pem", tmp_path / "k1.pem")
    hubs = make_gateway_hub(db, standin.url, sign_certificate_file=str(first_cert), sign_key_file=str(first_key))
    hub = next(hubs)
    _setup_hub_day(hub, tmp_path)
    assert len(hub.gateway.queue_checkins(DAY).written) == 1
    standin.state.upload_script = ["drop"]  # the gateway may or may not have received it
    assert hub.gateway.upload_due(day=DAY).failed == 1
    with hub.engine.connect() as conn:
        stored = bytes(conn.execute(sa.select(gateway_checkins.c.document)).scalar_one())
    hubs.close()  # the hub process ends

    # Restarted with a renewed certificate (an EC key: its signatures differ on every signing).
    renewed = make_cert(ec_key=True, valid_days=5)
    new_cert, new_key = renewed.write_pem(tmp_path / "c2.pem", tmp_path / "k2.pem")
    engine = open_engine(db)
    settings = gateway_settings(standin.url, sign_certificate_file=str(new_cert), sign_key_file=str(new_key))
    gateway = HubGateway(engine, HubGatewayConfig(settings, recheck_interval_s=0))
    try:
        gateway.queue_checkins(DAY)  # a re-export does not replace a file that went on the wire
        report = gateway.upload_due(day=DAY, now=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
        assert report.sent == 1 and report.not_signed == 0
        (upload,) = standin.state.uploads
        assert upload["document"] == stored
        assert verify_xml0(upload["document"]).certificate == cert.certificate
    finally:
        gateway.close()
        engine.dispose()


def test_unsigned_files_left_in_the_queue_are_not_sent(standin: StandinHolder, tmp_path: Path) -> None:
    hubs = make_gateway_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", standin.url,
                            sign_certificate_file="", sign_key_file="")
    hub = next(hubs)
    try:
        _setup_hub_day(hub, tmp_path)
        assert hub.gateway.signing_credentials() is None
        assert len(hub.gateway.queue_checkins(DAY).written) == 1
        with hub.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(gateway_checkins)).scalar_one() == 0
        # A file queued unsigned (before signing existed) stays queued and is never sent.
        from kiosk.hub import gateway_store

        with hub.engine.begin() as conn:
            vid = conn.execute(sa.text("select id from hub_visits")).scalar_one()
            gateway_store.store_checkin_document(conn, str(vid), "10099_OLD", to_xml(build_xml0(BHYT_VISIT, FACILITY)))
        report = hub.gateway.upload_due(day=DAY)
        assert report.not_signed == 1 and report.sent == 0 and standin.state.uploads == []
        with hub.engine.connect() as conn:
            row = conn.execute(sa.select(gateway_checkins)).mappings().one()
        assert row["status"] == "pending" and row["failures"] == 0 and "unsigned" in row["last_error"]
    finally:
        hubs.close()


# -- CLI ---------------------------------------------------------------------------------------------
def test_cli_export_without_a_certificate_writes_drafts_and_names_the_settings(
        standin: StandinHolder, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("KIOSK_GATEWAY_CONFIG", "KIOSK_GATEWAY_SIGN_CERT", "KIOSK_GATEWAY_SIGN_KEY"):
        monkeypatch.delenv(name, raising=False)
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    hubs = make_gateway_hub(db, standin.url)
    hub = next(hubs)
    try:
        _setup_hub_day(hub, tmp_path)
        out = tmp_path / "out"
        assert main(["hub", "export", "xml0", "--date", "2026-11-22", "--out", str(out), "--db", db, "--json"]) == 0
        captured = capsys.readouterr()
        report = json.loads(captured.out)
        assert report["signed"] is False and report["queued"] is False
        assert "sign_certificate_file" in captured.err and "Traceback" not in captured.err
        (path,) = out.iterdir()
        assert path.name.endswith(".unsigned.xml")
        with hub.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(gateway_checkins)).scalar_one() == 0
    finally:
        hubs.close()


def test_cli_sign_and_verify(tmp_path: Path, cert: TestCert, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    p12 = cert.write_p12(tmp_path / "facility.p12", password="bi-mat")
    monkeypatch.setenv("KIOSK_GATEWAY_SIGN_CERT", str(p12))
    monkeypatch.setenv("KIOSK_GATEWAY_SIGN_PASSWORD", "bi-mat")
    draft = tmp_path / "10099_X.unsigned.xml"
    draft.write_bytes(to_xml(build_xml0(BHYT_VISIT, FACILITY)))
    assert main(["hub", "sign-xml0", str(draft), "--json"]) == 0
    signed = Path(json.loads(capsys.readouterr().out)["files"][0]["signed"])
    assert signed.name == "10099_X.signed.xml"
    assert main(["hub", "verify-xml0", str(signed)]) == 0
    assert "signature valid" in capsys.readouterr().out
    tampered = tmp_path / "tampered.xml"
    tampered.write_bytes(signed.read_bytes().replace(b"<STT>1</STT>", b"<STT>3</STT>"))
    assert main(["hub", "verify-xml0", str(tampered), str(draft), str(tmp_path / "missing.xml"), "--json"]) == 1
    codes = [f["error"]["code"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert codes == ["digest_mismatch", "unsigned", "unreadable"]
    monkeypatch.setenv("KIOSK_GATEWAY_SIGN_PASSWORD", "sai")
    assert main(["hub", "sign-xml0", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "wrong password" in err and "sai" not in err.replace("sai-", "") and "Traceback" not in err
