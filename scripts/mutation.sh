#!/usr/bin/env bash
# Mutation testing of the rule modules (mutmut; docs/testing.md §5). Report: build/mutation/report.md.
#   bash scripts/mutation.sh                 # every group, one worker process (~15 min on 2 cores)
#   bash scripts/mutation.sh gate xml0       # some groups
#   MUTATION_WORKERS=2 bash scripts/mutation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/mutmut ]; then
  echo "mutation: mutmut is missing; run: bash scripts/setup.sh --test" >&2
  exit 2
fi
exec .venv/bin/python scripts/mutation.py --workers "${MUTATION_WORKERS:-1}" "$@"
