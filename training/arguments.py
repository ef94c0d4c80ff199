"""From a TrainSpec to Hugging Face TrainingArguments, and where a run resumes from.

The Trainer does mixed precision, accumulation, clipping, the schedule, checkpoints, resume,
early stopping and NEFTune; this module only decides its settings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import torch
from transformers import TrainingArguments

from training.errors import CheckpointMismatchError, TrainingError
from training.spec import Hyperparameters, TrainSpec

CHECKPOINT_SPEC_FILE = "checkpoint_spec.json"  # the spec the checkpoints in work_dir belong to
_CHECKPOINT = re.compile(r"^checkpoint-(\d+)$")
# Fields that do not change the weights: a resume may differ in them.
_RESUME_IRRELEVANT = {"run_id", "lineage_extra", "output_dir", "keep_checkpoints"}


def resolve_device(requested: str) -> str:
    """'cpu' or 'cuda' (the Trainer picks cuda:LOCAL_RANK under torchrun)."""
    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise TrainingError(
            f"device=cuda but torch {torch.__version__} sees no CUDA device: set device to "
            "auto or cpu, or install a CUDA build of torch on a machine with a GPU"
        )
    return requested


def resolve_precision(requested: str, device: str) -> str:
    """auto: bf16 where CUDA supports it, else fp32. fp16 needs CUDA (loss scaling)."""
    cuda_bf16 = device == "cuda" and torch.cuda.is_bf16_supported()
    if requested == "auto":
        return "bf16" if cuda_bf16 else "fp32"
    if requested == "fp16" and device != "cuda":
        raise TrainingError(
            f"precision=fp16 needs a CUDA device, this run is on {device}: use precision=auto, "
            "fp32 or bf16"
        )
    if requested == "bf16" and device == "cuda" and not cuda_bf16:
        raise TrainingError(
            f"precision=bf16 but {torch.cuda.get_device_name()} has no bf16 support: use "
            "precision=fp16 or auto"
        )
    return requested


def save_steps(hyperparameters: Hyperparameters) -> int:
    """save_every, or eval_every when early stopping keeps the best checkpoint.

    load_best_model_at_end can only return to an evaluation that was also saved, so with early
    stopping every evaluation step is a save step (save_total_limit still applies; the Trainer
    never rotates the best one out).
    """
    if hyperparameters.early_stopping_patience is None:
        return hyperparameters.save_every
    return hyperparameters.eval_every


def training_arguments(
    spec: TrainSpec,
    *,
    learning_rate: float,
    device: str,
    precision: str,
    evaluate: bool,
) -> TrainingArguments:
    hp = spec.hyperparameters
    early_stopping = hp.early_stopping_patience is not None
    return TrainingArguments(
        output_dir=str(spec.work_dir),
        max_steps=hp.max_steps or -1,
        num_train_epochs=hp.epochs,
        per_device_train_batch_size=hp.per_device_batch_size,
        per_device_eval_batch_size=hp.per_device_batch_size,
        gradient_accumulation_steps=hp.gradient_accumulation,
        learning_rate=learning_rate,
        lr_scheduler_type=hp.lr_scheduler,
        warmup_steps=hp.warmup_ratio,  # a float below 1 is a fraction of the steps
        weight_decay=hp.weight_decay,
        max_grad_norm=hp.max_grad_norm,
        bf16=precision == "bf16",
        fp16=precision == "fp16",
        use_cpu=device == "cpu",
        activation_checkpointing=hp.gradient_checkpointing,
        activation_checkpointing_kwargs={"use_reentrant": False},
        neftune_noise_alpha=hp.neftune_alpha,
        torch_compile=hp.torch_compile,
        logging_strategy="steps",
        logging_steps=hp.log_every,
        logging_first_step=True,
        eval_strategy="steps" if evaluate and hp.eval_every else "no",
        eval_steps=hp.eval_every,
        save_strategy="steps",
        save_steps=save_steps(hp),
        save_total_limit=hp.save_total_limit,
        load_best_model_at_end=early_stopping,
        metric_for_best_model="eval_loss" if early_stopping else None,
        greater_is_better=False if early_stopping else None,
        include_num_input_tokens_seen=True,
        remove_unused_columns=False,
        label_names=["labels"],
        report_to="none",
        disable_tqdm=True,
        log_level="warning",
        seed=spec.seed,
        data_seed=spec.seed,
    )


def _complete(checkpoint: Path) -> bool:
    """trainer_state.json is the last file the Trainer writes into a checkpoint."""
    try:
        json.loads((checkpoint / "trainer_state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


def checkpoints(work_dir: Path) -> list[tuple[int, Path]]:
    """(step, path) of every checkpoint-N folder in work_dir, by step."""
    if not work_dir.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in work_dir.iterdir() if (m := _CHECKPOINT.match(p.name))]
    return sorted(found)


def latest_complete_checkpoint(work_dir: Path) -> tuple[Path | None, list[Path]]:
    """The newest checkpoint with a readable trainer state, and the incomplete ones after it
    (a run killed while writing them)."""
    incomplete: list[Path] = []
    for _, path in reversed(checkpoints(work_dir)):
        if _complete(path):
            return path, incomplete
        incomplete.append(path)
    return None, incomplete


def spec_identity(spec: TrainSpec) -> dict:
    return spec.model_dump(mode="json", exclude=_RESUME_IRRELEVANT)


def check_checkpoint_spec(spec: TrainSpec) -> None:
    """Refuse to resume from checkpoints that another spec wrote into the same work_dir."""
    work_dir = spec.work_dir
    if not checkpoints(work_dir):
        return
    recorded = work_dir / CHECKPOINT_SPEC_FILE
    previous = json.loads(recorded.read_text(encoding="utf-8")) if recorded.is_file() else None
    current = spec_identity(spec)
    if previous != current:
        differing = sorted(
            key
            for key in set(current) | set(previous or {})
            if (previous or {}).get(key) != current.get(key)
        )
        raise CheckpointMismatchError(
            f"work_dir {work_dir} holds checkpoints of another spec (differs in "
            f"{differing or 'unknown: no ' + CHECKPOINT_SPEC_FILE}): delete its checkpoint-* "
            "folders or give this run its own work_dir"
        )
