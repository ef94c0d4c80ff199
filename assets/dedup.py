"""Global stages: near-duplicate clusters, stable splits, their decontamination and export."""

import time
from pathlib import Path

import polars as pl
from dagster import (
    AllPartitionMapping,
    AssetCheckResult,
    AssetExecutionContext,
    AssetIn,
    AssetKey,
    DataVersion,
    MetadataValue,
    Output,
    asset,
    asset_check,
)

from assets import versions
from assets.checks import blocking_check, leakage_check
from corpus.dedup import deduplicate, open_index
from corpus.documents import frame_version
from corpus.splits import (
    EXPORT_CHECKS,
    NEUTRAL_ARM,
    ORIGINAL_ARM,
    SplitManifest,
    apply_decontamination,
    assign_splits,
    audit_export,
    decontaminate,
    export_splits,
    moved_summary,
    ngram_overlap_with,
    stored_train_ngrams,
)
from resources import LocalArtifactStore, PipelineSettings, Warehouse

ALL_SHARDS = AssetIn(partition_mapping=AllPartitionMapping())
INDEX_DIRECTORY = "dedup_index"
SPLITS_DIRECTORY = "splits"
REASONS_SHOWN = 100  # moved documents listed in the decontamination metadata (all in the table)


@asset(
    group_name="dedup",
    kinds={"duckdb", "numpy"},
    ins={"neutral_documents": ALL_SHARDS},
    code_version=versions.DEDUP,
)
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
    started = time.perf_counter()
    result = deduplicate(neutral_documents.select("doc_id", "shard", "text"), config, index)
    result.index.save(index_path)
    seconds = time.perf_counter() - started  # clustering plus the index save, as a run costs
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
            "seconds": MetadataValue.float(round(seconds, 3)),
            # documents clustered per second; an incremental run sketches only the new ones
            "docs_per_second": MetadataValue.float(round(clusters.height / max(seconds, 1e-9), 1)),
            "new_docs_per_second": MetadataValue.float(
                round((clusters.height - reused) / max(seconds, 1e-9), 1)
            ),
        },
    )


@asset(group_name="dedup", kinds={"duckdb", "polars"}, code_version=versions.SPLITS)
def dataset_splits(
    dedup_clusters: pl.DataFrame, settings: PipelineSettings
) -> Output[pl.DataFrame]:
    """Every document's split (train/validation/test), by a salted hash of its cluster id."""
    splits = assign_splits(dedup_clusters, settings.load().splits).join(
        dedup_clusters.select("doc_id", "is_representative"), on="doc_id"
    )
    per_split = dict(splits.group_by("split").len().sort("split").iter_rows())
    return Output(
        splits,
        data_version=DataVersion(frame_version(splits.sort("doc_id"), splits.columns)),
        metadata={"dagster/row_count": splits.height, **per_split},
    )


@asset(
    group_name="dedup",
    kinds={"duckdb", "polars"},
    ins={"neutral_documents": ALL_SHARDS, "clean_documents": ALL_SHARDS},
    code_version=versions.SPLIT_DECONTAMINATION,
)
def split_decontamination(
    dataset_splits: pl.DataFrame,
    neutral_documents: pl.DataFrame,
    clean_documents: pl.DataFrame,
    settings: PipelineSettings,
) -> Output[pl.DataFrame]:
    """Validation/test documents sharing long n-grams with train, dropped or moved, and why."""
    config = settings.load()
    decontamination = decontaminate(
        dataset_splits,
        {NEUTRAL_ARM: neutral_documents, ORIGINAL_ARM: clean_documents},
        config.leakage,
        include_duplicates=config.export_duplicates,
    )
    shown = decontamination.head(REASONS_SHOWN).select("doc_id", "original_split", "reason")
    return Output(
        decontamination,
        data_version=DataVersion(frame_version(decontamination, decontamination.columns)),
        metadata={
            "dagster/row_count": decontamination.height,
            "enabled": config.leakage.decontaminate,
            "action": config.leakage.decontamination_action,
            "rounds": int(decontamination["round"].max() or 0),
            **moved_summary(decontamination),
            "reasons": MetadataValue.md(_markdown_table(shown, decontamination.height)),
        },
    )


@asset(
    group_name="dedup",
    kinds={"parquet", "numpy"},
    io_manager_key="manifest_io_manager",
    code_version=versions.SPLIT_EXPORTS,
    ins={
        "dataset_splits": AssetIn(),
        "split_decontamination": AssetIn(),
        "neutral_documents": ALL_SHARDS,
        "clean_documents": ALL_SHARDS,
    },
    check_specs=[
        blocking_check(name, "split_exports", description)
        for name, description in EXPORT_CHECKS.items()
    ],
)
def split_exports(
    dataset_splits: pl.DataFrame,
    split_decontamination: pl.DataFrame,
    neutral_documents: pl.DataFrame,
    clean_documents: pl.DataFrame,
    settings: PipelineSettings,
    artifacts: LocalArtifactStore,
):
    """Versioned Parquet files per decontaminated split x arm, train n-grams and manifest."""
    config = settings.load()
    manifest = export_splits(
        apply_decontamination(dataset_splits, split_decontamination),
        neutral_documents,
        clean_documents,
        artifacts.path(SPLITS_DIRECTORY),
        include_duplicates=config.export_duplicates,
        ngram=config.leakage.ngram,
    )
    yield Output(
        manifest,
        data_version=DataVersion(manifest.version),
        metadata={
            "export_directory": MetadataValue.path(manifest.directory),
            "published": artifacts.publish(Path(manifest.directory)),
            "data_version": manifest.version,
            "documents": manifest.documents,
            "decontaminated": split_decontamination.height,
            **{
                f"{e.split}/{e.arm}": MetadataValue.json(
                    {"rows": e.rows, "approx_tokens": e.approx_tokens, "sha256": e.sha256}
                )
                for e in manifest.exports
            },
        },
    )
    for name, report in audit_export(manifest, config.leakage).items():
        yield leakage_check(name, "split_exports", report)


def build_leakage_check(table: str, text_column: str = "text"):
    """An ERROR check that an evaluation table's texts (prompts, pairs) do not leak from train.

    Later stages register their prompt or pair tables with this, so the same n-gram rule that
    guards validation/test also guards every evaluation file. It compares against the train
    n-grams stored with the split export (both arms), so no train document is reloaded.
    """

    @asset_check(
        asset=AssetKey(table),
        name="no_ngram_overlap_with_train",
        blocking=True,
        additional_ins={"split_exports": AssetIn()},
        description=f"{table}.{text_column} shares no long n-gram with the train split.",
    )
    def _leakage_check(
        split_exports: SplitManifest, settings: PipelineSettings, warehouse: Warehouse
    ) -> AssetCheckResult:
        config = settings.load().leakage
        train = stored_train_ngrams(split_exports, config)
        report = ngram_overlap_with(train, warehouse.texts(table, text_column), config)
        return leakage_check("no_ngram_overlap_with_train", table, report)

    return _leakage_check


def _markdown_table(shown: pl.DataFrame, total: int) -> str:
    """The moved documents as a Markdown table, noting how many more the table holds."""
    if total == 0:
        return "No held-out document exceeded the overlap threshold: nothing moved."
    lines = ["| doc_id | split | reason |", "|---|---|---|"]
    lines += [f"| {d} | {s} | {r.replace('|', '/')} |" for d, s, r in shown.iter_rows()]
    if total > shown.height:
        lines.append(f"\n{total - shown.height} more in the split_decontamination table.")
    return "\n".join(lines)
