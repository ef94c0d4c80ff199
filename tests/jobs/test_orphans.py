"""A run whose process was killed with kill -9 is marked failed when the next run starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dagster import DagsterInstance, DagsterRunStatus
from dagster._core.instance.ref import InstanceRef

from jobs.orphans import fail_orphaned_runs

SLEEPY_RUN = """
import pathlib, sys, time
from dagster import DagsterInstance, job, op

@op
def wait_to_be_killed():
    pathlib.Path(sys.argv[1]).write_text("started")
    time.sleep(300)

@job
def sleepy():
    wait_to_be_killed()

with DagsterInstance.get() as instance:
    sleepy.execute_in_process(instance=instance)
"""


def _start_run(home: Path, marker: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", SLEEPY_RUN, str(marker)],
        env={**os.environ, "DAGSTER_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the run in the subprocess did not start")
        time.sleep(0.1)
    return process


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is a POSIX signal")
def test_a_killed_run_is_marked_failed_and_a_live_one_is_left_alone(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    killed = _start_run(home, tmp_path / "killed.marker")
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    alive = _start_run(home, tmp_path / "alive.marker")
    try:
        with DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance:
            runs = {run.run_id: run for run in instance.get_runs()}
            assert [run.status for run in runs.values()] == [DagsterRunStatus.STARTED] * 2

            failed = fail_orphaned_runs(instance)

            (failed_id,) = failed
            assert instance.get_run_by_id(failed_id).status == DagsterRunStatus.FAILURE
            (live_id,) = set(runs) - {failed_id}
            assert instance.get_run_by_id(live_id).status == DagsterRunStatus.STARTED
            messages = [entry.message for entry in instance.all_logs(failed_id)]
            assert any(f"Run process {killed.pid}" in m and "is gone" in m for m in messages)
            assert fail_orphaned_runs(instance) == []  # nothing left to mark
    finally:
        alive.kill()
        alive.wait()
