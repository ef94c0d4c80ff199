"""Saving and loading peft-wrapped models (LoRA, QLoRA, prompt, prefix, IA3) as artifacts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from training.strategies.base import StrategyConfig, require_directory
from training.strategies.errors import StrategyError

if TYPE_CHECKING:
    import torch
    from peft import PeftConfig
    from torch import nn

PEFT_CONFIG_FILE = "adapter_config.json"


def wrap(model: nn.Module, peft_config: PeftConfig) -> nn.Module:
    from peft import get_peft_model

    return get_peft_model(model, peft_config)


def save_peft(config: StrategyConfig, model: nn.Module, directory: Path) -> None:
    """peft's own adapter files (safetensors + adapter_config.json) and the strategy record."""
    require_directory(directory)
    if not hasattr(model, "peft_config"):
        raise StrategyError(
            f"strategy {config.name} saves a peft model but got {type(model).__name__}; pass "
            "the module returned by prepare()"
        )
    model.save_pretrained(directory, safe_serialization=True)
    (directory / "README.md").unlink(missing_ok=True)  # peft's stub card; the recipe writes one
    config.write_strategy_file(model, directory)


def load_peft(
    base: nn.Module, artifact_dir: Path, peft_config: PeftConfig | None = None
) -> nn.Module:
    """The base with the saved adapter applied, frozen and in eval mode."""
    from peft import PeftModel

    if not (artifact_dir / PEFT_CONFIG_FILE).is_file():
        raise StrategyError(
            f"{artifact_dir} has no {PEFT_CONFIG_FILE}; it was not written by a peft strategy"
        )
    model = PeftModel.from_pretrained(base, artifact_dir, config=peft_config, is_trainable=False)
    return model.eval()


def saved_peft_config(artifact_dir: Path) -> PeftConfig:
    from peft import PeftConfig

    return PeftConfig.from_pretrained(artifact_dir)


class PeftStrategy(StrategyConfig):
    """A strategy whose artifact is a peft adapter: saved and loaded with peft's own files."""

    def save(self, model: nn.Module, directory: Path) -> None:
        save_peft(self, model, directory)

    def load(
        self, base_dir: Path, artifact_dir: Path, *, dtype: torch.dtype, device: str
    ) -> nn.Module:
        return load_peft(self.load_base(base_dir, dtype=dtype, device=device), artifact_dir)
