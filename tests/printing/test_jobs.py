"""Job bytes on python-escpos' Dummy backend: init, raster header and data, cut; golden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from kiosk.printing import PrinterSettings, PrintStatus, TicketPrinter
from kiosk.printing.jobs import raster_job, text_job, to_ascii
from kiosk.printing.render import render_ticket
from tests.printing.conftest import make_ticket
from tests.printing.escpos_stream import StreamError, parse

GOLDEN = Path(__file__).parent / "golden"


def _golden(name: str, data: bytes) -> bytes:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    return path.read_bytes()


def _pattern(width: int, height: int) -> Image.Image:
    """A font-independent image: a frame, a diagonal and a checker block."""
    image = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), outline=0)
    draw.line((0, 0, width - 1, height - 1), fill=0)
    for y in range(8, 40, 8):
        for x in range(8, 72, 16):
            draw.rectangle((x + (y % 16), y, x + (y % 16) + 7, y + 7), fill=0)
    return image


def test_raster_job_bytes_match_golden_file() -> None:
    data = raster_job(_pattern(384, 48), 384)
    assert data == _golden("raster_384x48.bin", data)
    assert data[:2] == b"\x1b@"  # ESC @
    assert data[2:10] == b"\x1dv0\x00" + (48).to_bytes(2, "little") + (48).to_bytes(2, "little")
    assert data.endswith(b"\x1bd\x06\x1dV\x00")  # feed 6 lines, full cut


def test_text_job_bytes_match_golden_file() -> None:
    data = text_job(make_ticket("vi"), 576)
    assert data == _golden("ticket_text_vi.bin", data)
    assert data.isascii()
    job = parse(data).jobs[0]
    assert job.qr_payloads == [b"3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f"]
    text = job.text.decode("ascii")
    for line in ("Phong kham Da khoa Mau", "So thu tu", "K01-012", "Khoa: Kham Noi tong quat",
                 "Phong: Phong 105 - Tang 1", "Thoi gian: 22/11/2026 09:15"):
        assert line in text
    assert job.cut


@pytest.mark.parametrize("language", ["zh", "ko", "ja"])
def test_text_fallback_uses_english_labels_for_cjk(language: str) -> None:
    text = parse(text_job(make_ticket(language), 576)).jobs[0].text.decode("ascii")
    assert "Queue number" in text and "Room: Phong 105 - Tang 1" in text


def test_to_ascii_folds_vietnamese() -> None:
    assert to_ascii("Đỗ Thị Mai – Phòng khám") == "Do Thi Mai - Phong kham"
    assert to_ascii("内科") == ""


@pytest.mark.parametrize("width", [576, 384])
def test_ticket_on_dummy_backend(width: int) -> None:
    printer = TicketPrinter(PrinterSettings(target="dummy", width_dots=width))
    ticket = make_ticket("zh")
    result = printer.print_ticket(ticket)
    assert result.status is PrintStatus.OK and result.printed
    data = printer.last_dummy_job
    assert data.startswith(b"\x1b@\x1dv0\x00")
    width_bytes = int.from_bytes(data[6:8], "little")
    height = int.from_bytes(data[8:10], "little")
    expected = render_ticket(ticket, width)
    assert width_bytes == width // 8 and height == expected.height
    assert len(data) == 2 + 8 + width_bytes * height + len(b"\x1bd\x06\x1dV\x00")
    job = parse(data).jobs[0]
    assert job.cut
    # the raster payload is the rendered ticket, dot for dot
    assert job.image().tobytes() == expected.tobytes()


def test_tall_images_are_sent_in_bands() -> None:
    tall = _pattern(576, 2000)
    job = parse(raster_job(tall, 576)).jobs[0]
    assert [r.height for r in job.rasters] == [960, 960, 80]
    assert job.image().tobytes() == tall.tobytes()


def test_image_of_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="576"):
        raster_job(_pattern(384, 10), 576)


def test_parser_rejects_truncated_jobs() -> None:
    data = raster_job(_pattern(384, 48), 384)
    with pytest.raises(StreamError, match="inside a command"):
        parse(data[:100])


def test_text_mode_printer_sends_native_qr() -> None:
    printer = TicketPrinter(PrinterSettings(target="dummy", mode="text"))
    assert printer.print_ticket(make_ticket("ko")).ok
    job = parse(printer.last_dummy_job).jobs[0]
    assert job.rasters == [] and job.qr_payloads == [make_ticket().qr_payload.encode()]


def test_text_mode_desk_number_has_no_qr() -> None:
    printer = TicketPrinter(PrinterSettings(target="dummy", mode="text"))
    assert printer.print_ticket(make_ticket("vi", for_visit=False)).ok
    job = parse(printer.last_dummy_job).jobs[0]
    assert job.qr_payloads == []
