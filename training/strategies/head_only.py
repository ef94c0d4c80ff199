"""Head-only fine-tuning: a frozen body under a trainable (untied) output head.

The cheapest baseline: a linear probe on the frozen features, in the spirit of the linear-probe
comparisons of Kumar et al. 2022 ("Fine-Tuning can Distort Pretrained Features").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from training.strategies.architecture import output_head_name
from training.strategies.partial import TrainedTensorsStrategy, unfreeze_parts

if TYPE_CHECKING:
    from torch import nn
    from transformers import PreTrainedModel


class HeadOnlyStrategy(TrainedTensorsStrategy):
    """Train only the output head; a head tied to the input embeddings is untied first."""

    name: Literal["head_only"] = Field(default="head_only", description="Registry name.")

    # 1e-3: one linear layer over fixed features tolerates a much larger step than the body.
    default_learning_rate: ClassVar[float] = 1e-3

    def check_compatible(self, model: PreTrainedModel) -> None:
        output_head_name(model)

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        self.check_compatible(model)
        unfreeze_parts(model, top_blocks=0, norm=False, head=True)
        return model
