"""The code location loads, every job resolves, and the asset graph matches its snapshot."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from dagster import build_sensor_context

from definitions import build_definitions
from jobs import landing_sensor
from tests.conftest import DEMO_PRESET

SNAPSHOT = Path(__file__).parent / "snapshots" / "asset_graph.json"
KIND_TAG = "dagster/kind/"


def _graph_snapshot(defs) -> dict:
    graph = defs.resolve_asset_graph()
    nodes = {}
    for key in sorted(graph.get_all_asset_keys()):
        node = graph.get(key)
        condition = node.automation_condition
        nodes[key.to_user_string()] = {
            "group": node.group_name,
            "deps": sorted(parent.to_user_string() for parent in node.parent_keys),
            "partitions": type(node.partitions_def).__name__ if node.partitions_def else None,
            "checks": sorted(check.name for check in node.check_keys),
            "kinds": sorted(
                tag.removeprefix(KIND_TAG) for tag in node.tags if tag.startswith(KIND_TAG)
            ),
            "automation": (condition.get_label() or condition.name) if condition else None,
            "tags": {k: v for k, v in sorted(node.tags.items()) if not k.startswith(KIND_TAG)},
        }
    return nodes


def test_every_job_and_sensor_resolves(tmp_path):
    defs = build_definitions(tmp_path / "data", tmp_path / "landing", DEMO_PRESET)
    for name in ("data_job", "shard_job", "refresh_job", "training_job", "evaluation_job"):
        assert defs.resolve_job_def(name).name == name
    for name in ("landing_sensor", "automation_sensor"):
        assert defs.resolve_sensor_def(name).name == name
    assert defs.resolve_schedule_def("weekly_refresh").job_name == "refresh_job"
    assert defs.resolve_asset_graph().get_all_asset_keys()


def test_asset_graph_matches_snapshot(tmp_path):
    """Lineage changes show up in review: regenerate with NEUTUNE_UPDATE_SNAPSHOT=1."""
    snapshot = _graph_snapshot(
        build_definitions(tmp_path / "data", tmp_path / "landing", DEMO_PRESET)
    )
    if os.environ.get("NEUTUNE_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(snapshot, indent=2, sort_keys=True) + "\n")
    assert SNAPSHOT.exists(), "no snapshot yet: run the tests once with NEUTUNE_UPDATE_SNAPSHOT=1"
    assert snapshot == json.loads(SNAPSHOT.read_text())


def test_landing_sensor_adds_partitions_and_requests_new_or_changed_shards(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "a.jsonl").write_text('{"text": "one"}\n')
    (landing / "notes.docx").write_text("unsupported, reported not ingested")
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    resources = {"landing": defs.resources["landing"]}

    first = landing_sensor(build_sensor_context(instance=instance, resources=resources))
    assert [r.partition_key for r in first.run_requests] == ["a-jsonl"]
    assert first.dynamic_partitions_requests[0].partition_keys == ["a-jsonl"]
    instance.add_dynamic_partitions("corpus_shards", ["a-jsonl"])

    quiet = landing_sensor(
        build_sensor_context(instance=instance, resources=resources, cursor=first.cursor)
    )
    assert quiet.run_requests == [] and quiet.dynamic_partitions_requests == []

    time.sleep(0.01)
    (landing / "a.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n')
    (landing / "b.parquet").write_bytes(b"")
    changed = landing_sensor(
        build_sensor_context(instance=instance, resources=resources, cursor=quiet.cursor)
    )
    assert sorted(r.partition_key for r in changed.run_requests) == ["a-jsonl", "b-parquet"]
    assert changed.dynamic_partitions_requests[0].partition_keys == ["b-parquet"]
