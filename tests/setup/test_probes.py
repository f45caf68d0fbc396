"""The live tests against real things: a hub on loopback, a pty scanner, a video file, a file printer."""

from __future__ import annotations

import io
import os
import pty
import threading
from pathlib import Path

import pytest

from kiosk.config import Config, HubConfig
from kiosk.setup.answers import SetupAnswers, apply_answers
from kiosk.setup.cli import run_tests
from kiosk.setup.probes import probe_camera, probe_hub, probe_printer, probe_serial
from tests.hub.support import add_device, free_port, open_engine, start_hub, stop_hub
from tests.setup.conftest import CLIP, Hub


def test_hub_with_a_valid_token(hub: Hub) -> None:
    result = probe_hub(HubConfig(url=hub.url, token=hub.token), facility_code="01999")
    assert result.ok and result.code == "hub_ok"
    assert result.params == {"device": "kiosk-setup-1", "facility": "01999"}


def test_hub_refuses_a_wrong_token(hub: Hub) -> None:
    result = probe_hub(HubConfig(url=hub.url, token="kh1_" + "A" * 43))
    assert not result.ok and result.code == "hub_token_refused" and "401" in result.detail


def test_hub_token_for_another_facility(hub: Hub) -> None:
    result = probe_hub(HubConfig(url=hub.url, token=hub.token), facility_code="79123")
    assert not result.ok and result.code == "hub_facility_mismatch"
    assert "79123" in result.message and "01999" in result.message


def test_hub_not_listening() -> None:
    result = probe_hub(HubConfig(url=f"http://127.0.0.1:{free_port()}", token="kh1_whatever"), timeout_s=5)
    assert not result.ok and result.code == "hub_unreachable"


def test_no_hub_is_skipped_not_failed() -> None:
    result = probe_hub(HubConfig())
    assert result.ok and result.skipped and result.line().startswith("SKIP")


def test_video_file_as_camera() -> None:
    result = probe_camera(str(CLIP))
    assert result.ok and result.code == "camera_ok" and int(result.params["width"]) > 0


def test_missing_camera(tmp_path: Path) -> None:
    result = probe_camera(str(tmp_path / "nope.mp4"))
    assert not result.ok and result.code == "camera_open_failed" and "no such file" in result.detail


def test_camera_that_opens_but_gives_no_picture(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no images here")
    result = probe_camera(str(tmp_path), timeout_s=2)
    assert not result.ok and result.code == "camera_no_frame"


def test_serial_scanner_on_a_pty_sends_a_payload() -> None:
    master, slave = pty.openpty()
    try:
        opened = threading.Event()
        payload = "DN4010100000001|4e677579e1bb856e|01/01/1980|1|-|01 - 999|$"
        writer = threading.Thread(target=lambda: opened.wait(30) and os.write(master, payload.encode() + b"\r"))
        writer.start()
        result = probe_serial(os.ttyname(slave), timeout_s=30, on_open=opened.set)
        writer.join(30)
    finally:
        os.close(master)
        os.close(slave)
    assert result.ok and result.code == "serial_ok"
    assert result.params["preview"].startswith("DN4010100000001|") and result.params["preview"].endswith("…")


def test_serial_scanner_timeout_and_cancel() -> None:
    master, slave = pty.openpty()
    try:
        result = probe_serial(os.ttyname(slave), timeout_s=0.3)
        assert not result.ok and result.code == "serial_timeout"
        cancel = threading.Event()
        result = probe_serial(os.ttyname(slave), timeout_s=60, on_open=cancel.set, cancel=cancel)
        assert not result.ok and result.code == "serial_cancelled"
    finally:
        os.close(master)
        os.close(slave)


def test_serial_port_that_does_not_exist(tmp_path: Path) -> None:
    result = probe_serial(str(tmp_path / "ttyNONE"), timeout_s=1)
    assert not result.ok and result.code == "serial_open_failed"


def test_file_printer_prints_the_test_ticket(tmp_path: Path) -> None:
    target = tmp_path / "printer.bin"
    result = probe_printer(Config(), f"file:{target}", tickets_dir=tmp_path)
    assert result.ok and result.code == "printer_ok"
    assert target.stat().st_size > 1000  # a raster test page went to the "printer"


def test_unusable_printer_setting(tmp_path: Path) -> None:
    result = probe_printer(Config(), "laser:somewhere", tickets_dir=tmp_path)
    assert not result.ok and result.code == "printer_config" and "laser" in result.detail


def test_network_printer_that_is_not_there(tmp_path: Path) -> None:
    result = probe_printer(Config(), f"network:127.0.0.1:{free_port()}", tickets_dir=tmp_path)
    assert not result.ok and result.code == "printer_failed"


def test_hub_with_an_untrusted_certificate(tmp_path: Path) -> None:
    import http.server
    import ssl
    import subprocess

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = probe_hub(HubConfig(url=f"https://127.0.0.1:{server.server_address[1]}", token="kh1_whatever_token"),
                           timeout_s=10)
    finally:
        server.shutdown()
        server.server_close()
    assert not result.ok and result.code == "hub_certificate" and "SSLError" in result.detail


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    import subprocess

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


@pytest.mark.slow
def test_hub_probe_trusts_the_private_ca_of_hub_ca_bundle(tmp_path: Path) -> None:
    """A hub on HTTPS with a certificate of the hospital's own CA: the probe (the wizard's and `kiosk setup`'s)
    passes with [hub] ca_bundle naming that CA, as the sync will, and fails as untrusted without it."""
    cert, key = _self_signed(tmp_path)
    db_url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    live = start_hub(db_url, tmp_path, extra=("--tls-cert", str(cert), "--tls-key", str(key)), scheme="https",
                     timeout=60.0)
    try:
        engine = open_engine(db_url)
        token = add_device(engine, "kiosk-tls-1", "01999")
        engine.dispose()
        answers = SetupAnswers(facility_code="01999", hub_url=live.url, hub_token=token,
                               printer=f"file:{tmp_path / 'ticket.bin'}")
        trusted = Config(hub=HubConfig(ca_bundle=str(cert)))
        out = io.StringIO()
        with_bundle = run_tests(trusted, answers, out, scan_timeout_s=0.1)[0]
        without = probe_hub(apply_answers(Config(), answers).hub, facility_code="01999")
    finally:
        stop_hub(live)
    assert with_bundle.ok and with_bundle.code == "hub_ok", with_bundle
    assert out.getvalue().startswith("hub")
    assert not without.ok and without.code == "hub_certificate"
