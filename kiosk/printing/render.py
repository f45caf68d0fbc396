"""Drawing a ticket as a 1-bit image exactly as wide as the printer's print head.

Everything is drawn as an image so Vietnamese and CJK print on any ESC/POS printer, whatever code
pages it has. Layout (centred, top to bottom): facility name, rule, "queue number" label, the number
itself as large as the width allows, rule, department, room, issue time, optional note, the QR code of
the visit id with "show this code at reception", and "please wait". Labels follow the ticket language;
names are printed as stored. The number is sized to fit the width; long names wrap, never clip.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import qrcode
from PIL import Image, ImageDraw, ImageFont

from kiosk.printing.fonts import FontSet, is_cjk
from kiosk.printing.labels import LANGUAGES, Language, label
from kiosk.printing.ticket import Ticket

#: Widths of common print heads (dots at 203 dpi): 80 mm paper and 58 mm paper.
WIDTH_80MM = 576
WIDTH_58MM = 384
MIN_WIDTH = 256
MAX_WIDTH = 832
_BASE = 576  # sizes below are designed for 576 dots and scaled for other widths
_INK_THRESHOLD = 150
#: White modules kept around the QR code (the QR standard's quiet zone) so desk scanners find it.
QUIET_ZONE_MODULES = 4
_MIN_TEXT_SCALE = 0.8  # grey levels below this print as black: keeps thin strokes of small glyphs


def check_width(width_dots: int) -> int:
    if not isinstance(width_dots, int) or not MIN_WIDTH <= width_dots <= MAX_WIDTH or width_dots % 8:
        raise ValueError(
            f"printer width {width_dots!r} dots is not usable: expected a multiple of 8 between "
            f"{MIN_WIDTH} and {MAX_WIDTH} (80 mm paper: {WIDTH_80MM}, 58 mm paper: {WIDTH_58MM})"
        )
    return width_dots


def _wrap(text: str, font: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    """Greedy line breaking on spaces; a word wider than a line breaks between characters (CJK too)."""
    lines: list[str] = []
    current = ""
    tokens: list[str] = []
    for word in text.split(" "):
        # CJK text has no spaces: every character is a break opportunity.
        if any(is_cjk(ch) for ch in word):
            tokens.extend(word)
            tokens.append(" ")
        else:
            tokens.extend([word, " "])
    for token in tokens[:-1]:
        candidate = current + token
        if font.getlength(candidate.strip()) <= max_width or not current.strip():
            if font.getlength(candidate.strip()) > max_width:  # one over-long token: split by character
                for ch in token:
                    if current and font.getlength((current + ch).strip()) > max_width:
                        lines.append(current.strip())
                        current = ""
                    current += ch
                continue
            current = candidate
        else:
            lines.append(current.strip())
            current = token.lstrip()
    if current.strip():
        lines.append(current.strip())
    return lines


@dataclass
class _Canvas:
    width: int
    language: Language
    image: Image.Image
    draw: ImageDraw.ImageDraw
    y: int = 0

    @property
    def scale(self) -> float:
        return self.width / _BASE

    @property
    def margin(self) -> int:
        return round(12 * self.scale)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def font_px(self, value: float) -> int:
        """Text shrinks less than the paper: on 58 mm paper small labels would become unreadable."""
        return max(1, round(value * max(self.scale, _MIN_TEXT_SCALE)))

    def gap(self, value: float) -> None:
        self.y += self.px(value)

    def text(self, text: str, size: float, *, bold: bool = False) -> None:
        """Centred text, wrapped to the width; advances y by the lines' height."""
        if not text:
            return
        font = FontSet(self.language).for_text(text, self.font_px(size), bold=bold)
        ascent, descent = font.getmetrics()
        line_height = round((ascent + descent) * 1.08)
        for line in _wrap(text, font, self.width - 2 * self.margin):
            length = font.getlength(line)
            x = (self.width - length) / 2
            self.draw.text((x, self.y), line, font=font, fill=0)
            self.y += line_height

    def fitted_text(self, text: str, max_size: float, *, bold: bool = True) -> None:
        """One line, as large as fits the width (the queue number)."""
        size = self.px(max_size)
        fonts = FontSet(self.language)
        font = fonts.for_text(text, size, bold=bold)
        while size > 12 and font.getlength(text) > self.width - 2 * self.margin:
            size -= 2
            font = fonts.for_text(text, size, bold=bold)
        left, top, right, bottom = font.getbbox(text)
        x = (self.width - (right - left)) / 2 - left
        self.draw.text((x, self.y - top), text, font=font, fill=0)
        self.y += round(bottom - top)

    def rule(self) -> None:
        thickness = self.px(3)
        self.draw.rectangle((self.margin, self.y, self.width - self.margin - 1, self.y + thickness - 1), fill=0)
        self.y += thickness

    def qr(self, payload: str, module_px: float) -> None:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(payload)
        code.make(fit=True)
        matrix = code.get_matrix()
        box = self.px(module_px)
        size = len(matrix) * box
        x0 = (self.width - size) // 2
        for row, cells in enumerate(matrix):
            for col, dark in enumerate(cells):
                if dark:
                    x, y = x0 + col * box, self.y + row * box
                    self.draw.rectangle((x, y, x + box - 1, y + box - 1), fill=0)
        self.y += size


def _new_canvas(width: int, language: Language, height: int = 2400) -> _Canvas:
    image = Image.new("L", (width, height), 255)
    return _Canvas(width=width, language=language, image=image, draw=ImageDraw.Draw(image))


def _finish(canvas: _Canvas) -> Image.Image:
    """Crop to the drawn height plus a bottom margin and convert to pure 1-bit (no dithering)."""
    canvas.gap(16)
    height = min(canvas.y, canvas.image.height)
    grey = canvas.image.crop((0, 0, canvas.width, height))
    return grey.point(lambda v: 255 if v >= _INK_THRESHOLD else 0).convert("1", dither=Image.Dither.NONE)


def render_ticket(ticket: Ticket, width_dots: int = WIDTH_80MM) -> Image.Image:
    """The ticket as a mode "1" image exactly ``width_dots`` wide. Raises FontMissingError, ValueError."""
    c = _new_canvas(check_width(width_dots), ticket.language)
    lang = ticket.language
    c.gap(8)
    c.text(ticket.facility_name, 26, bold=True)
    c.gap(8)
    c.rule()
    c.gap(12)
    c.text(label(lang, "queue_number"), 30)
    c.gap(10)
    c.fitted_text(ticket.ticket_text, 140)
    c.gap(22)
    c.rule()
    c.gap(10)
    if ticket.for_visit:
        c.text(label(lang, "department"), 22)
    c.text(ticket.department_name, 34, bold=True)
    if ticket.room:
        c.gap(6)
        c.text(label(lang, "room"), 22)
        c.text(ticket.room, 34, bold=True)
    c.gap(6)
    c.text(label(lang, "issued"), 22)
    c.text(ticket.issued_text, 28)
    if ticket.note:
        c.gap(6)
        c.text(ticket.note, 26, bold=True)
    if ticket.for_visit:
        c.gap(QUIET_ZONE_MODULES * 7 - 8)  # the previous line's leading adds about 8 dots
        c.qr(ticket.qr_payload, 7)
        c.gap(QUIET_ZONE_MODULES * 7 - 4)
        c.text(label(lang, "show_code"), 22)
    c.gap(6)
    c.text(label(lang, "wait"), 24, bold=True)
    return _finish(c)


_LANGUAGE_NAMES: dict[Language, str] = {
    "vi": "Tiếng Việt: Số thứ tự, Phòng khám",
    "en": "English: Queue number, Room",
    "zh": "中文：排队号，诊室",
    "ko": "한국어: 대기 번호, 진료실",
    "ja": "日本語：受付番号、診察室",
}


def render_test_page(
    facility_name: str, target: str, width_dots: int = WIDTH_80MM, now: dt.datetime | None = None
) -> Image.Image:
    """A test print: every language's script, a frame over the full printable width, and a QR code."""
    width = check_width(width_dots)
    c = _new_canvas(width, "vi")
    c.gap(8)
    c.text(f"{label('vi', 'test_print')} · {label('en', 'test_print')}", 30, bold=True)
    c.text(facility_name, 24)
    c.text((now or dt.datetime.now()).strftime("%d/%m/%Y %H:%M:%S"), 22)
    c.text(f"{target} · {width} dots", 20)
    c.gap(8)
    top = c.y
    for language in LANGUAGES:
        c.language = language
        c.text(_LANGUAGE_NAMES[language], 24)
    c.language = "vi"
    c.gap(6)
    c.draw.rectangle((0, top - 4, width - 1, c.y), outline=0, width=2)
    c.gap(24)
    c.fitted_text("0123456789-ABC", 80)
    c.gap(QUIET_ZONE_MODULES * 6)
    c.qr("TEST-PRINT", 6)
    return _finish(c)
