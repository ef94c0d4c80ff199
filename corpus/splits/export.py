"""Versioned split exports: the typed hand-over from the data half to the trainer.

A version directory `<root>/<version>/` holds one Parquet file per split x arm and a
`manifest.json` (a `SplitManifest`); the version is a hash of the files' hashes, so identical
data always lands in the same directory and a model's lineage can name it exactly.
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from pathlib import Path

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from corpus.splits.assignment import SplitExport, build_split_frames, write_split_exports

MANIFEST_NAME = "manifest.json"


class SplitManifest(BaseModel):
    """What a trainer needs to find and verify the split files of one data version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(description="16 hex of SHA-256 over the export hashes: the data version.")
    directory: str = Field(description="Absolute path of the version directory.")
    exports: list[SplitExport] = Field(description="One entry per split x arm.")
    documents: int = Field(description="Documents exported (per arm), all splits together.")
    duplicates_exported: bool = Field(
        description="Whether non-representative duplicates were exported too."
    )


def load_manifest(directory: Path) -> SplitManifest:
    return SplitManifest.model_validate_json((directory / MANIFEST_NAME).read_text())


def export_splits(
    splits: pl.DataFrame,
    neutral: pl.DataFrame,
    original: pl.DataFrame,
    root: Path,
    include_duplicates: bool = False,
) -> SplitManifest:
    """Write the split x arm Parquet files for `splits` (doc_id, cluster_id, split,
    is_representative) into a new version directory under `root`, atomically."""
    chosen = splits if include_duplicates else splits.filter(pl.col("is_representative"))
    frames = build_split_frames(chosen.select("doc_id", "cluster_id", "split"), neutral, original)
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".staging-{uuid.uuid4().hex[:12]}"
    try:
        exports = write_split_exports(frames, staging)
        digest = hashlib.sha256("".join(e.sha256 for e in exports).encode()).hexdigest()[:16]
        target = root / digest
        final_exports = [
            e.model_copy(update={"path": str(target / Path(e.path).name)}) for e in exports
        ]
        manifest = SplitManifest(
            version=digest,
            directory=str(target),
            exports=final_exports,
            documents=chosen.height,
            duplicates_exported=include_duplicates,
        )
        (staging / MANIFEST_NAME).write_text(manifest.model_dump_json(indent=2))
        if not target.exists():
            staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def train_texts(splits: pl.DataFrame, documents: pl.DataFrame) -> pl.Series:
    """Texts of every train document (duplicates included: any copy in train can leak)."""
    train_ids = splits.filter(pl.col("split") == "train").select("doc_id")
    return documents.join(train_ids, on="doc_id", how="semi")["text"]


def held_out_texts(
    splits: pl.DataFrame, documents: pl.DataFrame, include_duplicates: bool = False
) -> pl.DataFrame:
    """doc_id, split, text of the validation and test documents that are exported."""
    held_out = splits.filter(pl.col("split") != "train")
    if not include_duplicates:
        held_out = held_out.filter(pl.col("is_representative"))
    return documents.join(held_out.select("doc_id", "split"), on="doc_id").select(
        "doc_id", "split", "text"
    )
