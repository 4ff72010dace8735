"""Choosing where to train: the CPU or a CUDA GPU, with a message when a wish cannot be met."""

from __future__ import annotations

import torch

from playground.core.i18n import N_, tr


def cuda_available() -> bool:
    return torch.cuda.is_available()


def resolve_device(requested: str) -> tuple[torch.device, str | None]:
    """`auto` picks CUDA when present; `cuda` without a GPU falls back to the CPU with a message."""
    if requested == "cpu":
        return torch.device("cpu"), None
    if cuda_available():
        return torch.device("cuda"), None
    if requested == "cuda":
        return torch.device("cpu"), tr("CUDA was asked for but no CUDA GPU is available; training on the CPU instead.")
    return torch.device("cpu"), None


def device_text(device: torch.device) -> tuple[str, dict[str, object]]:
    """What `describe_device` says, as an English template and its values (to be said in any language)."""
    if device.type == "cuda":
        return "CUDA ({name})", {"name": torch.cuda.get_device_name(device)}
    return N_("CPU ({threads} threads)"), {"threads": torch.get_num_threads()}


def describe_device(device: torch.device) -> str:
    source, values = device_text(device)
    return tr(source).format(**values)
