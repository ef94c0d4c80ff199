"""IA3: learned vectors that rescale keys, values and the feed-forward activations.

Liu et al. 2022, "Few-Shot Parameter-Efficient Fine-Tuning is Better and Cheaper than In-Context
Learning" (T-Few): far fewer parameters than LoRA, one vector per targeted projection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, model_validator

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

# (targets, feed-forward targets) as in peft's IA3 defaults: keys, values, MLP output.
IA3_TARGETS = {
    "llama": (("k_proj", "v_proj", "down_proj"), ("down_proj",)),
    "gpt2": (("c_attn", "mlp.c_proj"), ("mlp.c_proj",)),
}


def auto_ia3_targets(model: nn.Module) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Known layouts from IA3_TARGETS; otherwise every block projection, scaling the inputs of
    those inside the MLP (feed-forward) and the outputs of the rest."""
    model_type = text_config(unwrap(model)).model_type
    if model_type in IA3_TARGETS:
        return IA3_TARGETS[model_type]
    mlp_name, _ = block_child(find_blocks(model)[1][0], "mlp")
    mlp = tuple(f"{mlp_name}.{name}" for name in projection_names(model, role="mlp"))
    attention = tuple(n for n in projection_names(model, role="attention") if n not in mlp)
    return attention + mlp, mlp


class IA3Strategy(PeftStrategy):
    """Infused adapters by inhibiting and amplifying inner activations (via peft)."""

    name: Literal["ia3"] = Field(default="ia3", description="Registry name of the strategy.")
    target_modules: Literal["auto"] | tuple[str, ...] = Field(
        default="auto",
        description="Projections whose activations get a learned scale; 'auto' uses keys, "
        "values and the MLP output per architecture (Liu et al. 2022).",
    )
    feedforward_modules: Literal["auto"] | tuple[str, ...] = Field(
        default="auto",
        description="Subset of target_modules whose input (not output) is scaled, the "
        "feed-forward ones; 'auto' together with target_modules='auto'.",
    )

    # 3e-3: Liu et al. 2022 (T-Few).
    default_learning_rate: ClassVar[float] = 3e-3

    @model_validator(mode="after")
    def _targets_consistent(self) -> IA3Strategy:
        auto = (self.target_modules == "auto", self.feedforward_modules == "auto")
        if auto[0] != auto[1]:
            raise ValueError(
                "target_modules and feedforward_modules must both be 'auto' or both be lists; "
                "give both lists (feedforward_modules a subset of target_modules)"
            )
        if not auto[0] and not set(self.feedforward_modules) <= set(self.target_modules):
            extra = sorted(set(self.feedforward_modules) - set(self.target_modules))
            raise ValueError(
                f"feedforward_modules {extra} are not in target_modules; add them there"
            )
        return self

    def resolved_targets(self, model: nn.Module) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if self.target_modules == "auto":
            return auto_ia3_targets(model)
        return self.target_modules, self.feedforward_modules

    def check_compatible(self, model: PreTrainedModel) -> None:
        targets, _ = self.resolved_targets(model)
        if not targets:
            raise StrategyError(
                f"found no projections to scale in {type(model).__name__}; set target_modules"
            )
        missing = missing_modules(model, targets)
        if missing:
            raise absent_targets_error(model, missing, "target_modules")

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        from peft import IA3Config, TaskType

        self.check_compatible(model)
        targets, feedforward = self.resolved_targets(model)
        config = IA3Config(
            task_type=TaskType.CAUSAL_LM,
            target_modules=list(targets),
            feedforward_modules=list(feedforward),
            fan_in_fan_out=targets_conv1d(model, targets),
        )
        return wrap(model, config)
