from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.setup.answers import (
    SetupAnswers,
    answers_from_config,
    apply_answers,
    facility_problem,
    hub_url_problem,
    normalise,
    province_name,
    token_problem,
    validate,
)


@pytest.mark.parametrize("raw", ["01999", "79 - 123", "01-0a9", " 48 001 "])
def test_good_facility_codes(raw: str) -> None:
    assert facility_problem(raw) is None


@pytest.mark.parametrize(("raw", "code"), [("", "required"), ("0199", "format"), ("019999", "format"),
                                           ("AB123", "format"), ("03999", "province"), ("99123", "province")])
def test_bad_facility_codes(raw: str, code: str) -> None:
    problem = facility_problem(raw)
    assert problem is not None and problem.code == code and problem.field == "facility_code"


def test_province_name_comes_from_the_code_tables() -> None:
    assert province_name("01999") == "Hà Nội"
    assert province_name("79123") == "TP Hồ Chí Minh"
    assert province_name("03123") == ""


@pytest.mark.parametrize(("url", "code"), [("ftp://hub", "scheme"), ("hub.local", "scheme"),
                                           ("http://", "host"), ("https://hub:99999", "host"),
                                           ("http://hub local", "host")])
def test_bad_hub_urls(url: str, code: str) -> None:
    problem = hub_url_problem(url)
    assert problem is not None and problem.code == code


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8000", "https://hub.benhvien.local:8443/"])
def test_good_hub_urls(url: str) -> None:
    assert hub_url_problem(url) is None


def test_token_needed_only_with_a_hub() -> None:
    assert token_problem("", "") is None
    missing = token_problem("", "https://hub")
    assert missing is not None and missing.code == "required"
    spaced = token_problem("kh1_abc def ghi", "https://hub")
    assert spaced is not None and spaced.code == "token"
    assert token_problem("kh1_" + "x" * 40, "https://hub") is None


def test_validate_collects_every_problem(tmp_path: Path) -> None:
    answers = SetupAnswers(facility_code="1", hub_url="ftp://x", departments_file=tmp_path / "none.json",
                           facility_name="two\nlines")
    fields = sorted(p.field for p in validate(answers))
    assert fields == ["departments_file", "facility_code", "facility_name", "hub_token", "hub_url"]


def test_apply_answers_changes_only_the_answered_settings() -> None:
    config = Config()
    config.hub.interval_s = 15.0
    answers = normalise(SetupAnswers(facility_code="79 - 123", facility_name=" PK Quận 1 ",
                                     hub_url="https://hub.local/", hub_token=" kh1_token123 ",
                                     camera="0", serial="/dev/ttyACM0", printer="network:10.0.0.9"))
    new = apply_answers(config, answers)
    assert (new.facility.code, new.facility.name) == ("79123", "PK Quận 1")
    assert (new.hub.url, new.hub.token, new.hub.interval_s) == ("https://hub.local", "kh1_token123", 15.0)
    assert (new.camera.source, new.serial.url, new.printer.target) == ("0", "/dev/ttyACM0", "network:10.0.0.9")
    assert config.facility.code == "01999"  # the original is untouched
    assert answers_from_config(new).facility_code == "79123"
