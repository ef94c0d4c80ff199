"""The README's demo command, run as a newcomer runs it, records real runs in DAGSTER_HOME."""

from __future__ import annotations

import os
import subprocess
import sys

from dagster import AssetKey, DagsterInstance
from dagster._core.instance.ref import InstanceRef

from tests.conftest import PROJECT_ROOT
from tests.integration.conftest import QUICK_PRESET


def test_demo_command_materializes_everything_and_records_runs(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "NEUTUNE_DATA_ROOT": str(tmp_path / "data"),
        "NEUTUNE_LANDING_DIR": str(tmp_path / "data" / "landing"),
    }
    env["NEUTUNE_PRESET"] = str(QUICK_PRESET)  # the demo's corpus settings, two quick strategies
    done = _run_demo(env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAILED" not in done.stdout
    assert "[8/8] global: ok" in done.stdout
    assert "dataset_splits" in done.stdout
    assert "training base model" in done.stdout
    assert "training model 4/4: head_only x original" in done.stdout
    assert "step 4/4 loss" in done.stdout  # the trainer's progress reaches the terminal
    assert "strategy report: " in done.stdout and "report.html" in done.stdout
    assert "| head_only/original |" in done.stdout  # the headline table is printed

    with DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance:
        assert instance.get_runs_count() == 8 + 5 + 7  # data; base + 4 models; evaluation
        assert len(instance.get_dynamic_partitions("corpus_shards")) == 6

    again = _run_demo(env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "using the shards already in" in again.stdout
    first, second = _table_sizes(done.stdout), _table_sizes(again.stdout)
    assert first.items() <= second.items()  # re-runs replace, never append
    assert set(second) - set(first) == {"generation_prompts", "minimal_pairs"}  # made after it
    assert "training model 1/4: lora x neutral" in again.stdout
    with DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance:
        records = instance.fetch_materializations(AssetKey("finetuned_model"), limit=4).records
        assert len(records) == 4  # the second run's four: unchanged inputs, artifacts reused
        assert all(r.asset_materialization.metadata["reused"].value for r in records)


def _run_demo(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jobs.demo"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _table_sizes(stdout: str) -> dict[str, int]:
    """Table -> rows from the demo's warehouse summary lines ('[neutune]   name   12 rows')."""
    sizes = {}
    for line in stdout.splitlines():
        if line.rstrip().endswith(" rows"):
            name, rows = line.split()[1:3]
            sizes[name] = int(rows)
    return sizes
