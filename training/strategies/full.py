"""Full fine-tuning: every parameter trains; the artifact is a whole Hugging Face model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from training.strategies.base import StrategyConfig, load_pretrained, require_directory

if TYPE_CHECKING:
    import torch
    from torch import nn
    from transformers import PreTrainedModel


class FullStrategy(StrategyConfig):
    """Update all weights (the baseline the parameter-efficient methods are measured against)."""

    name: Literal["full"] = Field(default="full", description="Registry name of the strategy.")

    # 2e-5: the usual full fine-tuning rate for GPT-2/Llama-size models (HF causal-LM examples).
    default_learning_rate: ClassVar[float] = 2e-5
    needs_base_model: ClassVar[bool] = False

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        for parameter in model.parameters():
            parameter.requires_grad_(True)
        return model

    def save(self, model: nn.Module, directory: Path) -> None:
        require_directory(directory)
        model.save_pretrained(directory)
        self.write_strategy_file(model, directory)

    def load(
        self, base_dir: Path | None, artifact_dir: Path, *, dtype: torch.dtype, device: str
    ) -> nn.Module:
        return load_pretrained(artifact_dir, dtype=dtype, device=device).eval()
