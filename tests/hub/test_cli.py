"""`kiosk hub …` commands, run in-process through kiosk.cli.main."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kiosk.cli import main
from kiosk.hub.app import HubSettings, create_app
from tests.hub.support import auth, batch, card_number, visit, write_card_csv


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'hub.sqlite3'}"


def test_device_lifecycle_and_report(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = _run(capsys, "hub", "device", "add", "kiosk-1", "--facility", "01999", "--db", db)
    assert code == 0
    token = out.strip().splitlines()[-1]
    assert token.startswith("kh1_") and len(token) > 40
    code, out, _ = _run(capsys, "hub", "device", "add", "kiosk-2", "--facility", "01999", "--db", db, "--json")
    token2 = json.loads(out)["token"]
    code, _, err = _run(capsys, "hub", "device", "add", "kiosk-1", "--facility", "01999", "--db", db)
    assert code == 1 and "already exists" in err and "Traceback" not in err
    app = create_app(HubSettings(db_url=db, rate_per_s=0))
    with TestClient(app) as client:
        client.post("/v1/sync/push", json=batch([visit(), visit(verdict="expired")]), headers=auth(token))
        client.post("/v1/sync/push", json=batch([visit(visit_date="2026-11-21")]), headers=auth(token2))
        code, out, _ = _run(capsys, "hub", "device", "revoke", "kiosk-2", "--db", db)
        assert code == 0 and "revoked" in out
        assert client.get("/v1/device", headers=auth(token2)).status_code == 401
    app.state.engine.dispose()
    code, out, _ = _run(capsys, "hub", "device", "list", "--json", "--db", db)
    listed = {d["device"]: d for d in json.loads(out)["devices"]}
    assert listed["kiosk-1"]["active"] and not listed["kiosk-2"]["active"]
    assert listed["kiosk-1"]["last_push_at"] is not None
    code, out, _ = _run(capsys, "hub", "report", "--json", "--date", "2026-11-22", "--db", db)
    report = json.loads(out)
    assert code == 0 and report["total"] == 2
    per = {d["device"]: d for d in report["devices"]}
    assert per["kiosk-1"]["visits"] == 2 and per["kiosk-1"]["by_verdict"]["expired"] == 1
    assert per["kiosk-2"]["visits"] == 0 and per["kiosk-2"]["revoked"]
    code, out, _ = _run(capsys, "hub", "report", "--date", "2026-11-21", "--db", db)
    assert "kiosk-2" in out and "valid 1" in out
    code, out, _ = _run(capsys, "hub", "report", "--json", "--date", "22/11/2026", "--db", db)
    assert code == 1 and json.loads(out)["error"]["code"] == "invalid"


def test_device_errors(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = _run(capsys, "hub", "device", "add", "bad name!", "--facility", "01999", "--db", db)
    assert code == 1 and "invalid device name" in err
    code, out, _ = _run(capsys, "hub", "device", "revoke", "ghost", "--db", db, "--json")
    assert code == 1 and json.loads(out)["error"]["message"] == "no device named 'ghost'"
    code, out, _ = _run(capsys, "hub", "device", "list", "--db", db)
    assert code == 0 and "no devices" in out


def test_imports(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    rows = [{"card_number": card_number(i), "name": "Lê Văn Cường"} for i in range(3)]
    rows.append({"card_number": "XX", "name": "?"})
    path = write_card_csv(tmp_path / "cards.csv", rows)
    code, out, err = _run(capsys, "hub", "cards", "import", str(path), "--db", db)
    assert code == 3 and "3 read, 3 changed" in out and "line 5" in err
    code, out, _ = _run(capsys, "hub", "cards", "import", str(path), "--db", db, "--json", "--replace")
    result = json.loads(out)
    assert result["written"] == 0 and result["replace_skipped"] is True
    code, _, err = _run(capsys, "hub", "cards", "import", str(tmp_path / "missing.csv"), "--db", db)
    assert code == 1 and "no such file" in err
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code, _, err = _run(capsys, "hub", "cards", "import", str(tmp_path / "bad.csv"), "--db", db)
    assert code == 1 and "missing column" in err
    deps = tmp_path / "deps.csv"
    deps.write_text("code,name\nK01,Khám Nội\n", encoding="utf-8")
    code, out, _ = _run(capsys, "hub", "reference", "import", "department", str(deps), "--facility", "01999",
                        "--db", db, "--json")
    assert code == 0 and json.loads(out)["written"] == 1


def test_db_upgrade_and_bad_database(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "hub", "db", "upgrade", "--db", db, "--json")
    assert code == 0 and json.loads(out) == {"revision": "0004"}
    code, _, err = _run(capsys, "hub", "db", "upgrade", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1 and "cannot open the hub database" in err and "Traceback" not in err
    code, _, err = _run(capsys, "hub", "serve", "--db", db, "--tls-cert", str(tmp_path / "c.pem"))
    assert code == 1 and "go together" in err


@pytest.mark.parametrize(("host", "warned"), [("0.0.0.0", True), ("192.168.1.10", True), ("hub.local", True),
                                              ("127.0.0.1", False), ("localhost", False), ("::1", False)])
def test_serve_without_tls_off_loopback_warns(capsys: pytest.CaptureFixture[str], host: str, warned: bool) -> None:
    # The database cannot be opened, so serve stops right after its checks: nothing listens anywhere.
    code, _, err = _run(capsys, "hub", "serve", "--host", host, "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1 and "cannot open the hub database" in err and "Traceback" not in err
    assert ("without TLS" in err) is warned


def test_device_reset_frees_the_token_for_another_installation(capsys: pytest.CaptureFixture[str], db: str) -> None:
    token = _run(capsys, "hub", "device", "add", "kiosk-1", "--facility", "01999", "--db", db)[1].split()[-1]
    from kiosk.hub.db import open_hub

    engine = open_hub(db)
    with TestClient(create_app(HubSettings(rate_per_s=0), engine=engine)) as client:
        first = {**batch([visit()]), "instance_id": "installation-one"}
        assert client.post("/v1/sync/push", json=first, headers=auth(token)).status_code == 200
        second = {**batch([visit()]), "instance_id": "installation-two"}
        r = client.post("/v1/sync/push", json=second, headers=auth(token))
        assert r.status_code == 409 and r.json()["error"]["code"] == "device_cloned"
        assert _run(capsys, "hub", "device", "reset", "kiosk-1", "--db", db)[0] == 0
        assert client.post("/v1/sync/push", json=second, headers=auth(token)).status_code == 200
        r = client.post("/v1/sync/push", json={**batch([visit()]), "instance_id": "installation-one"},
                        headers=auth(token))
        assert r.status_code == 409  # now the first one is the copy
    engine.dispose()


def test_default_database_location(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KIOSK_HUB_DB", raising=False)
    assert _run(capsys, "hub", "device", "add", "k1", "--facility", "01999")[0] == 0
    assert (tmp_path / "data" / "hub.sqlite3").is_file()
    monkeypatch.setenv("KIOSK_HUB_DB", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert _run(capsys, "hub", "device", "add", "k2", "--facility", "01999")[0] == 0
    _code, out, _ = _run(capsys, "hub", "device", "list", "--json")
    assert [d["device"] for d in json.loads(out)["devices"]] == ["k2"]
