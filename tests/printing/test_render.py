from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from kiosk.printing import LANGUAGES
from kiosk.printing.fonts import FontSet, check_fonts, cjk_font_file
from kiosk.printing.labels import LABELS
from kiosk.printing.render import check_width, render_test_page, render_ticket
from tests.printing.conftest import make_ticket


def _ink_rows(image: Image.Image) -> list[int]:
    """Rows with at least one black dot."""
    width, height = image.size
    data = image.load()
    assert data is not None
    return [y for y in range(height) if any(data[x, y] == 0 for x in range(0, width, 2))]


def _bands(rows: list[int]) -> list[tuple[int, int]]:
    bands: list[tuple[int, int]] = []
    for y in rows:
        if bands and y == bands[-1][1] + 1:
            bands[-1] = (bands[-1][0], y)
        else:
            bands.append((y, y))
    return bands


def test_fonts_are_installed() -> None:
    assert check_fonts() == []


@pytest.mark.parametrize(("language", "face"), [("zh", "SC"), ("ko", "KR"), ("ja", "JP")])
def test_cjk_face_follows_language(language: str, face: str) -> None:
    font = FontSet(language).for_text("番号", 20)  # type: ignore[arg-type]
    assert font.getname()[0] == f"Noto Sans CJK {face}"
    assert cjk_font_file(language, True) != cjk_font_file(language, False)  # type: ignore[arg-type]


def test_latin_text_uses_noto_sans() -> None:
    assert FontSet("zh").for_text("Khám Nội", 20).getname()[0] == "Noto Sans"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [576, 384])
def test_ticket_image_is_1bit_and_exactly_printer_width(language: str, width: int) -> None:
    image = render_ticket(make_ticket(language), width)
    assert image.mode == "1"
    assert image.width == width
    assert 500 * width // 576 < image.height < 1100 * width // 576
    rows = _ink_rows(image)
    # Ink from top to bottom: text at the top, the QR code and the footer at the bottom.
    assert rows[0] < 40 and rows[-1] > image.height - 60


@pytest.mark.parametrize("language", LANGUAGES)
def test_queue_label_is_drawn_in_its_region(language: str) -> None:
    """Below the first rule: the "queue number" label in the ticket language, centred, at its real width."""
    image = render_ticket(make_ticket(language))
    bands = _bands(_ink_rows(image))
    rule = next(i for i, (top, bottom) in enumerate(bands) if bottom - top <= 4)
    top = bands[rule + 1][0]
    # CJK labels with separated components can form more than one band: take everything up to the number
    crop = image.crop((0, top, image.width, bands[rule + 2][0] - 1))
    bbox = ImageChops.invert(crop.convert("L")).getbbox()
    assert bbox is not None
    text = LABELS[language]["queue_number"]
    expected = FontSet(language).for_text(text, 30).getlength(text)  # type: ignore[arg-type]
    assert abs((bbox[2] - bbox[0]) - expected) <= 6
    assert abs((bbox[0] + bbox[2]) / 2 - image.width / 2) <= 4


def test_queue_number_is_the_biggest_thing_on_the_ticket() -> None:
    image = render_ticket(make_ticket("vi"))
    bands = _bands(_ink_rows(image))
    text_bands = [b for b in bands if b[1] - b[0] < 150]  # the QR code is one tall band; skip it
    tallest = max(text_bands, key=lambda b: b[1] - b[0])
    assert tallest[1] - tallest[0] >= 80  # digits at least ~10 mm high at 203 dpi
    assert tallest[0] < image.height / 3  # and in the top third
    # ...spanning most of the width
    crop = image.crop((0, tallest[0], image.width, tallest[1] + 1))
    bbox = ImageChops.invert(crop.convert("L")).getbbox()
    assert bbox is not None and bbox[2] - bbox[0] > image.width * 0.6


@pytest.mark.parametrize("width", [576, 384])
def test_qr_code_on_ticket_decodes_to_visit_id(width: int) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    ticket = make_ticket("ja")
    results = zxingcpp.read_barcodes(render_ticket(ticket, width).convert("L"))
    assert [r.text for r in results] == [ticket.qr_payload]


def test_long_names_wrap_inside_the_width() -> None:
    long_name = "Khoa Khám bệnh Nội tổng hợp và Điều trị ngoại trú Bệnh viện Đa khoa Tỉnh"
    short = render_ticket(make_ticket("vi"))
    wrapped = render_ticket(make_ticket("vi", department_name=long_name, facility_name=long_name))
    assert wrapped.width == 576 and wrapped.height > short.height + 60
    # nothing touches the left/right edge: text was wrapped, not clipped
    for x in (0, 1, 574, 575):
        assert all(wrapped.getpixel((x, y)) != 0 for y in range(wrapped.height))


def test_cjk_names_wrap_without_spaces() -> None:
    name = "内科门诊部第一诊疗区综合服务中心内科门诊部第一诊疗区综合服务中心"
    image = render_ticket(make_ticket("zh", department_name=name), 384)
    assert image.width == 384
    for x in (0, 383):
        assert all(image.getpixel((x, y)) != 0 for y in range(image.height))


def test_rendering_is_deterministic() -> None:
    a = render_ticket(make_ticket("ko"))
    b = render_ticket(make_ticket("ko"))
    assert a.tobytes() == b.tobytes()


def test_test_page_covers_all_scripts() -> None:
    image = render_test_page("Phòng khám", "dummy", 576)
    assert image.mode == "1" and image.width == 576
    assert LABELS["vi"]["test_print"] == "In thử"


@pytest.mark.parametrize("width", [0, 100, 577, 2000])
def test_unusable_widths_are_refused(width: int) -> None:
    with pytest.raises(ValueError, match="multiple of 8"):
        check_width(width)


def test_a_reception_desk_number_prints_no_qr_code() -> None:
    """A desk number names no visit (docs/kiosk-ux.md §10a): no QR code to show at reception."""
    zxingcpp = pytest.importorskip("zxingcpp")
    visit, desk = make_ticket("vi"), make_ticket("vi", for_visit=False)
    assert zxingcpp.read_barcodes(render_ticket(desk).convert("L")) == []
    assert render_ticket(desk).height < render_ticket(visit).height - 150
