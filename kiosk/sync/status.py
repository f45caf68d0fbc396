"""What the UI shows about synchronisation: online/offline, last success, pending uploads, last error."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SyncStatus:
    #: The hub answered the last attempt (offline is a state, not an error).
    online: bool = False
    #: When the last complete push + pull succeeded (UTC).
    last_success_at: dt.datetime | None = None
    #: Visits recorded here and not yet confirmed by the hub.
    pending_count: int = 0
    #: Recording time of the oldest of those (UTC).
    oldest_pending_at: dt.datetime | None = None
    #: Visits set aside because the hub rejected them (shown on the desk's sync panel).
    rejected_count: int = 0
    #: Short English description of the last failure (no patient data), None after a success.
    last_error: str | None = None
    #: The error code of that failure (``hub_unreachable`` …; ``bug`` for an unexpected one): the interface
    #: words the error from it, ``last_error`` is for logs.
    last_error_code: str | None = None
    #: A sync is running now.
    syncing: bool = False
    #: No hub is configured: the kiosk works offline only.
    configured: bool = True
    #: When the next attempt is due (UTC), while waiting or backing off.
    next_attempt_at: dt.datetime | None = None

    def pending_too_old(self, now: dt.datetime, threshold: dt.timedelta) -> bool:
        """Pending uploads older than ``threshold`` are a problem; being offline by itself is not."""
        return self.oldest_pending_at is not None and now - self.oldest_pending_at > threshold
