#!/usr/bin/env bash
# Build the installer: a PyInstaller one-folder bundle and an archive of it.
#
#   pip install pyinstaller && bash packaging/build.sh
#
# Run it in the environment the app is installed in (CPU torch, PySide6); PYTHON picks another
# interpreter. Output:
#   dist/nn-playground/                                  the bundle: ./nn-playground runs the app,
#                                                        ./nn-playground --selftest checks it
#   dist/nn-playground-VERSION-OS-ARCH.tar.gz            the same folder, archived
# The bundle folder also holds nn-playground.desktop, icons/ and install-desktop-entry.sh, which
# adds the app to the desktop's menu. Build outputs stay in build/ and dist/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python}
app=nn-playground
started=$(date +%s)

version=$("$python" -c "import playground; print(playground.__version__)")
os=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m)
"$python" -c "import PyInstaller" 2>/dev/null || {
    echo "error: PyInstaller is not installed for $python (pip install pyinstaller)" >&2
    exit 1
}

# The translations: resources/i18n/*.ts -> *.qm (Qt's lrelease, which PySide6 ships).
"$python" -m playground.i18n_tool build

echo "building $app $version with $("$python" -m PyInstaller --version 2>/dev/null | tail -1) ..."
"$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/$app.spec

bundle=dist/$app
# The desktop integration files live next to the executable (not inside _internal/).
cp packaging/$app.desktop packaging/install-desktop-entry.sh "$bundle/"
chmod +x "$bundle/install-desktop-entry.sh"
mkdir -p "$bundle/icons"
cp resources/icons/$app-*.png "$bundle/icons/"
built=$(date +%s)

archive=dist/$app-$version-$os-$arch.tar.gz
rm -f "$archive"
# gzip -6 is the default; pigz, where present, compresses on every core.
if command -v pigz >/dev/null 2>&1; then
    tar -C dist -cf - "$app" | pigz -6 > "$archive"
else
    tar -C dist -czf "$archive" "$app"
fi
finished=$(date +%s)

size_of() { du -sm "$1" | cut -f1; }
echo "bundle:  $bundle ($(size_of "$bundle") MB, built in $((built - started)) s)"
echo "archive: $archive ($(size_of "$archive") MB, compressed in $((finished - built)) s)"
echo "check it: $bundle/$app --selftest"
