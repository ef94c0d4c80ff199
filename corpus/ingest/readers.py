"""Streaming shard readers: JSON Lines, Parquet, plain text and Hugging Face `datasets`.

Every reader yields bounded batches, so a shard of any size is read with memory proportional to
`batch_rows`, and every record becomes exactly one row of either the documents or the quarantine
frame: `records_seen == documents + quarantined` holds by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import polars as pl

from corpus.ingest.config import DEFAULT_READER_CONFIG, IngestError, ReaderConfig
from corpus.ingest.encoding import NotText, sniff
from corpus.ingest.formats import (
    dataset_records,
    jsonl_records,
    parquet_records,
    text_block_records,
    text_line_records,
)
from corpus.ingest.landing import (
    DATASET_SUFFIXES,
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    SUPPORTED_SUFFIXES,
    outside_roots,
    readable_roots,
)
from corpus.ingest.quarantine import Batcher, Record, ShardBatch, hex_prefix


class IngestStats(NamedTuple):
    records_seen: int
    documents: int
    quarantined: int
    reasons: dict[str, int]


def read_shard(
    path: Path,
    shard: str,
    config: ReaderConfig = DEFAULT_READER_CONFIG,
    ingested_at: dt.datetime | None = None,
    landing: Path | None = None,
) -> Iterator[ShardBatch]:
    """Yield the shard's records in batches of documents and quarantined rows.

    Reads are confined to the landing folder (`landing`, by default the file's folder) and the
    config's `allowed_roots`: a symlink or a dataset spec pointing elsewhere becomes one
    quarantine row with reason `outside_landing`. A text shard that is not text (NUL bytes in
    its first block) becomes one row with reason `binary_file`; UTF-16 and UTF-32 files with a
    byte-order mark are decoded.
    """
    name = path.name.lower()
    if not name.endswith(SUPPORTED_SUFFIXES):
        raise IngestError(
            f"{path}: unsupported file type; supported endings are {', '.join(SUPPORTED_SUFFIXES)} "
            "(rename the file or convert it)"
        )
    if not path.is_file():
        raise IngestError(f"{path}: file not found; was it moved out of the landing folder?")
    batcher = Batcher(shard, str(path), config, ingested_at or dt.datetime.now(dt.UTC))
    roots = readable_roots(landing or path.parent, config.allowed_roots)
    try:
        for record in _records(path, name, config, roots):
            batch = batcher.add(*record)
            if batch is not None:
                yield batch
    except PermissionError as error:
        raise IngestError(
            f"{path}: cannot be read ({error.strerror}); check its permissions"
        ) from error
    except IsADirectoryError as error:
        raise IngestError(f"{path}: is a directory, expected a file") from error
    yield batcher.flush()


def _records(
    path: Path, name: str, config: ReaderConfig, roots: tuple[Path, ...]
) -> Iterator[Record]:
    refusal = outside_roots(path, roots, str(path))
    if refusal is not None:
        return iter([(0, None, "outside_landing", refusal, "")])
    if name.endswith(PARQUET_SUFFIXES):
        return parquet_records(path, config)
    if name.endswith(DATASET_SUFFIXES):
        return dataset_records(path, roots)
    encoding = sniff(path)
    if isinstance(encoding, NotText):
        return iter([(0, None, "binary_file", encoding.detail, hex_prefix(encoding.head))])
    if name.endswith(JSONL_SUFFIXES):
        return jsonl_records(path, config, encoding)
    if config.text_mode == "lines" or name.endswith(config.line_mode_suffixes):
        return text_line_records(path, encoding)
    return text_block_records(path, encoding)


def ingest_shard(
    path: Path,
    shard: str,
    config: ReaderConfig = DEFAULT_READER_CONFIG,
    ingested_at: dt.datetime | None = None,
    landing: Path | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, IngestStats]:
    """Read a whole shard into (documents, quarantine) frames, with counts."""
    documents: list[pl.DataFrame] = []
    quarantine: list[pl.DataFrame] = []
    for batch in read_shard(path, shard, config, ingested_at, landing):
        documents.append(batch.documents)
        quarantine.append(batch.quarantine)
    document_frame = pl.concat(documents, rechunk=True)
    quarantine_frame = pl.concat(quarantine, rechunk=True)
    reasons = dict(quarantine_frame.group_by("reason").len().sort("reason").iter_rows())
    stats = IngestStats(
        records_seen=document_frame.height + quarantine_frame.height,
        documents=document_frame.height,
        quarantined=quarantine_frame.height,
        reasons=reasons,
    )
    return document_frame, quarantine_frame, stats
