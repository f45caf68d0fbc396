"""TicketPrinter with file targets, configuration, and its never-raise contract."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kiosk.config import Config, load_config
from kiosk.printing import PrinterSettings, PrintStatus, TicketPrinter, fonts
from kiosk.printing.render import render_ticket
from kiosk.printing.targets import PrinterTargetError, parse_target
from tests.printing.conftest import make_ticket
from tests.printing.escpos_stream import parse


def test_default_target_writes_job_and_png_into_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    printer = TicketPrinter.from_config(Config())
    ticket = make_ticket("ja")
    result = printer.print_ticket(ticket)
    assert result.ok
    assert result.job_path is not None and result.png_path is not None
    assert result.job_path.parent == tmp_path / "tickets"
    assert result.job_path.name == "20261122-091500-K01-012-3f2b8c1e.escpos"
    with Image.open(result.png_path) as png:
        assert png.size == (576, render_ticket(ticket).height)
    job = parse(result.job_path.read_bytes()).jobs[0]
    assert job.image().tobytes() == render_ticket(ticket).tobytes()
    assert printer.printer_status().status is PrintStatus.OK


def test_file_target_appends_tickets(tmp_path: Path) -> None:
    path = tmp_path / "printer.bin"
    printer = TicketPrinter(PrinterSettings(target=f"file:{path}", width_dots=384))
    assert printer.print_ticket(make_ticket("vi")).ok
    assert printer.print_ticket(make_ticket("en", ticket_text="K01-013")).ok
    jobs = parse(path.read_bytes()).jobs
    assert len(jobs) == 2 and all(j.cut and j.rasters[0].width_bytes == 48 for j in jobs)


def test_unwritable_file_target_is_offline(tmp_path: Path) -> None:
    printer = TicketPrinter(PrinterSettings(target=f"file:{tmp_path}/missing-dir/lp0"))
    result = printer.print_ticket(make_ticket())
    assert result.status is PrintStatus.OFFLINE and "missing-dir" in result.detail


def test_printer_settings_come_from_toml(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        '[printer]\ntarget = "dummy"\nwidth_dots = 384\nmode = "text"\ntimeout_s = 1.5\n'
        'status_check = false\nbaudrate = 115200\n[facility]\nname = "PK Hòa Bình"\n',
        encoding="utf-8",
    )
    printer = TicketPrinter.from_config(load_config(config_file))
    assert printer.settings == PrinterSettings("dummy", 384, "text", 1.5, False, 115200, "PK Hòa Bình")
    assert printer.print_ticket(make_ticket()).ok


@pytest.mark.parametrize(
    ("settings", "needle"),
    [
        (PrinterSettings(target="lpt1"), "not understood"),
        (PrinterSettings(target="network:host:99999"), "port"),
        (PrinterSettings(target="usb:zz:01"), "hex"),
        (PrinterSettings(target="dummy", width_dots=500), "multiple of 8"),
        (PrinterSettings(target="dummy", mode="pdf"), "printer.mode"),
        (PrinterSettings(target="dummy", timeout_s=0), "timeout"),
    ],
)
def test_bad_configuration_gives_error_results_not_exceptions(settings: PrinterSettings, needle: str) -> None:
    printer = TicketPrinter(settings)
    for outcome in (printer.print_ticket(make_ticket()), printer.test_print(), printer.printer_status()):
        assert outcome.status is PrintStatus.ERROR
    result = printer.print_ticket(make_ticket())
    assert needle in result.detail and "see reception" in result.message


def test_non_ticket_is_an_error_result() -> None:
    result = TicketPrinter(PrinterSettings(target="dummy")).print_ticket("K01-001")  # type: ignore[arg-type]
    assert result.status is PrintStatus.ERROR and "Ticket" in result.detail


def test_missing_fonts_fall_back_to_ascii_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*_args: object) -> tuple[str, int]:
        raise fonts.FontMissingError("Noto Sans is not installed: install Debian package fonts-noto-core")

    monkeypatch.setattr(fonts, "latin_font_file", missing)
    printer = TicketPrinter(PrinterSettings(target="dummy"))
    result = printer.print_ticket(make_ticket("vi"))
    assert result.printed and "fonts-noto-core" in result.detail
    job = parse(printer.last_dummy_job).jobs[0]
    assert job.rasters == [] and b"K01-012" in job.text


def test_usb_without_pyusb_is_explained() -> None:
    pytest.importorskip("escpos.printer")
    from escpos.printer import Usb

    if Usb.is_usable():
        pytest.skip("pyusb is installed here")
    result = TicketPrinter(PrinterSettings(target="usb:04b8:0202")).print_ticket(make_ticket())
    assert result.status is PrintStatus.OFFLINE and "pyusb" in result.detail


def test_target_forms(tmp_path: Path) -> None:
    assert parse_target("", tmp_path).kind == "directory"
    assert parse_target(f"file:{tmp_path}", tmp_path).kind == "directory"
    assert parse_target("file:/dev/usb/lp0", tmp_path).kind == "file"
    assert parse_target("serial:socket://127.0.0.1:7000", tmp_path).url == "socket://127.0.0.1:7000"
    net = parse_target("network:10.0.0.5", tmp_path)
    assert (net.host, net.port) == ("10.0.0.5", 9100)
    v6 = parse_target("network:[::1]:9101", tmp_path)
    assert (v6.host, v6.port) == ("::1", 9101)
    usb = parse_target("usb:04b8:0e15", tmp_path)
    assert (usb.vendor_id, usb.product_id) == (0x04B8, 0x0E15)
    with pytest.raises(PrinterTargetError):
        parse_target("network:", tmp_path)


def test_png_preview_for_the_screen() -> None:
    import io

    printer = TicketPrinter(PrinterSettings(target="dummy", width_dots=384))
    data = printer.render_png(make_ticket("ko"))
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == render_ticket(make_ticket("ko"), 384).size


def test_test_print_without_fonts_uses_the_printer_font(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*_args: object) -> tuple[str, int]:
        raise fonts.FontMissingError("Noto Sans is not installed")

    monkeypatch.setattr(fonts, "latin_font_file", missing)
    printer = TicketPrinter(PrinterSettings(target="dummy", facility_name="PK Mẫu"))
    assert printer.test_print().ok
    job = parse(printer.last_dummy_job).jobs[0]
    assert job.rasters == [] and b"PK Mau" in job.text and b"TEST" in job.text
