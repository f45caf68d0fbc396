"""Token buckets in the hub's database (table ``hub_rate_buckets``): one per-device limit for every
uvicorn worker process (docs/hub-api.md, "Rate limits"). The arithmetic is kiosk.ratelimit.take_token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from kiosk.hub.schema import rate_buckets
from kiosk.ratelimit import take_token

_INSERT: dict[str, Callable[..., Any]] = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class SqlBuckets:
    """A :class:`kiosk.ratelimit.BucketStore` in ``hub_rate_buckets``; use a wall clock (``time.time``),
    which all workers share. Each take is one short write transaction (row lock on PostgreSQL,
    ``BEGIN IMMEDIATE`` on SQLite)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = _INSERT[engine.dialect.name]

    def take(self, key: str, now: float, rate: float, burst: float) -> float:
        with self.engine.begin() as conn:
            conn.execute(self._insert(rate_buckets).values(key=key, tokens=burst, updated_at=now)
                         .on_conflict_do_nothing(index_elements=[rate_buckets.c.key]))
            tokens, last = conn.execute(sa.select(rate_buckets.c.tokens, rate_buckets.c.updated_at)
                                        .where(rate_buckets.c.key == key).with_for_update()).one()
            tokens, wait = take_token(tokens, last, now, rate, burst)
            conn.execute(rate_buckets.update().where(rate_buckets.c.key == key)
                         .values(tokens=tokens, updated_at=max(now, last)))
        return wait

    def peek(self, key: str, now: float, rate: float, burst: float) -> float:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(rate_buckets.c.tokens, rate_buckets.c.updated_at)
                               .where(rate_buckets.c.key == key)).first()
            conn.rollback()
        return 0.0 if row is None else take_token(row.tokens, row.updated_at, now, rate, burst)[1]

    def give_back(self, key: str, burst: float) -> None:
        with self.engine.begin() as conn:
            conn.execute(rate_buckets.update().where(rate_buckets.c.key == key)
                         .values(tokens=sa.func.min(rate_buckets.c.tokens + 1.0, burst)
                                 if self.engine.dialect.name == "sqlite"
                                 else sa.func.least(rate_buckets.c.tokens + 1.0, burst)))
