"""The model side: training_job (base model, one run per strategy x arm) and evaluation_job
(the shared test items, every model's metrics, the report), and their in-process runner."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from dagster import (
    AssetKey,
    AssetSelection,
    DagsterInstance,
    Definitions,
    MultiPartitionKey,
    define_asset_job,
    multi_or_in_process_executor,
)

from corpus.splits import ARMS
from jobs.runner import RunOutcome

training_job = define_asset_job(
    "training_job",
    selection=AssetSelection.groups("training"),
    executor_def=multi_or_in_process_executor,  # not the shard executor the preset chooses
    description="The base model and the fine-tuned models (one partition per strategy x arm).",
)
evaluation_job = define_asset_job(
    "evaluation_job",
    selection=AssetSelection.groups("evaluation"),
    executor_def=multi_or_in_process_executor,
    description="Prompts and minimal pairs, every model's evaluation, and the strategy report.",
)


class Step(NamedTuple):
    label: str
    job: str
    partition_key: str | None
    assets: tuple[str, ...]


def model_partition_keys(strategies: list[str]) -> list[MultiPartitionKey]:
    """Partition keys of the models a preset trains, by strategy (neutral, then original)."""
    return [
        MultiPartitionKey({"strategy": strategy, "arm": arm})
        for strategy in strategies
        for arm in ARMS
    ]


def _label(key: MultiPartitionKey) -> str:
    return f"{key.keys_by_dimension['strategy']} x {key.keys_by_dimension['arm']}"


def training_steps(strategies: list[str]) -> list[Step]:
    steps = [Step("base_model", "training_job", None, ("base_model",))]
    return steps + [
        Step(_label(key), "training_job", key, ("finetuned_model",))
        for key in model_partition_keys(strategies)
    ]


def evaluation_steps(strategies: list[str]) -> list[Step]:
    steps = [
        Step("evaluation items", "evaluation_job", None, ("generation_prompts", "minimal_pairs")),
        Step("evaluate base", "evaluation_job", None, ("base_model_evaluation",)),
    ]
    steps += [
        Step(f"evaluate {_label(key)}", "evaluation_job", key, ("model_evaluation",))
        for key in model_partition_keys(strategies)
    ]
    return steps + [Step("strategy_report", "evaluation_job", None, ("strategy_report",))]


def materialize_steps(
    defs: Definitions,
    instance: DagsterInstance,
    steps: list[Step],
    on_start: Callable[[str, int, int], None] = lambda label, position, total: None,
    on_run: Callable[[RunOutcome, int, int], None] = lambda outcome, position, total: None,
    console_log_level: str = "INFO",
) -> list[RunOutcome]:
    """Run each step as its own in-process run; stop after a failed step others depend on
    (the base model, the evaluation items, the base evaluation)."""
    outcomes = []
    for position, step in enumerate(steps, start=1):
        on_start(step.label, position, len(steps))
        started = time.perf_counter()
        result = defs.resolve_job_def(step.job).execute_in_process(
            instance=instance,
            partition_key=step.partition_key,
            asset_selection=[AssetKey(name) for name in step.assets],
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": console_log_level}}}},
        )
        outcome = RunOutcome(step.label, result, time.perf_counter() - started)
        outcomes.append(outcome)
        on_run(outcome, position, len(steps))
        if step.partition_key is None and not result.success:
            break
    return outcomes


def materialize_training(defs: Definitions, instance: DagsterInstance, **callbacks):
    """training_job: the base model, then each enabled strategy x arm as its own run."""
    strategies = list(defs.resources["settings"].load().training.strategies)
    return materialize_steps(defs, instance, training_steps(strategies), **callbacks)


def materialize_evaluation(defs: Definitions, instance: DagsterInstance, **callbacks):
    """evaluation_job: the shared items, the base, each trained model, then the report."""
    strategies = list(defs.resources["settings"].load().training.strategies)
    return materialize_steps(defs, instance, evaluation_steps(strategies), **callbacks)
