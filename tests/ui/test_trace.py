"""`kiosk run --trace FILE`: JSON lines, screen changes once each, no patient data."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.ui.trace import EventTrace


def test_trace_lines(tmp_path: Path) -> None:
    lang = ["vi"]
    now = [100.0]
    trace = EventTrace(tmp_path / "t" / "trace.jsonl", mode="self", language=lambda: lang[0], demo=False,
                       clock=lambda: now[0])
    trace.screen("welcome")
    trace.screen("welcome")  # the same screen again is not an event
    now[0] += 1.5
    lang[0] = "en"
    trace.screen("welcome")  # the language changed on it: an event
    trace.scan("wedge", True, "valid")
    trace.close()
    trace.screen("verdict")  # after close: nothing, no error
    lines = [json.loads(x) for x in (tmp_path / "t" / "trace.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"t": 0.0, "event": "screen", "screen": "welcome", "mode": "self", "lang": "vi", "demo": False},
        {"t": 1.5, "event": "screen", "screen": "welcome", "mode": "self", "lang": "en", "demo": False},
        {"t": 1.5, "event": "scan", "source": "wedge", "ok": True, "verdict": "valid"},
    ]
