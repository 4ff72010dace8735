#!/usr/bin/env bash
# GPU benchmarks (bench/gpu.py): training throughput on CUDA at batch 64/256/1024, with and without
# mixed precision, against the course notes' loop on CUDA, and GFLOP/s against a matmul on the GPU.
# About 3-4 minutes on one GPU, after a one-time install.
#
#   bash bench/gpu.sh                      # makes .venv-gpu (PyTorch's CUDA build + the project), runs
#   bash bench/gpu.sh --rounds 1 --no-app  # options go to bench/gpu.py
#   PYTHON=/path/to/python bash bench/gpu.sh   # use a Python that already has a CUDA PyTorch (offline)
#
# Environment: GPU_VENV (default .venv-gpu), TORCH_INDEX_URL (e.g. https://download.pytorch.org/whl/cu128
# for a specific CUDA version; default: PyPI, whose Linux x86_64 torch wheels are the CUDA builds).
# Exits 2 with a message when there is no NVIDIA GPU.
set -euo pipefail
cd "$(dirname "$0")/.."

no_gpu() {
    echo "bench/gpu.sh: $1" >&2
    echo "bench/gpu.sh measures CUDA only; on this machine run the CPU benchmarks: python bench/run.py" >&2
    exit 2
}

# 1. A GPU, before installing gigabytes for nothing.
if ! command -v nvidia-smi >/dev/null 2>&1; then
    no_gpu "no NVIDIA GPU found (nvidia-smi is not installed, so there is no NVIDIA driver)."
fi
if ! gpus=$(nvidia-smi -L 2>/dev/null) || ! grep -q '^GPU' <<<"$gpus"; then
    no_gpu "no NVIDIA GPU found (nvidia-smi lists none: $(nvidia-smi -L 2>&1 | head -1))."
fi
echo "$gpus"

# 2. A Python with the CUDA build of PyTorch.
has_cuda_torch() { "$1" -c 'import sys, torch; sys.exit(0 if torch.version.cuda else 1)' 2>/dev/null; }

if [[ -n "${PYTHON:-}" ]]; then
    py=$PYTHON
    has_cuda_torch "$py" || no_gpu "$py has no CUDA build of PyTorch (torch.version.cuda is None or torch is missing)."
else
    venv=${GPU_VENV:-.venv-gpu}
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
    py=$venv/bin/python
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    if ! has_cuda_torch "$py"; then
        echo "Installing PyTorch's CUDA build into $venv (a few GB, once)…"
        # A find-links folder may hold a CPU wheel that pip would prefer ("+cpu" sorts above the plain
        # version): look only at the index. PyPI's torch for Linux x86_64 is built with CUDA and pulls
        # the CUDA libraries it needs as nvidia-* wheels; no CUDA toolkit is needed, only the driver.
        PIP_FIND_LINKS= "$py" -m pip install --quiet --upgrade pip
        PIP_FIND_LINKS= "$py" -m pip install ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"} torch
        has_cuda_torch "$py" || no_gpu "the torch installed from ${TORCH_INDEX_URL:-PyPI} is a CPU-only build; set TORCH_INDEX_URL=https://download.pytorch.org/whl/cu128 (or your CUDA version) and run again."
    fi
    # The project itself (PySide6, pyqtgraph, numpy); the torch just installed satisfies its requirement.
    if ! "$py" -c 'import playground, PySide6, pyqtgraph' 2>/dev/null; then
        PIP_FIND_LINKS= "$py" -m pip install --quiet -e .
    fi
fi

"$py" -c 'import torch; print("torch", torch.__version__, "| CUDA", torch.version.cuda, "| GPU available:", torch.cuda.is_available())'

# 3. The measurements (bench/gpu.py exits 2, with the reason, if torch still cannot use the GPU).
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
exec "$py" bench/gpu.py "$@"
