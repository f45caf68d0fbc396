"""The facility signature on XML0 files: credentials, signing, verification and tamper detection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from kiosk.gateway.settings import GatewaySettings, SigningSettings
from kiosk.gateway.signing import (
    SignatureInvalid,
    SigningCredentials,
    SigningError,
    is_signed,
    load_credentials,
    sign_xml0,
    verify_xml0,
)
from kiosk.gateway.xml0 import build_xml0, parse_xml0, to_xml
from tests.gateway.certs import ENV, P12_PASSWORD, PASSWORD_ENV, TestCert, make_cert, p12_settings
from tests.gateway.visits import BHYT_VISIT, FACILITY, UNINSURED_VISIT

DS = "{http://www.w3.org/2000/09/xmldsig#}"
DOCUMENT = to_xml(build_xml0(BHYT_VISIT, FACILITY))
END = b"</CHI_TIEU_TRANG_THAI_KCB>\n"


@pytest.fixture(scope="module")
def cert() -> TestCert:
    return make_cert()


@pytest.fixture(scope="module")
def creds(cert: TestCert) -> SigningCredentials:
    return SigningCredentials(cert.certificate, cert.key)


@pytest.fixture(scope="module")
def signed(creds: SigningCredentials) -> bytes:
    return sign_xml0(DOCUMENT, creds)


# -- credentials --------------------------------------------------------------------------------------
def test_pkcs12_with_the_password_from_the_named_variable(tmp_path: Path, cert: TestCert) -> None:
    loaded = load_credentials(p12_settings(tmp_path, cert), env=ENV)
    assert loaded.certificate == cert.certificate
    assert "Phòng khám Thử nghiệm 10099" in loaded.describe()["subject"]


def test_password_file_is_used_instead_of_the_variable(tmp_path: Path, cert: TestCert) -> None:
    (tmp_path / "pw").write_text(P12_PASSWORD + "\n", encoding="utf-8")
    settings = p12_settings(tmp_path, cert, password_file=str(tmp_path / "pw"))
    assert load_credentials(settings, env={}).certificate == cert.certificate


def test_wrong_or_missing_p12_password_is_a_clear_error(tmp_path: Path, cert: TestCert) -> None:
    settings = p12_settings(tmp_path, cert)
    with pytest.raises(SigningError) as err:
        load_credentials(settings, env={PASSWORD_ENV: "sai-mat-khau"})
    assert err.value.code == "wrong_password" and "wrong password" in err.value.message
    assert "sai-mat-khau" not in err.value.message
    with pytest.raises(SigningError) as err:
        load_credentials(settings, env={})
    assert err.value.code == "wrong_password" and PASSWORD_ENV in err.value.message


def test_missing_files_and_no_configuration(tmp_path: Path, cert: TestCert) -> None:
    with pytest.raises(SigningError) as err:
        load_credentials(SigningSettings(str(tmp_path / "none.p12")), env={})
    assert err.value.code == "missing_file" and "none.p12" in err.value.message
    with pytest.raises(SigningError) as err:
        load_credentials(SigningSettings(), env={})
    assert err.value.code == "not_configured" and "sign_certificate_file" in err.value.message
    pem, _key = cert.write_pem(tmp_path / "c.pem", tmp_path / "k.pem")
    with pytest.raises(SigningError) as err:
        load_credentials(SigningSettings(str(pem)), env={})
    assert err.value.code == "not_configured" and "sign_key_file" in err.value.message


def test_pem_certificate_with_an_encrypted_key(tmp_path: Path, cert: TestCert) -> None:
    pem, key = cert.write_pem(tmp_path / "c.pem", tmp_path / "k.pem", password="khoa-rieng")
    settings = SigningSettings(str(pem), str(key), password_env=PASSWORD_ENV)
    assert load_credentials(settings, env={PASSWORD_ENV: "khoa-rieng"}).certificate == cert.certificate
    with pytest.raises(SigningError) as err:
        load_credentials(settings, env={})
    assert err.value.code == "wrong_password" and "encrypted" in err.value.message
    with pytest.raises(SigningError) as err:
        load_credentials(settings, env={PASSWORD_ENV: "khac"})
    assert err.value.code == "wrong_password"


def test_a_key_that_does_not_match_the_certificate_is_refused(tmp_path: Path, cert: TestCert) -> None:
    other = make_cert(key_index=1)
    pem, _ = cert.write_pem(tmp_path / "c.pem", tmp_path / "k.pem")
    _, other_key = other.write_pem(tmp_path / "c2.pem", tmp_path / "k2.pem")
    with pytest.raises(SigningError) as err:
        load_credentials(SigningSettings(str(pem), str(other_key)), env={})
    assert err.value.code == "key_mismatch"


def test_expired_and_not_yet_valid_certificates_are_refused_with_their_dates(tmp_path: Path) -> None:
    expired = make_cert(valid_from_days=-10, valid_days=3)
    with pytest.raises(SigningError) as err:
        load_credentials(p12_settings(tmp_path, expired), env=ENV)
    end = expired.certificate.not_valid_after_utc
    assert err.value.code == "cert_expired" and f"{end:%Y-%m-%d %H:%M}" in err.value.message
    future = make_cert(valid_from_days=5)
    with pytest.raises(SigningError) as err:
        load_credentials(p12_settings(tmp_path, future), env=ENV)
    assert err.value.code == "cert_not_yet_valid"
    with pytest.raises(SigningError) as err:  # signing itself refuses an expired certificate too
        sign_xml0(DOCUMENT, SigningCredentials(expired.certificate, expired.key))
    assert err.value.code == "cert_expired"


def test_gateway_settings_carry_the_signing_keys() -> None:
    settings = GatewaySettings("https://x", "u", password="p", sign_certificate_file="/etc/f.p12",
                               sign_password_env="PW")
    signing = settings.signing_settings()
    assert signing.configured and signing.certificate_file == "/etc/f.p12" and signing.password_env == "PW"
    assert signing.require_signature and not GatewaySettings("https://x", "u").signing_settings().configured


# -- signing ------------------------------------------------------------------------------------------
def test_signature_profile_and_place(signed: bytes, cert: TestCert) -> None:
    root = etree.fromstring(signed)
    assert [child.tag for child in root] == ["DSACH_TRANG_THAI_KCB", "CHUKYDONVI"]
    (signature,) = root.find("CHUKYDONVI")
    assert signature.tag == f"{DS}Signature"
    info = signature.find(f"{DS}SignedInfo")
    assert info.find(f"{DS}CanonicalizationMethod").get("Algorithm") == \
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    assert info.find(f"{DS}SignatureMethod").get("Algorithm") == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    (reference,) = info.findall(f"{DS}Reference")
    assert reference.get("URI") == ""
    assert [t.get("Algorithm") for t in reference.iter(f"{DS}Transform")] == [
        "http://www.w3.org/2000/09/xmldsig#enveloped-signature"]
    assert reference.find(f"{DS}DigestMethod").get("Algorithm") == "http://www.w3.org/2001/04/xmlenc#sha256"
    assert signature.find(f"{DS}KeyInfo/{DS}X509Data/{DS}X509Certificate").text


def test_signing_keeps_the_serialised_data_byte_for_byte(signed: bytes) -> None:
    assert signed.startswith(DOCUMENT[: -len(END)]) and signed.endswith(b"</CHUKYDONVI>\n" + END)
    assert parse_xml0(signed) == parse_xml0(DOCUMENT)
    assert is_signed(signed) and not is_signed(DOCUMENT)


def test_round_trip_verifies(signed: bytes, cert: TestCert) -> None:
    info = verify_xml0(signed, expected_certificate=cert.certificate)
    assert info.certificate == cert.certificate and info.signature_method.endswith("rsa-sha256")
    assert info.to_json()["serial"] == format(cert.certificate.serial_number, "x")


def test_cdata_free_text_and_ecdsa_keys(tmp_path: Path) -> None:
    from kiosk.gateway.xml0 import Xml0Extras

    extras = Xml0Extras(admitted_at=dt.datetime(2025, 3, 1, 9, 0), admission_reason="Sốt cao > 39°C & ho]]>")
    document = to_xml(build_xml0(UNINSURED_VISIT, FACILITY, extras))
    assert b"<![CDATA[" in document
    ec_cert = make_cert(ec_key=True)
    signed = sign_xml0(document, SigningCredentials(ec_cert.certificate, ec_cert.key))
    assert b"<![CDATA[" in signed and verify_xml0(signed).signature_method.endswith("ecdsa-sha256")
    assert signed.startswith(document[: -len(END)])  # the file as serialised, CDATA and all
    assert parse_xml0(signed)[0]["LY_DO_VNT"] == "Sốt cao > 39°C & ho]]>"


def test_already_signed_and_foreign_documents_are_refused(signed: bytes, creds: SigningCredentials) -> None:
    with pytest.raises(SigningError) as err:
        sign_xml0(signed, creds)
    assert err.value.code == "already_signed"
    with pytest.raises(SigningError) as err:
        sign_xml0(b"<GIAMDINHHS/>", creds)
    assert err.value.code == "malformed"
    with pytest.raises(SigningError) as err:
        sign_xml0(b"<CHI_TIEU_TRANG_THAI_KCB>", creds)
    assert err.value.code == "malformed"


# -- tampering ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("old", "new"), [
    (b"<HO_TEN>Nguy", b"<HO_TEN>Nguz"),           # one changed character in the data
    (b"<STT>1</STT>", b"<STT>2</STT>"),
    (b"\n      <MA_BN>", b"\n       <MA_BN>"),     # one more space between elements
    (b"</MA_LK>\n", b"</MA_LK>\r\n\n"),           # a changed line end
    (b"<TEN_THUOC></TEN_THUOC>", b"<TEN_THUOC> </TEN_THUOC>"),
])
def test_any_change_to_the_signed_content_fails_the_digest(signed: bytes, old: bytes, new: bytes) -> None:
    assert signed.count(old) == 1
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(signed.replace(old, new))
    assert err.value.code == "digest_mismatch" and "changed after it was signed" in err.value.message


def test_a_changed_signature_value_or_signed_info_fails_the_signature(signed: bytes) -> None:
    root = etree.fromstring(signed)
    value = root.find(f"CHUKYDONVI/{DS}Signature/{DS}SignatureValue").text
    flipped = ("B" if value[0] == "A" else "A") + value[1:]
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(signed.replace(value.encode(), flipped.encode()))
    assert err.value.code == "bad_signature"
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(signed.replace(b"<ds:SignedInfo>", b"<ds:SignedInfo> "))
    assert err.value.code == "bad_signature"


def test_unsigned_foreign_certificate_and_expiry(signed: bytes) -> None:
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(DOCUMENT)
    assert err.value.code == "unsigned"
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(signed, expected_certificate=make_cert(key_index=2).certificate)
    assert err.value.code == "wrong_certificate"
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(signed, at=dt.datetime.now(dt.UTC) + dt.timedelta(days=30))
    assert err.value.code == "cert_expired" and "expired" in err.value.message
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(b"<CHI_TIEU_TRANG_THAI_KCB><oops")
    assert err.value.code == "malformed"


def test_a_signature_moved_out_of_chukydonvi_or_a_replaced_certificate_is_refused(signed: bytes) -> None:
    moved = signed.replace(b"<CHUKYDONVI>", b"").replace(b"</CHUKYDONVI>", b"")
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(moved)
    assert err.value.code == "unsigned"
    other = make_cert(key_index=3)
    mine = etree.fromstring(signed).find(f"CHUKYDONVI/{DS}Signature/{DS}KeyInfo/{DS}X509Data/{DS}X509Certificate")
    theirs = SigningCredentials(other.certificate, other.key)
    their_cert = etree.fromstring(sign_xml0(DOCUMENT, theirs)).find(
        f"CHUKYDONVI/{DS}Signature/{DS}KeyInfo/{DS}X509Data/{DS}X509Certificate")
    swapped = signed.replace(mine.text.encode(), their_cert.text.encode())
    with pytest.raises(SignatureInvalid) as err:
        verify_xml0(swapped)
    assert err.value.code == "bad_signature"


def test_a_file_with_an_empty_chukydonvi_placeholder_is_signed_into_it(creds: SigningCredentials) -> None:
    document = DOCUMENT.replace(END, b"  <CHUKYDONVI/>\n" + END)
    signed = sign_xml0(document, creds)
    root = etree.fromstring(signed)
    assert [child.tag for child in root] == ["DSACH_TRANG_THAI_KCB", "CHUKYDONVI"]
    assert root.find(f"CHUKYDONVI/{DS}Signature") is not None
    assert verify_xml0(signed).certificate == creds.certificate and parse_xml0(signed) == parse_xml0(DOCUMENT)
