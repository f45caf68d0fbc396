from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from kiosk import __version__
from kiosk.cli import main
from kiosk.config import Config, ConfigError, load_config, save_config


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_console_script_runs_as_module() -> None:
    out = subprocess.run([sys.executable, "-m", "kiosk", "--help"],
                         capture_output=True, text=True, check=True)
    assert "kiosk" in out.stdout


def test_config_defaults_without_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    config = load_config(environ={})
    assert config.facility.code == "01999"
    assert config.database_url().startswith("sqlite:///")


def test_config_round_trip_and_env_override(tmp_path: Path) -> None:
    config = Config()
    config.facility.code = "79123"
    config.hub.interval_s = 15.0
    path = save_config(config, tmp_path / "c.toml")
    assert (path.stat().st_mode & 0o777) == 0o600
    loaded = load_config(path, environ={"KIOSK_HUB_URL": "http://127.0.0.1:9", "KIOSK_DB": "sqlite://"})
    assert loaded.facility.code == "79123"
    assert loaded.hub.interval_s == 15.0
    assert loaded.hub.url == "http://127.0.0.1:9"
    assert loaded.database_url() == "sqlite://"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[facility]\ncode = 5\n", "facility.code: expected str"),
        ("[facility]\ncolour = 'red'\n", "unknown setting 'facility.colour'"),
        ("[hub\n", "not valid TOML"),
        ("schema_version = 99\n", "newer version"),
    ],
)
def test_config_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path, environ={})


@pytest.mark.postgres
def test_postgres_cluster_gives_fresh_databases(pg_url: str) -> None:
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        assert conn.execute(sa.text("select 'Nguyễn Văn An'")).scalar() == "Nguyễn Văn An"
    engine.dispose()
