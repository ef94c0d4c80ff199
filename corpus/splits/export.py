"""Versioned split exports: the typed hand-over from the data half to the trainer.

A version directory `<root>/<version>/` holds one Parquet file per split x arm, the train n-gram
hashes of each arm (`train_ngrams-<arm>.npy`, for leakage checks of later evaluation texts) and a
`manifest.json` (a `SplitManifest`). The version is a hash of the files' hashes, so identical data
always lands in the same directory and a model's lineage can name it exactly; the directory is
published in one rename (corpus.atomic_files), so a reader never sees half of it.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq
from pydantic import BaseModel, ConfigDict, Field

from corpus.atomic_files import (
    atomic_file,
    content_addressed_directory,
    file_sha256,
    publish_content_addressed,
)
from corpus.splits.assignment import ARMS, NEUTRAL_ARM, ORIGINAL_ARM, SPLITS
from corpus.splits.leakage import DEFAULT_NGRAM, train_ngram_hashes

MANIFEST_NAME = "manifest.json"
EXPORT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "shard": pl.String(),
    "text": pl.String(),
}
TOKENS_PER_WORD = 1.3  # GPT-2 BPE averages ~1.3 tokens per English word (OpenAI's rule of thumb)


class SplitExport(BaseModel):
    """One exported Parquet file (a split of one arm) and its data version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    split: str = Field(description=f"One of {', '.join(SPLITS)}.")
    arm: str = Field(
        description=f"{NEUTRAL_ARM} (rewritten text) or {ORIGINAL_ARM} (the clean source text)."
    )
    path: str = Field(description="Absolute path of the Parquet file.")
    rows: int = Field(ge=0, description="Documents in the file.")
    approx_tokens: int = Field(
        ge=0, description=f"Whitespace words x {TOKENS_PER_WORD} (GPT-2 BPE rule of thumb)."
    )
    sha256: str = Field(description="SHA-256 of the file's bytes: the data version.")


class TrainNgrams(BaseModel):
    """The sorted distinct word n-gram hashes of one arm's train split (a uint64 .npy array)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    arm: str = Field(description=f"{NEUTRAL_ARM} or {ORIGINAL_ARM}.")
    ngram: int = Field(ge=1, description="Words per n-gram (corpus.splits.LeakageConfig.ngram).")
    path: str = Field(description="Absolute path of the .npy file.")
    count: int = Field(ge=0, description="Distinct n-grams.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")

    def load(self) -> np.ndarray:
        return np.load(self.path, allow_pickle=False)


class SplitManifest(BaseModel):
    """What a trainer needs to find and verify the split files of one data version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(
        description="16 hex of SHA-256 over the file hashes and the n-gram size: the data version."
    )
    directory: str = Field(description="Absolute path of the version directory.")
    exports: list[SplitExport] = Field(description="One entry per split x arm.")
    train_ngrams: list[TrainNgrams] = Field(description="One entry per arm.")
    documents: int = Field(description="Documents exported (per arm), all splits together.")
    duplicates_exported: bool = Field(
        description="Whether non-representative duplicates were exported too."
    )

    def export(self, split: str, arm: str) -> SplitExport:
        return next(e for e in self.exports if (e.split, e.arm) == (split, arm))

    def ngrams(self, arm: str) -> TrainNgrams:
        return next(n for n in self.train_ngrams if n.arm == arm)


def load_manifest(directory: Path) -> SplitManifest:
    return SplitManifest.model_validate_json((Path(directory) / MANIFEST_NAME).read_text())


def verify_manifest(manifest: SplitManifest) -> list[str]:
    """Files of the manifest that are missing or whose bytes differ from the recorded hash."""
    problems = []
    for entry in (*manifest.exports, *manifest.train_ngrams):
        path = Path(entry.path)
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif file_sha256(path) != entry.sha256:
            problems.append(f"{path}: sha256 differs from the manifest")
    return problems


def build_split_frames(
    splits: pl.DataFrame, neutral: pl.DataFrame, original: pl.DataFrame
) -> dict[tuple[str, str], pl.DataFrame]:
    """Texts of every (split, arm): doc_id, cluster_id, shard, text, sorted by doc_id.

    Both arms hold exactly the doc_ids of `splits` for each split; a doc_id missing from either
    arm is an error (the arms must come from the same documents).
    """
    arms = {NEUTRAL_ARM: neutral, ORIGINAL_ARM: original}
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
    unknown = [key for key in frames if key[0] not in SPLITS or key[1] not in ARMS]
    if unknown:
        raise ValueError(
            f"unknown (split, arm) keys {unknown}: splits are {SPLITS}, arms are {ARMS}"
        )
    order = {key: n for n, key in enumerate(itertools.product(SPLITS, ARMS))}
    exports = []
    for (split, arm), frame in sorted(frames.items(), key=lambda item: order[item[0]]):
        path = directory / f"{split}-{arm}.parquet"
        table = frame.select(list(EXPORT_SCHEMA)).cast(EXPORT_SCHEMA).to_arrow()
        with atomic_file(path) as handle:
            pq.write_table(
                table,
                handle,
                compression="zstd",
                compression_level=3,
                write_statistics=False,
                row_group_size=65_536,
                use_dictionary=False,
            )
        words = frame["text"].str.count_matches(r"\S+").sum() if frame.height else 0
        exports.append(
            SplitExport(
                split=split,
                arm=arm,
                path=str(path.resolve()),
                rows=frame.height,
                approx_tokens=round(int(words or 0) * TOKENS_PER_WORD),
                sha256=file_sha256(path),
            )
        )
    return exports


def write_train_ngrams(
    frames: dict[tuple[str, str], pl.DataFrame], directory: Path, ngram: int = DEFAULT_NGRAM
) -> list[TrainNgrams]:
    """`train_ngrams-<arm>.npy` per arm: its train split's n-gram hashes, for leakage checks."""
    entries = []
    for arm in ARMS:
        hashes = train_ngram_hashes(frames[("train", arm)]["text"], ngram)
        path = Path(directory) / f"train_ngrams-{arm}.npy"
        with atomic_file(path) as handle:
            np.save(handle, hashes, allow_pickle=False)
        entries.append(
            TrainNgrams(
                arm=arm,
                ngram=ngram,
                path=str(path.resolve()),
                count=len(hashes),
                sha256=file_sha256(path),
            )
        )
    return entries


def export_splits(
    splits: pl.DataFrame,
    neutral: pl.DataFrame,
    original: pl.DataFrame,
    root: Path,
    include_duplicates: bool = False,
    ngram: int = DEFAULT_NGRAM,
) -> SplitManifest:
    """Write the split x arm Parquet files for `splits` (doc_id, cluster_id, split,
    is_representative) and the train n-grams into a version directory under `root`.

    An existing directory of the same version is kept as it is (same name, same content); the
    staging directories of killed exports are removed on the way (corpus.atomic_files).
    """
    chosen = splits if include_duplicates else splits.filter(pl.col("is_representative"))
    frames = build_split_frames(chosen.select("doc_id", "cluster_id", "split"), neutral, original)
    with content_addressed_directory(Path(root)) as staging:
        exports = write_split_exports(frames, staging)
        ngrams = write_train_ngrams(frames, staging, ngram)
        hashes = "".join(entry.sha256 for entry in (*exports, *ngrams)) + f"/ngram={ngram}"
        version = hashlib.sha256(hashes.encode()).hexdigest()[:16]
        target = Path(root).resolve() / version

        def moved(entry):
            return entry.model_copy(update={"path": str(target / Path(entry.path).name)})

        manifest = SplitManifest(
            version=version,
            directory=str(target),
            exports=[moved(e) for e in exports],
            train_ngrams=[moved(n) for n in ngrams],
            documents=chosen.height,
            duplicates_exported=include_duplicates,
        )
        (staging / MANIFEST_NAME).write_text(manifest.model_dump_json(indent=2) + "\n")
        publish_content_addressed(staging, Path(root), version)
    return manifest


def read_exports(manifest: SplitManifest, arm: str) -> pl.DataFrame:
    """doc_id, cluster_id, split, text of every exported file of one arm, as training reads them."""
    return pl.concat(
        pl.read_parquet(manifest.export(split, arm).path, columns=["doc_id", "cluster_id", "text"])
        .with_columns(split=pl.lit(split))
        .select("doc_id", "cluster_id", "split", "text")
        for split in SPLITS
    )


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
