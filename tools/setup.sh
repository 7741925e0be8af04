#!/usr/bin/env bash
# Install what is missing: Debian packages (via apt-get, with sudo unless root) and a
# virtual environment in .venv with the console and its pinned dependencies.
# Usage: tools/setup.sh run|test
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-run}"

missing=()
while read -r kind pkg; do
  [[ -z "$kind" || "$kind" == \#* ]] && continue
  [[ "$kind" == run || "$want" == test ]] || continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < tools/debian-packages.txt

if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python="${PYTHON:-}"
if [[ -z "$python" ]]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null; then python="$candidate"; break; fi
  done
fi
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
extra=""; [[ "$want" == test ]] && extra="[test,camera]"  # CI runs the webcam tests too
stamp=".venv/.installed-$want"
if [[ ! -f "$stamp" || pyproject.toml -nt "$stamp" || constraints.txt -nt "$stamp" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e ".$extra"
  touch "$stamp"
fi
