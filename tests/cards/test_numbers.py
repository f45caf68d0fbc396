"""Card numbers and facility codes (kiosk/cards/numbers.py; docs/card-payloads.md §6, docs/eligibility.md)."""

from __future__ import annotations

import pytest

from kiosk.cards.numbers import card_number_problem, is_card_number, normalise_facility_code, same_card


@pytest.mark.parametrize(("number", "problem"), [
    ("DN4790123456789", None),
    ("0198765432", None),
    ("001185000321", None),
    ("DN479012345678", "a card number has 15 characters (or 10 digits, or the 12-digit personal ID), this one has 14"),
    ("01987654321", "a card number has 15 characters (or 10 digits, or the 12-digit personal ID), this one has 11"),
    ("001185000321X", "a card number has 15 characters (or 10 digits, or the 12-digit personal ID), this one has 13"),
    ("DN47901234567890", "a card number has 15 characters (or 10 digits, or the 12-digit personal ID), "
                         "this one has 16"),
    ("01987654AB", "a 10-character card number has digits only"),
    ("0011850003AB", "a 12-character card number has digits only"),
    ("D14790123456789", "not the shape of a card number (2 letters, level 1-5, province, 10 characters)"),
    ("DN4990123456789", "province code 99 in the card number does not exist"),
])
def test_card_number_problem_says_what_is_wrong(number: str, problem: str | None) -> None:
    assert card_number_problem(number) == problem
    assert is_card_number(number) is (problem is None)


@pytest.mark.parametrize(("raw", "code"), [
    ("79 - 123", "79123"), ("01 \u2013 0a9", "010A9"), ("99 - 123", None), ("7X - 123", None), ("79 - 12", None),
])
def test_facility_code_needs_the_shape_and_a_real_province(raw: str, code: str | None) -> None:
    assert normalise_facility_code(raw) == code


@pytest.mark.parametrize(("scanned", "cached_number", "cached_bhxh", "same"), [
    ("0123456789", "DN4790123456789", None, True),  # the 10-digit form is the tail of the 15-character number
    ("0123456789", "GD4790A12B34C56", "0123456789", True),  # ... or the cached social-insurance number
    ("0123456789", "DN4790123456780", "0123456780", False),
    ("DN4790123456789", "0123456789", None, True),  # a cached 10-digit number is the scanned card's tail
    ("DN4790123456789", "0123456780", None, False),
    ("DN4790123456789", "HC4790123456789", "0123456789", False),  # two 15-character numbers: exact only
    ("DN4790123456789", "DN4790123456789", None, True),
])
def test_same_card_across_the_number_forms(scanned: str, cached_number: str, cached_bhxh: str | None,
                                           same: bool) -> None:
    assert same_card(scanned, cached_number, cached_bhxh) is same
