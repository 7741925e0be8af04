#!/usr/bin/env bash
# The whole test suite, headless: lint, types, layering contracts, then pytest.
# Installs whatever is missing first. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh test
py=.venv/bin/python
echo "== ruff";         $py -m ruff check .
                        $py -m ruff format --check .
echo "== mypy";         $py -m mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
set +e
QT_QPA_PLATFORM=offscreen $py -m pytest "$@"
status=$?
set -e
if [[ $status -eq 5 ]]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit $status
