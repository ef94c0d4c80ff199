"""Materialize the real data graph through Dagster on a small demo corpus."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest
from dagster import AssetCheckSeverity, AssetKey, Definitions, asset

from assets import build_leakage_check, corpus_assets
from corpus.atomic_files import file_sha256
from corpus.demo import DemoCorpusConfig, write_demo_corpus
from corpus.splits import (
    ARMS,
    NEUTRAL_ARM,
    ORIGINAL_ARM,
    SPLITS,
    SplitManifest,
    load_manifest,
    verify_manifest,
)
from definitions import build_definitions
from jobs.data import DATA_GROUPS
from jobs.runner import materialize_corpus, register_shards, row_counts
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
                assert evaluation.passed, (
                    outcome.label,
                    evaluation.check_name,
                    evaluation.metadata,
                )

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

    # each shard's ingest and cleaning report how fast they ran
    for table in ("raw_documents", "clean_documents"):
        metadata = instance.get_latest_materialization_event(
            AssetKey(table)
        ).asset_materialization.metadata
        assert metadata["throughput_mb_per_s"].value > 0, table
        assert metadata["throughput_docs_per_s"].value > 0, table

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
    job = defs.resolve_job_def("shard_job")
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
    result = defs.resolve_job_def("shard_job").execute_in_process(
        instance=instance,
        partition_key="vanished-jsonl",
        asset_selection=[AssetKey("raw_documents"), AssetKey("quarantine")],
        raise_on_error=False,
    )
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    assert "shard 'vanished-jsonl' has no file" in failure.step_failure_data.error.to_string()


def _doc_ids_by_position(defs) -> dict[tuple[str, int], str]:
    rows = _query(
        defs, "select source_path, source_line, doc_id from {schema}.raw_documents"
    ).rows()
    return {(path.rsplit("/", 1)[-1], line): doc_id for path, line, doc_id in rows}


def test_rewrite_dedup_and_splits_on_the_demo(tmp_path, instance, demo_landing):
    landing, manifest = demo_landing
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    outcomes = materialize_corpus(defs, instance)
    assert [o.label for o in outcomes if not o.result.success] == []

    # rewriting: one neutral row per clean row; every log entry points at its original text
    counts = _query(
        defs,
        "select (select count(*) from {schema}.clean_documents) as clean,"
        " (select count(*) from {schema}.neutral_documents) as neutral,"
        " (select count(*) from {schema}.rewrite_log) as changes",
    ).row(0, named=True)
    assert counts["neutral"] == counts["clean"] and counts["changes"] > counts["clean"]
    misplaced = _query(
        defs,
        "select count(*) as n from {schema}.rewrite_log l join {schema}.clean_documents c"
        " using (doc_id) where substring(c.text, l.start + 1, l.end - l.start) <> l.original",
    )["n"][0]
    assert misplaced == 0
    leftover = _query(
        defs,
        "select count(*) as n from {schema}.neutral_documents"
        " where regexp_matches(text, '\\b(chairman|policewoman|stewardess|he|she)\\b')",
    )["n"][0]
    assert leftover == 0
    # the rewrite reports its throughput per shard, as the UI shows it
    rewritten = instance.get_latest_materialization_event(AssetKey("neutral_documents"))
    metadata = rewritten.asset_materialization.metadata
    assert metadata["text_mb"].value > 0 and metadata["rewrite_seconds"].value > 0
    assert metadata["throughput_mb_per_s"].value == pytest.approx(
        metadata["text_mb"].value / metadata["rewrite_seconds"].value, rel=0.01
    )
    assert metadata["throughput_docs_per_s"].value > 0

    # dedup: the demo's planted exact/near/gender-variant copies share their original's cluster
    position = _doc_ids_by_position(defs)
    cluster = dict(_query(defs, "select doc_id, cluster_id from {schema}.dedup_clusters").rows())
    planted = [
        (
            position.get((p.file, p.source_line)),
            position.get((p.original_file, p.original_source_line)),
        )
        for p in manifest.planted_duplicates
    ]
    pairs = [(a, b) for a, b in planted if a in cluster and b in cluster]  # both survived cleaning
    assert len(pairs) >= 0.9 * len(planted)
    found = sum(cluster[a] == cluster[b] for a, b in pairs)
    assert found / len(pairs) >= 0.95

    # splits: a cluster never straddles splits; both arms hold the same documents
    straddling = _query(
        defs,
        "select count(*) as n from (select cluster_id from {schema}.dataset_splits"
        " group by cluster_id having count(distinct split) > 1)",
    )["n"][0]
    assert straddling == 0
    materialization = instance.get_latest_materialization_event(AssetKey("split_exports"))
    export_dir = materialization.asset_materialization.metadata["export_directory"].value
    split_manifest = load_manifest(Path(export_dir))
    by_key = {(e.split, e.arm): e for e in split_manifest.exports}
    assert set(by_key) == set(itertools.product(SPLITS, ARMS))
    for split in SPLITS:
        neutral = pl.read_parquet(by_key[(split, NEUTRAL_ARM)].path)
        original = pl.read_parquet(by_key[(split, ORIGINAL_ARM)].path)
        assert neutral["doc_id"].to_list() == original["doc_id"].to_list()
        assert neutral.height == by_key[(split, NEUTRAL_ARM)].rows
    assert by_key[("train", NEUTRAL_ARM)].rows > 5 * by_key[("test", NEUTRAL_ARM)].rows > 0

    # adding a shard extends the signature index and moves no existing document
    before = dict(_query(defs, "select doc_id, split from {schema}.dataset_splits").rows())
    (landing / "extra.jsonl").write_text(
        '{"text": "The new chairman said he would review the budget of the council next week."}\n'
    )
    try:
        outcomes = materialize_corpus(defs, instance)
        assert [o.label for o in outcomes if not o.result.success] == []
    finally:
        (landing / "extra.jsonl").unlink()
    after = dict(_query(defs, "select doc_id, split from {schema}.dataset_splits").rows())
    assert len(after) == len(before) + 1
    assert all(after[doc_id] == split for doc_id, split in before.items())
    dedup_event = instance.get_latest_materialization_event(AssetKey("dedup_clusters"))
    dedup_metadata = dedup_event.asset_materialization.metadata
    assert dedup_metadata["signatures_reused"].value == len(before)
    assert dedup_metadata["docs_per_second"].value > 0  # throughput shown per materialization

    # an evaluation table registered with the leakage check fails it when it copies train text
    train_text = pl.read_parquet(by_key[("train", NEUTRAL_ARM)].path)["text"][0]

    @asset(name="eval_prompts")
    def eval_prompts() -> pl.DataFrame:
        return pl.DataFrame({"text": [train_text, "A fresh prompt that nobody has ever written."]})

    guarded = Definitions(
        assets=[*corpus_assets, eval_prompts],
        asset_checks=[build_leakage_check("eval_prompts")],
        resources=defs.resources,
    )
    result = guarded.resolve_implicit_global_asset_job_def().execute_in_process(
        instance=instance, asset_selection=[AssetKey("eval_prompts")], raise_on_error=False
    )
    (evaluation,) = result.get_asset_check_evaluations()
    assert not evaluation.passed
    assert evaluation.metadata["offenders"].value == 1


def test_split_exports_manifest_matches_its_files_and_tables_carry_their_columns(
    tmp_path, instance, demo_landing
):
    landing, _ = demo_landing
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    outcomes = materialize_corpus(defs, instance)
    assert [o.label for o in outcomes if not o.result.success] == []

    # the manifest as the asset's value, loaded the way a downstream asset (training) gets it
    manifest = defs.load_asset_value("split_exports", instance=instance)
    assert isinstance(manifest, SplitManifest)
    assert manifest == load_manifest(Path(manifest.directory))
    assert [(e.split, e.arm) for e in manifest.exports] == list(itertools.product(SPLITS, ARMS))
    for entry in (*manifest.exports, *manifest.train_ngrams):
        assert Path(entry.path).parent == Path(manifest.directory)
        assert file_sha256(Path(entry.path)) == entry.sha256
    assert verify_manifest(manifest) == []
    exported = sum(e.rows for e in manifest.exports if e.arm == NEUTRAL_ARM)
    assert exported == manifest.documents > 0

    event = instance.get_latest_materialization_event(AssetKey("split_exports"))
    assert event.asset_materialization.tags["dagster/data_version"] == manifest.version
    metadata = event.asset_materialization.metadata
    assert metadata["train/neutral"].value["rows"] == manifest.export("train", NEUTRAL_ARM).rows
    checks = {
        evaluation.check_name: evaluation.passed
        for outcome in outcomes
        for evaluation in outcome.result.get_asset_check_evaluations()
        if evaluation.asset_key == AssetKey("split_exports")
    }
    assert checks == {
        "no_doc_in_two_splits": True,
        "no_cluster_in_two_splits": True,
        "eval_ngram_overlap_with_train": True,
    }

    # every warehouse table's materialization lists its columns, matching the stored table
    warehouse = defs.resources["warehouse"]
    tables = warehouse.query(
        "select table_name from information_schema.tables where table_schema = ?",
        [warehouse.schema_name],
    )["table_name"].to_list()
    graph = defs.resolve_asset_graph()
    assert set(tables) == {
        key.to_user_string()
        for key in graph.get_all_asset_keys()
        if "duckdb" in graph.get(key).kinds and graph.get(key).group_name in DATA_GROUPS
    }
    for table in tables:
        event = instance.get_latest_materialization_event(AssetKey(table))
        schema = event.asset_materialization.metadata["dagster/column_schema"].value
        stored = warehouse.query(f"select * from {{schema}}.{table} limit 0").columns
        assert [column.name for column in schema.columns] == stored, table


# A WikiText-style shard written for this test: clitics split off, " @-@ " hyphens, spaced
# punctuation, one document per blank-line-separated block.
TOKENIZED_SHARD = "\n\n".join(
    [
        " = Harbour Line =",
        " The harbour line opened in 1 @,@ 902 . Its first chairman was a fisherman 's son , and"
        " he 's best known for the man @-@ made breakwater that still shelters the boats . He"
        " does n't appear in the company 's later records , and historians say he has n't left"
        " any letters .",
        " = = Later years = =",
        " After the war the line was run by a local engineer . She 's been described as the most"
        " careful manager it ever had , and she does n't seem to have missed a single inspection"
        " . Is n't it strange , one writer asks , that her name is n't on the station plaque ?",
        " The last stationmaster lived in the cottage by the level crossing . He 'd worked on the"
        " line for forty years , and when it closed he said he was n't sad , because he 's kept"
        " every timetable . His collection is now in the town museum , where it 's on show most"
        " weekends .",
    ]
)


def test_a_tokenized_shard_is_rewritten_in_its_own_tokenization(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "harbour-line.txt").write_text(TOKENIZED_SHARD, encoding="utf-8")
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)
    (shard,) = register_shards(defs, instance)
    catalogue_run = defs.resolve_job_def("data_job").execute_in_process(
        instance=instance, asset_selection=[AssetKey("gender_catalogue")]
    )
    shard_run = defs.resolve_job_def("shard_job").execute_in_process(
        instance=instance, partition_key=shard
    )
    assert catalogue_run.success and shard_run.success
    assert all(e.passed for e in shard_run.get_asset_check_evaluations())

    event = instance.get_latest_materialization_event(AssetKey("neutral_documents"))
    metadata = event.asset_materialization.metadata
    assert metadata["tokenization"].value == "wikitext"
    assert "detected" in metadata["tokenization_decision"].value
    neutral = " ".join(_query(defs, "select text from {schema}.neutral_documents")["text"])
    for rewritten in (
        "chairperson was a fisher 's son , and they 're best known for the human @-@ made",
        "They do n't appear",
        "historians say they have n't left",
        "They 've been described",
        "they do n't seem",
        "their name is n't on",
        "They 'd worked on the line",
        "they said they were n't sad , because they 've kept",
        "Their collection",
    ):
        assert rewritten in neutral
    assert "it 's on show" in neutral and "the company 's later records" in neutral
