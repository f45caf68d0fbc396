"""The desk's visits panel names the store's outbox states."""

from __future__ import annotations

from kiosk.db import visits
from kiosk.ui.desk import visits_panel


def test_visits_panel_outbox_states_match_the_store() -> None:
    assert (visits_panel.TO_SEND, visits_panel.SENDING, visits_panel.SENT, visits_panel.REJECTED) == (
        visits.TO_SEND, visits.SENDING, visits.SENT, visits.REJECTED)
