"""The check-in core (:mod:`kiosk.checkin`) on the UI's lanes: the database lane never waits on the network.

A check is db (parse, cache, decide) → io (the hub's online confirmation, ≤ its time limit; for every
check-in, cached cards too, whenever a hub is set up: ``CheckInService.needs_online``) → db (cache the
gateway's records, earlier visits). Without a hub the io step is skipped. While the look-up waits,
the database lane serves the visit list, departments and status reads (bench/ui_bench.py measures it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.checkin.result import CheckResult, Source

if TYPE_CHECKING:
    from kiosk.checkin.service import Checking, CheckInService
    from kiosk.ui.operation import Operations


def check_in_background(ops: Operations, service: CheckInService, text: str, source: Source,
                        on_result: Callable[[CheckResult], None]) -> None:
    """Check ``text`` through ``ops`` (busy while it runs); ``on_result`` on the UI thread."""
    check_begun_in_background(ops, service, lambda: service.begin(text, source), on_result)


def check_begun_in_background(ops: Operations, service: CheckInService,
                              begin: Callable[[], CheckResult | Checking],
                              on_result: Callable[[CheckResult], None]) -> None:
    """The same lanes for any first step (``begin``, or ``begin_typed`` with the details staff entered)."""

    def first() -> CheckResult | Checking:
        step = begin()
        if isinstance(step, CheckResult) or service.needs_online(step):
            return step
        return service.complete(step)  # in the cache: no network, one database task

    def begun(step: CheckResult | Checking) -> None:
        if isinstance(step, CheckResult):
            on_result(step)
            return
        ops.run(lambda: service.ask_online(step),
                lambda asked: ops.run(lambda: service.complete(asked), on_result), lane="io")

    ops.run(first, begun)
