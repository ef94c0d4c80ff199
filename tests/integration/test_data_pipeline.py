"""Materialize the real data graph through Dagster on a small demo corpus."""

from __future__ import annotations

import shutil

import duckdb
import pytest
from dagster import AssetCheckSeverity, AssetKey

from corpus.demo import DemoCorpusConfig, write_demo_corpus
from definitions import build_definitions
from jobs.runner import materialize_corpus, row_counts
from tests.conftest import DEMO_PRESET

QUARANTINE_REASONS = {
    "invalid_json",
    "invalid_utf8",
    "missing_text_field",
    "non_string_text",
    "empty_text",
}


@pytest.fixture(scope="module")
def demo_landing(tmp_path_factory):
    landing = tmp_path_factory.mktemp("landing")
    manifest = write_demo_corpus(landing, DemoCorpusConfig(n_documents=400))
    return landing, manifest


def _query(defs, sql: str):
    return defs.resources["warehouse"].query(sql)


def test_demo_corpus_materializes_and_every_row_is_accounted_for(tmp_path, instance, demo_landing):
    landing, manifest = demo_landing
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    outcomes = materialize_corpus(defs, instance)

    assert [o.label for o in outcomes if not o.result.success] == []
    shards = sorted(defs.resources["landing"].shards())
    assert sorted(instance.get_dynamic_partitions("corpus_shards")) == shards
    for outcome in outcomes:
        for evaluation in outcome.result.get_asset_check_evaluations():
            if evaluation.severity == AssetCheckSeverity.ERROR:
                assert evaluation.passed, (outcome.label, evaluation.check_name, evaluation.metadata)

    totals = _query(
        defs,
        "select (select count(*) from {schema}.raw_documents) as raw,"
        " (select count(*) from {schema}.quarantine) as quarantined,"
        " (select count(*) from {schema}.clean_documents) as clean,"
        " (select count(*) from {schema}.filtered_documents) as filtered",
    ).row(0, named=True)
    assert totals["raw"] == manifest.n_documents
    assert totals["quarantined"] == manifest.n_broken
    assert totals["raw"] == totals["clean"] + totals["filtered"]
    assert totals["filtered"] > 0 and totals["clean"] > 0.8 * totals["raw"]

    reasons = set(_query(defs, "select distinct reason from {schema}.quarantine")["reason"])
    assert reasons >= QUARANTINE_REASONS
    rules = set(_query(defs, "select distinct rule from {schema}.filtered_documents")["rule"])
    assert len(rules) >= 3

    # every row traces back to its file and line
    traced = _query(
        defs,
        "select count(*) as n from {schema}.clean_documents c join {schema}.raw_documents r"
        " using (doc_id) where r.source_path is null or r.source_line < 1",
    )["n"][0]
    assert traced == 0

    # the warehouse is plain DuckDB, queryable from outside Dagster
    with duckdb.connect(defs.resources["warehouse"].database, read_only=True) as connection:
        assert connection.execute("select count(*) from neutune.raw_documents").fetchone()[0] > 0

    # re-materializing a partition replaces its rows: no duplicates
    shard = shards[0]
    before = _query(
        defs, f"select count(*) as n from {{schema}}.raw_documents where shard = '{shard}'"
    )
    job = defs.resolve_job_def("data_job")
    again = job.execute_in_process(
        instance=instance,
        partition_key=shard,
        asset_selection=[AssetKey("raw_documents"), AssetKey("quarantine")],
    )
    assert again.success
    after = _query(
        defs, f"select count(*) as n from {{schema}}.raw_documents where shard = '{shard}'"
    )
    assert after["n"][0] == before["n"][0]
    assert row_counts(again)["raw_documents"] == before["n"][0]


def test_a_shard_whose_file_vanished_fails_with_a_clear_message(tmp_path, instance, demo_landing):
    landing, _ = demo_landing
    copy = tmp_path / "landing"
    shutil.copytree(landing, copy)
    defs = build_definitions(tmp_path / "data", copy, DEMO_PRESET)
    instance.add_dynamic_partitions("corpus_shards", ["vanished-jsonl"])
    result = defs.resolve_job_def("data_job").execute_in_process(
        instance=instance,
        partition_key="vanished-jsonl",
        asset_selection=[AssetKey("raw_documents"), AssetKey("quarantine")],
        raise_on_error=False,
    )
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    assert "shard 'vanished-jsonl' has no file" in failure.step_failure_data.error.to_string()
