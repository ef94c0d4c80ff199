"""The README's Dagster CLI commands work as typed: per shard (shard_job) and global (data_job)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
from dagster import AssetKey, DagsterInstance, DagsterRunStatus
from dagster._core.instance.ref import InstanceRef

from tests.conftest import PROJECT_ROOT

DAGSTER = Path(sys.executable).parent / "dagster"


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def test_shard_and_global_jobs_run_from_the_dagster_cli(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    landing = tmp_path / "data" / "landing"
    landing.mkdir(parents=True)
    (landing / "news.jsonl").write_text(
        "".join(
            json.dumps({"text": f"Report {i}: the chairman said he would open the new library."})
            + "\n"
            for i in range(12)
        )
    )
    (landing / "essays.txt").write_text(
        "\n\n".join(f"Essay {i}: every policewoman on the street knew her name." for i in range(8))
    )
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "NEUTUNE_DATA_ROOT": str(tmp_path / "data"),
        "NEUTUNE_LANDING_DIR": str(landing),
    }
    env.pop("NEUTUNE_PRESET", None)
    execute = [str(DAGSTER), "job", "execute", "-m", "definitions", "-j"]
    materialize = [str(DAGSTER), "asset", "materialize", "-m", "definitions", "--select"]

    registered = _run(env, sys.executable, "-m", "jobs.runner", "register")
    shards = registered.stdout.split(": ", 1)[1].strip().split(", ")
    assert shards == ["essays-txt", "news-jsonl"]
    _run(env, *materialize, "gender_catalogue")
    for shard in shards:
        _run(env, *execute, "shard_job", "--tags", json.dumps({"dagster/partition": shard}))
    _run(env, *execute, "data_job")

    with DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance:
        runs = instance.get_runs()
        assert {run.status for run in runs} == {DagsterRunStatus.SUCCESS}
        assert sorted(run.job_name for run in runs) == ["__ASSET_JOB", "data_job"] + [
            "shard_job"
        ] * len(shards)
        for asset in ("raw_documents", "neutral_documents", "dedup_clusters", "dataset_splits"):
            assert instance.get_latest_materialization_event(AssetKey(asset)) is not None, asset
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        raw, neutral, split = connection.execute(
            "select (select count(*) from neutune.raw_documents),"
            " (select count(*) from neutune.neutral_documents),"
            " (select count(*) from neutune.dataset_splits)"
        ).fetchone()
    assert raw == 20 and split == neutral > 0
