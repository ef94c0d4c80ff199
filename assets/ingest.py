"""Ingestion and cleaning assets, one partition per corpus shard."""

import time

import polars as pl
from dagster import AssetExecutionContext, AssetIn, DataVersion, MetadataValue, Output, multi_asset

from assets import versions
from assets.checks import blocking_check, error_check
from assets.shards import shard_table
from corpus.clean import clean_documents as clean
from corpus.documents import QUARANTINE_SCHEMA, frame_version
from corpus.ingest import Throughput, ingest_shard, shard_megabytes, text_megabytes
from jobs.partitions import corpus_shards
from resources import LandingZone, PipelineSettings, Warehouse

# every quarantine column but the ingestion time: the same bad rows keep the same data version
QUARANTINE_VERSION_COLUMNS = [name for name in QUARANTINE_SCHEMA if name != "ingested_at"]


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
    code_version=versions.INGEST,
    check_specs=[
        blocking_check(
            "every_record_accounted_for",
            "raw_documents",
            "Records read = rows stored in raw_documents + rows stored in quarantine.",
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
    started = time.perf_counter()
    documents, quarantine, stats = ingest_shard(path, shard, settings.load().reader)
    speed = Throughput.since(started, shard_megabytes(path, documents), stats.records_seen)
    yield Output(
        documents,
        "raw_documents",
        data_version=DataVersion(frame_version(documents, ["doc_id"])),
        metadata={
            "dagster/row_count": documents.height,
            "source_path": MetadataValue.path(str(path)),
            "records_seen": stats.records_seen,
            "quarantined": stats.quarantined,
            **speed.metadata(),
        },
    )
    yield Output(
        quarantine,
        "quarantine",
        data_version=DataVersion(frame_version(quarantine, QUARANTINE_VERSION_COLUMNS)),
        metadata={"dagster/row_count": quarantine.height, **stats.reasons},
    )
    stored = warehouse.shard_records(shard)  # read back what the IO manager just wrote
    yield error_check(
        "every_record_accounted_for",
        "raw_documents",
        stored.account_for(stats.records_seen),
        {"records_seen": stats.records_seen, **stored._asdict()},
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
    code_version=versions.CLEANING,
    check_specs=[
        blocking_check(
            "rows_balance",
            "clean_documents",
            "raw + quarantined = clean + filtered + quarantined, doc_id by doc_id.",
        )
    ],
)
def cleaning(
    context: AssetExecutionContext,
    raw_documents: pl.DataFrame,
    settings: PipelineSettings,
    warehouse: Warehouse,
):
    started = time.perf_counter()
    result = clean(raw_documents, settings.load().cleaning)
    speed = Throughput.since(started, text_megabytes(raw_documents), raw_documents.height)
    rules = dict(result.filtered.group_by("rule").len().sort("rule").iter_rows())
    yield Output(
        result.kept,
        "clean_documents",
        data_version=DataVersion(frame_version(result.kept, ["doc_id", "text"])),
        metadata={
            "dagster/row_count": result.kept.height,
            "raw_rows": raw_documents.height,
            **speed.metadata(),
        },
    )
    yield Output(
        result.filtered,
        "filtered_documents",
        data_version=DataVersion(frame_version(result.filtered, result.filtered.columns)),
        metadata={"dagster/row_count": result.filtered.height, **rules},
    )
    balance = warehouse.shard_row_balance(context.partition_key)  # read back what was written
    yield error_check("rows_balance", "clean_documents", balance.balanced, balance._asdict())
