"""Check-in (XML0) upload to ``checkInKcbQd3176`` (docs/bhxh-gateway.md §9): form, answer, retries with back-off.

The exact bytes of the XML0 file are sent on every attempt, so a resend always carries the same
``MA_LK`` (docs/xml0.md: it never changes on resend) and the same signature. Before the first attempt the
signature is verified (a file changed after signing is never sent) and an unsigned file is refused while
``require_signature`` is on (:class:`kiosk.gateway.signing.SignatureInvalid`, code ``unsigned``). Keep the
returned transaction id (``maGiaoDich``) with the visit for reconciliation.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from kiosk.gateway.client import GatewayClient
from kiosk.gateway.errors import GatewayUnavailable
from kiosk.gateway.protocol import UploadReceipt
from kiosk.gateway.xml0 import read_record_key

if TYPE_CHECKING:
    from cryptography import x509

log = logging.getLogger("kiosk.gateway.upload")

#: A record whose upload failed this many times is flagged for staff (one public vendor's practice).
MAX_FAILURES: Final = 20


def check_signature(document: bytes, *, required: bool, expected_certificate: x509.Certificate | None = None) -> bool:
    """Verify the file's signature (SignatureInvalid when broken); an unsigned file passes only when not
    ``required``. Returns whether the file is signed."""
    from kiosk.gateway.signing import SignatureInvalid, is_signed, verify_xml0  # lazy: signxml/lxml are heavy

    if is_signed(document):
        verify_xml0(document, expected_certificate=expected_certificate)
        return True
    if required:
        raise SignatureInvalid("unsigned", "refusing to upload an unsigned check-in file: the facility signature is "
                                           "mandatory; configure the certificate ([gateway] sign_certificate_file, "
                                           "sign_key_file, sign_password_env) and export again")
    return False


def next_retry_delay(failures: int, first_s: float = 60.0, cap_s: float = 6 * 3600.0) -> float | None:
    """Delay before the next queued resend after ``failures`` failures; None once MAX_FAILURES is reached."""
    if failures >= MAX_FAILURES:
        return None
    return float(min(cap_s, first_s * 2 ** max(0, failures - 1)))


class CheckinUploader:
    """Uploads one XML0 file, retrying offline-type failures with exponential back-off.

    Rejections (a result code other than 200 that is not a server error) and authentication errors are
    not retried: they need a person.
    """

    def __init__(self, client: GatewayClient, *, attempts: int | None = None, backoff_s: float | None = None,
                 sleep: Callable[[float], None] = time.sleep, require_signature: bool | None = None,
                 expected_certificate: x509.Certificate | None = None) -> None:
        self.client = client
        #: Refuse unsigned files (default: the settings' ``require_signature``).
        self.require_signature = (client.settings.require_signature if require_signature is None
                                  else require_signature)
        #: When set, only files signed with this certificate are sent.
        self.expected_certificate = expected_certificate
        self.attempts = max(1, attempts if attempts is not None else client.settings.upload_attempts)
        self.backoff_s = backoff_s if backoff_s is not None else client.settings.upload_backoff_s
        self._sleep = sleep

    def upload(self, document: bytes, facility_code: str | None = None) -> UploadReceipt:
        check_signature(document, required=self.require_signature, expected_certificate=self.expected_certificate)
        record_key = read_record_key(document)
        facility = facility_code or self.client.settings.facility_code
        last: GatewayUnavailable | None = None
        for attempt in range(1, self.attempts + 1):
            try:
                receipt = self.client.upload_checkin(document, facility, record_key, attempt)
            except GatewayUnavailable as exc:
                last = exc
                log.warning("check-in upload of %s failed (attempt %d/%d): %s", record_key, attempt,
                            self.attempts, exc.message)
                if attempt < self.attempts:
                    self._sleep(self.backoff_s * 2 ** (attempt - 1))
                continue
            log.info("check-in %s accepted: transaction %s", record_key, receipt.transaction_id)
            return receipt
        assert last is not None
        raise last
