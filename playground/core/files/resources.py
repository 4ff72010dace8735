"""Where the shipped resources (MNIST, presets) live, in a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder.

    Order: $NN_PLAYGROUND_RESOURCES, a PyInstaller bundle's folder, then the checkout
    (the package sits next to `resources/` in the repository and in an editable install).
    """
    override = os.environ.get("NN_PLAYGROUND_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def mnist_dir() -> Path:
    return resources_dir() / "datasets" / "mnist"


def presets_dir() -> Path:
    return resources_dir() / "presets"
