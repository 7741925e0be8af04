#!/usr/bin/env bash
# Put the bundle's app in this user's desktop menu (no root needed): run it from the bundle
# folder, wherever that was unpacked. Undo: delete the two files it names.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
install -m 0644 "$here/treatment-console.png" "$icons/treatment-console.png"
sed "s|^Exec=.*|Exec=\"$here/treatment-console\"|" "$here/treatment-console.desktop" \
  > "$apps/treatment-console.desktop"
echo "added $apps/treatment-console.desktop and $icons/treatment-console.png"
