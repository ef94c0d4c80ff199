"""Throughput, model FLOPs utilisation (MFU) and peak memory, measured the same way everywhere.

MFU follows nanoGPT / PaLM (Chowdhery et al. 2022, appendix B): training FLOPs per token are
6N for the weight matmuls (2N forward, 4N backward) plus 12 * L * H * Q * T for attention
scores and values (L layers, H heads, Q head size, T sequence length). With the base frozen
(LoRA, adapters, prompt tuning, ...) the backward pass still computes activation gradients but
no weight gradients, so the matmul term is about 4N. N counts matmul weights only (the input
embedding is a lookup, not a matmul). The peak is the device's dense bf16/fp16 tensor-core
figure from NVIDIA's datasheets; MFU against an fp32 run is not reported.
"""

from __future__ import annotations

import re
import resource
from pathlib import Path

# Dense (no sparsity) bf16 tensor-core FLOP/s; V100 and T4 have no bf16: their fp16 figure.
# Matched as whole words of torch.cuda.get_device_name(), longest first ("H100 PCIe" before
# "H100"; "A10" matches neither "A100" nor "A10G", whose figure is not listed).
PEAK_HALF_PRECISION_FLOPS: dict[str, float] = {
    "H100 PCIe": 756e12,
    "H200": 989e12,
    "H100": 989e12,
    "A100": 312e12,
    "L40S": 362e12,
    "V100": 125e12,
    "A10": 125e12,
    "L4": 121e12,
    "T4": 65e12,
}


def peak_flops(device_name: str | None, precision: str = "bf16") -> float | None:
    """Peak FLOP/s of a CUDA device by its name, or None (CPU, fp32, or a device not listed)."""
    if device_name is None or precision not in ("bf16", "fp16"):
        return None
    for name in sorted(PEAK_HALF_PRECISION_FLOPS, key=len, reverse=True):
        if re.search(rf"\b{re.escape(name)}\b", device_name):
            return PEAK_HALF_PRECISION_FLOPS[name]
    return None


def training_flops_per_token(
    matmul_parameters: int,
    layers: int,
    heads: int,
    head_size: int,
    sequence_length: int,
    frozen_base: bool = False,
) -> float:
    """FLOPs of one training token: (6N or ~4N with a frozen base) + 12 * L * H * Q * T."""
    weight_term = (4 if frozen_base else 6) * matmul_parameters
    return weight_term + 12 * layers * heads * head_size * sequence_length


def model_flops_per_token(
    config, matmul_parameters: int, sequence_length: int, frozen_base: bool
) -> float | None:
    """training_flops_per_token from a Hugging Face config; None if it lacks the shape fields."""
    layers = getattr(config, "num_hidden_layers", None)
    heads = getattr(config, "num_attention_heads", None)
    hidden = getattr(config, "hidden_size", None)
    if not (layers and heads and hidden):
        return None
    head_size = getattr(config, "head_dim", None) or hidden // heads
    return training_flops_per_token(
        matmul_parameters, layers, heads, head_size, sequence_length, frozen_base
    )


def model_flops_utilization(
    flops_per_token: float | None, tokens_per_second: float, peak: float | None, devices: int = 1
) -> float | None:
    """Achieved FLOP/s over the peak of all devices; None when either is unknown."""
    if flops_per_token is None or peak is None or peak <= 0:
        return None
    return flops_per_token * tokens_per_second / (peak * devices)


def tokens_per_second(tokens: int, seconds: float) -> float:
    return tokens / seconds if seconds > 0 else 0.0


def peak_rss_bytes() -> int:
    """This process's peak resident memory (VmHWM, not inherited via fork; else ru_maxrss)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def peak_memory_bytes(device: str) -> int:
    """torch.cuda.max_memory_allocated on a CUDA device, else the process's peak RSS."""
    if device.startswith("cuda"):
        import torch

        return int(torch.cuda.max_memory_allocated())
    return peak_rss_bytes()


def reset_peak_memory(device: str) -> None:
    """Start CUDA peak tracking afresh (RSS peaks cannot be reset; they cover the process)."""
    if device.startswith("cuda"):
        import torch

        torch.cuda.reset_peak_memory_stats()
