"""Throw-away, CA-less self-signed facility certificates for signing tests (never real BHXH certificates)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from kiosk.gateway.settings import SigningSettings

P12_PASSWORD = "mat-khau-chung-thu"
PASSWORD_ENV = "KIOSK_TEST_SIGN_PASSWORD"


@dataclass(frozen=True)
class TestCert:
    __test__ = False  # not a pytest test class
    certificate: x509.Certificate
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

    def write_p12(self, path: Path, password: str = P12_PASSWORD) -> Path:
        path.write_bytes(pkcs12.serialize_key_and_certificates(
            b"facility", self.key, self.certificate, None,
            serialization.BestAvailableEncryption(password.encode())))
        return path

    def write_pem(self, cert_path: Path, key_path: Path, password: str | None = None) -> tuple[Path, Path]:
        cert_path.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        encryption: serialization.KeySerializationEncryption = (
            serialization.BestAvailableEncryption(password.encode()) if password else serialization.NoEncryption())
        key_path.write_bytes(self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    encryption))
        return cert_path, key_path


@functools.lru_cache(maxsize=8)
def _rsa_key(n: int) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_cert(*, valid_from_days: float = -1, valid_days: float = 2, key_index: int = 0,
              ec_key: bool = False, name: str = "Phòng khám Thử nghiệm 10099") -> TestCert:
    """A self-signed certificate valid from now + valid_from_days for valid_days (RSA 2048 unless ec_key)."""
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey = (
        ec.generate_private_key(ec.SECP256R1()) if ec_key else _rsa_key(key_index))
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
                         x509.NameAttribute(NameOID.COMMON_NAME, f"MST 0100000000 - {name}")])
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=valid_from_days)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=valid_days)).sign(key, hashes.SHA256()))
    return TestCert(cert, key)


def p12_settings(directory: Path, cert: TestCert | None = None, **overrides: object) -> SigningSettings:
    """SigningSettings naming a PKCS#12 file in ``directory`` whose password is in $KIOSK_TEST_SIGN_PASSWORD."""
    path = (cert or make_cert()).write_p12(directory / "facility.p12")
    values: dict[str, object] = {"certificate_file": str(path), "password_env": PASSWORD_ENV}
    values.update(overrides)
    return SigningSettings(**values)  # type: ignore[arg-type]


ENV = {PASSWORD_ENV: P12_PASSWORD}


@functools.lru_cache(maxsize=1)
def shared_pem_files() -> tuple[str, str]:
    """Certificate + unencrypted key PEM files valid for a week, written once per test session (for fixtures
    that need a configured facility certificate without a password)."""
    import atexit
    import shutil
    import tempfile

    directory = Path(tempfile.mkdtemp(prefix="kiosk-test-cert-"))
    atexit.register(shutil.rmtree, directory, True)
    cert, key = make_cert(valid_days=7, key_index=7).write_pem(directory / "facility.pem", directory / "facility.key")
    return str(cert), str(key)
