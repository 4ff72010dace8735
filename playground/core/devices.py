"""Choosing where to train: the CPU or a CUDA GPU, with a message when a wish cannot be met."""

from __future__ import annotations

import torch


def cuda_available() -> bool:
    return torch.cuda.is_available()


def resolve_device(requested: str) -> tuple[torch.device, str | None]:
    """`auto` picks CUDA when present; `cuda` without a GPU falls back to the CPU with a message."""
    if requested == "cpu":
        return torch.device("cpu"), None
    if cuda_available():
        return torch.device("cuda"), None
    if requested == "cuda":
        return torch.device("cpu"), "CUDA was asked for but no CUDA GPU is available; training on the CPU instead."
    return torch.device("cpu"), None


def describe_device(device: torch.device) -> str:
    if device.type == "cuda":
        return f"CUDA ({torch.cuda.get_device_name(device)})"
    return f"CPU ({torch.get_num_threads()} threads)"
