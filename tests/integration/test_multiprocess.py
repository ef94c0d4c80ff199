"""shard_processes: 2 in the preset: two shards' runs side by side, each step in its own process
(Dagster's multiprocess executor), and the rows they write land as with one process."""

from __future__ import annotations

import os

import yaml
from dagster import DagsterEventType, DagsterRunStatus, RunsFilter

from definitions import build_definitions
from jobs.parallel import run_shards_in_parallel
from tests.conftest import DEMO_PRESET
from tests.jobs.landing_corpus import sensor_tick, write_shard


def test_two_shards_run_side_by_side_in_step_processes(tmp_path, instance):
    preset = yaml.safe_load(DEMO_PRESET.read_text())
    preset["automation"] = {**preset["automation"], "shard_processes": 2}
    preset["catalogue"] = {}  # the default catalogue (the demo's paths are relative to config/)
    preset_path = tmp_path / "preset.yaml"
    preset_path.write_text(yaml.safe_dump(preset))
    landing = tmp_path / "landing"
    landing.mkdir()
    write_shard(landing, "news.jsonl", seed=1, n_documents=10)
    write_shard(landing, "forum.jsonl", seed=2, n_documents=7)
    defs = build_definitions(tmp_path / "data", landing, preset_path)
    assert defs.resolve_job_def("shard_job").executor_def.name == "multiprocess"
    sensor_tick(instance, defs.resources["landing"])
    catalogue = defs.resolve_job_def("refresh_job").execute_in_process(instance=instance)
    assert catalogue.success

    outcomes = run_shards_in_parallel(defs, instance, ["forum-jsonl", "news-jsonl"], processes=2)

    assert [(shard, result.success) for shard, result, _ in outcomes] == [
        ("forum-jsonl", True),
        ("news-jsonl", True),
    ]
    step_pids = {
        shard: {
            event.pid
            for event in result.all_events
            if event.event_type == DagsterEventType.STEP_START
        }
        for shard, result, _ in outcomes
    }
    assert all(len(pids) == 3 for pids in step_pids.values())  # ingest, cleaning, rewriting
    assert os.getpid() not in set.union(*step_pids.values())
    assert step_pids["forum-jsonl"] != step_pids["news-jsonl"]
    records = instance.get_run_records(filters=RunsFilter(job_name="shard_job"))
    assert [record.dagster_run.status for record in records] == [DagsterRunStatus.SUCCESS] * 2
    (first, second) = sorted((r.start_time, r.end_time) for r in records)
    assert second[0] < first[1]  # the second run started before the first ended
    rows = defs.resources["warehouse"].query(
        "select shard, count(*) as n from {schema}.raw_documents group by shard order by shard"
    )
    assert rows.rows() == [("forum-jsonl", 7), ("news-jsonl", 10)]
    neutral = defs.resources["warehouse"].query(
        "select count(*) as n from {schema}.neutral_documents"
    )
    assert neutral["n"][0] > 0
