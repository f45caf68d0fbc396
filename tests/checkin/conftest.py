"""Fixtures for the check-in core: a real SQLite store with the demo cards and departments (no Qt)."""

from __future__ import annotations

from tests.support.demo import NOW, demo_db, store

__all__ = ["NOW", "demo_db", "store"]  # demo_db, store: fixtures
