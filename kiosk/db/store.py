"""The kiosk's local store: one object for the card cache, visits, the outbox and reference data.

    from kiosk.db.store import Store
    with Store.open("sqlite:////var/lib/kiosk/kiosk.sqlite3") as store:
        cached, decision = store.check_card(card, on=today, facility_code="01999")
        visit = store.check_in("K01", card, facility_code="01999")   # durable, with a queue number

Opening applies the shipped migrations; a database written by a newer kiosk raises
:class:`~kiosk.db.errors.NewerSchemaError` and is not touched. Environment problems (disk full,
locked, read-only, corrupt) surface as :class:`~kiosk.db.errors.EnvironmentProblem` subclasses from
every method; anything else is a bug and propagates unchanged.

The parts: :class:`~kiosk.db.cache.CardCache` (import, lookup, stats),
:class:`~kiosk.db.visits.Visits` (record, list, daily counts), :class:`~kiosk.db.outbox.Outbox`
(what the sync engine pushes), :class:`~kiosk.db.reference.Reference` (departments, services,
facility settings, cursors, pull pages). A Store is safe to share between threads; the UI should still
call it from one database worker thread (docs/house-style.md §3.3).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import ArgumentError

from kiosk.cards.eligibility import Decision, decide
from kiosk.cards.model import BhytCard, CachedCard, CccdCard
from kiosk.config import Config, ConfigError
from kiosk.db import schema
from kiosk.db.base import iso_now, local_now, translate_errors
from kiosk.db.convert import visit_card_fields
from kiosk.db.desk_queue import DeskQueueNumbers
from kiosk.db.engine import make_engine, normalise_url, sqlite_path
from kiosk.db.errors import (
    CannotOpenDatabaseError,
    EnvironmentProblem,
    ReadOnlyDatabaseError,
    StoreUsageError,
    classify,
)
from kiosk.db.lookup import CardLookup
from kiosk.db.models import AUDIT_LOG as AUDIT
from kiosk.db.models import SETTINGS
from kiosk.db.outbox import Outbox
from kiosk.db.parallel_import import remove_stale_work_dirs
from kiosk.db.reference import Reference
from kiosk.db.updates import VisitUpdates
from kiosk.db.visits import Visits
from kiosk.queueing import QueueRules

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
DEVICE_ID_KEY = "device.id"
INSTANCE_ID_KEY = "database.instance_id"
#: Device and inode of the SQLite file the instance id belongs to.
FILE_ID_KEY = "database.file_id"


def _readonly_location(path: Path) -> bool:
    """The SQLite file (or, for a new one, its folder) cannot be written."""
    target = path if path.exists() else path.parent
    if not target.exists():
        return False
    try:
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(target, os.W_OK)


def _put(conn: Connection, key: str, value: str, *, exists: bool) -> None:
    if exists:
        conn.execute(SETTINGS.update().where(SETTINGS.c.key == key).values(value=value))
    else:
        conn.execute(SETTINGS.insert().values(key=key, value=value))


class Store(Reference, Visits, Outbox, VisitUpdates, DeskQueueNumbers):
    def __init__(self, engine: Engine, *, queue_rules: QueueRules | None = None,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.engine = engine
        self.lookup = CardLookup(engine)
        self.queue_rules = queue_rules or QueueRules()
        self.clock = clock or local_now
        #: Schema revision the database had before this open upgraded it (None: it was empty).
        self.opened_at_revision: str | None = schema.HEAD

    # ----- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str | Path | URL, *, busy_timeout_s: float = 5.0, queue_rules: QueueRules | None = None,
             clock: Callable[[], dt.datetime] | None = None, upgrade: bool = True) -> Store:
        """Open (creating and upgrading as needed) the store at a SQLAlchemy URL or SQLite path.

        ``upgrade=False`` refuses an out-of-date database instead of migrating it.
        """
        try:
            parsed = url if isinstance(url, URL) else normalise_url(str(url))
        except ArgumentError as exc:
            raise StoreUsageError(f"not a database URL: {url!s} ({exc})") from exc
        if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
            raise StoreUsageError(f"unsupported database {parsed.get_backend_name()!r} in {parsed!s}: "
                                  "use sqlite:///PATH or postgresql://USER@HOST/DB")
        path = sqlite_path(parsed)
        try:
            with translate_errors():
                return cls._open(parsed, path, busy_timeout_s=busy_timeout_s, queue_rules=queue_rules,
                                 clock=clock, upgrade=upgrade)
        except CannotOpenDatabaseError as exc:
            if path is not None and _readonly_location(path):
                raise ReadOnlyDatabaseError(f"The database {path} is read-only", detail=exc.detail) from exc
            raise
        except EnvironmentProblem as exc:
            if path is not None and str(path) not in exc.message:
                exc.args = (f"{path}: {exc.message}",)
                exc.message = exc.args[0]
            raise

    @classmethod
    def _open(cls, url: URL, path: Path | None, *, busy_timeout_s: float, queue_rules: QueueRules | None,
              clock: Callable[[], dt.datetime] | None, upgrade: bool) -> Store:
        if path is not None:
            state = schema.sqlite_state(path)  # read-only look first: a newer DB is never written
            remove_stale_work_dirs(path.parent)
        try:
            engine = make_engine(url, busy_timeout_s=busy_timeout_s)
        except OSError as exc:  # the SQLite file's folder cannot be created
            problem = classify(exc) or CannotOpenDatabaseError(
                f"Cannot create the database folder {path.parent if path else ''}", detail=str(exc))
            raise problem from exc
        try:
            if path is None:
                state = schema.engine_state(engine)
            if not state.is_current:
                if not upgrade:
                    raise StoreUsageError(f"the database is at schema revision {state.revision or 'none'}, "
                                          f"this kiosk needs {schema.HEAD}: run `kiosk db upgrade`")
                schema.upgrade(engine)
            store = cls(engine, queue_rules=queue_rules, clock=clock)
            store.opened_at_revision = state.revision
            store._ensure_identity(path)
            store.ensure_card_indexes()  # after an interrupted first card import
        except BaseException:
            engine.dispose()
            raise
        return store

    @classmethod
    def from_config(cls, config: Config, url: str | None = None, *,
                    clock: Callable[[], dt.datetime] | None = None) -> Store:
        """The store at ``url`` (``--db``), else the configured database (``[database]``), with the
        configured queue rules (``[queue]``); ConfigError names a bad queue setting."""
        try:
            rules = QueueRules.from_settings(config.queue.reset_time, config.queue.ticket_digits)
        except ValueError as exc:
            raise ConfigError(f"[queue] {exc}") from exc
        return cls.open(url or config.database_url(), queue_rules=rules,
                        busy_timeout_s=config.database.lock_wait_s, clock=clock)

    def _ensure_identity(self, path: Path | None) -> None:
        """Create the device and instance ids once; a SQLite file that was copied or restored from a
        backup (another inode than recorded) gets a new instance id (morango's database id)."""
        file_id = None
        if path is not None:
            st = path.stat()
            file_id = f"{st.st_dev}:{st.st_ino}"
        if (self.get_setting(DEVICE_ID_KEY) and self.get_setting(INSTANCE_ID_KEY)
                and (file_id is None or self.get_setting(FILE_ID_KEY) == file_id)):
            return
        with self._write() as conn:
            values = {r.key: r.value for r in conn.execute(select(SETTINGS))}
            copied = file_id is not None and FILE_ID_KEY in values and values[FILE_ID_KEY] != file_id
            for key in (DEVICE_ID_KEY, INSTANCE_ID_KEY):
                if key not in values:
                    # Another process opening the new database at the same moment may win: keep its id.
                    insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
                    conn.execute(insert(SETTINGS).values(key=key, value=str(uuid.uuid4()))
                                 .on_conflict_do_nothing(index_elements=[SETTINGS.c.key]))
            if copied:
                conn.execute(SETTINGS.update().where(SETTINGS.c.key == INSTANCE_ID_KEY)
                             .values(value=str(uuid.uuid4())))
                conn.execute(AUDIT.insert().values(at=iso_now(self._now()), actor="system",
                                                   action="database_copy_detected",
                                                   details={"previous_instance": values.get(INSTANCE_ID_KEY)}))
            if file_id is not None:
                _put(conn, FILE_ID_KEY, file_id, exists=FILE_ID_KEY in values)

    def close(self) -> None:
        self.lookup.close()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ----- identity ---------------------------------------------------------------------------------
    @property
    def device_id(self) -> str:
        """This kiosk's id (UUID), created once with the database."""
        return self.get_setting(DEVICE_ID_KEY) or ""

    @property
    def instance_id(self) -> str:
        """Identity of this database instance (UUID); a restored copy should get a new one."""
        return self.get_setting(INSTANCE_ID_KEY) or ""

    def new_instance_id(self) -> str:
        """Give the database a new instance id (after restoring or copying it, morango-style)."""
        value = str(uuid.uuid4())
        self.set_setting(INSTANCE_ID_KEY, value)
        return value

    def schema_revision(self) -> str | None:
        return schema.engine_state(self.engine).revision

    # ----- check-in -----------------------------------------------------------------------------------
    def check_card(self, card: BhytCard | CccdCard, *, on: dt.date,
                   facility_code: str) -> tuple[CachedCard | None, Decision]:
        """Look the card up in the cache and decide; nothing is written."""
        cached = self.find_cached(card)
        return cached, decide(card, cached, on, facility_code)

    def check_in(self, department_code: str, card: BhytCard | CccdCard, *, facility_code: str,
                 now: dt.datetime | None = None) -> dict[str, Any]:
        """Check the card and record the visit with the next queue number; returns the wire dict."""
        moment = now if now is not None else self._now()
        cached, decision = self.check_card(card, on=moment.date(), facility_code=facility_code)
        fields = visit_card_fields(card, cached, verdict=str(decision.verdict),
                                   provisional=decision.provisional,
                                   registered_here=decision.registered_here,
                                   benefit_level=decision.benefit_level)
        return self.add_visit(department_code, fields, now=moment)

    # ----- audit log ----------------------------------------------------------------------------------
    def audit(self, action: str, *, actor: str = "staff", details: dict[str, Any] | None = None) -> None:
        """Record a staff action (no patient data in ``details`` beyond what the action needs)."""
        with self._write() as conn:
            conn.execute(AUDIT.insert().values(at=iso_now(self._now()), actor=actor, action=action,
                                               details=details))

    def audit_entries(self, limit: int = 100) -> list[dict[str, Any]]:
        """The newest audit entries first."""
        with self._read() as conn:
            rows = conn.execute(select(AUDIT).order_by(AUDIT.c.id.desc()).limit(limit)).mappings()
            return [dict(r) for r in rows]

