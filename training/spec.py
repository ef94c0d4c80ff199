"""What a training run is given (TrainSpec) and what it hands back (TrainResult).

pydantic and the standard library only: the Dagster code location builds and validates specs,
and reads results, without importing torch.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Precision = Literal["auto", "fp32", "bf16", "fp16"]
Device = Literal["auto", "cpu", "cuda"]
Arm = Literal["neutral", "original"]
LrScheduler = Literal["cosine", "linear", "constant", "constant_with_warmup"]


class Hyperparameters(BaseModel):
    """Optimisation knobs shared by every strategy (each strategy's own knobs live in its config).

    Batch arithmetic: tokens per optimizer step = per_device_batch_size x gradient_accumulation
    x devices x block_size.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    learning_rate: float | None = Field(
        None,
        gt=0,
        description="Peak AdamW learning rate. None: the strategy's default_learning_rate "
        "(full ~2e-5, LoRA 2e-4, prompt tuning 0.3, ...; see training/strategies/).",
    )
    max_steps: int | None = Field(
        None, ge=1, description="Optimizer steps to train; when set it overrides `epochs`."
    )
    epochs: float = Field(
        1.0, gt=0, description="Passes over the packed train blocks when max_steps is None."
    )
    per_device_batch_size: int = Field(8, ge=1, description="Blocks per device per micro-batch.")
    gradient_accumulation: int = Field(
        1, ge=1, description="Micro-batches summed into one optimizer step."
    )
    block_size: int | None = Field(
        None,
        ge=2,
        description="Tokens per packed block. None: the model's context length (less the "
        "strategy's virtual tokens) capped at 1024, as in Hugging Face run_clm. With the "
        "virtual tokens it must fit the model's max_position_embeddings.",
    )
    warmup_ratio: float = Field(
        0.03,
        ge=0,
        lt=1,
        description="Fraction of steps with linear learning-rate warmup (0.03: Alpaca, QLoRA).",
    )
    lr_scheduler: LrScheduler = Field(
        "cosine", description="Decay after warmup (cosine: GPT-3, Llama; to 0 at the last step)."
    )
    weight_decay: float = Field(
        0.0, ge=0, description="AdamW decoupled weight decay (0.0: the HF Trainer default)."
    )
    max_grad_norm: float = Field(
        1.0, gt=0, description="Gradient clipping norm (1.0: GPT-3, the HF Trainer default)."
    )
    eval_every: int | None = Field(
        None, ge=1, description="Evaluate validation loss every N steps; None: only at the end."
    )
    early_stopping_patience: int | None = Field(
        None,
        ge=1,
        description="Stop after N evaluations without a lower validation loss and keep the best "
        "evaluation's weights (checkpoints are then saved at every evaluation, replacing "
        "save_every). Needs eval_every.",
    )
    neftune_alpha: float | None = Field(
        None,
        gt=0,
        description="NEFTune embedding noise (Jain et al. 2023 use 5); None: off.",
    )
    replay_fraction: float = Field(
        0.0,
        ge=0,
        le=1,
        description="Neutral arm only: mix this fraction of the ORIGINAL-arm train documents "
        "into the neutral train text (replay against forgetting); ignored for the original arm.",
    )
    save_every: int = Field(
        500, ge=1, description="Checkpoint every N steps into work_dir (500: HF Trainer default)."
    )
    save_total_limit: int = Field(
        2, ge=1, description="Checkpoints kept in work_dir (oldest removed first)."
    )
    log_every: int = Field(10, ge=1, description="Report loss, learning rate, tokens/s every N.")
    gradient_checkpointing: bool = Field(
        False, description="Recompute activations in backward: less memory, ~30% more compute."
    )
    torch_compile: bool = Field(
        False,
        description="torch.compile the model (GPU): faster steps after a compile of about a "
        "minute; worth it for long runs only.",
    )

    @model_validator(mode="after")
    def _early_stopping_needs_evaluation(self) -> Hyperparameters:
        if self.early_stopping_patience is not None and self.eval_every is None:
            raise ValueError(
                f"early_stopping_patience={self.early_stopping_patience} needs validation losses: "
                "set eval_every (e.g. 50) or remove early_stopping_patience"
            )
        return self


class RemoteCopies(BaseModel):
    """Where a trainer on another machine (a Kubernetes pod) finds its inputs and puts its output.

    Set by a mirrored artifact store (resources/artifacts.py); the local paths of the spec are
    then scratch locations on the machine that trains.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    split_directory_url: str = Field(description="Published split export version directory.")
    base_model_url: str = Field(description="Published base model directory.")
    artifact_url: str = Field(description="Where the finished artifact directory is published.")
    result_url: str = Field(description="Where the run's TrainResult JSON is published.")
    storage_options: dict[str, Any] = Field(
        default_factory=dict, description="fsspec filesystem options for these URLs."
    )


class TrainSpec(BaseModel):
    """Everything one fine-tuning run needs; `python -m training.run SPEC.json` reads it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_model_dir: Path = Field(description="Hugging Face model directory (base_model asset).")
    base_fingerprint: str | None = Field(
        None,
        description="model_fingerprint of base_model_dir when the spec was made; checked before "
        "training. None skips the check.",
    )
    strategy: dict[str, Any] = Field(
        description="{'name': one of training.strategies.STRATEGIES, **that strategy's options}."
    )
    split_manifest: Path = Field(
        description="manifest.json of a split export version, or the version directory."
    )
    arm: Arm = Field(description="neutral (rewritten text) or original (the control).")
    hyperparameters: Hyperparameters = Field(
        default_factory=Hyperparameters, description="Optimisation knobs."
    )
    output_dir: Path = Field(description="The final artifact directory, written atomically.")
    work_dir: Path = Field(description="Checkpoints; a re-run resumes from the last one here.")
    seed: int = Field(0, description="Seeds strategy init, data order and NEFTune noise.")
    precision: Precision = Field(
        "auto", description="auto: bf16 on a CUDA device that supports it, else fp32."
    )
    device: Device = Field("auto", description="auto: CUDA when available, else CPU.")
    run_id: str | None = Field(
        None, description="Orchestrator run id for the lineage; None: a fresh local id."
    )
    lineage_extra: dict[str, Any] = Field(
        default_factory=dict,
        description="Pipeline facts copied into lineage.json: the data chain under 'chain' "
        "(training.lineage_chain.DataChain), catalogue version, base model source, spec digest.",
    )
    keep_checkpoints: bool = Field(
        False, description="Keep work_dir's checkpoints after the artifact is written."
    )
    remote: RemoteCopies | None = Field(
        None,
        description="Fetch inputs from / publish the artifact to these URLs (a trainer on another "
        "machine); None: every path is on this machine.",
    )

    @field_validator("strategy")
    @classmethod
    def _strategy_has_name(cls, strategy: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(strategy.get("name"), str):
            raise ValueError(
                f"strategy needs a 'name' (e.g. {{'name': 'lora', 'r': 8}}), got {strategy}"
            )
        return strategy

    @property
    def split_directory(self) -> Path:
        """The split export version directory, whether split_manifest names it or its file."""
        path = Path(self.split_manifest)
        return path.parent if path.suffix == ".json" else path

    @property
    def strategy_name(self) -> str:
        return self.strategy["name"]

    def strategy_options(self) -> dict[str, Any]:
        return {key: value for key, value in self.strategy.items() if key != "name"}


def identity_digest(identity: dict[str, Any]) -> str:
    """16 hex of SHA-256 over canonical JSON: names a directory by what determines its content."""
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:16]


def result_file(output_dir: Path) -> Path:
    """Where a finished run's TrainResult is written: beside its artifact directory."""
    return output_dir.with_name(f"{output_dir.name}.result.json")


class TrainResult(BaseModel):
    """What a finished run reports: where its artifact is and what the run cost."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    artifact_dir: Path = Field(description="The artifact: weights, tokenizer, lineage, card.")
    strategy: str = Field(description="Strategy name.")
    arm: Arm = Field(description="The arm it trained on.")
    trainable_parameters: int = Field(ge=0, description="Parameters with requires_grad.")
    total_parameters: int = Field(ge=0, description="All parameters of the trained module.")
    train_losses: list[tuple[int, float]] = Field(
        description="(step, mean train loss over the logging interval ending at that step)."
    )
    eval_losses: list[tuple[int, float]] = Field(description="(step, validation loss).")
    tokens_per_second: float = Field(
        ge=0, description="Tokens trained in this process run / seconds in the training loop."
    )
    mfu: float | None = Field(
        None, description="Model FLOPs utilisation vs the device's bf16 peak; None on CPU."
    )
    peak_memory_bytes: int = Field(
        ge=0, description="torch.cuda.max_memory_allocated on CUDA, else peak process RSS."
    )
    wall_seconds: float = Field(ge=0, description="Wall time of train(): setup, loop and save.")
    tokens_seen: int = Field(ge=0, description="Tokens trained on over all devices and resumes.")
    documents_seen: int = Field(
        ge=0, description="Train documents x passes over the packed data (one pass: all of them)."
    )
    train_documents: int = Field(ge=0, description="Documents in the train text (with replay).")
    resumed_from: int | None = Field(None, description="Checkpoint step resumed from, if any.")
    final_train_loss: float | None = Field(None, description="The last logged train loss.")
    final_eval_loss: float | None = Field(
        None, description="Validation loss of the saved weights; None without validation data."
    )
    device: str = Field(description="Device it trained on, e.g. 'cpu' or 'NVIDIA H200'.")
    precision: str = Field(description="fp32, bf16 or fp16 (after resolving auto).")
    content_hash: str = Field(
        "", description="directory_sha256 of the artifact (its data version); '' off rank 0."
    )
