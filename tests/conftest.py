from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.support.postgres import PostgresCluster, PostgresUnavailable


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    try:
        cluster = PostgresCluster.start()
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not available here: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(postgres_cluster: PostgresCluster) -> str:
    """URL of a fresh, empty PostgreSQL database (one per test)."""
    return postgres_cluster.create_database()


@pytest.fixture(autouse=True)
def no_language_left_installed() -> Iterator[None]:
    """Each test starts in English (Qt's source language). Language managers are children of the one
    QApplication and live as long as it does: a test (or a flow it drives, such as the first-start wizard)
    that leaves a catalogue installed would make every later test read another language."""
    yield
    import sys

    if "kiosk.ui.i18n" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.i18n import LanguageManager

    app = QApplication.instance()
    if app is None:
        return
    for manager in app.findChildren(LanguageManager):
        manager.release()
