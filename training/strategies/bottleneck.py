"""The bottleneck adapter module (imports torch; loaded only when the adapter strategy runs)."""

from __future__ import annotations

import torch
from torch import nn

ACTIVATIONS = {"relu": nn.ReLU, "gelu": nn.GELU, "silu": nn.SiLU}


class BottleneckAdapter(nn.Module):
    """h + up(act(down(h))); `up` starts at zero so the adapted model starts unchanged.

    Args:
        hidden: model width (input and output size).
        bottleneck: adapter width.
        activation: key of ACTIVATIONS.
        like: a parameter of the wrapped module, whose dtype and device the adapter takes.
    """

    def __init__(self, hidden: int, bottleneck: int, activation: str, like: torch.Tensor):
        super().__init__()
        factory = {"dtype": like.dtype, "device": like.device}
        self.down = nn.Linear(hidden, bottleneck, **factory)
        self.activation = ACTIVATIONS[activation]()
        self.up = nn.Linear(bottleneck, hidden, **factory)
        nn.init.zeros_(self.up.weight)
        nn.init.zeros_(self.up.bias)

    def forward(self, hidden_states: torch.Tensor) -> torch.Tensor:  # [batch, seq, hidden]
        return hidden_states + self.up(self.activation(self.down(hidden_states)))


def apply_adapter_hook(module: nn.Module, _args: tuple, output):
    """Forward hook: attention returns (hidden, weights, ...), the MLP a bare tensor."""
    adapter = module.bottleneck_adapter
    if isinstance(output, tuple):
        return (adapter(output[0]), *output[1:])
    return adapter(output)
