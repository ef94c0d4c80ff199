"""Partial fine-tuning: only the top transformer blocks (and optionally final norm and head).

The upper layers carry the most task-specific features (Yosinski et al. 2014, "How transferable
are features in deep neural networks?"), so training only them keeps most of full fine-tuning's
effect at a fraction of the optimizer state. The artifact holds only the trained tensors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, model_validator

from training.strategies.architecture import (
    find_blocks,
    find_final_norm,
    output_head_name,
    untie_output_head,
)
from training.strategies.base import (
    TENSORS_FILE,
    StrategyConfig,
    freeze,
    load_tensors_onto,
    require_directory,
    save_tensors,
    trainable_tensors,
)
from training.strategies.errors import StrategyError

if TYPE_CHECKING:
    import torch
    from torch import nn
    from transformers import PreTrainedModel


def unfreeze_parts(model: PreTrainedModel, top_blocks: int, norm: bool, head: bool) -> None:
    """Freeze everything, then unfreeze the top `top_blocks` blocks, final norm and head."""
    freeze(model)
    if top_blocks:
        _, blocks = find_blocks(model)
        for block in blocks[len(blocks) - top_blocks :]:
            block.requires_grad_(True)
    if norm:
        final_norm = find_final_norm(model)
        if final_norm is not None:
            final_norm[1].requires_grad_(True)
    if head:
        untie_output_head(model)
        model.get_submodule(output_head_name(model)).requires_grad_(True)


def save_trained_tensors(config: StrategyConfig, model: nn.Module, directory: Path) -> None:
    require_directory(directory)
    save_tensors(trainable_tensors(model), directory / TENSORS_FILE)
    config.write_strategy_file(model, directory)


def load_trained_tensors(
    config: StrategyConfig, base_dir: Path, artifact_dir: Path, *, dtype: torch.dtype, device: str
) -> nn.Module:
    """Rebuild the trained model: base, the same structural changes as `prepare`, the tensors."""
    model = config.prepare(config.load_base(base_dir, dtype=dtype, device=device))
    load_tensors_onto(model, artifact_dir / TENSORS_FILE)
    freeze(model)
    return model.eval()


class TrainedTensorsStrategy(StrategyConfig):
    """A strategy whose artifact is the tensors it trained in place (the base stays unchanged)."""

    def save(self, model: nn.Module, directory: Path) -> None:
        save_trained_tensors(self, model, directory)

    def load(
        self, base_dir: Path, artifact_dir: Path, *, dtype: torch.dtype, device: str
    ) -> nn.Module:
        return load_trained_tensors(self, base_dir, artifact_dir, dtype=dtype, device=device)


class PartialStrategy(TrainedTensorsStrategy):
    """Train the top `top_blocks` transformer blocks; the rest of the model stays frozen."""

    name: Literal["partial"] = Field(default="partial", description="Registry name.")
    top_blocks: int = Field(
        default=2,
        ge=0,
        description="How many of the highest transformer blocks train (2: the top of a small "
        "model, where features are most task-specific, Yosinski et al. 2014).",
    )
    train_norm: bool = Field(
        default=True, description="Also train the final norm before the output head."
    )
    train_head: bool = Field(
        default=False,
        description="Also train the output head; a head tied to the input embeddings is "
        "untied first so the embeddings stay frozen.",
    )

    # 5e-5: between full fine-tuning (2e-5) and head-only; fewer layers tolerate a larger step.
    default_learning_rate: ClassVar[float] = 5e-5

    @model_validator(mode="after")
    def _trains_something(self) -> PartialStrategy:
        if self.top_blocks == 0 and not (self.train_norm or self.train_head):
            raise ValueError(
                "top_blocks=0 with train_norm and train_head off trains nothing; raise "
                "top_blocks or use strategy head_only"
            )
        return self

    def check_compatible(self, model: PreTrainedModel) -> None:
        _, blocks = find_blocks(model)
        if self.top_blocks > len(blocks):
            raise StrategyError(
                f"top_blocks={self.top_blocks} but {type(model).__name__} has only "
                f"{len(blocks)} blocks; set top_blocks to at most {len(blocks)} (or use full)"
            )
        if self.train_norm and find_final_norm(model) is None:
            raise StrategyError(
                f"train_norm is on but no final norm was found in {type(model).__name__}; "
                "set train_norm to false"
            )

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        self.check_compatible(model)
        unfreeze_parts(model, self.top_blocks, self.train_norm, self.train_head)
        return model
