"""Composing print jobs as ESC/POS bytes with python-escpos (render now, send later).

A job is built on an in-memory ``escpos.printer.Dummy`` and then sent in one go, so what reaches
the printer is exactly what the tests check byte by byte. Raster jobs: ``ESC @``, the image with
``GS v 0`` (split into bands of at most ``BAND_HEIGHT`` rows), feed and cut. The ASCII fallback for
printers that cannot take raster images prints text in the printer's own font plus a native QR code.
"""

from __future__ import annotations

import copy
import unicodedata

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy
from PIL import Image

from kiosk.printing.labels import Language, label
from kiosk.printing.ticket import Ticket

#: Rows per GS v 0 band: python-escpos' default; small enough for the buffers of common printers.
BAND_HEIGHT = 960


def _dummy(width_dots: int) -> Dummy:
    printer = Dummy()
    # The default profile does not know the paper width: tell it, so images are checked against it
    # (python-escpos prints a warning to stdout for every image otherwise).
    data = copy.deepcopy(printer.profile.profile_data)
    data["media"]["width"]["pixels"] = width_dots
    printer.profile.profile_data = data
    return printer


def raster_job(image: Image.Image, width_dots: int, *, cut: bool = True) -> bytes:
    """ESC @ + the image (GS v 0 bands) + feed + full cut. The image must be ``width_dots`` wide."""
    if image.width != width_dots:
        raise ValueError(f"image is {image.width} dots wide, the printer {width_dots}")
    printer = _dummy(width_dots)
    printer.hw("INIT")
    printer.image(image, impl="bitImageRaster", fragment_height=BAND_HEIGHT, center=False)
    if cut:
        printer.cut()
    output: bytes = printer.output
    return output


_FOLD = str.maketrans({"đ": "d", "Đ": "D", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'})


def to_ascii(text: str) -> str:
    """Vietnamese without diacritics ("Phòng khám Đa khoa" → "Phong kham Da khoa"); other scripts dropped."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD))
    kept = "".join(ch for ch in decomposed if ch.isascii() and (ch.isprintable()))
    return " ".join(kept.split())


def _ascii_label(language: Language, key: str) -> str:
    # Vietnamese labels fold to readable ASCII; CJK labels cannot, so those tickets use English.
    lang: Language = "vi" if language == "vi" else "en"
    return to_ascii(label(lang, key))  # type: ignore[arg-type]


def text_job(ticket: Ticket, width_dots: int, *, cut: bool = True) -> bytes:
    """ASCII-only ticket in the printer's font with a native QR code (for printers without raster)."""
    printer = _dummy(width_dots)
    lang = ticket.language
    printer.hw("INIT")
    printer.set(align="center", bold=True)
    printer.textln(to_ascii(ticket.facility_name))
    printer.set(align="center", bold=False, normal_textsize=True)
    printer.textln("-" * 32)
    printer.textln(_ascii_label(lang, "queue_number"))
    printer.set(align="center", bold=True, custom_size=True, width=3, height=3)
    printer.textln(ticket.ticket_text)
    printer.set(align="center", bold=False, normal_textsize=True)
    printer.textln("-" * 32)
    for key, value in (("department", ticket.department_name), ("room", ticket.room)):
        folded = to_ascii(value)
        if folded and key == "department" and not ticket.for_visit:
            printer.textln(folded)  # a reception-desk number: the desk's name, no caption
        elif folded:
            printer.textln(f"{_ascii_label(lang, key)}: {folded}")
    printer.textln(f"{_ascii_label(lang, 'issued')}: {ticket.issued_text}")
    if to_ascii(ticket.note):
        printer.textln(to_ascii(ticket.note))
    printer.ln()
    if ticket.for_visit:
        printer.qr(ticket.qr_payload, ec=QR_ECLEVEL_M, size=6, native=True)
        printer.ln()
        printer.textln(_ascii_label(lang, "show_code"))
    printer.set(align="center", bold=True)
    printer.textln(_ascii_label(lang, "wait"))
    printer.set_with_default()
    if cut:
        printer.cut()
    output: bytes = printer.output
    return output
