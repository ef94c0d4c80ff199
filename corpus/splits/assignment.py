"""Train / validation / test splits by near-duplicate cluster, and their Parquet exports.

A document's split is a pure function of (salt, its cluster_id): the xxh3-64 hash of both, read
as a number in [0, 1), falls into one of the cumulative fractions. So a cluster never straddles
two splits (its near duplicates cannot leak from train into test), and since cluster ids are
stable (corpus.dedup), adding shards never moves an existing document to another split.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import tempfile
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq
import xxhash
from pydantic import BaseModel, ConfigDict, Field, model_validator

SPLITS = ("train", "validation", "test")
ARMS = ("neutral", "original")
SPLIT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "split": pl.String(),
}
EXPORT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "shard": pl.String(),
    "text": pl.String(),
}
TOKENS_PER_WORD = 1.3  # GPT-2 BPE averages ~1.3 tokens per English word (OpenAI's rule of thumb)
_UNIT = 2.0**-53


class SplitConfig(BaseModel):
    """Fractions of clusters per split, and the salt that fixes which cluster goes where."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    train: float = Field(0.90, ge=0.0, le=1.0, description="Fraction of clusters in train.")
    validation: float = Field(
        0.05, ge=0.0, le=1.0, description="Fraction of clusters in validation."
    )
    test: float = Field(0.05, ge=0.0, le=1.0, description="Fraction of clusters in test.")
    salt: str = Field(
        "neutune-v1",
        description="Mixed into the cluster hash; changing it reshuffles every split (and so "
        "every downstream data version). Keep it fixed for a corpus.",
    )

    @model_validator(mode="after")
    def _fractions_sum_to_one(self) -> SplitConfig:
        total = self.train + self.validation + self.test
        if abs(total - 1.0) > 1e-9:
            raise ValueError(
                f"split fractions must sum to 1, got train={self.train} + validation="
                f"{self.validation} + test={self.test} = {total:.12g}: adjust them, e.g. "
                "train=0.9, validation=0.05, test=0.05"
            )
        return self


class SplitExport(BaseModel):
    """One exported Parquet file (a split of one arm) and its data version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    split: str = Field(description="train, validation or test.")
    arm: str = Field(description="neutral (rewritten text) or original (the clean source text).")
    path: str = Field(description="Absolute path of the Parquet file.")
    rows: int = Field(ge=0, description="Documents in the file.")
    approx_tokens: int = Field(
        ge=0, description=f"Whitespace words x {TOKENS_PER_WORD} (GPT-2 BPE rule of thumb)."
    )
    sha256: str = Field(description="SHA-256 of the file's bytes: the data version.")


def cluster_units(cluster_ids: pl.Series, salt: str) -> pl.Series:
    """Each cluster id's position in [0, 1): xxh3-64 of salt + id, stable across versions."""
    distinct = cluster_ids.unique(maintain_order=True)
    prefix = salt.encode() + b"\x1f"
    hashes = np.fromiter(
        (xxhash.xxh3_64_intdigest(prefix + value.encode()) for value in distinct.to_list()),
        dtype=np.uint64,
        count=len(distinct),
    )
    units = (hashes >> np.uint64(11)).astype(np.float64) * _UNIT
    lookup = pl.DataFrame({"cluster_id": distinct, "unit": units})
    return cluster_ids.to_frame("cluster_id").join(
        lookup, on="cluster_id", how="left", maintain_order="left"
    )["unit"]


def assign_splits(
    clusters: pl.DataFrame,
    config: SplitConfig = SplitConfig(),  # noqa: B008 (frozen, so a shared default is safe)
) -> pl.DataFrame:
    """doc_id, cluster_id, split for every row of `clusters` (doc_id, cluster_id, ...)."""
    missing = {"doc_id", "cluster_id"} - set(clusters.columns)
    if missing:
        raise ValueError(
            f"clusters lack column(s) {sorted(missing)}: pass the deduplication output "
            f"(doc_id, cluster_id, ...), got {clusters.columns}"
        )
    if clusters["cluster_id"].null_count():
        raise ValueError("clusters have null cluster_id values: deduplicate every document first")
    unit = cluster_units(clusters["cluster_id"].cast(pl.String), config.salt)
    validation_end = config.train + config.validation
    split = (
        pl.when(pl.col("unit") < config.train)
        .then(pl.lit("train"))
        .when(pl.col("unit") < validation_end)
        .then(pl.lit("validation"))
        .otherwise(pl.lit("test"))
    )
    return (
        clusters.select("doc_id", "cluster_id")
        .with_columns(unit=unit)
        .select("doc_id", "cluster_id", split.alias("split"))
        .cast(SPLIT_SCHEMA)
    )


def build_split_frames(
    splits: pl.DataFrame, neutral: pl.DataFrame, original: pl.DataFrame
) -> dict[tuple[str, str], pl.DataFrame]:
    """Texts of every (split, arm): doc_id, cluster_id, shard, text, sorted by doc_id.

    Both arms hold exactly the doc_ids of `splits` for each split; a doc_id missing from either
    arm is an error (the arms must come from the same documents).
    """
    arms = {"neutral": neutral, "original": original}
    frames: dict[tuple[str, str], pl.DataFrame] = {}
    for arm, documents in arms.items():
        present = documents.select("doc_id", "shard", "text", _present=pl.lit(True))
        joined = splits.join(present, on="doc_id", how="left").sort("doc_id")
        absent = joined.filter(pl.col("_present").is_null())["doc_id"]
        if len(absent):
            raise ValueError(
                f"{len(absent)} documents of the splits are missing from the {arm} arm (e.g. "
                f"{absent[0]!r}): pass the {arm} documents that were deduplicated"
            )
        for split in SPLITS:
            frames[(split, arm)] = (
                joined.filter(pl.col("split") == split)
                .select(list(EXPORT_SCHEMA))
                .cast(EXPORT_SCHEMA)
            )
    return frames


def write_split_exports(
    frames: dict[tuple[str, str], pl.DataFrame], directory: Path
) -> list[SplitExport]:
    """One Parquet file per (split, arm), written atomically with byte-stable settings.

    Same frames -> same bytes -> same sha256 (for a given pyarrow version, which Parquet records
    in its footer): the hash is the data version a model's lineage points to.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    exports = []
    unknown = [key for key in frames if key[0] not in SPLITS or key[1] not in ARMS]
    if unknown:
        raise ValueError(
            f"unknown (split, arm) keys {unknown}: splits are {SPLITS}, arms are {ARMS}"
        )
    order = {(split, arm): n for n, (split, arm) in enumerate(itertools.product(SPLITS, ARMS))}
    for (split, arm), frame in sorted(frames.items(), key=lambda item: order[item[0]]):
        path = directory / f"{split}-{arm}.parquet"
        table = frame.select(list(EXPORT_SCHEMA)).cast(EXPORT_SCHEMA).to_arrow()
        handle, staging = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
        os.close(handle)
        try:
            pq.write_table(
                table,
                staging,
                compression="zstd",
                compression_level=3,
                write_statistics=False,
                row_group_size=65_536,
                use_dictionary=False,
            )
            os.replace(staging, path)
        except BaseException:
            Path(staging).unlink(missing_ok=True)
            raise
        words = frame["text"].str.count_matches(r"\S+").sum() if frame.height else 0
        exports.append(
            SplitExport(
                split=split,
                arm=arm,
                path=str(path.resolve()),
                rows=frame.height,
                approx_tokens=round(int(words or 0) * TOKENS_PER_WORD),
                sha256=_file_sha256(path),
            )
        )
    return exports


def _file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
