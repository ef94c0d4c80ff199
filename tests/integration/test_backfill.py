"""A catalogue edit, then one backfill: every shard's neutral_documents is stale, the backfill
re-runs them, their data versions change, and the model trained on the old splits is stale."""

from __future__ import annotations

import shutil

import yaml
from dagster import AssetKey, evaluate_automation_conditions

# No public staleness API in dagster 1.13: the resolver the UI itself uses for "stale" badges,
# built as dagster's own test helper (dagster._utils.test.data_versions) builds it.
from dagster._core.asset_graph_view.asset_graph_view import AssetGraphView, TemporalContext
from dagster._core.definitions.data_version import (
    CachingStaleStatusResolver,
    StaleCauseCategory,
    StaleStatus,
)
from dagster._time import get_current_datetime

from definitions import build_definitions
from jobs.runner import materialize_corpus
from tests.conftest import DEMO_PRESET, PROJECT_ROOT
from tests.jobs.landing_corpus import sensor_tick, write_shard

QUICK_TRAINING = PROJECT_ROOT / "tests" / "data" / "quick_training.yaml"
NEUTRAL = AssetKey("neutral_documents")
BASE_MODEL = AssetKey("base_model")


def _preset_with_catalogue_copy(tmp_path):
    """The demo preset with the quick training section and a catalogue the test may edit."""
    catalogue = tmp_path / "gender_catalogue.csv"
    shutil.copy(PROJECT_ROOT / "corpus" / "data" / "gender_catalogue.csv", catalogue)
    preset = yaml.safe_load(DEMO_PRESET.read_text())
    preset["catalogue"] = {
        "path": str(catalogue),
        "exclusions_path": str(PROJECT_ROOT / "corpus" / "data" / "gender_exclusions.csv"),
    }
    preset["training"] = yaml.safe_load(QUICK_TRAINING.read_text())["training"]
    path = tmp_path / "preset.yaml"
    path.write_text(yaml.safe_dump(preset))
    return path, catalogue


def _staleness(instance, defs) -> CachingStaleStatusResolver:
    """What the UI would show now (a resolver caches: build one per point in time)."""
    graph = defs.resolve_asset_graph()
    view = AssetGraphView(
        temporal_context=TemporalContext(effective_dt=get_current_datetime(), last_event_id=None),
        instance=instance,
        asset_graph=graph,
    )
    return CachingStaleStatusResolver(instance=instance, asset_graph=graph, loading_context=view)


def test_catalogue_edit_then_backfill_reruns_every_shard_and_marks_the_model_stale(
    tmp_path, instance
):
    preset, catalogue = _preset_with_catalogue_copy(tmp_path)
    landing = tmp_path / "landing"
    landing.mkdir()
    write_shard(landing, "news.jsonl", seed=1)  # both seeds write "chairman"
    write_shard(landing, "forum.jsonl", seed=2)
    defs = build_definitions(tmp_path / "data", landing, preset)
    sensor_tick(instance, defs.resources["landing"])
    assert [o.label for o in materialize_corpus(defs, instance) if not o.result.success] == []
    training_job = defs.resolve_job_def("training_job")
    assert training_job.execute_in_process(instance=instance, asset_selection=[BASE_MODEL]).success
    shards = sorted(instance.get_dynamic_partitions("corpus_shards"))
    resolver = _staleness(instance, defs)
    before = {shard: resolver.get_current_data_version(NEUTRAL, shard) for shard in shards}
    export_before = resolver.get_current_data_version(AssetKey("split_exports"))
    evaluation = evaluate_automation_conditions(defs, instance)
    assert {resolver.get_status(NEUTRAL, shard) for shard in shards} == {StaleStatus.FRESH}

    # edit the catalogue; the refresh (weekly schedule, or by hand) reads it: new data version
    catalogue.write_text(catalogue.read_text().replace("chairman,chairperson,", "chairman,chair,"))
    assert defs.resolve_job_def("refresh_job").execute_in_process(instance=instance).success
    resolver = _staleness(instance, defs)
    assert {resolver.get_status(NEUTRAL, shard) for shard in shards} == {StaleStatus.STALE}
    evaluation = evaluate_automation_conditions(defs, instance, cursor=evaluation.cursor)
    assert evaluation.get_requested_partitions(NEUTRAL) == set(shards)  # automation agrees

    # the backfill: neutral_documents and what depends on it, every shard, then the globals
    shard_job = defs.resolve_job_def("shard_job")
    for shard in shards:
        run = shard_job.execute_in_process(
            instance=instance,
            partition_key=shard,
            asset_selection=[NEUTRAL, AssetKey("rewrite_log")],
        )
        assert run.success
    assert defs.resolve_job_def("data_job").execute_in_process(instance=instance).success

    resolver = _staleness(instance, defs)
    after = {shard: resolver.get_current_data_version(NEUTRAL, shard) for shard in shards}
    assert all(after[shard] != before[shard] for shard in shards)
    assert resolver.get_current_data_version(AssetKey("split_exports")) != export_before
    texts = defs.resources["warehouse"].query("select text from {schema}.neutral_documents")
    assert texts["text"].str.contains(r"\bchair\b").any()
    assert not texts["text"].str.contains("chairperson").any()
    assert {resolver.get_status(NEUTRAL, shard) for shard in shards} == {StaleStatus.FRESH}
    assert resolver.get_status(BASE_MODEL) == StaleStatus.STALE
    causes = resolver.get_stale_causes(BASE_MODEL)  # trained on splits that have changed
    assert AssetKey("split_exports") in {
        cause.dependency.asset_key
        for cause in causes
        if cause.category == StaleCauseCategory.DATA and cause.dependency
    }
