"""The facility's digital signature on XML0 check-in files (``<CHUKYDONVI>``) and its verification.

docs/xml0.md §Signing: SHA-256, a certificate registered on the BHXH portal, mandatory from 01/01/2026;
sign after the final serialisation (any change, even whitespace, breaks it); keep the exact signed bytes.

Profile (what Vietnamese HIS vendors send to the gateway; see docs/gateway.md "Signing" for the sources):

- enveloped XML-DSig (``http://www.w3.org/2000/09/xmldsig#``, prefix ``ds:``) over the whole
  document: one ``Reference URI=""`` with only the enveloped-signature transform, digest SHA-256;
- ``SignatureMethod`` RSA-SHA256 (ECDSA-SHA256 for an EC key), ``CanonicalizationMethod`` inclusive
  Canonical XML 1.0 (``REC-xml-c14n-20010315``);
- ``KeyInfo/X509Data/X509Certificate`` with the facility certificate (and its chain from a PKCS#12 file);
- the ``Signature`` element inside ``<CHUKYDONVI>``, the last child of ``CHI_TIEU_TRANG_THAI_KCB``, after
  ``DSACH_TRANG_THAI_KCB`` (the XML0 file is sent alone, base64 in ``fileHSBase64``: no outer envelope).

The XML-DSig itself is signxml's (lxml + cryptography); this module only loads the credentials, places the
signature and turns signxml's errors into specific ones.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from lxml import etree
from signxml import (
    CanonicalizationMethod,
    DigestAlgorithm,
    SignatureConfiguration,
    SignatureMethod,
    XMLSigner,
    XMLVerifier,
    methods,
    namespaces,
)
from signxml.exceptions import InvalidCertificate, InvalidDigest, InvalidInput, InvalidSignature, SignXMLException

from kiosk.gateway.errors import GatewayError
from kiosk.gateway.settings import SigningSettings
from kiosk.gateway.xml0_fields import LIST_TAG, ROOT_TAG

__all__ = ["SIGNATURE_TAG", "SignatureInfo", "SignatureInvalid", "SigningCredentials", "SigningError",
           "is_signed", "load_credentials", "sign_xml0", "verify_xml0"]

SIGNATURE_TAG: Final = "CHUKYDONVI"
DS: Final = namespaces.ds
C14N: Final = CanonicalizationMethod.CANONICAL_XML_1_0
_PKCS12_SUFFIXES: Final = (".p12", ".pfx")
_DECLARATION: Final = b'<?xml version="1.0" encoding="utf-8"?>\n'

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class SigningError(GatewayError):
    """The file cannot be signed (``code`` says why; the message names the file or setting, never a password)."""

    summary = "The check-in file cannot be signed"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class SignatureInvalid(SigningError):
    """A file's signature is missing or does not verify (``code``: unsigned, malformed, digest_mismatch,
    bad_signature, cert_expired, cert_not_yet_valid, wrong_certificate, unexpected_algorithm)."""


def _parser() -> etree.XMLParser:
    # No entities, no network. CDATA becomes plain text in the tree (canonical XML has no CDATA anyway): signxml
    # serialises trees as ASCII, which would turn non-ASCII characters inside a kept CDATA node into literal
    # "&#7889;" text. The CDATA of the file itself survives: the signature is spliced into the original bytes.
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def _utc(moment: dt.datetime | None) -> dt.datetime:
    moment = moment or dt.datetime.now(dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _validity_problem(cert: x509.Certificate, at: dt.datetime) -> tuple[str, str] | None:
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    span = f"valid {start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} UTC"
    if at < start:
        return "cert_not_yet_valid", f"the signing certificate is not valid yet ({span}, now {at:%Y-%m-%d %H:%M})"
    if at > end:
        return "cert_expired", f"the signing certificate has expired ({span}, now {at:%Y-%m-%d %H:%M})"
    return None


def _subject(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string()


@dataclass(frozen=True)
class SigningCredentials:
    """The facility certificate, its private key and any chain certificates from the PKCS#12 file."""

    certificate: x509.Certificate
    private_key: PrivateKey
    chain: tuple[x509.Certificate, ...] = ()
    source: str = ""

    def check_valid(self, at: dt.datetime | None = None) -> None:
        problem = _validity_problem(self.certificate, _utc(at))
        if problem:
            raise SigningError(problem[0], f"{problem[1]}: renew it and register the new one on the BHXH portal"
                                           + (f" ({self.source})" if self.source else ""))

    def describe(self) -> dict[str, str]:
        cert = self.certificate
        return {"subject": _subject(cert), "serial": format(cert.serial_number, "x"),
                "not_before": cert.not_valid_before_utc.isoformat(), "not_after": cert.not_valid_after_utc.isoformat()}


# -- loading ------------------------------------------------------------------------------------------
def _password(settings: SigningSettings, env: Mapping[str, str]) -> bytes | None:
    if settings.password_file.strip():
        path = Path(settings.password_file)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise SigningError("missing_file",
                               f"password file {path}: cannot read it ({exc.strerror or exc})") from None
        return lines[0].encode("utf-8") if lines and lines[0] else None
    value = env.get(settings.password_env.strip()) if settings.password_env.strip() else None
    return value.encode("utf-8") if value else None


def _read(path_text: str, what: str) -> bytes:
    path = Path(path_text).expanduser()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SigningError("missing_file", f"{what} {path} does not exist") from None
    except OSError as exc:
        raise SigningError("missing_file", f"{what} {path}: cannot read it ({exc.strerror or exc})") from None


def _where(settings: SigningSettings) -> str:
    return (f"set the password in ${settings.password_env} or a file named by sign_password_file"
            if settings.password_env else "set sign_password_file")


def _from_pkcs12(data: bytes, settings: SigningSettings, password: bytes | None) -> SigningCredentials:
    name = settings.certificate_file
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password)
    except ValueError:
        if password is None:
            raise SigningError("wrong_password", f"PKCS#12 file {name} needs a password: {_where(settings)}") from None
        raise SigningError("wrong_password", f"cannot open PKCS#12 file {name}: wrong password (or not a PKCS#12 "
                                             "file)") from None
    if cert is None or key is None:
        raise SigningError("unreadable", f"PKCS#12 file {name} must hold both the certificate and its private key")
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SigningError("unsupported_key", f"{name}: only RSA and EC keys can sign XML0 files")
    return SigningCredentials(cert, key, tuple(extra), name)


def _from_pem(data: bytes, settings: SigningSettings, password: bytes | None) -> SigningCredentials:
    name = settings.certificate_file
    try:
        cert = (x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data else x509.load_der_x509_certificate(data))
    except ValueError:
        raise SigningError("unreadable", f"{name} is not a PEM/DER certificate (or a .p12/.pfx file)") from None
    if not settings.key_file.strip():
        raise SigningError("not_configured", f"{name} holds a certificate alone: set sign_key_file to its private key "
                                             "(or use a PKCS#12 file)")
    key_data = _read(settings.key_file, "private key file")
    try:
        key = serialization.load_pem_private_key(key_data, password)
    except TypeError:
        if password is None:
            raise SigningError("wrong_password", f"private key {settings.key_file} is encrypted: "
                                                 f"{_where(settings)}") from None
        key = serialization.load_pem_private_key(key_data, None)
    except ValueError:
        raise SigningError("wrong_password", f"cannot read private key {settings.key_file}: wrong password or not a "
                                             "PEM key") from None
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SigningError("unsupported_key", f"{settings.key_file}: only RSA and EC keys can sign XML0 files")
    return SigningCredentials(cert, key, (), name)


def _public_der(key: object) -> bytes:
    assert isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey)
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_credentials(settings: SigningSettings, env: Mapping[str, str] | None = None,
                     now: dt.datetime | None = None) -> SigningCredentials:
    """The certificate and key named by ``settings``; refuses a key that does not match the certificate and a
    certificate that is expired or not valid yet (the message gives the dates). Raises SigningError."""
    if not settings.configured:
        raise SigningError("not_configured", "no signing certificate configured: set [gateway] "
                                             "sign_certificate_file (or KIOSK_GATEWAY_SIGN_CERT)")
    env = os.environ if env is None else env
    data = _read(settings.certificate_file, "certificate file")
    password = _password(settings, env)
    if settings.certificate_file.lower().endswith(_PKCS12_SUFFIXES):
        creds = _from_pkcs12(data, settings, password)
    else:
        creds = _from_pem(data, settings, password)
    if _public_der(creds.certificate.public_key()) != _public_der(creds.private_key.public_key()):
        raise SigningError("key_mismatch", f"the private key does not belong to the certificate in "
                                           f"{settings.certificate_file} ({_subject(creds.certificate)})")
    creds.check_valid(now)
    return creds


# -- signing ------------------------------------------------------------------------------------------
def _signature_holder(root: etree._Element) -> tuple[etree._Element, bool]:
    """The <CHUKYDONVI> element to sign into, and whether it was added here (as the root's last child)."""
    holder = root.find(SIGNATURE_TAG)
    if holder is not None:
        if len(holder) or (holder.text or "").strip():
            raise SigningError("already_signed", f"the file already carries a <{SIGNATURE_TAG}> signature")
        return holder, False
    previous = root[-1] if len(root) else None
    holder = etree.SubElement(root, SIGNATURE_TAG)
    # One more child of the root, indented like the others (to_xml(): two spaces, one per line).
    if previous is not None:
        old_tail = previous.tail or ""
        previous.tail, holder.tail = old_tail + "  ", old_tail
    return holder, True


def _splice(document: bytes, signature: etree._Element) -> bytes | None:
    """``document`` byte for byte with ``  <CHUKYDONVI>signature</CHUKYDONVI>`` before the root's end tag, laid
    out as _signature_holder() laid out the tree: the bytes the data was serialised as stay untouched."""
    end_tag = f"</{ROOT_TAG}>".encode()
    cut = document.rfind(end_tag)
    if cut < 0:
        return None
    head = document[:cut]
    body = head.rstrip(b" \t\r\n")
    space = head[len(body):]
    block = (f"  <{SIGNATURE_TAG}>".encode() + etree.tostring(signature, encoding="utf-8", xml_declaration=False)
             + f"</{SIGNATURE_TAG}>".encode())
    return body + space + block + space + document[cut:]


def sign_xml0(document: bytes, credentials: SigningCredentials, *, now: dt.datetime | None = None) -> bytes:
    """The signed XML0 file: ``document`` (final bytes from ``to_xml``) with the facility's enveloped signature in
    ``<CHUKYDONVI>``. These bytes are what is stored, sent and re-sent. Raises SigningError."""
    credentials.check_valid(now)
    try:
        root = etree.fromstring(document, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise SigningError("malformed", f"not well-formed XML: {exc}") from None
    if root.tag != ROOT_TAG or root.find(LIST_TAG) is None:
        raise SigningError("malformed", f"not an XML0 document (root {root.tag!r}, expected {ROOT_TAG!r})")
    holder, added = _signature_holder(root)
    etree.SubElement(holder, f"{{{DS}}}Signature", nsmap={"ds": DS}, Id="placeholder")
    is_ec = isinstance(credentials.private_key, ec.EllipticCurvePrivateKey)
    signer = XMLSigner(method=methods.enveloped, c14n_algorithm=C14N, digest_algorithm=DigestAlgorithm.SHA256,
                       signature_algorithm=SignatureMethod.ECDSA_SHA256 if is_ec else SignatureMethod.RSA_SHA256)
    try:
        signed = signer.sign(root, key=credentials.private_key, cert=[credentials.certificate, *credentials.chain],
                             exclude_c14n_transform_element=True)
    except SignXMLException as exc:
        raise SigningError("sign_failed", f"signing failed: {exc}") from None
    signature = signed.find(f"{SIGNATURE_TAG}/{{{DS}}}Signature")
    data = _splice(document, signature) if added and signature is not None else None
    if data is not None:
        try:
            verify_xml0(data, expected_certificate=credentials.certificate, at=now)
            return data
        except SignatureInvalid:
            pass  # unusual layout: fall back to lxml's serialisation of the whole tree
    data = _DECLARATION + etree.tostring(signed, encoding="utf-8", xml_declaration=False) + b"\n"
    verify_xml0(data, expected_certificate=credentials.certificate, at=now)  # the bytes as stored verify
    return data


# -- verification -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SignatureInfo:
    """A verified signature: who signed and with what."""

    subject: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    signature_method: str
    certificate: x509.Certificate

    def to_json(self) -> dict[str, str]:
        return {"subject": self.subject, "serial": self.serial, "not_before": self.not_before.isoformat(),
                "not_after": self.not_after.isoformat(), "signature_method": self.signature_method}


def is_signed(document: bytes) -> bool:
    """True when the file carries a signature element in <CHUKYDONVI> (says nothing about its validity)."""
    if f"<{SIGNATURE_TAG}".encode() not in document:
        return False
    try:
        root = etree.fromstring(document, parser=_parser())
    except etree.XMLSyntaxError:
        return False
    return root.find(f"{SIGNATURE_TAG}/{{{DS}}}Signature") is not None


_CONFIG = SignatureConfiguration(
    location=f"./{SIGNATURE_TAG}/", expect_references=1,
    signature_methods=frozenset({SignatureMethod.RSA_SHA256, SignatureMethod.ECDSA_SHA256}),
    digest_algorithms=frozenset({DigestAlgorithm.SHA256}), default_reference_c14n_method=C14N)


def _signature_parts(document: bytes) -> tuple[etree._Element, x509.Certificate]:
    try:
        root = etree.fromstring(document, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise SignatureInvalid("malformed", f"not well-formed XML: {exc}") from None
    signature = root.find(f"{SIGNATURE_TAG}/{{{DS}}}Signature")
    if signature is None:
        raise SignatureInvalid("unsigned", f"the file is not signed (no signature in <{SIGNATURE_TAG}>)")
    refs = signature.findall(f"{{{DS}}}SignedInfo/{{{DS}}}Reference")
    if len(refs) != 1 or refs[0].get("URI") != "":
        raise SignatureInvalid("malformed", 'the signature must have one Reference URI="" (the whole file)')
    certs = signature.findall(f"{{{DS}}}KeyInfo/{{{DS}}}X509Data/{{{DS}}}X509Certificate")
    if not certs:
        raise SignatureInvalid("malformed", "the signature carries no X509Certificate")
    try:
        cert = x509.load_der_x509_certificate(_b64("".join((certs[0].text or "").split())))
    except ValueError:
        raise SignatureInvalid("malformed", "the X509Certificate in the signature cannot be read") from None
    return signature, cert


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not base64") from None


def verify_xml0(document: bytes, *, expected_certificate: x509.Certificate | None = None,
                at: dt.datetime | None = None) -> SignatureInfo:
    """Check the signature of an XML0 file: digest of the signed content, signature value, and the embedded
    certificate's validity at ``at`` (default now; plain XML-DSig carries no signing time). With
    ``expected_certificate`` the file must be signed by exactly that certificate. Raises SignatureInvalid.

    Whether the certificate is registered with BHXH is the gateway's check, not this one."""
    signature, cert = _signature_parts(document)
    if expected_certificate is not None and cert != expected_certificate:
        raise SignatureInvalid("wrong_certificate", f"signed by {_subject(cert)} (serial {cert.serial_number:x}), "
                                                    f"not by the facility certificate {_subject(expected_certificate)}")
    moment = _utc(at)
    problem = _validity_problem(cert, moment)
    if problem:
        raise SignatureInvalid(*problem)
    config = dataclasses.replace(_CONFIG, verification_time=moment)
    try:
        XMLVerifier().verify(document, x509_cert=cert, expect_config=config)
    except InvalidDigest:
        raise SignatureInvalid("digest_mismatch", "the file was changed after it was signed (the SHA-256 digest "
                                                  "of the signed content does not match)") from None
    except InvalidCertificate as exc:
        raise SignatureInvalid("cert_invalid", f"certificate problem: {exc}") from None
    except InvalidSignature as exc:
        raise SignatureInvalid("bad_signature", f"the signature value does not verify with the certificate in the "
                                                f"file ({exc})") from None
    except InvalidInput as exc:
        text = str(exc)
        code = "unexpected_algorithm" if "expected" in text.lower() and "method" in text.lower() else "malformed"
        raise SignatureInvalid(code, f"the signature cannot be checked: {text}") from None
    except (SignXMLException, ValueError, etree.XMLSyntaxError) as exc:
        raise SignatureInvalid("malformed", f"the signature cannot be checked: {exc}") from None
    method = signature.find(f"{{{DS}}}SignedInfo/{{{DS}}}SignatureMethod")
    return SignatureInfo(_subject(cert), format(cert.serial_number, "x"), cert.not_valid_before_utc,
                         cert.not_valid_after_utc, "" if method is None else str(method.get("Algorithm")), cert)
