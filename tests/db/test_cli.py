"""The command-line contract: card check (every verdict, errors, streaming), visits, cache, db."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from kiosk.cli import main
from kiosk.db import schema
from kiosk.db.demo import DEMO_DAY, DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store

CHECK_KEYS = ["verdict", "card", "cached", "registered_here", "replaced_by", "message", "route", "benefit_percent",
              "object_code", "needs_referral", "confirmed_online", "cache_age_s", "warnings"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo_url(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(capsys, "db", "load-demo", "--db", db_url)[0] == 0
    return db_url


def test_card_check_gives_every_verdict(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    seen = set()
    for scenario in demo_scenarios():
        code, out, _ = run(capsys, "card", "check", "--json", "--db", demo_url, "--on", DEMO_DAY.isoformat(),
                           "--facility", DEMO_FACILITY, scenario.payload)
        result = json.loads(out)
        assert code == 0 and list(result) == CHECK_KEYS, scenario.label
        assert (result["verdict"], result["registered_here"]) == (scenario.verdict, scenario.registered_here), \
            scenario.label
        assert (result["cached"] is None) == (scenario.verdict == "unknown")
        assert result["message"]
        # [facility] level not set: registered here, else the desk decides (docs/eligibility.md, "Defaults")
        assert result["route"] in ("registered_here", "outside_route", "unknown"), scenario.label
        assert (result["route"] == "registered_here") == (scenario.registered_here is True), scenario.label
        assert result["confirmed_online"] is False and isinstance(result["warnings"], list)
        if scenario.verdict == "replaced":
            assert result["replaced_by"] in ("HC4010100000026", "HC4010100000032")
        seen.add(result["verdict"])
    assert seen == {"valid", "expired", "not_yet_valid", "revoked", "reduced", "replaced", "name_mismatch",
                    "birth_date_mismatch", "unknown"}


def test_card_check_cached_record_and_language(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    payload = demo_scenarios()[0].payload
    code, out, _ = run(capsys, "card", "check", "--json", "--db", demo_url, "--on", "2026-11-22",
                       "--facility", "01999", "--lang", "en", payload)
    assert code == 0
    result = json.loads(out)
    assert result["cached"] == {"card_number": "DN4010100000001", "bhxh_number": "0100000001",
                                "citizen_id": "001085000101", "name": "Nguyễn Văn An",
                                "birth_date": "1985-03-15", "gender": "male", "facility_code": "01999",
                                "valid_from": "2024-01-01", "valid_to": None, "status": "active",
                                "replaced_by": None}
    assert result["card"]["card_number"] == "DN4010100000001"
    assert result["message"] == "The health-insurance card is valid."
    # Another day, another facility: same card, other answers.
    _, out, _ = run(capsys, "card", "check", "--json", "--db", demo_url, "--on", "2023-06-01",
                    "--facility", "79123", payload)
    result = json.loads(out)
    assert (result["verdict"], result["registered_here"]) == ("not_yet_valid", False)


def test_card_check_bad_payload(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "card", "check", "--json", "--db", sqlite_url, "hello|world")
    assert code == 1
    assert list(json.loads(out)) == ["error"] and json.loads(out)["error"]["code"]


def test_card_check_streams_one_line_per_input_in_order(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    env = {**os.environ, "KIOSK_DB": url, "KIOSK_CONFIG": str(tmp_path / "none.toml")}
    subprocess.run([sys.executable, "-m", "kiosk", "db", "load-demo"], env=env, check=True, capture_output=True)
    scenarios = demo_scenarios()
    lines = [s.payload for s in scenarios] + ["not a card", ""] + [scenarios[4].payload + "\r"]
    done = subprocess.run([sys.executable, "-m", "kiosk", "card", "check", "--json", "--on", "2026-11-22",
                           "--facility", "01999", "-"], input="\n".join(lines) + "\n", env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == len(lines)
    assert [r.get("verdict") for r in results[:len(scenarios)]] == [s.verdict for s in scenarios]
    assert "error" in results[-3] and results[-2]["error"]["code"] == "empty"
    assert results[-1]["verdict"] == "expired"


def test_visit_add_and_list(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    payloads = [s.payload for s in demo_scenarios()[:3]]
    visits = []
    for payload in payloads:
        code, out, _ = run(capsys, "visit", "add", "--json", "--db", demo_url, "--department", "K02", payload)
        assert code == 0
        visits.append(json.loads(out))
    assert [v["ticket"] for v in visits] == ["K02-001", "K02-002", "K02-003"]
    assert visits[0]["verdict"] == "valid" and visits[0]["card_number"] == "DN4010100000001"
    assert (visits[0]["route"], visits[0]["self_pay"], visits[0]["confirmed_online"]) == (
        "registered_here", False, False)  # no hub here: the cache's verdict, not confirmed online
    code, out, _ = run(capsys, "visit", "add", "--json", "--db", demo_url, "--department", "K01", "--self-pay",
                       payloads[0])
    assert code == 0 and json.loads(out)["self_pay"] is True
    visits.append(json.loads(out))
    code, out, _ = run(capsys, "visit", "list", "--json", "--db", demo_url, "--date", visits[0]["visit_date"])
    listed = json.loads(out)
    assert [v["id"] for v in listed] == [v["id"] for v in visits]
    assert all(v["sync_state"] == "to_send" for v in listed)
    code, out, _ = run(capsys, "visit", "list", "--json", "--db", demo_url, "--date", "2001-01-01")
    assert json.loads(out) == []


def test_visit_add_errors(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    payload = demo_scenarios()[0].payload
    code, out, _ = run(capsys, "visit", "add", "--json", "--db", demo_url, "--department", "K99", payload)
    assert code == 1 and json.loads(out)["error"]["code"] == "unknown_department"
    code, out, _ = run(capsys, "visit", "add", "--json", "--db", demo_url, "--department", "K01", "nonsense")
    assert code == 1 and "error" in json.loads(out)
    code, out, err = run(capsys, "visit", "add", "--db", demo_url, "--department", "K99", payload)
    assert code == 1 and "K99" in err and "Traceback" not in err


HEADER = ("card_number,bhxh_number,citizen_id,name,birth_date,gender,facility_code,valid_from,valid_to,status,"
          "replaced_by\n")


def test_cache_import_cli(sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cards.csv"
    path.write_text(HEADER + "DN4010100000001,,,Nguyễn Văn An,1985-03-15,male,01999,2024-01-01,,active,\n"
                    "DN4010100000002,,,Bad Gender,1985-03-15,other,01999,2024-01-01,,active,\n"
                    "DN40101,,,Short Number,1985-03-15,male,01999,2024-01-01,,active,\n", encoding="utf-8")
    code, out, err = run(capsys, "cache", "import", "--db", sqlite_url, "--strict", str(path))
    assert code == 1 and f"{path}:3:" in err and f"{path}:4:" in err and "nothing imported" in err
    code, out, err = run(capsys, "cache", "import", "--db", sqlite_url, str(path))
    assert code == 4 and "imported 1 of 3 rows" in out and "gender" in err
    code, out, _ = run(capsys, "cache", "import", "--json", "--db", sqlite_url, str(path))
    result = json.loads(out)
    assert (code, result["imported"], result["updated"]) == (4, 1, 1)
    assert [e["line"] for e in result["errors"]] == [3, 4]
    code, out, _ = run(capsys, "cache", "stats", "--json", "--db", sqlite_url)
    assert json.loads(out)["cards"] == 1 and json.loads(out)["bytes_per_card"] > 0
    code, out, _ = run(capsys, "cache", "import", "--json", "--db", sqlite_url, str(tmp_path / "missing.csv"))
    assert code == 1 and json.loads(out)["error"]["code"] == "bad_file"
    (tmp_path / "wrong.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code, out, _ = run(capsys, "cache", "import", "--json", "--db", sqlite_url, str(tmp_path / "wrong.csv"))
    assert code == 1 and "missing column" in json.loads(out)["error"]["message"]


def test_database_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KIOSK_DB", raising=False)
    code, out, _ = run(capsys, "db", "upgrade", "--json")
    assert code == 0 and json.loads(out)["previous_revision"] is None
    assert (tmp_path / "data" / "kiosk.sqlite3").exists()  # default: the per-user data directory
    monkeypatch.setenv("KIOSK_DB", str(tmp_path / "env.sqlite3"))
    run(capsys, "db", "upgrade")
    assert (tmp_path / "env.sqlite3").exists()
    run(capsys, "db", "upgrade", "--db", f"sqlite:///{tmp_path / 'flag.sqlite3'}")  # --db wins
    assert (tmp_path / "flag.sqlite3").exists()


def test_newer_schema_is_an_environment_error(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(sqlite_url) as store, store.engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE {schema.VERSION_TABLE} SET version_num = '0777'"))
    code, out, _ = run(capsys, "cache", "stats", "--json", "--db", sqlite_url)
    assert code == 3 and json.loads(out)["error"]["code"] == "newer_schema"


def test_unusable_location_is_reported_without_traceback(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = run(capsys, "cache", "stats", "--json", "--db", str(blocker / "kiosk.sqlite3"))
    assert code == 3 and json.loads(out)["error"]["code"] == "cannot_open" and err == ""


def test_bad_database_urls(capsys: pytest.CaptureFixture[str]) -> None:
    for url in ("garbage://x", "mysql://user@host/db"):
        code, out, err = run(capsys, "cache", "stats", "--json", "--db", url)
        assert code == 1 and "unsupported database" in json.loads(out)["error"]["message"] and err == ""


def test_a_check_in_waits_for_the_write_lock_as_long_as_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A card-list import holds the write lock at its end (seconds for millions of cards): a check-in
    waits ``[database] lock_wait_s`` for it, then fails as "database locked" (no traceback, nothing written)."""
    import sqlite3
    import threading
    import time

    db = tmp_path / "kiosk.sqlite3"
    url = f"sqlite:///{db}"
    assert run(capsys, "db", "load-demo", "--db", url)[0] == 0
    payload = demo_scenarios()[0].payload
    config = tmp_path / "kiosk.toml"
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    importer = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    try:
        config.write_text("[database]\nlock_wait_s = 0.3\n", encoding="utf-8")
        importer.execute("BEGIN IMMEDIATE")  # the import's copy, holding the lock
        code, out, _ = run(capsys, "visit", "add", "--json", "--db", url, "--department", "K01", payload)
        assert code != 0 and json.loads(out)["error"]["code"] == "database_locked"
        config.write_text("[database]\nlock_wait_s = 10\n", encoding="utf-8")
        release = threading.Timer(1.0, importer.execute, args=("COMMIT",))
        release.start()
        started = time.monotonic()
        code, out, _ = run(capsys, "visit", "add", "--json", "--db", url, "--department", "K01", payload)
        release.join()
        assert code == 0 and json.loads(out)["ticket"] == "K01-001"  # the failed try wrote nothing
        assert time.monotonic() - started >= 0.9
    finally:
        importer.close()
