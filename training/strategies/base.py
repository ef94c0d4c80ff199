"""The strategy contract and the helpers the strategies share.

A strategy is a frozen pydantic config that knows how to turn a base model into the module to
train (`prepare`), how to write only what training changed (`save`) and how to rebuild an
eval-ready model from the base plus that artifact (`load`). Torch, transformers and peft are
imported inside the methods so validating a strategy config costs only pydantic.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from corpus.atomic_files import write_bytes_atomic, write_text_atomic
from training.strategies.architecture import unwrap
from training.strategies.errors import StrategyError

if TYPE_CHECKING:
    import torch
    from torch import nn
    from transformers import PreTrainedModel

STRATEGY_FILE = "neutune_strategy.json"
TENSORS_FILE = "trained_tensors.safetensors"


class ParameterCount(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    trainable: int = Field(description="Parameters that receive gradients.")
    total: int = Field(description="All parameters, shared ones counted once, 4-bit unpacked.")

    @property
    def trainable_fraction(self) -> float:
        return self.trainable / self.total if self.total else 0.0


def count_parameters(model: nn.Module) -> ParameterCount:
    """Trainable and total parameters; a peft wrapper counts its prompt encoder and adapters."""
    counter = getattr(model, "get_nb_trainable_parameters", None)
    if callable(counter):
        trainable, total = counter()
        return ParameterCount(trainable=trainable, total=total)
    trainable = total = 0
    for parameter in model.parameters():
        count = parameter.numel()
        if type(parameter).__name__ == "Params4bit":  # two 4-bit values per stored byte
            count *= 2 * parameter.element_size()
        total += count
        trainable += count if parameter.requires_grad else 0
    return ParameterCount(trainable=trainable, total=total)


class StrategyConfig(BaseModel):
    """Base of every strategy config; subclasses fix `name` with a Literal and implement the
    three abstract methods (pydantic's metaclass is an ABCMeta, so a subclass missing one cannot
    be instantiated)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="Registry name of the strategy.")

    default_learning_rate: ClassVar[float]
    needs_base_model: ClassVar[bool] = True  # False when the artifact is a whole model

    @property
    def virtual_tokens(self) -> int:
        """Positions the strategy adds in front of every sequence (block_size must leave room)."""
        return 0

    def load_base(self, base_dir: Path, *, dtype: torch.dtype, device: str) -> PreTrainedModel:
        """The base model from a standard HF directory (safetensors only: never unpickles)."""
        return load_pretrained(base_dir, dtype=dtype, device=device)

    def check_compatible(self, model: PreTrainedModel) -> None:
        """Raise StrategyError when this config cannot apply to `model`; nothing by default."""

    @abstractmethod
    def prepare(self, model: PreTrainedModel) -> nn.Module:
        """Freeze or wrap `model`; return the module to train."""

    @abstractmethod
    def save(self, model: nn.Module, directory: Path) -> None:
        """Write what training changed (and the strategy file) into an existing empty folder."""

    @abstractmethod
    def load(
        self, base_dir: Path, artifact_dir: Path, *, dtype: torch.dtype, device: str
    ) -> nn.Module:
        """The eval-ready model: the base from `base_dir` plus the artifact."""

    def write_strategy_file(self, model: nn.Module, directory: Path) -> None:
        """Write `neutune_strategy.json`: the config and the base directory the model came from."""
        base = getattr(unwrap(model), "name_or_path", "") or ""
        record = {
            "name": self.name,
            "config": self.model_dump(mode="json"),
            "base_model_dir": str(Path(base).resolve()) if base and Path(base).is_dir() else None,
        }
        write_text_atomic(directory / STRATEGY_FILE, json.dumps(record, indent=2) + "\n")


def require_directory(directory: Path) -> None:
    if not directory.is_dir():
        raise StrategyError(
            f"artifact directory {directory} does not exist; create it (empty) before saving"
        )


def load_pretrained(directory: Path, *, dtype: torch.dtype, device: str, **kwargs: Any):
    from transformers import AutoModelForCausalLM

    if not (directory / "config.json").is_file():
        raise StrategyError(
            f"{directory} is not a Hugging Face model directory (no config.json); pass the "
            "directory written by the base-model step or by save_pretrained"
        )
    try:
        model = AutoModelForCausalLM.from_pretrained(
            directory, dtype=dtype, use_safetensors=True, **kwargs
        )
    except OSError as error:
        raise StrategyError(
            f"cannot load {directory}: {error}; the directory must hold safetensors weights "
            "(convert .bin checkpoints with save_pretrained first)"
        ) from error
    return model if "device_map" in kwargs else model.to(device)


def save_tensors(tensors: dict[str, torch.Tensor], path: Path) -> None:
    from safetensors.torch import save

    plain = {name: tensor.detach().cpu().contiguous() for name, tensor in tensors.items()}
    write_bytes_atomic(path, save(plain, metadata={"format": "pt"}))


def trainable_tensors(model: nn.Module) -> dict[str, torch.Tensor]:
    return {name: p for name, p in unwrap(model).named_parameters() if p.requires_grad}


def load_tensors_onto(model: nn.Module, path: Path) -> None:
    """Copy saved tensors into a prepared `model`: exactly its trainable parameters."""
    from safetensors.torch import load_file

    if not path.is_file():
        raise StrategyError(f"{path} is missing; the artifact was not written by this strategy")
    tensors = load_file(path)
    unexpected = model.load_state_dict(tensors, strict=False).unexpected_keys
    absent = sorted(set(trainable_tensors(model)) - set(tensors))
    if unexpected or absent:
        raise StrategyError(
            f"{path} does not fit this model (unexpected {unexpected[:5]}, absent {absent[:5]}); "
            "load it onto the base model and strategy config it was trained with"
        )


def freeze(model: nn.Module) -> None:
    for parameter in model.parameters():
        parameter.requires_grad_(False)
