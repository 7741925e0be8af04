#!/usr/bin/env bash
# One command for the self-contained one-folder bundle: dist/treatment-console/
# (treatment-console, treatment-console-cli, a desktop entry and its icon). PyInstaller runs
# from the project's .venv (or $PYTHON) and is installed there, pinned, if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
if [[ ! -x "$PY" ]]; then
  bash tools/setup.sh run
fi
# PyInstaller copies the interpreter's shared library into the bundle. Debian's python3 keeps
# it in a package of its own (libpython3.X), which a fresh machine does not have.
pylib=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("INSTSONAME") or "")')
libdir=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
if [[ -n "$pylib" && ! -e "$libdir/$pylib" ]] && ! ldconfig -p | grep -q "$pylib"; then
  pkg="libpython$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  echo "bundle: installing $pkg (the interpreter's shared library)"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$pkg"
fi
if ! "$PY" -m PyInstaller --version >/dev/null 2>&1; then
  "$PY" -m pip install --quiet -c constraints.txt pyinstaller
fi
started=$SECONDS
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/treatment-console.spec
out=dist/treatment-console
install -m 0644 packaging/linux/treatment-console.desktop "$out/treatment-console.desktop"
install -m 0644 resources/icons/treatment-console.png "$out/treatment-console.png"
install -m 0755 packaging/linux/install-desktop-entry.sh "$out/install-desktop-entry.sh"
echo "bundle: $out ($(du -sh "$out" | cut -f1), built in $((SECONDS - started)) s)"
