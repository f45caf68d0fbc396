"""`kiosk setup` end to end: flags, interactive answers on stdin, live tests, exit codes, no traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser
from kiosk.config import load_config
from kiosk.db.store import Store
from kiosk.setup import cli
from tests.setup.conftest import CLIP, DEPARTMENTS, Hub

REPO = Path(__file__).resolve().parents[2]


def run(argv: list[str], stdin: str = "", read_secret: cli.SecretReader = None) -> tuple[int, str, str]:
    args = build_parser().parse_args(["setup", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(args, io.StringIO(stdin).readline, out, err, read_secret=read_secret)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_HUB_TOKEN", "kh1_from_the_environment_must_not_be_saved")
    return tmp_path / "data"


def test_non_interactive_setup_with_live_tests(tmp_path: Path, hub: Hub, data_dir: Path) -> None:
    config_path = tmp_path / "config.toml"
    code, out, err = run(["--config", str(config_path), "--yes", "--facility", "01-999", "--name", "PK Mẫu",
                          "--hub-url", hub.url, "--token", hub.token, "--departments", str(DEPARTMENTS),
                          "--camera", str(CLIP), "--printer", f"file:{tmp_path / 'printer.bin'}"])
    assert (code, err) == (0, ""), out
    assert "PASS: Hub reached" in out and "PASS: Camera works" in out and "PASS: Test ticket printed" in out
    config = load_config(config_path, environ={})
    assert (config.facility.code, config.facility.name) == ("01999", "PK Mẫu")
    assert (config.hub.url, config.hub.token) == (hub.url, hub.token)
    assert config.camera.source == str(CLIP)
    with Store.open(config.database_url()) as store:
        assert len(store.departments()) == 5


def test_failed_live_test_saves_nothing(tmp_path: Path, hub: Hub) -> None:
    config_path = tmp_path / "config.toml"
    code, out, err = run(["--config", str(config_path), "--yes", "--facility", "01999", "--hub-url", hub.url,
                          "--token", "kh1_wrong_token_xxxxxxxx"])
    assert code == 1
    assert "FAIL: The hub refused the device token" in out and "nothing was saved" in err
    assert not config_path.exists()


def test_bad_answers_exit_2_with_the_reason(tmp_path: Path) -> None:
    code, _out, err = run(["--config", str(tmp_path / "c.toml"), "--yes", "--facility", "ABCDE",
                           "--hub-url", "hub.local"])
    assert code == 2
    assert "facility code 'ABCDE'" in err and "must start with http:// or https://" in err


def test_interactive_with_defaults_from_the_current_config(tmp_path: Path, hub: Hub) -> None:
    config_path = tmp_path / "config.toml"
    config_path.write_text('[facility]\ncode = "48001"\nname = "PK Đà Nẵng"\n[camera]\nsource = "3"\n',
                           encoding="utf-8")
    answers = "\n".join([
        "4800",                # facility: too short -> asked again
        "",                    # keep 48001
        "",                    # keep the name
        "ftp://nope",          # bad URL -> asked again
        hub.url,
        hub.token,
        str(DEPARTMENTS),
        "-",                   # no camera (was 3)
        "-",                   # no serial scanner
        f"file:{tmp_path / 'p.bin'}",
        "y",                   # save
    ]) + "\n"
    code, out, _err = run(["--config", str(config_path)], answers)
    # The token is registered for 01999, the kiosk says 48001: the hub test fails, "Save anyway?" defaults to no.
    assert "expected 5 characters" in out and "must start with http" in out
    assert "Facility code (5 characters, e.g. 01999) [48001]" in out and "province: Đà Nẵng" in out
    assert "FAIL: The token belongs to facility 01999, not 48001" in out
    assert "Some tests failed. Save anyway? (y/n) [n]" in out
    assert code == 0 and "saved:" in out  # the user answered y
    config = load_config(config_path, environ={})
    assert (config.facility.code, config.facility.name, config.camera.source) == ("48001", "PK Đà Nẵng", "")
    assert config.hub.token == hub.token


def test_interactive_input_ending_early_saves_nothing(tmp_path: Path) -> None:
    config_path = tmp_path / "config.toml"
    code, _out, err = run(["--config", str(config_path)], "01999\n")
    assert code == 2 and "input ended" in err and not config_path.exists()


def test_test_only_runs_the_current_settings(tmp_path: Path, hub: Hub) -> None:
    config_path = tmp_path / "config.toml"
    config_path.write_text(f'[hub]\nurl = "{hub.url}"\ntoken = "{hub.token}"\n[camera]\nsource = "{CLIP}"\n',
                           encoding="utf-8")
    before = config_path.read_text(encoding="utf-8")
    code, out, _err = run(["--config", str(config_path), "--test-only"])
    assert code == 0 and out.count("PASS") == 3 and out.count("SKIP") == 1
    code, out, _err = run(["--config", str(config_path), "--test-only", "--camera", str(tmp_path / "none.mp4")])
    assert code == 1 and "FAIL: Cannot open the camera" in out
    assert config_path.read_text(encoding="utf-8") == before


def test_broken_config_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    config_path = tmp_path / "config.toml"
    config_path.write_text("[facility\ncode = 1\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "KIOSK_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "kiosk", "setup", "--config", str(config_path), "--yes"],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert proc.returncode == 2
    assert "not valid TOML" in proc.stderr and "Traceback" not in proc.stderr


def test_token_is_read_without_echo_on_a_terminal(tmp_path: Path, hub: Hub) -> None:
    prompts: list[str] = []

    def secret(prompt: str) -> str:
        prompts.append(prompt)
        return hub.token

    config_path = tmp_path / "config.toml"
    answers = "\n".join(["01999", "PK", hub.url, "-", "-", "-", "-", "y"]) + "\n"
    code, out, _err = run(["--config", str(config_path), "--skip-tests"], answers, read_secret=secret)
    assert code == 0 and prompts == ["Device token: "]
    assert hub.token not in out
    assert load_config(config_path, environ={}).hub.token == hub.token
