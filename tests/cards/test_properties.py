"""Property-based tests: generated payloads round-trip; arbitrary input never escapes as a crash."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.cards import BhytCard, BirthDate, CardPayloadError, CccdCard, Gender, parse_payload
from kiosk.cards.codes import OBJECT_CODES, PROVINCE_CODES
from kiosk.cli import main
from tests.cards.builders import bhyt_2018, bhyt_2021, cccd

VIET_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
word = st.text(alphabet=VIET_LETTERS + VIET_LETTERS.upper(), min_size=1, max_size=8)
names = st.lists(word, min_size=1, max_size=5).map(" ".join)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
provinces = st.sampled_from(sorted(PROVINCE_CODES))
card_numbers = st.builds(
    lambda obj, level, prov, body: f"{obj}{level}{prov}{body}",
    st.sampled_from(sorted(OBJECT_CODES)), st.integers(1, 5), provinces,
    st.text(alphabet="0123456789", min_size=10, max_size=10),
)
facilities = st.builds(lambda p, tail, sep: f"{p}{sep}{tail}", provinces,
                       st.text(alphabet="0123456789ABC", min_size=3, max_size=3),
                       st.sampled_from([" - ", " – ", "-", " — "]))


def dmy(d: dt.date, padded: bool) -> str:
    return d.strftime("%d/%m/%Y") if padded else f"{d.day}/{d.month}/{d.year}"


@settings(max_examples=200, deadline=None)
@given(number=card_numbers, name=names, dob=dates, gender=st.sampled_from(["1", "2"]), facility=facilities,
       start=dates, days=st.integers(0, 3650), padded=st.booleans(), area=st.sampled_from("4567"),
       address=names)
def test_bhyt_2018_round_trip(number: str, name: str, dob: dt.date, gender: str, facility: str,
                              start: dt.date, days: int, padded: bool, area: str, address: str) -> None:
    end = start + dt.timedelta(days=days)
    card = parse_payload(bhyt_2018(card=number, name=name, dob=dmy(dob, padded), gender=gender, facility=facility,
                                   valid_from=dmy(start, padded), valid_to=dmy(end, padded), area=area,
                                   address=address))
    assert isinstance(card, BhytCard)
    assert card.card_number == number
    assert card.name == " ".join(name.split())
    assert card.address == address
    assert card.birth_date == BirthDate.from_date(dob)
    assert card.gender is (Gender.MALE if gender == "1" else Gender.FEMALE)
    assert card.facility_code == facility.replace(" ", "").replace("-", "").replace("–", "").replace("—", "")
    assert (card.valid_from, card.valid_to) == (start, end)
    assert card.benefit_level == int(number[2])
    assert card.bhxh_number == "0123456789"  # from field 9 of the builder
    assert card.warnings == ()


@settings(max_examples=100, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=10, max_size=10), name=names, dob=dates,
       issuer=names)
def test_bhyt_2021_round_trip(digits: str, name: str, dob: dt.date, issuer: str) -> None:
    card = parse_payload(bhyt_2021(card=digits, name=name, dob=dmy(dob, True), issuer=issuer))
    assert isinstance(card, BhytCard)
    assert (card.card_number, card.name, card.issuer) == (digits, name, issuer)
    assert card.object_code is None


@settings(max_examples=100, deadline=None)
@given(prov=provinces, rest=st.text(alphabet="0123456789", min_size=9, max_size=9), name=names, dob=dates,
       female=st.booleans(), address=names)
def test_cccd_round_trip(prov: str, rest: str, name: str, dob: dt.date, female: bool, address: str) -> None:
    citizen_id = "0" + prov + rest
    card = parse_payload(cccd(citizen_id=citizen_id, name=name, dob=dob.strftime("%d%m%Y"),
                              gender="Nữ" if female else "Nam", address=address))
    assert isinstance(card, CccdCard)
    assert (card.citizen_id, card.name, card.address) == (citizen_id, name, address)
    assert card.birth_date == BirthDate.from_date(dob)
    assert card.gender is (Gender.FEMALE if female else Gender.MALE)


NOISE = st.sampled_from(["\u200b", "\u200e", "\u200f", "\ufeff", "\x00", "\r", "\n", "\u2066", "\u202c"])


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_invisible_noise_anywhere_changes_nothing(data: st.DataObject) -> None:
    payload = bhyt_2018()
    chars = list(payload)
    for _ in range(data.draw(st.integers(1, 6))):
        chars.insert(data.draw(st.integers(0, len(chars))), data.draw(NOISE))
    assert parse_payload("".join(chars)) == parse_payload(payload)


def _outcome(data: str | bytes) -> Any:
    """A card, or a CardPayloadError with a message; any other exception fails the test."""
    try:
        return parse_payload(data)
    except CardPayloadError as exc:
        error = exc
    assert error.message
    return error


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    _outcome(data)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(max_size=20), min_size=1, max_size=20).map("|".join))
def test_arbitrary_pipe_separated_text_never_crashes(text: str) -> None:
    _outcome(text)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_mutated_real_payloads_never_crash(data: st.DataObject) -> None:
    chars = list(bhyt_2021())
    for _ in range(data.draw(st.integers(1, 10))):
        i = data.draw(st.integers(0, len(chars) - 1))
        chars[i] = data.draw(st.characters())
    _outcome("".join(chars))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_cli_contract_on_arbitrary_stdin(data: bytes) -> None:
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data))
    old_in, old_out = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = stdin, out
    try:
        code = main(["card", "parse", "--json", "-"])
    finally:
        sys.stdin, sys.stdout = old_in, old_out
    obj = json.loads(out.getvalue())
    assert code in (0, 1)
    if code == 1:
        assert set(obj) == {"error"}
        assert obj["error"]["code"] and obj["error"]["message"]
    else:
        assert obj["kind"] in ("bhyt", "cccd")


@pytest.mark.parametrize("payload", [b"\xff\xfe\x00garbage", b"A" * 100_000, b"", b"|||$", b"\x00" * 50])
def test_cli_subprocess_never_prints_a_traceback(payload: bytes) -> None:
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "kiosk", "card", "parse", "--json", "-"], input=payload,
                          capture_output=True, check=False)
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert "error" in json.loads(proc.stdout)
