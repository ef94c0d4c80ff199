"""LoRA: frozen weights plus trainable low-rank updates B·A on chosen projections.

Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models"; rank-stabilised scaling
from Kalajdzievski 2023 (rsLoRA); weight decomposition from Liu et al. 2024 (DoRA).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from training.strategies.architecture import (
    absent_targets_error,
    block_child,
    find_blocks,
    missing_modules,
    projection_names,
    targets_conv1d,
    text_config,
    unwrap,
)
from training.strategies.errors import StrategyError
from training.strategies.peft_artifacts import PeftStrategy, wrap

if TYPE_CHECKING:
    from torch import nn
    from transformers import PreTrainedModel

ATTENTION_TARGETS = {
    "llama": ("q_proj", "k_proj", "v_proj", "o_proj"),
    "gpt2": ("c_attn", "attn.c_proj"),
}
MLP_TARGETS = {
    "llama": ("gate_proj", "up_proj", "down_proj"),
    "gpt2": ("c_fc", "mlp.c_proj"),
}


def auto_lora_targets(model: nn.Module, with_mlp: bool) -> tuple[str, ...]:
    """Attention projections (and MLP ones with `with_mlp`) for known layouts, else every
    projection inside the blocks (inside attention only, when one is found and not `with_mlp`)."""
    model_type = text_config(unwrap(model)).model_type
    if model_type in ATTENTION_TARGETS:
        return ATTENTION_TARGETS[model_type] + (MLP_TARGETS[model_type] if with_mlp else ())
    if not with_mlp:
        try:
            block_child(find_blocks(model)[1][0], "attention")
            return tuple(projection_names(model, role="attention"))
        except StrategyError:
            pass
    return tuple(projection_names(model))


class LoraStrategy(PeftStrategy):
    """Low-rank adapters on the attention (and optionally MLP) projections, via peft."""

    name: Literal["lora"] = Field(default="lora", description="Registry name of the strategy.")
    r: int = Field(
        default=8, ge=1, description="Rank of the update (8: Hu et al. 2021 found 4-8 enough)."
    )
    alpha: int = Field(
        default=16,
        ge=1,
        description="Scale numerator: the update is multiplied by alpha/r (alpha/sqrt(r) with "
        "rsLoRA); 16, as in the QLoRA and peft examples.",
    )
    dropout: float = Field(
        default=0.1,
        ge=0.0,
        lt=1.0,
        description="Dropout on the LoRA input (0.1: Hu et al. 2021 for GPT-2; Dettmers et al. "
        "2023 for models up to 13B).",
    )
    target_modules: Literal["auto"] | tuple[str, ...] = Field(
        default="auto",
        description="Module names (or dotted suffixes) to adapt; 'auto' picks the attention "
        "projections per architecture (Llama q/k/v/o, GPT-2 c_attn/attn.c_proj, else all "
        "projections in the blocks).",
    )
    target_mlp: bool = Field(
        default=False,
        description="With target_modules='auto', also adapt the MLP projections (Llama "
        "gate/up/down, GPT-2 c_fc/mlp.c_proj); Hu et al. 2021 adapted attention only.",
    )
    use_rslora: bool = Field(
        default=False, description="Scale by alpha/sqrt(r) (Kalajdzievski 2023), stable at high r."
    )
    use_dora: bool = Field(
        default=False,
        description="Decompose into magnitude and direction (Liu et al. 2024, DoRA); slower.",
    )

    # 2e-4: Hu et al. 2021 (GPT-2 E2E) and the peft examples.
    default_learning_rate: ClassVar[float] = 2e-4

    def resolved_targets(self, model: nn.Module) -> tuple[str, ...]:
        if self.target_modules == "auto":
            return auto_lora_targets(model, self.target_mlp)
        return self.target_modules

    def check_compatible(self, model: PreTrainedModel) -> None:
        targets = self.resolved_targets(model)
        if not targets:
            raise StrategyError(
                f"found no projections to adapt in {type(model).__name__}; set target_modules "
                "to the names of its linear layers"
            )
        missing = missing_modules(model, targets)
        if missing:
            raise absent_targets_error(model, missing, "target_modules")

    def peft_config(self, model: nn.Module):
        from peft import LoraConfig, TaskType

        targets = self.resolved_targets(model)
        return LoraConfig(
            task_type=TaskType.CAUSAL_LM,
            r=self.r,
            lora_alpha=self.alpha,
            lora_dropout=self.dropout,
            target_modules=list(targets),
            fan_in_fan_out=targets_conv1d(model, targets),
            use_rslora=self.use_rslora,
            use_dora=self.use_dora,
        )

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        self.check_compatible(model)
        return wrap(model, self.peft_config(model))
