"""The check-in core (no Qt): one service from a scan to a recorded visit, used by every front end.

    from kiosk.checkin.service import CheckInService
    from kiosk.checkin.result import CheckResult, Registration, Source, StaffFlag, VerdictSource
    from kiosk.checkin.errors import AlreadyRegistered

Modules: ``service`` (parse → decide → record), ``decision`` (the cache's verdict combined with the
hub's online look-up), ``result`` (typed results), ``errors``, ``search`` (today's visits),
``intake`` (every input through the ScanGate), ``report`` (the CLI's JSON), ``cli`` (``card check``,
``visit add|list``).

Every check-in is confirmed online when a hub is set up (docs/eligibility.md, "Confirmed online"):
``CheckResult.confirmed_online``, ``verdict_source``, ``cache_age``, ``gateway_details``, ``staff_flags``.
"""
