"""Materialize the model side through Dagster: base model, models trained through Pipes, their
evaluations and the strategy report."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import torch
from dagster import AssetKey, MultiPartitionKey

from training.cli import main as neutune
from training.lineage import read_lineage
from training.strategies import load_trained_model


def test_every_enabled_strategy_trains_on_both_arms_through_pipes(trained):
    defs, instance, outcomes = trained
    assert [o.label for o in outcomes][:5] == [
        "base_model",
        "lora x neutral",
        "lora x original",
        "head_only x neutral",
        "head_only x original",
    ]
    assert [o.label for o in outcomes if not o.result.success] == []
    split_version = defs.load_asset_value("split_exports").version
    for strategy in ("lora", "head_only"):
        for arm in ("neutral", "original"):
            key = MultiPartitionKey({"strategy": strategy, "arm": arm})
            model = defs.load_asset_value("finetuned_model", partition_key=key)
            assert (model.strategy, model.arm, model.split_version) == (
                strategy,
                arm,
                split_version,
            )
            lineage = json.loads((Path(model.artifact_dir) / "lineage.json").read_text())
            assert lineage["split_version"] == split_version
            assert {f["arm"] for f in lineage["data_files"]} >= {arm}
            assert lineage["pipeline"]["catalogue_version"]
            card = (Path(model.artifact_dir) / "README.md").read_text()
            assert card.startswith("---\n") and "base_model:" in card
            assert not list(Path(model.artifact_dir).rglob("*.bin"))
            assert model.result.trainable_parameters < model.result.total_parameters


def test_model_materialization_records_metadata_and_a_content_data_version(trained):
    defs, instance, _ = trained
    key = MultiPartitionKey({"strategy": "lora", "arm": "neutral"})
    record = instance.get_latest_materialization_event(AssetKey("finetuned_model"))
    assert record is not None
    events = instance.fetch_materializations(AssetKey("finetuned_model"), limit=10).records
    by_partition = {e.partition_key: e.asset_materialization for e in events}
    materialization = by_partition[key]
    metadata = materialization.metadata
    assert metadata["trainable_parameters"].value > 0
    assert metadata["tokens_per_second"].value > 0
    assert metadata["loss_curve"].value["train"]
    model = defs.load_asset_value("finetuned_model", partition_key=key)
    assert materialization.tags["dagster/data_version"] == model.content_hash[:16]


def test_rematerializing_with_unchanged_inputs_reuses_the_artifact(trained):
    defs, instance, _ = trained
    key = MultiPartitionKey({"strategy": "head_only", "arm": "original"})
    before = defs.load_asset_value("finetuned_model", partition_key=key)
    result = defs.resolve_job_def("training_job").execute_in_process(
        instance=instance, partition_key=key, asset_selection=[AssetKey("finetuned_model")]
    )
    assert result.success
    after = defs.load_asset_value("finetuned_model", partition_key=key)
    assert after.reused and after.content_hash == before.content_hash
    model = load_trained_model(Path(after.artifact_dir))
    with torch.no_grad():
        logits = model(input_ids=torch.tensor([[1, 2, 3]])).logits
    assert torch.isfinite(logits).all()


def test_every_model_is_evaluated_against_the_same_items_and_reported(trained):
    defs, instance, outcomes = trained
    assert [o.label for o in outcomes if not o.result.success] == []
    split_version = defs.load_asset_value("split_exports").version
    base = defs.load_asset_value("base_model_evaluation")
    assert base.name == "base" and base.split_version == split_version
    metrics = {result.metric for result in base.results}
    assert metrics == {
        "perplexity",
        "neutral_preference",
        "crows_pairs",
        "generation_audit",
        "cost",
    }
    key = MultiPartitionKey({"strategy": "lora", "arm": "neutral"})
    evaluation = defs.load_asset_value("model_evaluation", partition_key=key)
    model = defs.load_asset_value("finetuned_model", partition_key=key)
    assert evaluation.model_version == model.content_hash  # lineage: which artifact was judged
    pairs = {r.metric: r for r in evaluation.results}["neutral_preference"].items[0].item_ids
    base_pairs = {r.metric: r for r in base.results}["neutral_preference"].items[0].item_ids
    assert pairs == base_pairs and len(pairs) > 0

    report = defs.load_asset_value("strategy_report")
    assert Path(report.html).is_file() and Path(report.markdown).is_file()
    assert all(Path(plot).is_file() for plot in report.plots) and report.plots
    for row in ("base", "lora/neutral", "lora/original", "head_only/neutral", "head_only/original"):
        assert row in report.headline_markdown
    assert "lora" in report.arm_differences_markdown

    check = [
        e
        for o in outcomes
        for e in o.result.get_asset_check_evaluations()
        if e.asset_key == AssetKey("generation_prompts")
    ]
    assert check and all(e.passed for e in check)  # no prompt leaks from the train split


def test_every_materialization_records_a_data_version(trained):
    defs, instance, _ = trained
    unversioned, never = [], []
    for key in sorted(defs.resolve_asset_graph().materializable_asset_keys):
        records = instance.fetch_materializations(key, limit=100).records
        never += [] if records else [key.to_user_string()]
        unversioned += [
            f"{key.to_user_string()}[{record.partition_key}]"
            for record in records
            if not record.asset_materialization.tags.get("dagster/data_version")
        ]
    assert never == [] and unversioned == []


def test_model_lineage_reaches_back_to_the_landing_files_and_lines(trained, capsys):
    defs, instance, _ = trained
    key = MultiPartitionKey({"strategy": "lora", "arm": "neutral"})
    model = defs.load_asset_value("finetuned_model", partition_key=key)
    lineage = read_lineage(Path(model.artifact_dir))
    landing = Path(defs.resources["landing"].directory)
    shards = lineage.chain.shards
    assert shards and all(Path(s.path).parent == landing and s.sha256 for s in shards)
    assert lineage.chain.split_version == model.split_version
    assert neutune(["lineage", model.artifact_dir, "--verify"]) == 0
    capsys.readouterr()

    assert neutune(["lineage", model.artifact_dir, "--documents", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    manifest = defs.load_asset_value("split_exports")
    train_ids = set(pl.read_parquet(manifest.export("train", "neutral").path)["doc_id"])
    assert {row["doc_id"] for row in rows} == train_ids
    assert all(Path(r["source_path"]).parent == landing and r["source_line"] >= 1 for r in rows)

    events = instance.fetch_materializations(AssetKey("finetuned_model"), limit=10).records
    shown = {e.partition_key: e.asset_materialization.metadata for e in events}[key]["lineage"]
    assert "landing files" in shown.value and lineage.split_version in shown.value
