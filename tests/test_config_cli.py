"""`kiosk config show|template|paths` and the kiosk's log file."""

from __future__ import annotations

import json
import logging
import logging.handlers
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from kiosk.logfile import BACKUPS, MAX_BYTES, enable_file_log


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in ("KIOSK_DB", "KIOSK_HUB_URL", "KIOSK_HUB_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    config = tmp_path / "config.toml"
    config.write_text('[facility]\ncode = "79001"\n[hub]\nurl = "http://127.0.0.1:9"\ntoken = "s3cret"\n')
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    return tmp_path


def test_show_masks_the_token_and_reads_back_as_the_same_config(env: Path, capsys: pytest.CaptureFixture[str]
                                                                ) -> None:
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "s3cret" not in out and 'token = "***"' in out
    shown = env / "shown.toml"
    shown.write_text(out)
    assert load_config(shown).facility.code == "79001"
    assert main(["config", "show", "--json", "--show-secrets"]) == 0
    assert json.loads(capsys.readouterr().out)["hub"]["token"] == "s3cret"


def test_show_includes_environment_overrides(env: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_HUB_URL", "https://hub.example.vn")
    assert main(["config", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hub"]["url"] == "https://hub.example.vn"


def test_a_broken_file_is_named_without_a_traceback(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env / "config.toml").write_text("[hub]\nintervl_s = 5\n")
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert "intervl_s" in err and "Traceback" not in err


def test_template_is_a_complete_documented_valid_file(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "template"]) == 0
    text = capsys.readouterr().out
    assert "# This facility's 5-character code" in text
    parsed = tomllib.loads(text)
    assert {"facility", "database", "hub", "camera", "printer", "ui"} <= set(parsed)
    path = env / "template.toml"
    path.write_text(text)
    load_config(path)  # every key is known and of the right type


def test_paths_names_config_data_database_and_log(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "paths", "--json"]) == 0
    paths = json.loads(capsys.readouterr().out)
    assert paths["config"] == str(env / "config.toml") and paths["config_exists"] is True
    assert paths["data"] == str(env / "data")
    assert paths["database"].endswith("kiosk.sqlite3") and paths["log"].endswith("logs/kiosk.log")


@pytest.fixture
def clean_root() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_log_file_keeps_our_info_and_tracebacks_and_only_library_warnings(
        tmp_path: Path, clean_root: logging.Logger) -> None:
    path = enable_file_log(tmp_path / "logs" / "kiosk.log")
    assert path is not None
    assert enable_file_log(path) == path  # idempotent: one handler
    logging.getLogger("kiosk.sync.loop").info("sync failed (hub down); next attempt in 2.0 s")
    logging.getLogger("urllib3.connectionpool").info("chatter")
    logging.getLogger("urllib3.connectionpool").warning("retrying")
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("kiosk.ui.workers").exception("background task failed")
    for handler in clean_root.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "next attempt in 2.0 s" in text and "retrying" in text and "chatter" not in text
    assert "Traceback" in text and "ValueError: boom" in text
    assert text.count("next attempt") == 1


def _file_handlers(root: logging.Logger) -> list[logging.handlers.RotatingFileHandler]:
    return [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]


def test_installing_the_log_file_again_keeps_one_handler(tmp_path: Path, clean_root: logging.Logger,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`kiosk run` called again in the same process (tests) must not pile up handlers."""
    first = enable_file_log(tmp_path / "a" / "kiosk.log")
    monkeypatch.chdir(tmp_path)
    assert enable_file_log(Path("a") / "kiosk.log") is not None  # the same file, named relatively
    [handler] = _file_handlers(clean_root)
    assert handler.baseFilename == str(first)
    # Another place (another data directory) replaces the old handler, which is closed.
    second = enable_file_log(tmp_path / "b" / "kiosk.log")
    [replacement] = _file_handlers(clean_root)
    assert replacement.baseFilename == str(second) and handler.stream is None
    logging.getLogger("kiosk.test").info("only in b")
    replacement.flush()
    assert "only in b" in (tmp_path / "b" / "kiosk.log").read_text(encoding="utf-8")
    assert "only in b" not in (tmp_path / "a" / "kiosk.log").read_text(encoding="utf-8")


def test_log_file_rotates(tmp_path: Path, clean_root: logging.Logger) -> None:
    path = enable_file_log(tmp_path / "kiosk.log")
    assert path is not None
    line = "x" * 1000
    for _ in range(MAX_BYTES // 1000 * (BACKUPS + 2)):
        logging.getLogger("kiosk.test").info(line)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["kiosk.log"] + [f"kiosk.log.{i}" for i in range(1, BACKUPS + 1)]


def test_an_unwritable_log_place_does_not_stop_the_kiosk(tmp_path: Path, clean_root: logging.Logger) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert enable_file_log(blocker / "logs" / "kiosk.log") is None
