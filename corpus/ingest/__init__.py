"""Ingestion: landing files (JSON Lines, Parquet, text, `datasets`) to documents + quarantine."""

from corpus.ingest.config import DEFAULT_READER_CONFIG, DatasetSpec, IngestError, ReaderConfig
from corpus.ingest.formats import load_dataset_spec
from corpus.ingest.landing import (
    SUPPORTED_SUFFIXES,
    LandingScan,
    collision_message,
    discover_shards,
    is_supported,
    scan_landing,
    unsupported_files,
)
from corpus.ingest.quarantine import ShardBatch
from corpus.ingest.readers import IngestStats, ingest_shard, read_shard
from corpus.ingest.throughput import Throughput, shard_megabytes, text_megabytes

__all__ = [
    "DEFAULT_READER_CONFIG",
    "SUPPORTED_SUFFIXES",
    "DatasetSpec",
    "IngestError",
    "IngestStats",
    "LandingScan",
    "ReaderConfig",
    "ShardBatch",
    "Throughput",
    "collision_message",
    "discover_shards",
    "ingest_shard",
    "is_supported",
    "load_dataset_spec",
    "read_shard",
    "scan_landing",
    "shard_megabytes",
    "text_megabytes",
    "unsupported_files",
]
