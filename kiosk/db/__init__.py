"""The kiosk's local store: SQLAlchemy models, Alembic migrations, card cache, visits outbox.

Import from the modules (this package imports nothing, so ``kiosk --help`` stays fast)::

    from kiosk.db.store import Store                 # Store.open(url) -> Store (context manager)
    from kiosk.db.errors import EnvironmentProblem   # DiskFullError, DatabaseLockedError, ...
    from kiosk.db.demo import load_demo, demo_scenarios

Store API by user:

* check-in (the core in ``kiosk.checkin`` calls these; front ends call the core):
  ``check_card(card, on=, facility_code=) -> (cached, Decision)``,
  ``record_visit(department_code, card_fields) -> VisitRecord`` (typed, ``kiosk.db.records``; fields from
  ``kiosk.db.convert.visit_card_fields``), ``visits_on(date, department_code=, card_numbers=)``,
  ``departments()``, ``services()``; in wire format for the CLI and tests: ``add_visit``,
  ``list_visits(date)``, ``check_in(department_code, card, facility_code=)`` (cache-only, no repeat rule),
  ``last_queue_number(department, queue_day)``, ``audit(action, actor=, details=)``.
* card cache: ``import_cards(read_card_list(path), strict=)``, ``upsert_cards``, ``card_by_number``,
  ``cards_by_bhxh_number``, ``cards_by_citizen_id``, ``find_cached(card)``, ``cache_stats()``, ``cache_synced_at()``,
  ``clear_card_cache()``.
* sync engine (push): ``pending_visits(limit)`` (oldest first, wire format, includes records left in
  ``sending``), ``mark_sending(ids)``, ``record_push_results([{id, status, reason}])``,
  ``reset_sending()``, ``retry_rejected(ids)``, ``pending_count()``, ``oldest_pending_at()``,
  ``outbox_counts()``, ``rejected_visits()``, ``visit_counts(first, last)`` (per day, verdict, state).
* sync engine (pull): ``apply_pull_page(changes, cursor_name=, next_cursor=)`` (cards, departments,
  services, settings and the cursor in ONE transaction), ``apply_reference_data(...)``,
  ``get_cursor(name)``, ``set_cursor(name, value)``, ``facility_settings()``.
* identity: ``device_id``, ``instance_id``, ``new_instance_id()``, ``schema_revision()``.

Every method raises an :class:`~kiosk.db.errors.EnvironmentProblem` subclass for disk full, locked,
read-only, corrupt, newer schema or cannot connect; other exceptions are bugs.
"""
