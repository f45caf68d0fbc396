"""Cards from typed numbers with entered name and birth date (children under 6; docs/eligibility.md)."""

from __future__ import annotations

import pytest

from kiosk.cards import BhytCard, BirthDate, CardPayloadError, CccdCard
from kiosk.cards.typed import card_from_typed


def test_typed_15_character_number() -> None:
    card = card_from_typed("te1 79 0123456789", name=" Phạm  Minh Đức ", birth_date=BirthDate(2022, 5, 2))
    assert isinstance(card, BhytCard)
    assert (card.card_number, card.object_code, card.benefit_level, card.bhxh_number) == (
        "TE1790123456789", "TE", 1, "0123456789")
    assert card.name == "Phạm Minh Đức" and card.birth_date == BirthDate(2022, 5, 2) and not card.complete


def test_twelve_digits_are_a_cccd_unless_staff_say_it_is_the_insurance_number() -> None:
    cccd = card_from_typed("079-185-000-321", name="Lê Thị Hoa", birth_date=BirthDate(1990))
    assert isinstance(cccd, CccdCard) and cccd.citizen_id == "079185000321" and cccd.name == "Lê Thị Hoa"
    card = card_from_typed("079185000321", name="Bé Na", birth_date=BirthDate(2023, 1, 5), insurance_number=True)
    assert isinstance(card, BhytCard) and card.personal_id == "079185000321" and card.bhxh_number is None


def test_blank_name_is_absent() -> None:
    card = card_from_typed("0198765432", name="   ")
    assert isinstance(card, BhytCard) and card.name is None and card.bhxh_number == "0198765432"


@pytest.mark.parametrize("text", ["12345", "AB6790123456789", "079185000321X"])
def test_bad_typed_numbers_are_explained(text: str) -> None:
    with pytest.raises(CardPayloadError) as caught:
        card_from_typed(text)
    assert "card number" in caught.value.message
