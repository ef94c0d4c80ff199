"""Materialize the corpus over every landing shard: global inputs, per-shard runs, global run.

From the command line, `python -m jobs.runner register` adds a corpus_shards partition for every
landing file, so that `dagster job execute -j shard_job` can run its shard.
"""

from __future__ import annotations

import argparse
import socket
import sys
import time
from collections.abc import Callable
from typing import NamedTuple

from dagster import DagsterInstance, Definitions, ExecuteInProcessResult

from jobs.data import GLOBAL_ASSETS, SHARD_ASSETS
from jobs.landing import observe_landing
from jobs.orphans import HOST_TAG, fail_orphaned_runs
from jobs.parallel import StoredRunResult, run_shards_in_parallel
from jobs.partitions import corpus_shards


class RunOutcome(NamedTuple):
    label: str  # the shard key, "global-inputs" or "global"
    result: ExecuteInProcessResult | StoredRunResult  # in-process, or shard runs side by side
    seconds: float


def register_shards(defs: Definitions, instance: DagsterInstance) -> list[str]:
    """Add a corpus_shards partition for every landing file that has none; return all shard keys.

    Keys two files collide on are registered too: their runs fail with a message naming both
    files, and every other shard proceeds.
    """
    shards = defs.resources["landing"].shard_keys()
    known = set(instance.get_dynamic_partitions(corpus_shards.name))
    new = [shard for shard in shards if shard not in known]
    if new:
        instance.add_dynamic_partitions(corpus_shards.name, new)
    observe_landing(instance, defs.resources["landing"])  # the versions these runs will ingest
    return shards


def materialize_corpus(
    defs: Definitions,
    instance: DagsterInstance,
    on_run: Callable[[RunOutcome, int, int], None] = lambda outcome, position, total: None,
    console_log_level: str = "INFO",
) -> list[RunOutcome]:
    """Run the data jobs in dependency order: the global inputs of the shards (the catalogue,
    data_job), each shard's assets (shard_job), then the global assets built from all shards
    (data_job: dedup, splits). Runs left "Started" by a killed process are marked failed first."""
    fail_orphaned_runs(instance)
    shards = register_shards(defs, instance)
    graph = defs.resolve_asset_graph()
    shard_keys = SHARD_ASSETS.resolve(graph)
    global_keys = GLOBAL_ASSETS.resolve(graph)
    downstream = {key for key in global_keys if _has_partitioned_ancestor(graph, key)}
    steps: list[tuple[str, str, str | None, set]] = []
    if global_keys - downstream:
        steps.append(("global-inputs", "data_job", None, global_keys - downstream))
    steps += [(shard, "shard_job", shard, shard_keys) for shard in shards]
    if downstream:
        steps.append(("global", "data_job", None, downstream))
    processes = defs.resources["settings"].load().automation.shard_processes
    outcomes = []
    for position, (label, job_name, partition_key, keys) in enumerate(steps, start=1):
        if processes > 1 and job_name == "shard_job":
            if label == shards[0]:  # every shard at once, N runs side by side
                for shard, result, seconds in run_shards_in_parallel(
                    defs, instance, shards, processes
                ):
                    outcomes.append(RunOutcome(shard, result, seconds))
                    on_run(outcomes[-1], len(outcomes), len(steps))
            continue
        started = time.perf_counter()
        result = defs.resolve_job_def(job_name).execute_in_process(
            instance=instance,
            partition_key=partition_key,
            asset_selection=sorted(keys),
            raise_on_error=False,
            tags={HOST_TAG: socket.gethostname()},
            run_config={"loggers": {"console": {"config": {"log_level": console_log_level}}}},
        )
        outcomes.append(RunOutcome(label, result, time.perf_counter() - started))
        on_run(outcomes[-1], position, len(steps))
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Register the landing files as shard partitions.")
    parser.add_argument("command", choices=["register"], help="register: add shard partitions")
    parser.parse_args(argv)
    from definitions import defs  # the code location, as `dagster` loads it

    with DagsterInstance.get() as instance:
        shards = register_shards(defs, instance)
    print(f"corpus_shards partitions: {', '.join(shards) or 'none (the landing folder is empty)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
