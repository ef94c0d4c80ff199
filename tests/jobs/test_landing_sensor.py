"""The landing sensor on a temporary landing folder: new, changed, touched and deleted files."""

from __future__ import annotations

import os

from assets.landing import DATA_VERSION_TAG, LANDING_FILES, observed_version
from corpus.atomic_files import file_sha256
from definitions import build_definitions
from jobs.landing import REMOVED_SHARDS_TAG
from jobs.runner import register_shards
from tests.conftest import DEMO_PRESET
from tests.jobs.landing_corpus import sensor_tick, write_shard


def test_new_changed_touched_and_deleted_landing_files(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    news = write_shard(landing, "news.jsonl", seed=1)
    write_shard(landing, "forum.jsonl", seed=2)
    zone = build_definitions(tmp_path / "data", landing, DEMO_PRESET).resources["landing"]

    # new files: partitions added, one shard_job run each, observed with path, size, sha256
    first = sensor_tick(instance, zone)
    assert sorted(instance.get_dynamic_partitions("corpus_shards")) == ["forum-jsonl", "news-jsonl"]
    assert [(r.job_name, r.partition_key) for r in first.run_requests] == [
        ("shard_job", "forum-jsonl"),
        ("shard_job", "news-jsonl"),
    ]
    observed = {event.partition: event for event in first.asset_events}
    assert {event.asset_key for event in first.asset_events} == {LANDING_FILES}
    (news_file,) = observed["news-jsonl"].metadata["files"].value
    assert news_file == {
        "path": str(news),
        "size": news.stat().st_size,
        "sha256": file_sha256(news),
    }
    first_version = observed["news-jsonl"].tags[DATA_VERSION_TAG]

    # nothing changed, or only the mtime: no run, no observation
    quiet = sensor_tick(instance, zone, first.cursor)
    assert quiet.run_requests == [] and quiet.asset_events == []
    stat = news.stat()
    os.utime(news, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    touched = sensor_tick(instance, zone, quiet.cursor)
    assert touched.run_requests == [] and touched.asset_events == []

    # an edited file re-runs its shard only, under a new data version
    write_shard(landing, "news.jsonl", seed=3)
    edited = sensor_tick(instance, zone, touched.cursor)
    assert [r.partition_key for r in edited.run_requests] == ["news-jsonl"]
    (observation,) = edited.asset_events
    assert observation.partition == "news-jsonl"
    assert observation.tags[DATA_VERSION_TAG] != first_version
    assert edited.dynamic_partitions_requests == []

    # a deleted file: its partition removed, and data_job requested, tagged with the shard
    (landing / "forum.jsonl").unlink()
    deleted = sensor_tick(instance, zone, edited.cursor)
    assert instance.get_dynamic_partitions("corpus_shards") == ["news-jsonl"]
    (request,) = deleted.run_requests
    assert request.job_name == "data_job" and request.partition_key is None
    assert request.tags[REMOVED_SHARDS_TAG] == "forum-jsonl"
    assert sensor_tick(instance, zone, deleted.cursor).run_requests == []  # reported once

    # the file comes back with the same content: a new partition and a run (new run key)
    write_shard(landing, "forum.jsonl", seed=2)
    back = sensor_tick(instance, zone, deleted.cursor)
    assert [r.partition_key for r in back.run_requests] == ["forum-jsonl"]
    assert back.run_requests[0].run_key != first.run_requests[0].run_key

    # ...and vanishes again: reported again (a run key would have swallowed the second report)
    (landing / "forum.jsonl").unlink()
    (again,) = sensor_tick(instance, zone, back.cursor).run_requests
    assert again.job_name == "data_job" and again.tags[REMOVED_SHARDS_TAG] == "forum-jsonl"
    assert again.run_key is None


def test_a_cursor_of_the_earlier_format_counts_as_nothing_seen(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    write_shard(landing, "news.jsonl", seed=1)
    instance.add_dynamic_partitions("corpus_shards", ["news-jsonl"])
    zone = build_definitions(tmp_path / "data", landing, DEMO_PRESET).resources["landing"]
    result = sensor_tick(instance, zone, cursor='{"news-jsonl": [120, 1700000000]}')
    assert [r.partition_key for r in result.run_requests] == ["news-jsonl"]


def test_shards_ingested_outside_the_sensor_are_not_run_again(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    write_shard(landing, "news.jsonl", seed=1)
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    assert register_shards(defs, instance) == ["news-jsonl"]  # what the demo and the CLI do
    assert observed_version(instance, "news-jsonl") is not None
    first = sensor_tick(instance, defs.resources["landing"])
    assert first.run_requests == [] and first.asset_events == []
    write_shard(landing, "news.jsonl", seed=5)
    edited = sensor_tick(instance, defs.resources["landing"], first.cursor)
    assert [r.partition_key for r in edited.run_requests] == ["news-jsonl"]
