"""How fast a stage ran: megabytes and documents per second, for materialization metadata."""

from __future__ import annotations

import time
from pathlib import Path
from typing import NamedTuple

import polars as pl

from corpus.ingest.landing import DATASET_SUFFIXES


class Throughput(NamedTuple):
    megabytes: float  # input read by the stage (10^6 bytes)
    documents: int  # records or documents it handled
    seconds: float

    @classmethod
    def since(cls, started: float, megabytes: float, documents: int) -> Throughput:
        """From a `time.perf_counter()` reading taken when the stage started."""
        return cls(megabytes, documents, max(time.perf_counter() - started, 1e-9))

    def metadata(self) -> dict[str, float]:
        return {
            "throughput_mb_per_s": round(self.megabytes / self.seconds, 2),
            "throughput_docs_per_s": round(self.documents / self.seconds, 1),
            "input_mb": round(self.megabytes, 3),
            "seconds": round(self.seconds, 3),
        }


def text_megabytes(documents: pl.DataFrame) -> float:
    """UTF-8 size of a document table's text column, in MB."""
    return (documents.get_column("text").str.len_bytes().sum() or 0) / 1e6


def shard_megabytes(path: Path, documents: pl.DataFrame) -> float:
    """What ingesting a shard read: the file's size, or its documents' text for a dataset spec
    (whose file is a few lines of YAML)."""
    if path.name.lower().endswith(DATASET_SUFFIXES):
        return text_megabytes(documents)
    return path.stat().st_size / 1e6
