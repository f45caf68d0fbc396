"""Gateway answers keep area, five-year date, office, old/new card and the look-up history, and warn when the
patient may still be admitted elsewhere (docs/eligibility.md, "Treatment history"); 12-digit card numbers."""

from __future__ import annotations

import datetime as dt

from kiosk.cards.eligibility import Verdict
from kiosk.cards.model import BirthDate
from kiosk.gateway import GatewayLookupService, LookupAnswer, LookupQuery, LookupRequest, interpret
from kiosk.gateway.protocol import (
    GATEWAY_TZ,
    checks_elsewhere_since_discharge,
    parse_area,
    parse_card_details,
    parse_gateway_time,
)
from tests.gateway.standin import ICT, StandinCard, StandinHolder

PERSONAL_ID = "001185000321"
NAME, BIRTH = "Nguyễn Văn An", BirthDate(1985, 3, 15)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(ICT).strftime("%Y%m%d%H%M")


def test_parse_card_details_reads_every_kept_field() -> None:
    details = parse_card_details({
        "maKV": "K2", "ngayDu5Nam": "01/10/2027", "cqBHXH": "BHXH Quận 1", "maTheCu": "hc4790000000001",
        "maTheMoi": "HC4790000000002",
        "dsLichSuKT2018": [
            {"userKT": "79001_BV", "thoiGianKT": "202603011015", "thongBao": "Thẻ còn giá trị", "maLoi": "000"},
            {"userKT": "79002_BV", "thoiGianKT": "20260302083000", "thongBao": "x", "maLoi": 0},
            "not an entry",
        ],
        "dsLichSuKCB2018": [{"ngayRa": "202602281700"}, {"ngayRa": "?"}],
    })
    assert (details.area, details.five_years_on, details.office) == ("K2", dt.date(2027, 10, 1), "BHXH Quận 1")
    assert (details.old_card, details.new_card) == ("HC4790000000001", "HC4790000000002")
    assert [c.user for c in details.checks] == ["79002_BV", "79001_BV"]  # newest first
    assert details.checks[1].facility_code == "79001" and details.checks[0].code == "0"
    assert details.last_discharge == dt.datetime(2026, 2, 28, 17, 0, tzinfo=GATEWAY_TZ)
    assert details.to_json()["checks"][0]["user"] == "79002_BV"


def test_parse_area_and_times() -> None:
    assert [parse_area(v) for v in ("K1", "k3", "5", "4", "", None, "K9")] == ["K1", "K3", "K1", None, None, None,
                                                                             None]
    assert parse_gateway_time("202603011015") == dt.datetime(2026, 3, 1, 10, 15, tzinfo=GATEWAY_TZ)
    assert parse_gateway_time("01/03/2026 10:15") == dt.datetime(2026, 3, 1, 10, 15, tzinfo=GATEWAY_TZ)
    assert parse_gateway_time("soon") is None and parse_gateway_time(None) is None


def test_checks_elsewhere_after_the_last_discharge_only() -> None:
    details = parse_card_details({"dsLichSuKT2018": [
        {"userKT": "79001_BV", "thoiGianKT": "202603011015", "maLoi": "000"},   # after discharge: warn
        {"userKT": "79001_BV", "thoiGianKT": "202603010900", "maLoi": "000"},   # same account, older: once
        {"userKT": "79003_BV", "thoiGianKT": "202602201000", "maLoi": "000"},   # before discharge
        {"userKT": "79004_BV", "thoiGianKT": "202603021000", "maLoi": "060"},   # refused there
        {"userKT": "10099_BV", "thoiGianKT": "202603021100", "maLoi": "000"},   # this facility
    ], "dsLichSuKCB2018": [{"ngayRa": "202602281700"}]})
    elsewhere = checks_elsewhere_since_discharge(details, "10099")
    assert [(c.user, c.checked_at) for c in elsewhere] == [
        ("79001_BV", dt.datetime(2026, 3, 1, 10, 15, tzinfo=GATEWAY_TZ))]


def test_answer_without_card_data_has_no_details() -> None:
    answer = LookupAnswer(code="060", note="Họ tên không đúng", http_status=200, fields={"maKetQua": "060"})
    outcome = interpret(answer, LookupQuery("HC4790000000001", NAME, BIRTH), dt.date(2026, 3, 2), "10099")
    assert outcome.details is None and outcome.admitted_elsewhere == ()


def test_a_12_digit_card_looked_up_online_gives_its_number(standin: StandinHolder,
                                                          service: GatewayLookupService) -> None:
    standin.state.add(StandinCard(PERSONAL_ID, NAME, "15/03/1985", facility="79123", area="K1",
                                  office="BHXH Quận Ba Đình"))
    outcome = service.lookup(LookupRequest(PERSONAL_ID, NAME, BIRTH, standin.state.today))
    assert outcome.verdict is Verdict.VALID and outcome.card_number == PERSONAL_ID
    card = outcome.cards[0]
    assert (card.card_number, card.citizen_id, card.bhxh_number) == (PERSONAL_ID, PERSONAL_ID, None)
    assert outcome.details is not None
    assert (outcome.details.area, outcome.details.office) == ("K1", "BHXH Quận Ba Đình")
    assert outcome.details.five_years_on == dt.date(2027, 10, 1)


def test_a_cccd_look_up_gives_the_card_number_the_gateway_holds(standin: StandinHolder,
                                                                service: GatewayLookupService) -> None:
    standin.state.add(StandinCard("DN4790123456789", NAME, "15/03/1985", citizen_id=PERSONAL_ID,
                                  old_card="DN4790123456700"))
    outcome = service.lookup(LookupRequest(PERSONAL_ID, NAME, BIRTH, standin.state.today))
    assert outcome.card_number == "DN4790123456789"
    assert outcome.cards[0].citizen_id == PERSONAL_ID and outcome.cards[0].bhxh_number == "0123456789"
    assert outcome.details is not None and outcome.details.old_card == "DN4790123456700"
    assert outcome.to_json()["details"]["old_card"] == "DN4790123456700"


def test_a_check_by_another_facility_since_discharge_warns_staff(standin: StandinHolder,
                                                                 service: GatewayLookupService) -> None:
    now = dt.datetime.now(ICT)
    standin.state.add(StandinCard("HC4790000000077", NAME, "15/03/1985", history=[
        {"userKT": "79001_BV", "thoiGianKT": _stamp(now - dt.timedelta(days=2)), "thongBao": "Thẻ còn giá trị",
         "maLoi": "000"}]))
    outcome = service.lookup(LookupRequest("HC4790000000077", NAME, BIRTH, standin.state.today))
    assert [c.facility_code for c in outcome.admitted_elsewhere] == ["79001"]
    assert outcome.warnings[0].startswith("admitted_elsewhere: 79001 ")
    assert outcome.verdict is Verdict.VALID  # a warning for staff, never a different verdict
    # The stand-in recorded this look-up under this facility's account: it never warns about itself.
    assert standin.state.cards["HC4790000000077"].history[-1]["userKT"] == "10099_BV"


def test_no_warning_once_the_patient_was_discharged_after_that_check(standin: StandinHolder,
                                                                     service: GatewayLookupService) -> None:
    now = dt.datetime.now(ICT)
    standin.state.add(StandinCard("HC4790000000078", NAME, "15/03/1985", history=[
        {"userKT": "79001_BV", "thoiGianKT": _stamp(now - dt.timedelta(days=5)), "thongBao": "", "maLoi": "000"}],
        visits=[{"maCSKCB": "79001", "ngayVao": _stamp(now - dt.timedelta(days=5)),
                 "ngayRa": _stamp(now - dt.timedelta(days=1))}]))
    outcome = service.lookup(LookupRequest("HC4790000000078", NAME, BIRTH, standin.state.today))
    assert outcome.admitted_elsewhere == () and outcome.warnings == ()


def test_a_12_digit_query_is_never_taken_as_the_card_number_without_the_answer_naming_it() -> None:
    answer = LookupAnswer(code="000", note="Thẻ còn giá trị", http_status=200,
                          fields={"maKetQua": "000", "gtTheTu": "01/01/2026", "gtTheDen": "31/12/2026"})
    outcome = interpret(answer, LookupQuery(PERSONAL_ID, NAME, BIRTH), dt.date(2026, 3, 2), "10099")
    assert outcome.card_number is None and outcome.cards == ()
    by_card = interpret(answer, LookupQuery("HC4790000000001", NAME, BIRTH), dt.date(2026, 3, 2), "10099")
    assert by_card.card_number == "HC4790000000001"
