"""The landing sensor: files colliding on one shard key block only that key."""

from __future__ import annotations

import pytest
from dagster import build_sensor_context

from corpus.ingest import IngestError
from definitions import build_definitions
from jobs import landing_sensor
from tests.conftest import DEMO_PRESET


def test_colliding_files_get_one_failing_partition_and_the_others_proceed(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "Forum Posts.jsonl").write_text('{"text": "one"}\n')
    (landing / "forum_posts.jsonl").write_text('{"text": "two"}\n')
    (landing / "news.jsonl").write_text('{"text": "three"}\n')
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    zone = defs.resources["landing"]

    result = landing_sensor(build_sensor_context(instance=instance, resources={"landing": zone}))

    assert result.dynamic_partitions_requests[0].partition_keys == [
        "forum-posts-jsonl",
        "news-jsonl",
    ]
    assert [r.partition_key for r in result.run_requests] == ["forum-posts-jsonl", "news-jsonl"]
    assert zone.shard_path("news-jsonl") == landing / "news.jsonl"
    with pytest.raises(IngestError, match=r"'Forum Posts\.jsonl' and 'forum_posts\.jsonl'.*rename"):
        zone.shard_path("forum-posts-jsonl")
