from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from kiosk.cli import main
from tests.printing.fakes import PtyPrinter, TcpPrinter


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "absent.toml"))


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_status_of_default_file_printer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["printer", "status", "--json"]) == 0
    out = _json(capsys)
    assert out["status"] == "ok" and str(tmp_path / "data" / "tickets") in str(out["target"])


def test_test_print_and_sample_ticket_into_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printer", "test", "--json"]) == 0
    assert Path(str(_json(capsys)["png"])).is_file()
    assert main(["printer", "ticket", "--lang", "ja", "--json"]) == 0
    assert Path(str(_json(capsys)["job"])).stat().st_size > 10_000


def test_render_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    png = tmp_path / "k.png"
    assert main(["printer", "ticket", "--lang", "zh", "--png", str(png)]) == 0
    with Image.open(png) as image:
        assert image.width == 576
    assert "rendered" in capsys.readouterr().out


def test_status_of_pty_printer_out_of_paper(capsys: pytest.CaptureFixture[str], pty_printer: PtyPrinter) -> None:
    pty_printer.brain.paper = "out"
    assert main(["printer", "status", "--target", f"serial:{pty_printer.url}"]) == 1
    assert "paper_out: Ticket printer out of paper" in capsys.readouterr().err


def test_offline_network_printer(capsys: pytest.CaptureFixture[str], tcp_printer: TcpPrinter) -> None:
    tcp_printer.close()
    assert main(["printer", "ticket", "--target", tcp_printer.target, "--json"]) == 1
    assert _json(capsys)["status"] == "offline"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["printer", "status", "--target", "lpt1"], "not understood"),
        (["printer", "ticket", "--number", "Số 1"], "ticket_text"),
        (["printer", "status", "--config", "/nonexistent/config.toml"], "no such file"),
    ],
)
def test_usage_errors_are_clear(argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
