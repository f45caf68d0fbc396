#!/usr/bin/env bash
# Installs what the tests need and runs lint, type checks and the whole test suite.
# PostgreSQL is started by the tests themselves (a throw-away cluster, tests/support/postgres.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check kiosk tests bench
echo "== mypy"; .venv/bin/mypy
echo "== import contracts"; .venv/bin/lint-imports --no-logo
echo "== pytest"; .venv/bin/python -m pytest -q "$@"
