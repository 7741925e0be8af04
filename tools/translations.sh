#!/usr/bin/env bash
# Collect the UI's marked strings into resources/translations/console_<lang>.ts
# (pyside6-lupdate keeps the translations already made) and compile them to .qm (lrelease).
# Usage: tools/translations.sh [path/to/venv/bin]   (default: .venv/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.venv/bin}
files=$(find console/ui -name '*.py' | sort)
for ts in resources/translations/console_*.ts; do
    # shellcheck disable=SC2086
    "$bin/pyside6-lupdate" -no-obsolete $files -ts "$ts"
    lang=${ts##*console_}; lang=${lang%.ts}
    # The translations themselves are data in tools/translations_<lang>.py.
    "$bin/python" "tools/translations_$lang.py"
    "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
