from __future__ import annotations

import json
import subprocess
import sys

from tests.cards.builders import EXAMPLE_A, EXAMPLE_D, bhyt_2018


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kiosk", "card", "parse", *args], input=stdin,
                          capture_output=True, check=False)


def test_bhyt_json_contract() -> None:
    proc = run("--json", EXAMPLE_A)
    assert proc.returncode == 0
    obj = json.loads(proc.stdout)
    assert obj == {
        "kind": "bhyt", "layout": "15-part", "card_number": "HC4100123456789", "object_code": "HC",
        "benefit_level": 4, "province_code": "10", "bhxh_number": "0123456789", "name": "Nguyễn Văn An",
        "birth_date": "1985-03-15", "gender": "male", "address": "Thôn Mẫu, xã Thử Nghiệm, tỉnh Lào Cai",
        "facility_code": "10099", "valid_from": "2024-01-01", "valid_to": None, "issued_on": "2023-12-20",
        "guardian": None, "area": "K1", "five_years_on": "2027-10-01", "check_code": "5e1f0c2a9b7d3c48-7102",
        "issuer": None, "complete": True, "warnings": [],
    }


def test_year_only_birth_date_and_stdin_with_crlf() -> None:
    proc = run("--json", "-", stdin=(bhyt_2018(dob="1985") + "\r\n").encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["birth_date"] == "1985"


def test_cccd_json_contract() -> None:
    obj = json.loads(run("--json", EXAMPLE_D).stdout)
    assert obj == {"kind": "cccd", "citizen_id": "001185000321", "old_id": None, "name": "Trần Thị Bình",
                   "birth_date": "1985-06-21", "gender": "female",
                   "address": "Số 1 ngõ Mẫu, phường Thử Nghiệm, Hà Nội", "issued_on": "2022-05-10",
                   "warnings": []}


def test_error_contract_and_human_mode() -> None:
    proc = run("--json", "XX1230123456789|a|b|c|$")
    assert proc.returncode == 1
    err = json.loads(proc.stdout)["error"]
    assert err["code"] == "bad_card_number"
    assert "XX1230123456789" in err["message"]
    human = run("hello world")
    assert human.returncode == 1
    assert b"not a health-insurance" in human.stderr
    assert b"Traceback" not in human.stderr
