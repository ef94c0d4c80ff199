"""Prefix tuning: trainable key/value vectors prepended in every attention layer, model frozen.

Li & Liang 2021, "Prefix-Tuning: Optimizing Continuous Prompts for Generation"; the prefix is
reparametrised through an MLP during training for stability.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from training.strategies.architecture import text_config
from training.strategies.peft_artifacts import PeftStrategy, wrap
from training.strategies.prompt import check_virtual_tokens

if TYPE_CHECKING:
    from torch import nn
    from transformers import PreTrainedModel


class PrefixTuningStrategy(PeftStrategy):
    """Learn `num_virtual_tokens` past key/value pairs per layer (via peft)."""

    name: Literal["prefix"] = Field(default="prefix", description="Registry name.")
    num_virtual_tokens: int = Field(
        default=10, ge=1, description="Prefix length (10: Li & Liang 2021, table-to-text)."
    )
    projection: bool = Field(
        default=True,
        description="Reparametrise the prefix through a two-layer MLP while training (Li & "
        "Liang 2021: direct optimisation is unstable); adds parameters.",
    )
    encoder_hidden_size: int | None = Field(
        default=None,
        ge=1,
        description="Width of the projection MLP; None uses the model's hidden size.",
    )

    # 5e-5: Li & Liang 2021 (GPT-2, table-to-text).
    default_learning_rate: ClassVar[float] = 5e-5

    @property
    def virtual_tokens(self) -> int:
        return self.num_virtual_tokens

    def check_compatible(self, model: PreTrainedModel) -> None:
        check_virtual_tokens(model, self.num_virtual_tokens)

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        from peft import PrefixTuningConfig, TaskType

        self.check_compatible(model)
        config = PrefixTuningConfig(
            task_type=TaskType.CAUSAL_LM,
            num_virtual_tokens=self.num_virtual_tokens,
            prefix_projection=self.projection,
            encoder_hidden_size=self.encoder_hidden_size or text_config(model).hidden_size,
        )
        return wrap(model, config)
