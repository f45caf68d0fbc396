#!/usr/bin/env bash
# Installs the kiosk (if needed) and starts it on its embedded defaults:
# SQLite in the per-user data directory, demo data, the bundled demo clip (--demo: a DEMO badge shows it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/kiosk run --demo "$@"
