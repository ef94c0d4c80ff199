"""Ingestion and cleaning assets, one partition per corpus shard."""

import polars as pl
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetIn,
    DataVersion,
    MetadataValue,
    Output,
    multi_asset,
)

from assets.shards import shard_table
from corpus.clean import clean_documents as clean
from corpus.documents import frame_version
from corpus.ingest import ingest_shard
from jobs.partitions import corpus_shards
from resources import LandingZone, PipelineSettings, Warehouse


@multi_asset(
    outs={
        "raw_documents": shard_table(
            "Every readable record of a shard file, with doc_id and source position."
        ),
        "quarantine": shard_table(
            "Records of a shard that could not be read, each with the reason."
        ),
    },
    partitions_def=corpus_shards,
    group_name="ingest",
    check_specs=[
        AssetCheckSpec(
            "every_record_accounted_for",
            asset="raw_documents",
            blocking=True,
            description="Records read = rows stored in raw_documents + rows stored in quarantine.",
        )
    ],
)
def ingest(
    context: AssetExecutionContext,
    landing: LandingZone,
    settings: PipelineSettings,
    warehouse: Warehouse,
):
    shard = context.partition_key
    path = landing.shard_path(shard)
    documents, quarantine, stats = ingest_shard(path, shard, settings.load().reader)
    yield Output(
        documents,
        "raw_documents",
        data_version=DataVersion(frame_version(documents, ["doc_id"])),
        metadata={
            "dagster/row_count": documents.height,
            "source_path": MetadataValue.path(str(path)),
            "records_seen": stats.records_seen,
            "quarantined": stats.quarantined,
        },
    )
    yield Output(
        quarantine,
        "quarantine",
        metadata={"dagster/row_count": quarantine.height, **stats.reasons},
    )
    stored = warehouse.query(
        "select (select count(*) from {schema}.raw_documents where shard = ?) as raw,"
        " (select count(*) from {schema}.quarantine where shard = ?) as quarantined",
        [shard, shard],
    ).row(0, named=True)
    yield AssetCheckResult(
        check_name="every_record_accounted_for",
        asset_key="raw_documents",
        passed=stored["raw"] + stored["quarantined"] == stats.records_seen,
        severity=AssetCheckSeverity.ERROR,
        metadata={"records_seen": stats.records_seen, **stored},
    )


@multi_asset(
    ins={"raw_documents": AssetIn()},
    outs={
        "clean_documents": shard_table(
            "Normalised documents of a shard that passed every quality filter."
        ),
        "filtered_documents": shard_table(
            "Documents a quality filter dropped, with the rule and its measured value."
        ),
    },
    partitions_def=corpus_shards,
    group_name="ingest",
    check_specs=[
        AssetCheckSpec(
            "rows_balance",
            asset="clean_documents",
            blocking=True,
            description="raw + quarantined = clean + filtered + quarantined, doc_id by doc_id.",
        )
    ],
)
def cleaning(
    context: AssetExecutionContext,
    raw_documents: pl.DataFrame,
    settings: PipelineSettings,
    warehouse: Warehouse,
):
    result = clean(raw_documents, settings.load().cleaning)
    rules = dict(result.filtered.group_by("rule").len().sort("rule").iter_rows())
    yield Output(
        result.kept,
        "clean_documents",
        data_version=DataVersion(frame_version(result.kept, ["doc_id", "text"])),
        metadata={"dagster/row_count": result.kept.height, "raw_rows": raw_documents.height},
    )
    yield Output(
        result.filtered,
        "filtered_documents",
        metadata={"dagster/row_count": result.filtered.height, **rules},
    )
    yield _rows_balance(warehouse, context.partition_key)


def _rows_balance(warehouse: Warehouse, shard: str) -> AssetCheckResult:
    counts = warehouse.query(
        """
        with raw as (select doc_id from {schema}.raw_documents where shard = $1),
             kept as (select doc_id from {schema}.clean_documents where shard = $1),
             dropped as (select doc_id from {schema}.filtered_documents where shard = $1)
        select
            (select count(*) from raw) as raw,
            (select count(*) from kept) as clean,
            (select count(*) from dropped) as filtered,
            (select count(*) from {schema}.quarantine where shard = $1) as quarantined,
            (select count(*) from raw anti join
                (select doc_id from kept union all select doc_id from dropped) o using (doc_id))
                as unaccounted,
            (select count(*) from kept semi join dropped using (doc_id)) as in_both
        """,
        [shard],
    ).row(0, named=True)
    passed = (
        counts["raw"] == counts["clean"] + counts["filtered"]
        and counts["unaccounted"] == 0
        and counts["in_both"] == 0
    )
    return AssetCheckResult(
        check_name="rows_balance",
        asset_key="clean_documents",
        passed=passed,
        severity=AssetCheckSeverity.ERROR,
        metadata=counts,
    )
