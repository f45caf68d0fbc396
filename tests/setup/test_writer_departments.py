from __future__ import annotations

import stat
from pathlib import Path

import pytest

import kiosk.config as config_module
from kiosk.config import Config, load_config
from kiosk.db.store import Store
from kiosk.setup.departments import DepartmentsFileError, import_departments, read_departments
from kiosk.setup.writer import (
    DOCS_FILE,
    docs_from_source,
    docs_json,
    documented_toml,
    field_docs,
    update_config,
    write_config,
)
from tests.setup.conftest import DEPARTMENTS


def test_written_config_reads_back_the_same(tmp_path: Path) -> None:
    config = Config()
    config.facility.code, config.facility.name = "79123", 'PK "Sài Gòn" \\ Q1'
    config.hub.url, config.hub.token = "https://hub.local:8443", "kh1_secret"
    config.printer.target = "serial:/dev/ttyUSB0"
    path = write_config(config, tmp_path / "sub" / "config.toml")
    assert load_config(path, environ={}) == config
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "# Device token issued by `kiosk hub device add`." in path.read_text(encoding="utf-8")
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_rewrite_keeps_a_backup_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    first = Config()
    write_config(first, path)
    second = Config()
    second.facility.code = "48001"
    write_config(second, path)
    assert load_config(path, environ={}).facility.code == "48001"
    assert load_config(path.with_name("config.toml.bak"), environ={}).facility.code == "01999"


def test_update_takes_the_file_values_only_and_starts_from_defaults_without_a_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_HUB_TOKEN", "from-the-environment")
    path = tmp_path / "config.toml"

    def change(config: Config) -> None:
        config.ui.font_scale = 150

    assert update_config(change, path) == path
    saved = load_config(path, environ={})
    assert saved.ui.font_scale == 150 and saved.hub.token == "" and saved.facility.code == "01999"
    assert "from-the-environment" not in path.read_text(encoding="utf-8")


def test_every_setting_is_documented_or_self_explaining() -> None:
    text = documented_toml(Config())
    assert text.count("\n# ") > 25
    assert all(len(line) <= 100 for line in text.splitlines() if line.startswith("#"))


def test_the_shipped_doc_comments_are_in_step_with_the_source() -> None:
    source = docs_from_source()
    assert source, "kiosk/config.py's #: comments were not found"
    assert DOCS_FILE.read_text(encoding="utf-8") == docs_json(source), (
        "kiosk/setup/config_docs.json is stale: run `.venv/bin/python -m kiosk.setup.writer`")


def test_without_the_config_source_the_file_is_still_documented(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen bundle has bytecode only: kiosk/config.py's comments come from the shipped data file."""
    from_source = documented_toml(Config())
    monkeypatch.setattr(config_module, "__file__", str(tmp_path / "kiosk" / "config.py"))  # as PyInstaller sets it
    field_docs.cache_clear()
    try:
        assert docs_from_source() is None
        text = documented_toml(Config())
        assert "# This facility's 5-character code (MA_CSKCB)" in text
        assert text == from_source
    finally:
        field_docs.cache_clear()


def test_demo_departments_import_into_a_real_store(tmp_path: Path) -> None:
    data = read_departments(DEPARTMENTS)
    url = f"sqlite:///{tmp_path / 'data' / 'kiosk.sqlite3'}"
    assert import_departments(url, data) == 5
    with Store.open(url) as store:
        departments = store.departments()
        assert [d.code for d in departments] == ["K01", "K02", "K03", "K04", "XN"]
        assert departments[1].name("ko") == "내과" and departments[1].room == "P.205"
        assert {s["code"] for s in store.services()} == {"KB01", "KB02", "KB03", "KB04", "XN01"}


def test_csv_departments(tmp_path: Path) -> None:
    path = tmp_path / "khoa.csv"
    path.write_text("code,name_vi,name_en,room,ticket_prefix\nK01,Khám bệnh,Consultation,P.101,\n"
                    "NHI,Nhi khoa,,P.2,N\n", encoding="utf-8")
    data = read_departments(path)
    assert [(d["code"], d["ticket_prefix"], d["room"]) for d in data.departments] == [
        ("K01", "K01", "P.101"), ("NHI", "N", "P.2")]
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    import_departments(url, data)
    with Store.open(url) as store:
        assert store.departments()[0].name("en") == "Consultation"


@pytest.mark.parametrize(("text", "suffix", "expected"), [
    ("code,name_vi\nK01,Khám\nK01,Khám lại\n", ".csv", "appears twice"),
    ("code,name_vi\n,Khám\n", ".csv", "line 2: code is required"),
    ("code,room\nK01,P1\n", ".csv", "needs the columns code and name_vi"),
    ('[{"code": "K01", "names": {"en": "x"}}]', ".json", "Vietnamese name"),
    ('[{"code": "K01", "name": "Khám", "ticket_prefix": "K-01!"}]', ".json", "ticket prefix"),
    ("{not json", ".json", "not valid JSON"),
    ("[]", ".json", "no departments"),
])
def test_bad_department_files_are_refused_whole(tmp_path: Path, text: str, suffix: str, expected: str) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DepartmentsFileError, match=expected):
        read_departments(path)


def test_missing_departments_file(tmp_path: Path) -> None:
    with pytest.raises(DepartmentsFileError, match="no such file"):
        read_departments(tmp_path / "none.json")
