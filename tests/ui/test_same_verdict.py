"""One check-in core: for every demo card, ``kiosk card check``, ``kiosk visit add``, the desk and the
self-service screen give the same verdict, and the desk records what the CLI records.

All run at the same instant (the demo day): the screens through their services' clock, the CLI through
the store's clock, injected (``kiosk.db.store.local_now``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cards.eligibility import Verdict
from kiosk.cli import main
from kiosk.db.demo import DEMO_DAY, DEMO_FACILITY, demo_scenarios
from kiosk.db.store import Store
from kiosk.ui.appearance import Appearance
from kiosk.ui.i18n import LanguageManager
from kiosk.ui.selfservice.model import Screen
from kiosk.ui.services import Services
from kiosk.ui.texts import verdict_title
from tests.ui.conftest import NOW
from tests.ui.test_desk_flow import make_desk
from tests.ui.test_selfservice_flow import make_window


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == 0, out
    result: dict[str, object] = json.loads(out)
    return result


def test_cli_and_both_screens_agree_on_every_demo_card(
        qtbot: QtBot, services: Services, languages: LanguageManager, appearance: Appearance, store: Store,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("kiosk.db.store.local_now", lambda: NOW)
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "absent.toml"))  # no hub: offline like the screens
    for name in ("KIOSK_HUB_URL", "KIOSK_HUB_TOKEN", "KIOSK_DB"):
        monkeypatch.delenv(name, raising=False)
    url = str(store.engine.url)
    desk = make_desk(qtbot, services, languages)
    kiosk = make_window(qtbot, services, languages, appearance)
    languages.switch("en")
    verdicts = set()
    for scenario in demo_scenarios():
        checked = cli(capsys, "card", "check", "--json", "--db", url, "--facility", DEMO_FACILITY,
                      "--on", DEMO_DAY.isoformat(), scenario.payload)
        verdict = Verdict(str(checked["verdict"]))
        verdicts.add(verdict)

        desk.patient.show_result(None)
        desk.scan(scenario.payload, "serial")
        qtbot.waitUntil(lambda: desk.patient.result is not None)
        assert desk.patient.banner.text() == verdict_title(verdict), scenario.label
        before = len(store.list_visits())
        desk.model.register("K03")
        if desk.model.confirmation is not None:  # not valid, or the same card again: staff confirm
            desk.patient.confirm_button.click()
        qtbot.waitUntil(lambda n=before + 1: len(store.list_visits()) == n)
        recorded_at_desk = store.list_visits()[-1]

        kiosk.scan(scenario.payload)
        qtbot.waitUntil(lambda: kiosk.model.screen is Screen.VERDICT)
        assert kiosk.verdict.banner.text() == verdict_title(verdict), scenario.label
        kiosk.reset()
        languages.switch("en")

        added = cli(capsys, "visit", "add", "--json", "--db", url, "--department", "K04", "--again",
                    scenario.payload)
        for key in ("verdict", "provisional", "registered_here", "card_kind", "card_number", "citizen_id",
                    "name", "benefit_level", "object_code"):
            assert added[key] == recorded_at_desk[key], f"{scenario.label}: {key}"
        assert added["verdict"] == str(verdict)
    assert verdicts == set(Verdict)  # the demo cards cover every verdict
