"""The hub's look-up accepts a 12-digit personal-ID card number and a month-precise birth date, and passes the
gateway's kept card data on (docs/eligibility.md, "Card numbers", "Birth dates")."""

from __future__ import annotations

from tests.gateway.standin import StandinHolder
from tests.hub.gateway_support import NAME, GatewayHub, patient

PERSONAL_ID = "001185000321"


def test_a_personal_id_card_number_is_looked_up(ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state, card_number=PERSONAL_ID, bhxh_number=None, area="K2")
    r = ghub_lite.lookup(card_number=PERSONAL_ID)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["verdict"] == "valid" and body["card_number"] == PERSONAL_ID
    assert [c["card_number"] for c in body["cards"]] == [PERSONAL_ID]
    assert body["details"]["area"] == "K2"
    assert standin.state.lookup_log[-1]["maThe"] == PERSONAL_ID


def test_a_month_precise_birth_date_is_accepted(ghub_lite: GatewayHub, standin: StandinHolder) -> None:
    patient(standin.state, birth="1985")
    r = ghub_lite.lookup(birth_date="1985-06", name=NAME)
    assert r.status_code == 200, r.text
    assert r.json()["verdict"] == "valid"
    assert standin.state.lookup_log[-1]["ngaySinh"] == "1985"  # the gateway gets dd/MM/yyyy or yyyy


def test_other_shapes_are_still_refused(ghub_lite: GatewayHub) -> None:
    assert ghub_lite.lookup(card_number="00118500032").status_code == 422
    assert ghub_lite.lookup(birth_date="1985-6").status_code == 422
