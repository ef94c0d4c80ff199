"""Materialize the data job over every landing shard: per-shard runs, then one global run."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from dagster import DagsterInstance, Definitions, ExecuteInProcessResult

from jobs.data import DATA_ASSETS, SHARD_ASSETS
from jobs.partitions import corpus_shards


class RunOutcome(NamedTuple):
    label: str  # the shard key, or "global"
    result: ExecuteInProcessResult
    seconds: float


def register_shards(defs: Definitions, instance: DagsterInstance) -> list[str]:
    """Add a corpus_shards partition for every landing file that has none; return all shard keys."""
    shards = list(defs.resources["landing"].shards())
    known = set(instance.get_dynamic_partitions(corpus_shards.name))
    new = [shard for shard in shards if shard not in known]
    if new:
        instance.add_dynamic_partitions(corpus_shards.name, new)
    return shards


def materialize_corpus(
    defs: Definitions,
    instance: DagsterInstance,
    on_run: Callable[[RunOutcome, int, int], None] = lambda outcome, position, total: None,
    console_log_level: str = "INFO",
) -> list[RunOutcome]:
    """Run data_job in dependency order: global inputs of the shards (the catalogue), each shard's
    assets, then the global assets built from all shards (dedup, splits)."""
    shards = register_shards(defs, instance)
    job = defs.resolve_job_def("data_job")
    graph = defs.resolve_asset_graph()
    shard_keys = SHARD_ASSETS.resolve(graph)
    global_keys = DATA_ASSETS.resolve(graph) - shard_keys
    downstream = {
        key
        for key in global_keys
        if graph.get(key).partitions_def is None and _has_partitioned_ancestor(graph, key)
    }
    steps: list[tuple[str, str | None, set]] = []
    if global_keys - downstream:
        steps.append(("global-inputs", None, global_keys - downstream))
    steps += [(shard, shard, shard_keys) for shard in shards]
    if downstream:
        steps.append(("global", None, downstream))
    outcomes = []
    for position, (label, partition_key, keys) in enumerate(steps, start=1):
        started = time.perf_counter()
        result = job.execute_in_process(
            instance=instance,
            partition_key=partition_key,
            asset_selection=sorted(keys),
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": console_log_level}}}},
        )
        outcome = RunOutcome(label, result, time.perf_counter() - started)
        outcomes.append(outcome)
        on_run(outcome, position, len(steps))
    return outcomes


def _has_partitioned_ancestor(graph, key) -> bool:
    parents = list(graph.get(key).parent_keys)
    seen = set()
    while parents:
        parent = parents.pop()
        if parent in seen:
            continue
        seen.add(parent)
        if graph.get(parent).partitions_def is not None:
            return True
        parents.extend(graph.get(parent).parent_keys)
    return False


def row_counts(result: ExecuteInProcessResult) -> dict[str, int]:
    """Asset -> rows written, from the run's materialization metadata."""
    counts = {}
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        rows = materialization.metadata.get("dagster/row_count")
        if rows is not None:
            counts[materialization.asset_key.to_user_string()] = rows.value
    return counts
