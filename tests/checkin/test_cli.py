"""``kiosk card check`` and ``kiosk visit add`` through the one check-in core: the same verdict for every
demo card, repeat check-ins refused with the earlier visit (``already_registered``), ``--again``, and
``earlier_visits`` for another department the same day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.db.demo import DEMO_FACILITY, demo_scenarios

SCENARIOS = {s.label: s for s in demo_scenarios()}
AN = SCENARIOS["valid, registered here"].payload


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo_url(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "absent.toml"))  # defaults: no hub, facility 01999
    for name in ("KIOSK_HUB_URL", "KIOSK_HUB_TOKEN", "KIOSK_DB"):
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    assert run(capsys, "db", "load-demo", "--db", url)[0] == 0
    return url


def add(capsys: pytest.CaptureFixture[str], url: str, department: str, payload: str,
        *extra: str) -> tuple[int, dict[str, object]]:
    code, out, _ = run(capsys, "visit", "add", "--json", "--db", url, "--department", department, *extra, payload)
    return code, json.loads(out)


def test_repeat_is_refused_with_the_earlier_visit_and_records_nothing(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, first = add(capsys, demo_url, "K01", AN)
    assert code == 0 and first["ticket"] == "K01-001" and "earlier_visits" not in first
    code, refused = add(capsys, demo_url, "K01", AN)
    assert code == 1
    error = refused["error"]
    assert isinstance(error, dict) and error["code"] == "already_registered"
    assert "K01-001" in error["message"]
    assert error["visit"] == first  # the earlier visit, with its ticket, in wire format
    code, out, _ = run(capsys, "visit", "list", "--json", "--db", demo_url)
    assert [v["id"] for v in json.loads(out)] == [first["id"]]
    code, out, err = run(capsys, "visit", "add", "--db", demo_url, "--department", "K01", AN)
    assert code == 1 and "K01-001" in err and "--again" in err and "Traceback" not in err


def test_again_records_a_deliberate_second_visit(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, demo_url, "K01", AN)
    code, second = add(capsys, demo_url, "K01", AN, "--again")
    assert code == 0 and second["ticket"] == "K01-002"


def test_another_department_the_same_day_lists_earlier_visits(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, k01 = add(capsys, demo_url, "K01", AN)
    code, k02 = add(capsys, demo_url, "K02", AN)
    assert code == 0 and k02["ticket"] == "K02-001"
    assert k02["earlier_visits"] == [k01]


def test_card_check_and_visit_add_give_the_same_verdict_for_every_demo_card(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    for scenario in demo_scenarios():
        code, out, _ = run(capsys, "card", "check", "--json", "--db", demo_url, "--facility", DEMO_FACILITY,
                           scenario.payload)
        checked = json.loads(out)
        assert code == 0, scenario.label
        code, visit = add(capsys, demo_url, "K03", scenario.payload, "--again")  # demo cards share numbers
        assert code == 0, scenario.label
        assert visit["verdict"] == checked["verdict"], scenario.label
        assert visit["registered_here"] == checked["registered_here"], scenario.label
