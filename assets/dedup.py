"""Global stages: near-duplicate clusters, and stable leakage-free train/validation/test splits."""

import polars as pl
from dagster import (
    AllPartitionMapping,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetIn,
    AssetKey,
    DataVersion,
    MetadataValue,
    Output,
    asset,
    asset_check,
)

from corpus.dedup import deduplicate, open_index
from corpus.documents import frame_version
from corpus.splits import (
    LeakageReport,
    assign_splits,
    cluster_overlap,
    combine_reports,
    doc_id_overlap,
    export_splits,
    held_out_texts,
    ngram_overlap,
    train_texts,
)
from resources import LocalArtifactStore, PipelineSettings, Warehouse

ALL_SHARDS = AssetIn(partition_mapping=AllPartitionMapping())
INDEX_DIRECTORY = "dedup_index"


@asset(group_name="dedup", kinds={"duckdb", "numpy"}, ins={"neutral_documents": ALL_SHARDS})
def dedup_clusters(
    context: AssetExecutionContext,
    neutral_documents: pl.DataFrame,
    settings: PipelineSettings,
    artifacts: LocalArtifactStore,
) -> Output[pl.DataFrame]:
    """Each rewritten document's duplicate cluster, representative flag and similarity."""
    config = settings.load().dedup
    index_path = artifacts.path(INDEX_DIRECTORY)
    index, how = open_index(index_path, config, neutral_documents["doc_id"])
    context.log.info(how)
    reused = len(index) if index is not None else 0
    result = deduplicate(neutral_documents.select("doc_id", "shard", "text"), config, index)
    result.index.save(index_path)
    clusters = result.clusters
    n_clusters = clusters["cluster_id"].n_unique()
    return Output(
        clusters,
        data_version=DataVersion(frame_version(clusters.sort("doc_id"), ["doc_id", "cluster_id"])),
        metadata={
            "dagster/row_count": clusters.height,
            "clusters": n_clusters,
            "duplicates": clusters.height - n_clusters,
            "signatures_reused": reused,
            "index": MetadataValue.path(str(index_path)),
        },
    )


@asset(
    group_name="dedup",
    kinds={"duckdb", "parquet"},
    ins={
        "dedup_clusters": AssetIn(),
        "neutral_documents": ALL_SHARDS,
        "clean_documents": ALL_SHARDS,
    },
    check_specs=[
        AssetCheckSpec("no_doc_in_two_splits", asset="dataset_splits", blocking=True),
        AssetCheckSpec("no_cluster_in_two_splits", asset="dataset_splits", blocking=True),
        AssetCheckSpec(
            "eval_ngram_overlap_with_train",
            asset="dataset_splits",
            blocking=True,
            description="Validation/test documents share few long n-grams with train (both arms).",
        ),
    ],
)
def dataset_splits(
    context: AssetExecutionContext,
    dedup_clusters: pl.DataFrame,
    neutral_documents: pl.DataFrame,
    clean_documents: pl.DataFrame,
    settings: PipelineSettings,
    artifacts: LocalArtifactStore,
):
    """Train/validation/test by cluster hash, exported as Parquet per split x arm."""
    config = settings.load()
    splits = assign_splits(dedup_clusters, config.splits).join(
        dedup_clusters.select("doc_id", "is_representative"), on="doc_id"
    )
    manifest = export_splits(
        splits,
        neutral_documents,
        clean_documents,
        artifacts.path("splits"),
        include_duplicates=config.export_duplicates,
    )
    yield Output(
        splits,
        data_version=DataVersion(manifest.version),
        metadata={
            "dagster/row_count": splits.height,
            "export_directory": MetadataValue.path(manifest.directory),
            "data_version": manifest.version,
            **{
                f"{e.split}/{e.arm}": MetadataValue.json(
                    {"rows": e.rows, "approx_tokens": e.approx_tokens, "sha256": e.sha256}
                )
                for e in manifest.exports
            },
        },
    )
    reports = {
        "no_doc_in_two_splits": doc_id_overlap(splits),
        "no_cluster_in_two_splits": cluster_overlap(splits),
        "eval_ngram_overlap_with_train": combine_reports(
            {
                arm: ngram_overlap(
                    train_texts(splits, documents),
                    held_out_texts(splits, documents, config.export_duplicates),
                    config.leakage,
                )
                for arm, documents in (
                    ("neutral", neutral_documents),
                    ("original", clean_documents),
                )
            },
            config.leakage.max_reported,
        ),
    }
    for name, report in reports.items():
        yield _check_result(name, "dataset_splits", report)


def _check_result(name: str, asset_key: str, report: LeakageReport) -> AssetCheckResult:
    return AssetCheckResult(
        check_name=name,
        asset_key=asset_key,
        passed=report.passed,
        severity=AssetCheckSeverity.ERROR,
        metadata={
            "checked": report.checked,
            "offenders": report.offending,
            "examples": MetadataValue.json(report.offenders[:20]),
        },
    )


def build_leakage_check(table: str, text_column: str = "text"):
    """An ERROR check that an evaluation table's texts (prompts, pairs) do not leak from train.

    Later stages register their prompt or pair tables with this, so the same n-gram rule that
    guards validation/test also guards every evaluation file.
    """

    @asset_check(
        asset=AssetKey(table),
        name="no_ngram_overlap_with_train",
        blocking=True,
        additional_ins={"dataset_splits": AssetIn(), "neutral_documents": ALL_SHARDS},
        description=f"{table}.{text_column} shares no long n-gram with the train split.",
    )
    def _leakage_check(
        dataset_splits: pl.DataFrame,
        neutral_documents: pl.DataFrame,
        settings: PipelineSettings,
        warehouse: Warehouse,
    ) -> AssetCheckResult:
        texts = warehouse.query(
            f"select cast(row_number() over () as varchar) as doc_id, 'evaluation' as split,"
            f" {text_column} as text from {{schema}}.{table}"
        )
        report = ngram_overlap(
            train_texts(dataset_splits, neutral_documents), texts, settings.load().leakage
        )
        return _check_result("no_ngram_overlap_with_train", table, report)

    return _leakage_check
