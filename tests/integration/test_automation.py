"""Automation on a real materialized corpus: a new shard flows through to the splits by the
automation conditions alone, an unchanged input re-runs nothing, a deleted shard leaves them."""

from __future__ import annotations

from dagster import AssetKey, evaluate_automation_conditions

from definitions import build_definitions
from jobs.landing import REMOVED_SHARDS_TAG
from jobs.runner import materialize_corpus
from tests.conftest import DEMO_PRESET
from tests.jobs.landing_corpus import sensor_tick, write_shard

GLOBAL_DOWNSTREAM = {
    "gendered_term_candidates",
    "dedup_clusters",
    "dataset_splits",
    "split_decontamination",
    "split_exports",
}


def _split_documents_by_shard(defs) -> dict[str, int]:
    rows = defs.resources["warehouse"].query(
        "select r.shard, count(*) as n from {schema}.dataset_splits s"
        " join {schema}.raw_documents r using (doc_id) group by r.shard"
    )
    return dict(rows.iter_rows())


def _requested(evaluation) -> set[str]:
    return {result.key.to_user_string() for result in evaluation.results if result.true_subset.size}


def test_new_shard_flows_through_and_a_deleted_shard_leaves_the_splits(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    write_shard(landing, "news.jsonl", seed=1)
    write_shard(landing, "forum.jsonl", seed=2)
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    zone = defs.resources["landing"]
    tick = sensor_tick(instance, zone)
    assert [o.label for o in materialize_corpus(defs, instance) if not o.result.success] == []
    assert _split_documents_by_shard(defs) == {"forum-jsonl": 12, "news-jsonl": 12}
    evaluation = evaluate_automation_conditions(defs, instance)
    assert evaluation.total_requested == 0  # the first evaluation only records the state

    # re-reading an unchanged catalogue (the weekly refresh) re-runs nothing downstream
    assert defs.resolve_job_def("refresh_job").execute_in_process(instance=instance).success
    evaluation = evaluate_automation_conditions(defs, instance, cursor=evaluation.cursor)
    assert evaluation.total_requested == 0

    # a deleted file: while its partition exists its documents stay in the splits (the measured
    # defect); the sensor removes the partition and its data_job run drops them
    (landing / "forum.jsonl").unlink()
    data_job = defs.resolve_job_def("data_job")
    assert data_job.execute_in_process(instance=instance).success
    assert _split_documents_by_shard(defs) == {"forum-jsonl": 12, "news-jsonl": 12}
    tick = sensor_tick(instance, zone, tick.cursor)
    (request,) = tick.run_requests
    assert request.tags[REMOVED_SHARDS_TAG] == "forum-jsonl"
    assert data_job.execute_in_process(instance=instance, tags=request.tags).success
    assert _split_documents_by_shard(defs) == {"news-jsonl": 12}
    manifest = defs.load_asset_value("split_exports", instance=instance)
    assert manifest.documents <= 12
    evaluation = evaluate_automation_conditions(defs, instance, cursor=evaluation.cursor)
    assert evaluation.total_requested == 0  # that run updated the global assets together

    # a new file: the sensor runs its shard; the conditions then request every global asset,
    # even though a shard of two colliding files never materializes (it blocks only itself)
    write_shard(landing, "essays.jsonl", seed=3, n_documents=9)
    write_shard(landing, "Notes 1.jsonl", seed=4)
    write_shard(landing, "notes_1.jsonl", seed=5)
    tick = sensor_tick(instance, zone, tick.cursor)
    assert [r.partition_key for r in tick.run_requests] == ["essays-jsonl", "notes-1-jsonl"]
    shard_job = defs.resolve_job_def("shard_job")
    for request, succeeds in zip(tick.run_requests, (True, False), strict=True):
        run = shard_job.execute_in_process(
            instance=instance, partition_key=request.partition_key, raise_on_error=False
        )
        assert run.success == succeeds
    evaluation = evaluate_automation_conditions(defs, instance, cursor=evaluation.cursor)
    assert _requested(evaluation) == GLOBAL_DOWNSTREAM
    automated = data_job.execute_in_process(
        instance=instance, asset_selection=[AssetKey(key) for key in _requested(evaluation)]
    )
    assert automated.success
    assert _split_documents_by_shard(defs) == {"essays-jsonl": 9, "news-jsonl": 12}
    evaluation = evaluate_automation_conditions(defs, instance, cursor=evaluation.cursor)
    assert evaluation.total_requested == 0  # settled: nothing more to do
