"""Prompt tuning: trainable virtual-token embeddings prepended to every input, model frozen.

Lester et al. 2021, "The Power of Scale for Parameter-Efficient Prompt Tuning": initialising the
prompt from the embeddings of real words beats random initialisation.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from training.strategies.architecture import context_length, unwrap
from training.strategies.errors import StrategyError
from training.strategies.peft_artifacts import PeftStrategy, load_peft, saved_peft_config, wrap

if TYPE_CHECKING:
    import torch
    from torch import nn
    from transformers import PreTrainedModel

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json")


def check_virtual_tokens(model: nn.Module, num_virtual_tokens: int) -> None:
    limit = context_length(model)
    if limit is not None and num_virtual_tokens >= limit:
        raise StrategyError(
            f"num_virtual_tokens={num_virtual_tokens} fills the model's whole context of {limit} "
            f"positions; set num_virtual_tokens well below {limit} (leave room for the text)"
        )


class PromptTuningStrategy(PeftStrategy):
    """Learn `num_virtual_tokens` input embeddings (a soft prompt) in front of every sequence."""

    name: Literal["prompt"] = Field(default="prompt", description="Registry name.")
    num_virtual_tokens: int = Field(
        default=20, ge=1, description="Length of the soft prompt (20: Lester et al. 2021)."
    )
    init: Literal["text", "random"] = Field(
        default="text",
        description="Start from the embeddings of `init_text` (needs the tokenizer in the base "
        "model directory) or from random vectors; Lester et al. 2021 found text init better.",
    )
    init_text: str = Field(
        default="Continue the following text in the same style:",
        min_length=1,
        description="Text whose token embeddings (repeated or cut to num_virtual_tokens) start "
        "the prompt when init='text'.",
    )

    # 0.3: Lester et al. 2021 (Adafactor on T5); soft prompts need very large steps.
    default_learning_rate: ClassVar[float] = 0.3

    def tokenizer_dir(self, model: nn.Module) -> Path:
        directory = Path(getattr(unwrap(model), "name_or_path", "") or ".")
        if not any((directory / name).is_file() for name in TOKENIZER_FILES):
            raise StrategyError(
                f"init='text' needs a tokenizer in the base model directory {directory}, which "
                "has none; save the tokenizer there or set init to 'random'"
            )
        return directory

    @property
    def virtual_tokens(self) -> int:
        return self.num_virtual_tokens

    def check_compatible(self, model: PreTrainedModel) -> None:
        check_virtual_tokens(model, self.num_virtual_tokens)
        if self.init == "text":
            self.tokenizer_dir(model)

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        from peft import PromptTuningConfig, PromptTuningInit, TaskType

        self.check_compatible(model)
        text = {}
        if self.init == "text":
            text = {
                "prompt_tuning_init_text": self.init_text,
                "tokenizer_name_or_path": str(self.tokenizer_dir(model)),
            }
        config = PromptTuningConfig(
            task_type=TaskType.CAUSAL_LM,
            num_virtual_tokens=self.num_virtual_tokens,
            prompt_tuning_init=PromptTuningInit.TEXT if self.init == "text" else "RANDOM",
            **text,
        )
        return wrap(model, config)

    def load(
        self, base_dir: Path, artifact_dir: Path, *, dtype: torch.dtype, device: str
    ) -> nn.Module:
        from peft import PromptTuningInit

        # The saved embeddings replace any initialisation, so skip re-reading the tokenizer.
        config = saved_peft_config(artifact_dir)
        config.prompt_tuning_init = PromptTuningInit.RANDOM
        config.prompt_tuning_init_text = None
        config.tokenizer_name_or_path = None
        return load_peft(self.load_base(base_dir, dtype=dtype, device=device), artifact_dir, config)
