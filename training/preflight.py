"""Checks run before any weights load or any step trains: each failure is one clear message."""

from __future__ import annotations

from pathlib import Path

from transformers import AutoConfig, PreTrainedTokenizerBase

from training.base_model.fingerprint import model_fingerprint
from training.errors import TrainingError

RUN_CLM_MAX_BLOCK = 1024  # Hugging Face run_clm caps the default block size here


def check_base_model(directory: Path, expected_fingerprint: str | None) -> str:
    """The base model's fingerprint, after checking it exists and is the one the spec names."""
    if not (directory / "config.json").is_file():
        raise TrainingError(
            f"base model directory {directory} does not exist or has no config.json: "
            "materialize base_model, or point base_model_dir at a save_pretrained directory"
        )
    fingerprint = model_fingerprint(directory)
    if expected_fingerprint is not None and fingerprint != expected_fingerprint:
        raise TrainingError(
            f"base model {directory} changed since the spec was made (fingerprint "
            f"{fingerprint[:12]} != {expected_fingerprint[:12]}): re-materialize base_model and "
            "the models trained on it"
        )
    return fingerprint


def context_length(config) -> int:
    for name in ("max_position_embeddings", "n_positions", "max_sequence_length"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    raise TrainingError(
        f"{type(config).__name__} states no context length (max_position_embeddings): use a "
        "model whose config declares it"
    )


def check_block_size(base_dir: Path, block_size: int | None, virtual_tokens: int) -> int:
    """block_size, checked to fit the context with the strategy's virtual tokens; None: the
    longest block that fits, capped at 1024."""
    context = context_length(AutoConfig.from_pretrained(base_dir))
    if context - virtual_tokens < 2:
        raise TrainingError(
            f"{virtual_tokens} virtual tokens leave no room for text in the model's context of "
            f"{context} positions: set num_virtual_tokens well below {context}"
        )
    block_size = block_size or min(context - virtual_tokens, RUN_CLM_MAX_BLOCK)
    if block_size + virtual_tokens > context:
        prefix = f" + {virtual_tokens} virtual tokens" if virtual_tokens else ""
        raise TrainingError(
            f"block_size {block_size}{prefix} exceeds the model's context of {context} "
            f"positions (max_position_embeddings): lower block_size to {context - virtual_tokens}"
            + (" or num_virtual_tokens" if virtual_tokens else "")
        )
    return block_size


def check_tokenizer(tokenizer: PreTrainedTokenizerBase, base_dir: Path) -> None:
    if tokenizer.eos_token_id is None:
        raise TrainingError(
            f"the tokenizer in {base_dir} has no EOS token, which packing puts between "
            "documents: set eos_token in its tokenizer_config.json"
        )


# (option, methods the Trainer calls on the model when the option is on: any one suffices)
_MODEL_HOOKS = (
    (
        "gradient_checkpointing",
        ("activation_checkpointing_enable", "gradient_checkpointing_enable"),
    ),
    ("neftune_alpha", ("get_input_embeddings",)),
)


def check_model_hooks(model, hyperparameters, strategy_name: str) -> None:
    """The Trainer needs these methods for activation checkpointing and NEFTune."""
    for option, methods in _MODEL_HOOKS:
        if getattr(hyperparameters, option) and not any(
            callable(getattr(model, method, None)) for method in methods
        ):
            raise TrainingError(
                f"{option} needs {methods[0]}() on the model, which strategy {strategy_name} "
                f"returns as {type(model).__name__} without it: turn {option} off for it"
            )
