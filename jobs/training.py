"""The training job: the base model, then every enabled strategy x arm, one partition per model."""

from __future__ import annotations

import time
from collections.abc import Callable

from dagster import (
    AssetKey,
    AssetSelection,
    DagsterInstance,
    Definitions,
    MultiPartitionKey,
    define_asset_job,
)

from corpus.splits import ARMS
from jobs.runner import RunOutcome

TRAINING_ASSETS = AssetSelection.groups("training")

training_job = define_asset_job(
    "training_job",
    selection=TRAINING_ASSETS,
    description="The base model and the fine-tuned models (one partition per strategy x arm).",
)


def model_partition_keys(strategies: list[str]) -> list[MultiPartitionKey]:
    """Partition keys of the models a preset trains, by strategy (neutral, then original)."""
    return [
        MultiPartitionKey({"strategy": strategy, "arm": arm})
        for strategy in strategies
        for arm in ARMS
    ]


def materialize_training(
    defs: Definitions,
    instance: DagsterInstance,
    on_start: Callable[[str, int, int], None] = lambda label, position, total: None,
    on_run: Callable[[RunOutcome, int, int], None] = lambda outcome, position, total: None,
    console_log_level: str = "INFO",
) -> list[RunOutcome]:
    """Run training_job: the base model, then each enabled strategy x arm as its own run."""
    strategies = list(defs.resources["settings"].load().training.strategies)
    job = defs.resolve_job_def("training_job")
    steps: list[tuple[str, str | None, AssetKey]] = [("base_model", None, AssetKey("base_model"))]
    steps += [
        (
            f"{key.keys_by_dimension['strategy']} x {key.keys_by_dimension['arm']}",
            key,
            AssetKey("finetuned_model"),
        )
        for key in model_partition_keys(strategies)
    ]
    outcomes = []
    for position, (label, partition_key, asset_key) in enumerate(steps, start=1):
        on_start(label, position, len(steps))
        started = time.perf_counter()
        result = job.execute_in_process(
            instance=instance,
            partition_key=partition_key,
            asset_selection=[asset_key],
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": console_log_level}}}},
        )
        outcome = RunOutcome(label, result, time.perf_counter() - started)
        outcomes.append(outcome)
        on_run(outcome, position, len(steps))
        if label == "base_model" and not result.success:
            break
    return outcomes
