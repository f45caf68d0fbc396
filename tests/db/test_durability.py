"""A committed visit survives kill -9: a child process is SIGKILLed right after its commits."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.db.store import Store

CHILD = """
import sys
from kiosk.db.store import Store
from kiosk.db.convert import visit_card_fields
fields = visit_card_fields(None, None, verdict="valid", provisional=False, registered_here=True, benefit_level=4)
store = Store.open(sys.argv[1])
store.apply_reference_data(departments=[{"code": "K01", "name": "Khám"}])
while True:
    visit = store.add_visit("K01", fields)
    # Reported only after add_visit returned, i.e. after the durable commit.
    sys.stdout.write(visit["id"] + "\\n")
    sys.stdout.flush()
"""


@pytest.mark.slow
def test_visits_survive_sigkill(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.sqlite3'}"
    child = subprocess.Popen([sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    reported = [child.stdout.readline().strip() for _ in range(25)]
    child.send_signal(signal.SIGKILL)  # while it is in the middle of the next commits
    child.wait(timeout=10)
    rest = child.stdout.read().split()
    assert child.returncode == -signal.SIGKILL
    with Store.open(url) as store:
        stored = {v["id"] for v in store.list_visits()}
        numbers = sorted(v["queue_number"] for v in store.list_visits())
    assert set(reported + rest) <= stored  # every commit the child reported is there
    assert numbers == list(range(1, len(numbers) + 1))  # and nothing half-written in between
