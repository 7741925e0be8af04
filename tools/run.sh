#!/usr/bin/env bash
# Install what is missing, then start the console on its own SQLite file in your user data
# folder (or pass --db PATH). Other arguments go to `python -m console`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh run
exec .venv/bin/python -m console "$@"
