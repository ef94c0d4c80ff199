"""The data half of a model's lineage: landing files -> shards -> configs -> split version, and
which documents, from which file and line, a model trained on.

The orchestrator records the chain once per split version (`record_data_chain`: it can read the
warehouse) and hands it to the trainer in `TrainSpec.lineage_extra[CHAIN_KEY]`; the trainer
writes the model's own document list beside its weights (`write_training_documents`). pydantic
and the standard library at import; polars where a table is read or written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from corpus.atomic_files import (
    atomic_file,
    content_addressed_directory,
    file_sha256,
    publish_content_addressed,
)

if TYPE_CHECKING:
    import polars as pl

    from corpus.settings import CorpusSettings
    from corpus.splits import SplitExport, SplitManifest

CHAIN_KEY = "chain"
SOURCES_FILE = "document_sources.parquet"
SHARDS_FILE = "shards.json"
DOCUMENTS_FILE = "documents.parquet"
SOURCE_ARM = "original"  # both arms hold the same doc_ids; the original arm names them
DOCUMENT_COLUMNS = ("doc_id", "split", "arm", "shard", "source_path", "source_line")


class ShardSource(BaseModel):
    """One landing file as the chain recorded it, and how many exported documents it gave."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shard: str = Field(description="Shard key (partition of raw_documents).")
    path: str | None = Field(description="The file ingestion read (raw_documents.source_path).")
    sha256: str | None = Field(
        description="SHA-256 of the file when the chain was recorded; None: it was gone."
    )
    size: int | None = Field(description="Bytes of the file then; None: it was gone.")
    documents: int = Field(ge=0, description="Exported documents (per arm) from this shard.")


class CatalogueRecord(BaseModel):
    """The gender catalogue the neutral arm was rewritten with."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(description="Catalogue version (hash of its entries and exclusions).")
    source: dict[str, Any] = Field(description="Where it was read from (paths, profile if any).")


class DataChain(BaseModel):
    """From landing files to the split export a model trained on, in pipeline order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shards: list[ShardSource] = Field(description="Every shard with exported documents.")
    cleaning: dict[str, Any] = Field(description="The cleaning config (normalisers, filters).")
    catalogue: CatalogueRecord = Field(description="The rewrite catalogue.")
    rewrite: dict[str, Any] = Field(description="The rewrite config (pronouns, agreement, ...).")
    dedup: dict[str, Any] = Field(description="Deduplication parameters (shingles, threshold).")
    splits: dict[str, Any] = Field(description="Split fractions and salt.")
    export_duplicates: bool = Field(description="Whether near-duplicates were exported too.")
    split_version: str = Field(description="Data version of the split export.")
    split_manifest: str = Field(description="Path of the export's manifest.json.")
    manifest_sha256: str = Field(description="SHA-256 of manifest.json when recorded.")
    document_sources: str | None = Field(
        description="Parquet of every exported doc_id with its shard, file and line; None when "
        "the warehouse was not reachable (documents then list without file and line)."
    )


def _shard_sources(sources: pl.DataFrame) -> list[ShardSource]:
    import polars as pl

    per_shard = (
        sources.group_by("shard")
        .agg(pl.col("source_path").drop_nulls().first(), pl.len().alias("documents"))
        .sort("shard")
    )
    shards = []
    for shard, path, documents in per_shard.iter_rows():
        present = path is not None and Path(path).is_file()
        shards.append(
            ShardSource(
                shard=shard,
                path=path,
                sha256=file_sha256(Path(path)) if present else None,
                size=Path(path).stat().st_size if present else None,
                documents=documents,
            )
        )
    return shards


def exported_documents(manifest: SplitManifest) -> pl.DataFrame:
    """doc_id, split, shard of every exported document (one arm: both hold the same ids)."""
    import polars as pl

    return pl.concat(
        pl.read_parquet(export.path, columns=["doc_id", "shard"]).with_columns(
            split=pl.lit(export.split)
        )
        for export in manifest.exports
        if export.arm == SOURCE_ARM
    ).select("doc_id", "split", "shard")


def record_sources(
    manifest: SplitManifest,
    find_sources: Callable[[pl.DataFrame], pl.DataFrame],
    root: Path,
) -> Path:
    """`root/<split version>/`: every exported document's file and line, and each shard's file
    hash, written once per split version (the first model trained on it records them).

    Args:
        manifest: the split export.
        find_sources: doc_id frame -> doc_id, source_path, source_line (the warehouse's
            raw_documents); a doc_id it cannot place keeps null file and line.
        root: folder of the per-version records (content-addressed by split version).
    """
    import polars as pl

    target = Path(root) / manifest.version
    if (target / SOURCES_FILE).is_file() and (target / SHARDS_FILE).is_file():
        return target
    exported = exported_documents(manifest)
    found = find_sources(exported.select("doc_id")).unique("doc_id")
    sources = exported.join(found, on="doc_id", how="left").select(
        "doc_id",
        "split",
        "shard",
        pl.col("source_path").cast(pl.String),
        pl.col("source_line").cast(pl.Int64),
    )
    shards = [shard.model_dump(mode="json") for shard in _shard_sources(sources)]
    with content_addressed_directory(Path(root)) as staging:
        sources.write_parquet(staging / SOURCES_FILE, compression="zstd")
        (staging / SHARDS_FILE).write_text(json.dumps(shards, indent=2) + "\n", encoding="utf-8")
        return publish_content_addressed(staging, Path(root), manifest.version)


def record_data_chain(
    settings: CorpusSettings,
    catalogue_version: str,
    manifest: SplitManifest,
    manifest_path: Path,
    sources_directory: Path | None,
) -> DataChain:
    """The chain of one split export under `settings`; `sources_directory` from record_sources."""
    shards = []
    sources = None
    if sources_directory is not None:
        listed = json.loads((sources_directory / SHARDS_FILE).read_text(encoding="utf-8"))
        shards = [ShardSource.model_validate(shard) for shard in listed]
        sources = str(sources_directory / SOURCES_FILE)
    return DataChain(
        shards=shards,
        cleaning=settings.cleaning.model_dump(mode="json"),
        catalogue=CatalogueRecord(
            version=catalogue_version, source=settings.catalogue.model_dump(mode="json")
        ),
        rewrite=settings.rewrite.model_dump(mode="json"),
        dedup=settings.dedup.model_dump(mode="json"),
        splits=settings.splits.model_dump(mode="json"),
        export_duplicates=settings.export_duplicates,
        split_version=manifest.version,
        split_manifest=str(manifest_path),
        manifest_sha256=file_sha256(manifest_path),
        document_sources=sources,
    )


def training_documents(
    manifest: SplitManifest,
    files: list[SplitExport],
    arm: str,
    replay_fraction: float,
    seed: int,
    sources: Path | None,
) -> pl.DataFrame:
    """doc_id, split, arm, shard, source_path, source_line of every document a run read.

    `files` are the run's verified split files (train and validation of its arm, and the original
    train file when a neutral run replays); replayed documents are picked with the same
    `replay_sample` call as their texts, so the list is exactly what was trained on.
    """
    import polars as pl

    from training.data import export_location, replay_sample

    frames = []
    for export in files:
        documents = pl.read_parquet(export_location(manifest, export), columns=["doc_id", "shard"])
        if export.arm != arm:  # the original train file of a neutral run: only the replayed ones
            chosen = replay_sample(documents["doc_id"].to_list(), replay_fraction, seed)
            documents = documents.filter(pl.col("doc_id").is_in(chosen))
        frames.append(documents.with_columns(split=pl.lit(export.split), arm=pl.lit(export.arm)))
    documents = pl.concat(frames)
    if sources is not None and Path(sources).is_file():
        located = pl.read_parquet(sources, columns=["doc_id", "source_path", "source_line"])
        documents = documents.join(located, on="doc_id", how="left", maintain_order="left")
    else:
        documents = documents.with_columns(
            source_path=pl.lit(None, pl.String), source_line=pl.lit(None, pl.Int64)
        )
    return documents.select(DOCUMENT_COLUMNS)


def write_training_documents(documents: pl.DataFrame, directory: Path) -> Path:
    path = Path(directory) / DOCUMENTS_FILE
    with atomic_file(path) as handle:
        documents.write_parquet(handle, compression="zstd", statistics=False)
    return path


def read_training_documents(
    directory: Path, documents_file: str, chain: DataChain | None
) -> pl.DataFrame:
    """An artifact's documents list, with file and line filled in from the chain's per-version
    record where the trainer could not read it (a trainer on another machine, e.g. a pod that
    fetched only the split export and the base model)."""
    import polars as pl

    documents = pl.read_parquet(Path(directory) / documents_file)
    sources = Path(chain.document_sources) if chain and chain.document_sources else None
    if sources is None or not sources.is_file() or not documents["source_path"].null_count():
        return documents
    located = pl.read_parquet(sources, columns=["doc_id", "source_path", "source_line"])
    return (
        documents.join(located, on="doc_id", how="left", suffix="_recorded", maintain_order="left")
        .with_columns(
            source_path=pl.coalesce("source_path", "source_path_recorded"),
            source_line=pl.coalesce("source_line", "source_line_recorded"),
        )
        .select(DOCUMENT_COLUMNS)
    )
