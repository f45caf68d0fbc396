"""Translated domain texts: staff and patients are told different things about the same print failure."""

from __future__ import annotations

from kiosk.printing.status import PrintStatus
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.texts import print_text, staff_print_text


def test_print_failures_tell_staff_what_to_do_and_patients_where_to_go(languages: LanguageManager) -> None:
    languages.switch("en")
    for status in (PrintStatus.PAPER_OUT, PrintStatus.OFFLINE, PrintStatus.ERROR):
        staff, patient = staff_print_text(status), print_text(status)
        assert "reception" not in staff and "F5" in staff
        assert "reception" in patient
    languages.switch("vi")
    assert staff_print_text(PrintStatus.PAPER_OUT).startswith("Chưa in")
