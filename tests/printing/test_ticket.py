from __future__ import annotations

import datetime as dt
import uuid

import pytest

from kiosk.printing import LANGUAGES, Ticket, TicketError
from kiosk.printing.labels import LABELS
from tests.printing.conftest import VISIT, make_ticket


def test_every_language_has_every_label() -> None:
    keys = set(LABELS["en"])
    assert set(LABELS) == set(LANGUAGES) == {"vi", "en", "zh", "ko", "ja"}
    for language in LANGUAGES:
        assert set(LABELS[language]) == keys, language
        assert all(text.strip() for text in LABELS[language].values()), language


def test_labels_are_in_their_own_script() -> None:
    assert LABELS["vi"]["queue_number"] == "Số thứ tự"
    assert LABELS["zh"]["queue_number"] == "排队号"
    assert LABELS["ko"]["queue_number"] == "대기 번호"
    assert LABELS["ja"]["queue_number"] == "受付番号"


def test_ticket_normalises_text_and_accepts_uuid_text() -> None:
    decomposed = "Kha\u0301m  Nội\n"  # NFD "á", double space, newline
    ticket = make_ticket(department_name=decomposed, visit_id=str(VISIT))
    assert ticket.department_name == "Khám Nội"
    assert ticket.visit_id == VISIT
    assert ticket.qr_payload == "3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f"
    assert ticket.issued_text == "22/11/2026 09:15"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"facility_name": "  "}, "facility_name"),
        ({"department_name": ""}, "department_name"),
        ({"ticket_text": "Số-1"}, "ticket_text"),
        ({"ticket_text": "K" * 17}, "ticket_text"),
        ({"visit_id": "not-a-uuid"}, "visit_id"),
        ({"language": "fr"}, "language"),
        ({"room": "x" * 121}, "room"),
        ({"issued_at": "09:15"}, "issued_at"),
    ],
)
def test_bad_ticket_fields_are_named(changes: dict[str, object], field: str) -> None:
    with pytest.raises(TicketError, match=field):
        make_ticket(**changes)


def test_ticket_is_a_value() -> None:
    a = make_ticket()
    b = Ticket(a.facility_name, a.department_name, a.room, a.ticket_text, dt.datetime(2026, 11, 22, 9, 15),
               uuid.UUID(str(VISIT)))
    assert a == b


def test_visit_id_from_ticket_qr() -> None:
    from kiosk.printing.ticket import visit_id_from_qr

    assert visit_id_from_qr(make_ticket().qr_payload) == VISIT
    assert visit_id_from_qr(" " + str(VISIT).upper() + "\r\n") == VISIT
    assert visit_id_from_qr("HS4010111222333|Phạm Minh Đức|...") is None
    assert visit_id_from_qr("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz") is None
