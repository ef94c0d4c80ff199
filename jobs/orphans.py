"""Runs whose process is gone: a kill -9 or a crash leaves a run "Started" in the UI forever.

Dagster's run monitoring (enabled in the dagster.yaml that tasks.py writes) fails runs whose
worker never started, but it cannot see the process of a run executed in-process, as the demo
and `dagster job execute` do. So every runner start looks at the runs still marked as started
on this host and fails those whose process no longer exists.
"""

from __future__ import annotations

import socket

from dagster import DagsterEventType, DagsterInstance, DagsterRunStatus, RunsFilter

HOST_TAG = "neutune/host"
"""Run tag naming the machine a run was started on; runs from other machines are left alone."""


def fail_orphaned_runs(instance: DagsterInstance) -> list[str]:
    """Report every started run on this host whose process is gone as failed; return their ids."""
    host = socket.gethostname()
    failed = []
    for record in instance.get_run_records(filters=RunsFilter(statuses=[DagsterRunStatus.STARTED])):
        run = record.dagster_run
        if run.tags.get(HOST_TAG, host) != host:
            continue
        pid = _run_pid(instance, run.run_id)
        if pid is None or _process_alive(pid, record.start_time):
            continue
        instance.report_run_failed(
            run,
            message=f"Run process {pid} on {host} is gone (killed or crashed) while the run was "
            "in progress; marked failed when the next neutune run started. Run it again to "
            "materialize its assets.",
        )
        failed.append(run.run_id)
    return failed


def _run_pid(instance: DagsterInstance, run_id: str) -> int | None:
    """The process that executes the run: the one that reported its start."""
    records = instance.get_records_for_run(
        run_id, of_type=DagsterEventType.RUN_START, limit=1
    ).records
    event = records[0].event_log_entry.dagster_event if records else None
    return event.pid if event is not None else None


def _process_alive(pid: int, run_started: float | None) -> bool:
    """Whether `pid` is a live process that existed when the run started (not a reused pid)."""
    import psutil  # installed with peft; checks processes the same way on every platform

    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        return run_started is None or process.create_time() <= run_started + 1.0
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False
    except psutil.AccessDenied:
        return True  # another user's live process: not ours to judge
