"""First-run setup (no Qt): the answers a technician gives, their validation, live device tests, and
writing the configuration file and the departments.

Public API (``kiosk setup`` and the Qt wizard in ``kiosk.ui.setup`` both use it)::

    from kiosk.setup.answers import SetupAnswers, validate, answers_from_config, apply_answers
    from kiosk.setup.probes import probe_camera, probe_serial, probe_printer, probe_hub, ProbeResult
    from kiosk.setup.departments import read_departments, import_departments, DepartmentsFileError
    from kiosk.setup.writer import write_config

    answers = answers_from_config(load_config(path))      # defaults: the current configuration
    problems = validate(answers)                          # [] when every answer is usable
    config = apply_answers(load_config(path), answers)
    result = probe_hub(config.hub, facility_code=answers.facility_code)  # [hub] as saved: ca_bundle too
    write_config(config, path)                            # temp file + fsync + rename, 0600

Every probe is blocking and bounded by its timeout (call it from a worker thread) and never raises:
it returns a :class:`~kiosk.setup.probes.ProbeResult` with ``ok``, a ``code`` the UI translates,
an English ``message`` and a technical ``detail``.
"""
