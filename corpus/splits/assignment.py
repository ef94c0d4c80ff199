"""Train / validation / test splits by near-duplicate cluster.

A document's split is a pure function of (salt, its cluster_id): the xxh3-64 hash of both, read
as a number in [0, 1), falls into one of the cumulative fractions. So a cluster never straddles
two splits (its near duplicates cannot leak from train into test), and since cluster ids are
stable (corpus.dedup), adding shards never moves an existing document to another split.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import xxhash
from pydantic import BaseModel, ConfigDict, Field, model_validator

SPLITS = ("train", "validation", "test")
NEUTRAL_ARM = "neutral"  # the rewritten, gender-neutral text
ORIGINAL_ARM = "original"  # the clean source text: the control arm
ARMS = (NEUTRAL_ARM, ORIGINAL_ARM)
SPLIT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "split": pl.String(),
}
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
