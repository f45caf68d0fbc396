"""``POST /v1/cards/lookup`` with ``budget_s``: the kiosk's budget less the network's share (issue 14: every
check-in is confirmed online within 2.5 s). The hub waits for the gateway the smaller of it and its own
answer budget (the kept card data an answer carries is checked end to end in tests/checkin/test_end_to_end.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.gateway.outcome import GatewayOutcome
from kiosk.gateway.service import LookupRequest
from tests.gateway.standin import StandinHolder
from tests.hub.gateway_support import GatewayHub, patient

__all__ = ["StandinHolder"]


@pytest.mark.parametrize(("budget_s", "waited"), [(0.4, 0.4), (10.0, None), (None, None)])  # None: the hub's
def test_the_hub_waits_the_smaller_budget(ghub_lite: GatewayHub, standin: StandinHolder,
                                          monkeypatch: pytest.MonkeyPatch, budget_s: float | None,
                                          waited: float | None) -> None:
    patient(standin.state)
    waits: list[float | None] = []
    real = ghub_lite.gateway.service.lookup

    def spy(request: LookupRequest, wait_s: float | None = None) -> GatewayOutcome:
        waits.append(wait_s)
        return real(request, wait_s=wait_s)

    monkeypatch.setattr(ghub_lite.gateway.service, "lookup", spy)
    extra: dict[str, Any] = {} if budget_s is None else {"budget_s": budget_s}
    r = ghub_lite.lookup(**extra)
    assert r.status_code == 200, r.text  # "verdict" or "pending", as fast as the gateway is
    assert waits == [ghub_lite.gateway.settings.answer_budget_s if waited is None else waited]


def test_a_budget_out_of_range_is_refused(ghub_lite: GatewayHub) -> None:
    for bad in (0, -1, 31, "soon"):
        assert ghub_lite.lookup(budget_s=bad).status_code == 422
