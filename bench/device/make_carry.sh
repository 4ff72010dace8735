#!/usr/bin/env bash
# Builds .gpu/ (ignored by git) for a lent GPU machine whose image has CUDA PyTorch but no Qt:
# a trimmed PySide6 + shiboken6 + pyqtgraph + pytest-qt (~25 MB as .tar.xz, under the 64 MiB a call
# may carry) and the X/GL/font libraries such an image may lack, as Debian packages.
#   bash bench/device/make_carry.sh [VENV]     # VENV: where PySide6 is installed (default: .ci-venv)
# Then, on the device: bash bench/device/check.sh   (carry .gpu)
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${1:-.ci-venv}
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
mkdir -p .git/info && (grep -qx "/.gpu/" .git/info/exclude 2>/dev/null || echo "/.gpu/" >> .git/info/exclude)
rm -rf .gpu /tmp/gpu-carry && mkdir -p .gpu/debs /tmp/gpu-carry/site/PySide6/Qt/lib /tmp/gpu-carry/site/PySide6/Qt/plugins/platforms
T=/tmp/gpu-carry/site/PySide6
(cd "$site/PySide6" && cp -a __init__.py _config.py _git_pyside_version.py py.typed support libpyside6.abi3.so.* "$T/"
 for m in QtCore QtGui QtWidgets QtSvg QtOpenGL QtOpenGLWidgets QtTest; do cp -a $m.abi3.so "$T/"; done
 for l in Core Gui Widgets DBus OpenGL OpenGLWidgets Svg Test; do cp -a Qt/lib/libQt6$l.so.6 "$T/Qt/lib/"; done
 cp -a Qt/lib/libicu*.so.* "$T/Qt/lib/"; cp -a Qt/plugins/platforms/libqoffscreen.so "$T/Qt/plugins/platforms/"
 cp -a Qt/plugins/imageformats "$T/Qt/plugins/")
cp -a "$site/shiboken6" "$site/pyqtgraph" "$site/pytestqt" /tmp/gpu-carry/site/
find /tmp/gpu-carry -name __pycache__ -prune -exec rm -rf {} +
tar -C /tmp/gpu-carry -cJf .gpu/qt-site.tar.xz site
# The libraries Qt's offscreen platform loads that a CUDA image may not have (Debian 12 builds run on
# newer glibc; check.sh links only those the device lacks).
(cd .gpu/debs && apt-get download libegl1 libgl1 libglx0 libglvnd0 libopengl0 libgles2 libx11-6 libx11-data \
   libxcb1 libxau6 libxdmcp6 libxkbcommon0 libfontconfig1 fontconfig-config libfreetype6 libglib2.0-0 \
   libdbus-1-3 libpng16-16 libbrotli1 libexpat1 libbsd0 libmd0 libpcre2-8-0 fonts-dejavu-core)
du -sh .gpu
