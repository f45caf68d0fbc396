"""kiosk.selftest from source: every check passes on a working checkout, a broken part is named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import selftest
from kiosk.cli import main


def test_all_checks_pass_from_source(qapp: object) -> None:
    results = selftest.run_checks()
    assert [r.name for r in results] == list(selftest.CHECKS)
    failed = {r.name: r.detail for r in results if not r.ok}
    assert failed == {}
    by_name = {r.name: r.detail for r in results}
    assert "DN4010100000001" in by_name["decoder"]
    assert "vi=" in by_name["translations"] and "ja=" in by_name["translations"]


def test_a_missing_image_fails_the_decoder_check_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(selftest, "SELFTEST_IMAGE", tmp_path / "gone.png")
    code = main(["--self-test", "--json", "--check", "decoder", "--check", "serial"])
    out = json.loads(capsys.readouterr().out)
    assert code == selftest.EXIT_FAILED
    assert out["ok"] is False and out["failed"] == ["decoder"]
    assert "test image missing" in out["checks"][0]["detail"]
    assert out["checks"][1] == {**out["checks"][1], "name": "serial", "ok": True}


def test_an_unexpected_error_is_a_failed_check_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    def broken(work: Path) -> str:
        raise OSError("disk on fire")

    monkeypatch.setitem(selftest.CHECKS, "serial", broken)
    code = main(["self-test", "--check", "serial"])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL  serial" in out and "OSError: disk on fire" in out
    assert out.strip().endswith("self-test FAILED: serial")


def test_a_translation_that_does_not_translate_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "KNOWN_STRING", ("AdminScreen", "no such source text 0x5f3a"))
    [result] = selftest.run_checks(["translations"])
    assert not result.ok and "does not translate" in result.detail


def test_top_level_flag_runs_the_self_test_as_a_program() -> None:
    result = subprocess.run([sys.executable, "-m", "kiosk", "--self-test", "--json"], capture_output=True,
                            text=True, timeout=120, check=False,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    out = json.loads(result.stdout)
    assert out["ok"] is True and out["frozen"] is False
    assert {c["name"] for c in out["checks"]} == set(selftest.CHECKS)
    assert "Traceback" not in result.stderr
