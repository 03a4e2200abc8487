#!/usr/bin/env bash
# Run pytest; exit code 5 (no tests collected) counts as a failure, with a clear message.
set -u
cd "$(dirname "$0")/.."
.venv/bin/pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure for Duiding's suite"
  exit 1
fi
exit "$rc"
