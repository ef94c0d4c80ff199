"""Entry point of a training process: `python -m training.run SPEC.json`.

Launched through Dagster Pipes (the trainer resource), rank 0 logs progress over Pipes and
reports the materialization (metadata + the artifact's content hash as data version). Launched
by hand it prints the same progress lines. Either way the TrainResult is written as JSON next to
the artifact (`<output_dir>.result.json`). Runs unchanged under `torchrun --nproc_per_node N`:
the Trainer does DDP, and only rank 0 writes and reports. A user-caused error (bad spec, data
or model) ends the process with status 1 and its one-line message on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from corpus.artifact_mirror import MirrorError
from corpus.atomic_files import write_text_atomic
from training.base_model.sources import BaseModelError
from training.errors import TrainingError
from training.progress import PrintReporter, Progress, progress_line
from training.remote import fetch_inputs, publish_output
from training.spec import TrainResult, TrainSpec, result_file
from training.strategies.errors import StrategyError

USER_ERRORS = (TrainingError, StrategyError, BaseModelError, MirrorError)


class PipesReporter:
    """Progress lines into the Dagster run's log (via Pipes) and on stdout, which the launcher
    forwards, so a terminal that started the run sees them too."""

    def __init__(self, pipes) -> None:
        self.pipes = pipes

    def log(self, message: str) -> None:
        self.pipes.log.info(message)
        print(f"    {message}", flush=True)

    def progress(self, progress: Progress) -> None:
        line = progress_line(progress)
        self.pipes.log.info(line)
        print(f"    {line}", flush=True)


class SilentReporter:
    """Ranks other than 0: rank 0 speaks for the run."""

    def log(self, message: str) -> None:
        pass

    def progress(self, progress: Progress) -> None:
        pass


def read_spec(path: Path) -> TrainSpec:
    if not path.is_file():
        raise TrainingError(f"spec file {path} does not exist: pass the path of a TrainSpec JSON")
    try:
        return TrainSpec.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or 'spec'}: {e['msg']}"
            for e in error.errors()
        )
        raise TrainingError(f"spec file {path} is not a valid TrainSpec: {problems}") from error


def materialization_metadata(result: TrainResult) -> dict[str, Any]:
    """Pipes metadata of a finished run (None figures left out: Dagster shows them as absent)."""
    figures = {
        "strategy": result.strategy,
        "arm": result.arm,
        "trainable_parameters": result.trainable_parameters,
        "total_parameters": result.total_parameters,
        "trainable_percent": 100 * result.trainable_parameters / max(1, result.total_parameters),
        "final_train_loss": result.final_train_loss,
        "final_eval_loss": result.final_eval_loss,
        "tokens_per_second": result.tokens_per_second,
        "mfu": result.mfu,
        "peak_memory_mib": result.peak_memory_bytes / 2**20,
        "wall_seconds": result.wall_seconds,
        "tokens_seen": result.tokens_seen,
        "documents_seen": result.documents_seen,
        "resumed_from_step": result.resumed_from,
        "device": result.device,
        "precision": result.precision,
    }
    metadata: dict[str, Any] = {key: value for key, value in figures.items() if value is not None}
    metadata["artifact_dir"] = {"raw_value": str(result.artifact_dir), "type": "path"}
    metadata["content_hash"] = {"raw_value": result.content_hash, "type": "text"}
    metadata["loss_curve"] = {
        "raw_value": {"train": result.train_losses, "eval": result.eval_losses},
        "type": "json",
    }
    metadata["train_result"] = {"raw_value": result.model_dump(mode="json"), "type": "json"}
    return metadata


def is_rank_zero() -> bool:
    return int(os.environ.get("RANK", "0")) == 0


def run(spec: TrainSpec) -> TrainResult:
    """Train with Pipes reporting when a Dagster Pipes parent launched us, else on stdout."""
    from dagster_pipes import PipesEnvVarParamsLoader, open_dagster_pipes
    from transformers.utils import logging as transformers_logging

    from training.recipe import train

    transformers_logging.disable_progress_bar()  # weight-loading bars would flood the run log

    fetch_inputs(spec, rank_zero=is_rank_zero())
    if not is_rank_zero():
        return train(spec, SilentReporter())
    if not PipesEnvVarParamsLoader().is_dagster_pipes_process():
        result = train(spec, PrintReporter())
        write_text_atomic(result_file(spec.output_dir), result.model_dump_json(indent=2) + "\n")
        publish_output(spec)
        return result
    with open_dagster_pipes() as pipes:
        result = train(spec, PipesReporter(pipes))
        write_text_atomic(result_file(spec.output_dir), result.model_dump_json(indent=2) + "\n")
        publish_output(spec)
        pipes.report_asset_materialization(
            metadata=materialization_metadata(result), data_version=result.content_hash
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fine-tune one strategy x arm from a TrainSpec.")
    parser.add_argument("spec", nargs="?", type=Path, help="TrainSpec JSON file")
    parser.add_argument("--spec", dest="spec_option", type=Path, help="same, as an option")
    arguments = parser.parse_args(argv)
    # peft 0.21 calls a transformers 5 method that warns of its own deprecation on every model
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing", category=FutureWarning)
    path = arguments.spec_option or arguments.spec
    if path is None:
        parser.error("pass the TrainSpec JSON file: python -m training.run SPEC.json")
    try:
        result = run(read_spec(path))
    except USER_ERRORS as error:
        message = " ".join(str(error).split())
        print(f"training failed: {type(error).__name__}: {message}", file=sys.stderr)
        return 1
    if is_rank_zero():
        print(json.dumps({"artifact_dir": str(result.artifact_dir)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
