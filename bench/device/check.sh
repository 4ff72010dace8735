#!/usr/bin/env bash
# One device call (run from the repository root, carrying .gpu from bench/device/make_carry.sh):
# CUDA tests, bench/gpu.sh, then the whole suite with a GPU present. MODE=window instead runs the real
# window training on the GPU and on the CPU (bench/device/drive_window.py) with Python tracebacks on a crash.
# Qt (trimmed PySide6 + pyqtgraph) and the X/GL/font libraries the device image may lack travel in .gpu/.
# The language tests also need the compiled catalogue: build it here (python -m playground.i18n_tool build)
# and name resources/i18n/nn_playground_zh_CN.qm in carry too; tests that start `python -m playground`
# in a subprocess need the package installed, which the device's image is not.
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
t0=$(date +%s)
{
nvidia-smi -L; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm --format=csv
python3 -c 'import torch, numpy; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available(), "numpy", numpy.__version__)'
nproc; grep -m1 "model name" /proc/cpuinfo; head -2 /etc/os-release
} 2>&1 | tee "$OUT/machine.txt"
mkdir -p /tmp/sys /tmp/fallback
for f in .gpu/debs/*.deb; do dpkg -x "$f" /tmp/sys; done
for so in /tmp/sys/usr/lib/x86_64-linux-gnu/*.so.* /tmp/sys/lib/x86_64-linux-gnu/*.so.*; do
  n=$(basename "$so"); ldconfig -p | grep -q "^[[:space:]]$n " || ln -sf "$so" /tmp/fallback/
done
echo "libs taken from .gpu/debs: $(ls /tmp/fallback | tr '\n' ' ')" | tee -a "$OUT/machine.txt"
if [ ! -e /etc/fonts/fonts.conf ]; then
  mkdir -p /tmp/fc; printf '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/tmp/sys/usr/share/fonts</dir><cachedir>/tmp/fc</cachedir></fontconfig>\n' > /tmp/fc/fonts.conf
  export FONTCONFIG_FILE=/tmp/fc/fonts.conf
fi
tar -xJf .gpu/qt-site.tar.xz -C /tmp
export PYTHONPATH=/tmp/site:$PWD LD_LIBRARY_PATH=/tmp/fallback QT_QPA_PLATFORM=offscreen
NOAPP=
python3 -c 'from PySide6.QtWidgets import QApplication; import pyqtgraph; a = QApplication([]); from PySide6.QtGui import QFontDatabase; print("Qt ok, fonts:", QFontDatabase.families()[:3])' 2>&1 | tee "$OUT/qt.txt" | tail -3
grep -q "Qt ok" "$OUT/qt.txt" || NOAPP=--no-app
if [ "${MODE:-}" = window ]; then
  for device in cuda cpu; do
    echo "== the window training on $device"
    D_DEVICE=$device timeout 90 python3 -X faulthandler bench/device/drive_window.py > "$OUT/window_$device.txt" 2>&1
    echo "rc $?" >> "$OUT/window_$device.txt"; grep -v propagateSizeHints "$OUT/window_$device.txt" | tail -25
  done
  exit 0
fi
echo "== tests/cuda ($(($(date +%s)-t0)) s)"
set -o pipefail
timeout 200 python3 -m pytest tests/cuda -v -rA -p no:cacheprovider 2>&1 | tee "$OUT/pytest_cuda.txt" | tail -25
echo "== bench/gpu.sh ($(($(date +%s)-t0)) s)"
s=$(date +%s)
PYTHON=python3 timeout 330 bash bench/gpu.sh $NOAPP --out "$OUT/gpu.json" 2>&1 | tee "$OUT/gpu_bench.txt" | tail -22
echo "bench/gpu.sh took $(($(date +%s)-s)) s, rc ${PIPESTATUS[0]}" | tee -a "$OUT/gpu_bench.txt"
left=$(( ${BUDGET:-500} - ($(date +%s)-t0) - 15 ))
echo "== whole suite with a GPU present, $left s left"
if [ "$left" -gt 60 ]; then
  timeout $left python3 -m pytest -q -p no:cacheprovider -p pytestqt.plugin -n 8 tests --ignore=tests/cuda 2>&1 | tee "$OUT/pytest_all.txt" | tail -30
fi
echo "== done in $(($(date +%s)-t0)) s"
