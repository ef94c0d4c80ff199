"""Bottleneck adapters: small residual MLPs inserted after attention and/or the MLP of each block.

Houlsby et al. 2019, "Parameter-Efficient Transfer Learning for NLP" (both places); Pfeiffer et
al. 2020, "AdapterFusion" (after the MLP only, as good at half the cost, the default here).
Each adapter is attached as a child of the wrapped submodule and applied by a forward hook on
it, so base weight names, attention attributes and class checks stay untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, model_validator

from training.strategies.architecture import block_child, find_blocks, text_config, unwrap
from training.strategies.base import (
    TENSORS_FILE,
    StrategyConfig,
    freeze,
    load_tensors_onto,
    require_directory,
    save_tensors,
)
from training.strategies.errors import StrategyError

if TYPE_CHECKING:
    import torch
    from torch import nn
    from transformers import PreTrainedModel

ADAPTER_ATTRIBUTE = "bottleneck_adapter"  # the child name bottleneck.apply_adapter_hook reads


class AdapterStrategy(StrategyConfig):
    """Train bottleneck adapters in every block; all base weights stay frozen."""

    name: Literal["adapter"] = Field(default="adapter", description="Registry name.")
    bottleneck_size: int = Field(
        default=64, ge=1, description="Width of the adapter's hidden layer (64: Houlsby 2019)."
    )
    activation: Literal["relu", "gelu", "silu"] = Field(
        default="relu", description="Non-linearity between down- and up-projection (Pfeiffer)."
    )
    after_attention: bool = Field(
        default=False, description="Insert an adapter after each attention (Houlsby placement)."
    )
    after_mlp: bool = Field(
        default=True, description="Insert an adapter after each MLP (Houlsby and Pfeiffer)."
    )

    # 1e-4: Pfeiffer et al. 2020 (Houlsby et al. 2019 swept 3e-5..3e-3).
    default_learning_rate: ClassVar[float] = 1e-4

    @model_validator(mode="after")
    def _places_something(self) -> AdapterStrategy:
        if not (self.after_attention or self.after_mlp):
            raise ValueError(
                "after_attention and after_mlp are both off, so no adapter would be inserted; "
                "turn on at least one"
            )
        return self

    def _roles(self) -> list[str]:
        return [r for r, on in (("attention", self.after_attention), ("mlp", self.after_mlp)) if on]

    def check_compatible(self, model: PreTrainedModel) -> None:
        _, blocks = find_blocks(model)
        for role in self._roles():
            _, child = block_child(blocks[0], role)
            if hasattr(child, ADAPTER_ATTRIBUTE):
                raise StrategyError(
                    "this model already has bottleneck adapters; load a fresh base model"
                )

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        from training.strategies.bottleneck import BottleneckAdapter, apply_adapter_hook

        self.check_compatible(model)
        freeze(model)
        hidden = text_config(model).hidden_size
        _, blocks = find_blocks(model)
        for block in blocks:
            for role in self._roles():
                _, child = block_child(block, role)
                like = next(child.parameters())
                adapter = BottleneckAdapter(hidden, self.bottleneck_size, self.activation, like)
                child.add_module(ADAPTER_ATTRIBUTE, adapter)
                child.register_forward_hook(apply_adapter_hook)
        return model

    def save(self, model: nn.Module, directory: Path) -> None:
        require_directory(directory)
        marker = f".{ADAPTER_ATTRIBUTE}."
        tensors = {n: p for n, p in unwrap(model).named_parameters() if marker in n}
        if not tensors:
            raise StrategyError(
                "the model has no bottleneck adapters; pass the module returned by prepare()"
            )
        save_tensors(tensors, directory / TENSORS_FILE)
        self.write_strategy_file(model, directory)

    def load(
        self, base_dir: Path, artifact_dir: Path, *, dtype: torch.dtype, device: str
    ) -> nn.Module:
        model = self.prepare(self.load_base(base_dir, dtype=dtype, device=device))
        load_tensors_onto(model, artifact_dir / TENSORS_FILE)
        freeze(model)
        return model.eval()
