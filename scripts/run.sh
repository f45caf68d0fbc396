#!/usr/bin/env bash
# Installs the kiosk (if needed) and starts it on its embedded defaults:
# SQLite in the per-user data directory, demo data, and the bundled demo clip when no camera is configured.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/kiosk run "$@"
