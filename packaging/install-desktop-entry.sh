#!/usr/bin/env sh
# Add nn-playground to the desktop's application menu (for this user): run it from the unpacked
# bundle folder. It writes the .desktop entry (pointing at this folder's executable) to
# $XDG_DATA_HOME/applications and the icons to $XDG_DATA_HOME/icons/hicolor; nothing else.
# Remove them again with:  ./install-desktop-entry.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/nn-playground.desktop"

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$entry"
    for icon in "$data"/icons/hicolor/*/apps/nn-playground.png; do
        [ -e "$icon" ] && rm -f "$icon"
    done
    echo "removed $entry and the icons"
    exit 0
fi

if [ ! -x "$here/nn-playground" ]; then
    echo "error: run this script from the unpacked nn-playground folder (no executable in $here)" >&2
    exit 1
fi
mkdir -p "$data/applications"
for png in "$here"/icons/nn-playground-*.png; do
    size=$(basename "$png" .png)
    size=${size#nn-playground-}
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$data/icons/hicolor/${size}x${size}/apps/nn-playground.png"
done
# Exec with the absolute path, quoted as the Desktop Entry spec asks (the folder may contain spaces).
exec_path=$(printf '%s' "$here/nn-playground" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g')
{
    sed '/^Exec=/d' "$here/nn-playground.desktop"
    printf 'Exec="%s"\n' "$exec_path"
} > "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
echo "installed $entry (runs $here/nn-playground)"
