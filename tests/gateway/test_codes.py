"""Every result code of docs/bhxh-gateway.md §7, end to end: stand-in answer -> client -> service -> outcome."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.cards.eligibility import Verdict
from kiosk.cards.model import BirthDate, CardStatus
from kiosk.gateway import RULES, GatewayLookupService, LookupRequest, OutcomeKind, StaffIdentity
from tests.gateway.standin import StandinCard, StandinHolder

V, C, OFF = OutcomeKind.VERDICT, OutcomeKind.CONFIG_ERROR, OutcomeKind.OFFLINE

#: docs/bhxh-gateway.md §7, code -> (kind, verdict). Kept by hand so a change to the table is a visible decision.
EXPECTED: dict[str, tuple[OutcomeKind, Verdict | None]] = {
    "000": (V, Verdict.VALID), "001": (V, Verdict.UNKNOWN), "002": (V, Verdict.UNKNOWN),
    "003": (V, Verdict.REPLACED), "004": (V, Verdict.VALID), "010": (V, Verdict.EXPIRED),
    "050": (V, Verdict.UNKNOWN), "051": (V, Verdict.UNKNOWN), "052": (V, Verdict.UNKNOWN),
    "053": (V, Verdict.UNKNOWN), "054": (C, None), "055": (C, None), "060": (V, Verdict.NAME_MISMATCH),
    "061": (V, Verdict.NAME_MISMATCH), "070": (V, Verdict.BIRTH_DATE_MISMATCH), "080": (V, Verdict.UNKNOWN),
    "090": (V, Verdict.UNKNOWN), "100": (OFF, None), "101": (OFF, None), "110": (V, Verdict.REVOKED),
    "120": (V, Verdict.REDUCED), "121": (V, Verdict.REDUCED), "122": (V, Verdict.REDUCED),
    "123": (V, Verdict.REDUCED), "124": (V, Verdict.REDUCED), "130": (V, Verdict.UNKNOWN), "205": (C, None),
    "401": (C, None), "500": (OFF, None),
}

VISIT = dt.date(2025, 6, 1)
CARD = "HC4100123456789"
AN_BIRTH = BirthDate(1985, 3, 15)


def _request(card: str = CARD, name: str = "Nguyễn Văn An", birth: BirthDate = AN_BIRTH,
             staff: StaffIdentity | None = None, visit: dt.date = VISIT) -> LookupRequest:
    return LookupRequest(card, name, birth, visit, staff=staff)


def test_every_documented_code_has_a_rule() -> None:
    assert set(RULES) == set(EXPECTED)
    for code, rule in RULES.items():
        assert rule.action_vi and rule.action_en, code
        assert (rule.kind, rule.verdict) == EXPECTED[code]


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_scripted_code_through_the_stand_in(code: str, standin: StandinHolder,
                                            service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code=code,
                                  http_status=500 if code == "500" else None))
    outcome = service.lookup(_request())
    kind, verdict = EXPECTED[code]
    assert outcome.kind is kind
    assert outcome.code == code
    assert outcome.verdict is verdict
    assert outcome.action_vi and outcome.action_en
    assert outcome.use_provisional is (kind is not OutcomeKind.VERDICT)
    if kind is OutcomeKind.VERDICT:
        assert outcome.note == f"Kết quả {code}"  # ghiChu kept raw
        assert outcome.answer_fields is not None and outcome.answer_fields["maKetQua"] == code


def test_computed_answers(standin: StandinHolder, service: GatewayLookupService) -> None:
    standin.state.today = VISIT
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985"))
    standin.state.add(StandinCard("DN4790000000001", "Trần Thị Bình", "21/06/1985", valid_to="31/12/2024"))
    assert service.lookup(_request()).verdict is Verdict.VALID
    assert service.lookup(_request(name="Nguyễn Văn Ân")).verdict is Verdict.NAME_MISMATCH
    assert service.lookup(_request(birth=BirthDate(1985, 3, 16))).verdict is Verdict.BIRTH_DATE_MISMATCH
    expired = service.lookup(_request("DN4790000000001", "Trần Thị Bình", BirthDate(1985, 6, 21)))
    assert (expired.verdict, expired.code) == (Verdict.EXPIRED, "010")
    assert service.lookup(_request("GD4010000000009")).code == "050"


def test_staff_not_registered_054_and_name_mismatch_055(standin: StandinHolder,
                                                        service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985"))
    outcome = service.lookup(_request(staff=StaffIdentity("Người Lạ", "001099999999")))
    assert (outcome.kind, outcome.code) == (OutcomeKind.CONFIG_ERROR, "054")
    assert "không phải lỗi của người bệnh" in outcome.action_vi.casefold()
    assert "administrator" in outcome.action_en
    outcome = service.lookup(_request("DN4790000000001", staff=StaffIdentity("Tên Khác", "001090000001")))
    assert (outcome.kind, outcome.code) == (OutcomeKind.CONFIG_ERROR, "055")


def _new_card_extra(start: str, end: str) -> dict[str, object]:
    return {"maTheMoi": "HC4100123456790", "gtTheTuMoi": start, "gtTheDenMoi": end, "maDKBDMoi": "10098"}


def test_003_switches_to_the_new_card_when_it_covers_the_visit(standin: StandinHolder,
                                                               service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code="003", valid_to="31/12/2024",
                                  extra=_new_card_extra("01/01/2025", "31/12/2025")))
    outcome = service.lookup(_request())
    assert outcome.verdict is Verdict.VALID
    assert outcome.card_number == "HC4100123456790" and outcome.replaced_by == "HC4100123456790"
    old, new = outcome.cards
    assert (old.card_number, old.status, old.replaced_by) == (CARD, CardStatus.REPLACED, "HC4100123456790")
    assert (new.card_number, new.status, new.facility_code) == ("HC4100123456790", CardStatus.ACTIVE, "10098")
    assert (new.valid_from, new.valid_to) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_003_new_card_not_yet_valid_is_replaced(standin: StandinHolder, service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code="003",
                                  extra=_new_card_extra("01/07/2025", "31/12/2025")))
    outcome = service.lookup(_request())
    assert (outcome.verdict, outcome.replaced_by, outcome.card_number) == (Verdict.REPLACED, "HC4100123456790", CARD)


def test_004_uses_the_new_card_if_it_fits_else_the_old_one(standin: StandinHolder,
                                                           service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code="004", valid_to="31/12/2025",
                                  extra=_new_card_extra("01/07/2025", "31/12/2026")))
    before = service.lookup(_request())
    assert (before.verdict, before.card_number, before.replaced_by) == (Verdict.VALID, CARD, "HC4100123456790")
    after = service.lookup(_request(visit=dt.date(2025, 8, 1)))  # served from the cache, judged for that day
    assert after.from_cache
    assert (after.verdict, after.card_number) == (Verdict.VALID, "HC4100123456790")
    assert [c.status for c in before.cards] == [CardStatus.ACTIVE, CardStatus.ACTIVE]


def test_000_with_a_different_new_card_number_follows_the_new_card_rule(standin: StandinHolder,
                                                                        service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code="000",
                                  extra=_new_card_extra("01/01/2025", "31/12/2025")))
    outcome = service.lookup(_request())
    assert (outcome.verdict, outcome.card_number) == (Verdict.VALID, "HC4100123456790")


def test_000_outside_the_returned_validity_is_not_valid(standin: StandinHolder,
                                                       service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code="000", valid_to="31/12/2024"))
    assert service.lookup(_request()).verdict is Verdict.EXPIRED
    standin.state.add(StandinCard("DN4790000000001", "Nguyễn Văn An", "15/03/1985", code="000",
                                  valid_from="01/01/2026"))
    assert service.lookup(_request("DN4790000000001")).verdict is Verdict.NOT_YET_VALID


@pytest.mark.parametrize(("code", "status"), [("000", CardStatus.ACTIVE), ("110", CardStatus.REVOKED),
                                              ("120", CardStatus.REDUCED), ("124", CardStatus.REDUCED)])
def test_answers_become_cached_cards(code: str, status: CardStatus, standin: StandinHolder,
                                     service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code=code, gender="Nữ"))
    (card,) = service.lookup(_request()).cards
    assert card.card_number == CARD and card.status is status
    assert (card.name, card.birth_date, str(card.gender)) == ("Nguyễn Văn An", BirthDate(1985, 3, 15), "female")
    assert (card.facility_code, card.bhxh_number) == ("10099", "0123456789")
    assert (card.valid_from, card.valid_to) == (dt.date(2024, 1, 1), dt.date(2030, 12, 31))


def test_a_cccd_look_up_keeps_the_citizen_id(standin: StandinHolder, service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Trần Thị Bình", "21/06/1985", citizen_id="001185000321", gender="Nữ"))
    outcome = service.lookup(_request("001185000321", "Trần Thị Bình", BirthDate(1985, 6, 21)))
    assert (outcome.verdict, outcome.card_number) == (Verdict.VALID, CARD)
    (card,) = outcome.cards
    assert (card.card_number, card.citizen_id) == (CARD, "001185000321")


@pytest.mark.parametrize("code", ["060", "070", "050", "054", "500"])
def test_mismatches_and_errors_give_no_card_record(code: str, standin: StandinHolder,
                                                   service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code=code))
    assert service.lookup(_request()).cards == ()


def test_expired_without_an_end_date_is_not_stored(standin: StandinHolder, service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code="010", extra={"gtTheDen": None}))
    outcome = service.lookup(_request())
    assert outcome.verdict is Verdict.EXPIRED and outcome.cards == ()


def test_unlisted_code_goes_to_the_desk(standin: StandinHolder, service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985", code="999"))
    outcome = service.lookup(_request())
    assert (outcome.kind, outcome.verdict, outcome.code) == (OutcomeKind.VERDICT, Verdict.UNKNOWN, "999")
    assert "999" in outcome.action_en


def test_outcome_json_is_serialisable(standin: StandinHolder, service: GatewayLookupService) -> None:
    import json

    standin.state.add(StandinCard(CARD, "Nguyễn Văn An", "15/03/1985"))
    data = json.loads(json.dumps(service.lookup(_request()).to_json()))
    assert data["kind"] == "verdict" and data["verdict"] == "valid" and data["code"] == "000"
    assert data["cards"][0]["card_number"] == CARD
