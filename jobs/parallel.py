"""Shard runs side by side, each step in its own process (Dagster's multiprocess executor,
chosen by the preset's automation.shard_processes), up to N runs at once.

Dagster parallelises the steps of one run, and one run holds one partition; so shards run in
parallel as concurrent runs. Under `dagster dev` the daemon's run coordinator starts them side
by side (a backfill, the landing sensor). Here, for the demo and the runner, each run is a
`dagster job execute` process: Dagster's run setup is not thread-safe, and the multiprocess
executor rebuilds the job in its step processes from the `definitions` module.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from dagster import (
    DagsterEventType,
    DagsterInstance,
    DagsterRunStatus,
    Definitions,
    RunsFilter,
)

from jobs.orphans import HOST_TAG

LAUNCH_TAG = "neutune/launch"
DAGSTER = Path(sys.executable).parent / "dagster"


class StoredRunResult:
    """What the runner and the demo read of a run's result, from the instance's event log."""

    def __init__(self, instance: DagsterInstance, run_id: str):
        self.run_id = run_id
        self.success = instance.get_run_by_id(run_id).status == DagsterRunStatus.SUCCESS
        self.all_events = [r.dagster_event for r in instance.all_logs(run_id) if r.dagster_event]

    def get_asset_materialization_events(self) -> list:
        return [
            e for e in self.all_events if e.event_type == DagsterEventType.ASSET_MATERIALIZATION
        ]

    def get_asset_check_evaluations(self) -> list:
        return [
            e.asset_check_evaluation_data
            for e in self.all_events
            if e.event_type == DagsterEventType.ASSET_CHECK_EVALUATION
        ]


def run_shards_in_parallel(
    defs: Definitions,
    instance: DagsterInstance,
    shards: Sequence[str],
    processes: int,
) -> list[tuple[str, StoredRunResult, float]]:
    """Run shard_job for every shard, `processes` runs at a time; [(shard, result, seconds)].

    Raises:
        RuntimeError: a run process that exited before its run started, with its output.
    """
    resources = defs.resources
    environment = {
        **os.environ,
        "DAGSTER_HOME": instance.root_directory,
        "NEUTUNE_DATA_ROOT": str(Path(resources["warehouse"].database).parent),
        "NEUTUNE_LANDING_DIR": resources["landing"].directory,
        "NEUTUNE_PRESET": resources["settings"].preset,
    }
    pending, running, finished = list(shards), {}, []
    while pending or running:
        while pending and len(running) < processes:
            shard = pending.pop(0)
            running[shard] = _start(shard, environment)
        for shard, (process, output, launch, started) in list(running.items()):
            if process.poll() is None:
                continue
            del running[shard]
            output.seek(0)
            printed = output.read()
            output.close()
            runs = instance.get_runs(filters=RunsFilter(tags={LAUNCH_TAG: launch}))
            if not runs:
                raise RuntimeError(f"shard_job for {shard!r} did not start:\n{printed[-3000:]}")
            result = StoredRunResult(instance, runs[0].run_id)
            finished.append((shard, result, time.perf_counter() - started))
        time.sleep(0.2)
    return sorted(finished)


def _start(shard: str, environment: dict[str, str]):
    launch = uuid.uuid4().hex
    tags = {"dagster/partition": shard, LAUNCH_TAG: launch, HOST_TAG: socket.gethostname()}
    # a file, not a pipe (a pipe left unread blocks a chatty run); closed once the run ends
    output = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115
    process = subprocess.Popen(
        [str(DAGSTER), "job", "execute", "-m", "definitions", "-j", "shard_job"]
        + ["--tags", json.dumps(tags)],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return process, output, launch, time.perf_counter()
