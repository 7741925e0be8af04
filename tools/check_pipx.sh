#!/usr/bin/env bash
# `pipx install .` must give treatment-console and treatment-console-cli on PATH, with the
# resources (protocol defaults, fonts) inside the install. Installs into a throwaway
# PIPX_HOME, then runs the commands from there, outside this checkout, on a temporary database.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
# Absolute: pipx runs the interpreter it is given from folders of its own.
PY="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"
"$PY" -m pipx --version >/dev/null 2>&1 || "$PY" -m pip install --quiet -c constraints.txt pipx
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PIPX_HOME="$tmp/pipx" PIPX_BIN_DIR="$tmp/bin" PIPX_MAN_DIR="$tmp/man"
started=$SECONDS
"$PY" -m pipx install --quiet --python "$PY" --pip-args="-c $PWD/constraints.txt" "$PWD"
cd "$tmp"  # nothing of the checkout on the path from here on
run() { env -u PYTHONPATH PATH="$tmp/bin:/usr/bin:/bin" HOME="$tmp" "$@"; }
test -x "$tmp/bin/treatment-console" && test -x "$tmp/bin/treatment-console-cli"
run treatment-console-cli demo --db "$tmp/db/console.sqlite3" --patients 20 >/dev/null
run treatment-console-cli check --db "$tmp/db/console.sqlite3" | grep -q "integrity: ok"
run treatment-console check --db "$tmp/db/console.sqlite3" --json | grep -q '"ok": true'
run treatment-console-cli visits --db "$tmp/db/console.sqlite3" --limit 1 --json | grep -q '"areas"'
echo "pipx install: treatment-console and treatment-console-cli work ($((SECONDS - started)) s)"
