"""Fine-tuning strategies: a registry of configs that prepare, save and load trained models.

Importing this package costs only pydantic; torch, transformers and peft load when a strategy
touches a model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from training.lineage import LINEAGE_FILE
from training.strategies.adapter import AdapterStrategy
from training.strategies.base import (
    STRATEGY_FILE,
    ParameterCount,
    StrategyConfig,
    count_parameters,
)
from training.strategies.errors import StrategyError
from training.strategies.full import FullStrategy
from training.strategies.head_only import HeadOnlyStrategy
from training.strategies.ia3 import IA3Strategy
from training.strategies.lora import LoraStrategy
from training.strategies.partial import PartialStrategy
from training.strategies.prefix import PrefixTuningStrategy
from training.strategies.prompt import PromptTuningStrategy
from training.strategies.qlora import QLoraStrategy

if TYPE_CHECKING:
    import torch
    from torch import nn

__all__ = [
    "STRATEGIES",
    "ParameterCount",
    "StrategyConfig",
    "StrategyError",
    "count_parameters",
    "load_trained_model",
    "strategy_config",
]

STRATEGIES: dict[str, type[StrategyConfig]] = {
    config.model_fields["name"].default: config
    for config in (
        FullStrategy,
        PartialStrategy,
        LoraStrategy,
        QLoraStrategy,
        AdapterStrategy,
        PromptTuningStrategy,
        PrefixTuningStrategy,
        IA3Strategy,
        HeadOnlyStrategy,
    )
}


def strategy_config(name: str, options: dict[str, Any] | None = None) -> StrategyConfig:
    """The validated config of strategy `name`; `options` may repeat the name."""
    if name not in STRATEGIES:
        raise StrategyError(f"unknown strategy {name!r}; valid strategies: {sorted(STRATEGIES)}")
    config_class = STRATEGIES[name]
    options = dict(options or {})
    if options.pop("name", name) != name:
        raise StrategyError(f"options name a different strategy than {name!r}; drop 'name'")
    try:
        return config_class(**options)
    except ValidationError as error:
        knobs = sorted(set(config_class.model_fields) - {"name"})
        problems = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or 'config'}: {e['msg']}"
            for e in error.errors()
        )
        raise StrategyError(
            f"invalid options for strategy {name!r}: {problems}; its options are {knobs}"
        ) from error


def _recorded_base(artifact_dir: Path, record: dict[str, Any]) -> Path | None:
    """The base model directory named by lineage.json, else by the strategy record."""
    lineage = artifact_dir / LINEAGE_FILE
    recorded = None
    if lineage.is_file():
        recorded = json.loads(lineage.read_text(encoding="utf-8")).get("base_model_dir")
    recorded = recorded or record.get("base_model_dir")
    if not recorded:
        return None
    path = Path(recorded)
    return path if path.is_absolute() else artifact_dir / path


def load_trained_model(
    artifact_dir: Path,
    base_dir: Path | None = None,
    *,
    dtype: torch.dtype | None = None,
    device: str = "cpu",
) -> nn.Module:
    """An eval-ready model from a training artifact (dtype None means torch.float32).

    `base_dir` defaults to the `base_model_dir` recorded in the artifact's lineage.json (or,
    failing that, in neutune_strategy.json); strategy `full` needs no base.
    """
    import torch

    artifact_dir = Path(artifact_dir)
    record_path = artifact_dir / STRATEGY_FILE
    if not record_path.is_file():
        raise StrategyError(
            f"{artifact_dir} has no {STRATEGY_FILE}; pass a directory written by a strategy's save"
        )
    record = json.loads(record_path.read_text(encoding="utf-8"))
    config = strategy_config(record["name"], record.get("config"))
    base = Path(base_dir) if base_dir is not None else _recorded_base(artifact_dir, record)
    if config.needs_base_model:
        if base is None:
            raise StrategyError(
                f"artifact {artifact_dir} (strategy {config.name}) holds only trained tensors and "
                "records no base model (no lineage.json base_model_dir); pass base_dir"
            )
        if not base.is_dir():
            raise StrategyError(
                f"base model directory {base} for artifact {artifact_dir} does not exist; pass "
                "base_dir pointing at the base model the artifact was trained from"
            )
    return config.load(base, artifact_dir, dtype=dtype or torch.float32, device=device)
