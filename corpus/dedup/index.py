"""The persistent signature index: save, load, and open it for an incremental run."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import numpy as np
import polars as pl

from corpus.atomic_files import atomic_directory
from corpus.dedup.config import DedupConfig
from corpus.dedup.minhash import HASH_SCHEME

# /2: clusters are verified with the exact Jaccard similarity; an index whose clusters were decided
# by the signature estimate (/1) is rebuilt by a full run rather than extended.
INDEX_FORMAT = "neutune-signature-index/2"


INDEX_DOCUMENT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "text_row": pl.Int64(),
    "generation": pl.Int32(),
    "representative": pl.Int64(),
    "similarity": pl.Float64(),
}


class SignatureIndex:
    """doc_ids + MinHash signatures (+ exact hashes, cluster ids) of every deduplicated document.

    Documents refer to rows of distinct normalised texts (exact duplicates share a row); each
    text row holds its exact hash, its signature and its band keys. Each document records the
    generation (run) in which it was indexed and the position of its cluster's representative.
    Signatures and band keys are kept as append-only blocks, one per run that added texts
    (compacted into one past clusters._MAX_SEGMENTS), so adding a shard neither copies nor
    rewrites the old ones.
    """

    def __init__(
        self,
        config: DedupConfig,
        documents: pl.DataFrame,
        text_hashes: np.ndarray,
        signature_blocks: tuple[np.ndarray, ...],
        band_key_blocks: tuple[np.ndarray, ...],
        next_generation: int,
    ) -> None:
        self.config = config
        self.documents = documents  # doc_id, text_row, generation, representative
        self.text_hashes = text_hashes  # uint64 [texts]
        self.signature_blocks = signature_blocks  # uint32 [rows, num_perm] each, in row order
        # uint64 [bands, rows] each, the band keys of the same rows, band-major so one band is
        # contiguous. Stored, not rebuilt: rebuilding costs ~0.5 s per million texts on every run.
        self.band_key_blocks = band_key_blocks
        self.next_generation = next_generation
        # Where this index's first blocks already lie on disk: (directory, their segments).
        self._stored: tuple[Path, tuple[dict, ...]] | None = None

    @classmethod
    def empty(cls, config: DedupConfig) -> SignatureIndex:
        documents = pl.DataFrame(schema=INDEX_DOCUMENT_SCHEMA)
        return cls(config, documents, np.zeros(0, np.uint64), (), (), next_generation=0)

    def __len__(self) -> int:
        return self.documents.height

    @property
    def signatures(self) -> np.ndarray:
        """All signatures, uint32 [texts, num_perm] (a copy when there are several blocks)."""
        if len(self.signature_blocks) == 1:
            return self.signature_blocks[0]
        empty = np.zeros((0, self.config.num_perm), np.uint32)
        return np.concatenate((empty, *self.signature_blocks))

    def save(self, directory: Path) -> None:
        """Write the index as Parquet + .npy files; readers see the old or the new index, whole.

        Each signature block is one segment file (with its band keys). Saving an index that was
        loaded from (or saved to) the same directory hard-links the segments already there and
        writes only the blocks added since. The files go to a staging sibling directory that
        replaces the old index in place (corpus.atomic_files.atomic_directory).
        """
        directory = Path(directory).resolve()
        with atomic_directory(directory) as staging:
            segments = self._link_stored_segments(directory, staging)
            added = zip(
                self.signature_blocks[len(segments) :],
                self.band_key_blocks[len(segments) :],
                strict=True,
            )
            for block, keys in added:
                name = f"{len(segments):05d}-{uuid.uuid4().hex[:12]}.npy"  # never reused
                np.save(staging / f"signatures-{name}", block, allow_pickle=False)
                np.save(staging / f"band_keys-{name}", keys, allow_pickle=False)
                segments.append({"file": name, "rows": len(block)})
            self.documents.write_parquet(staging / "documents.parquet", statistics=False)
            np.save(staging / "text_hashes.npy", self.text_hashes, allow_pickle=False)
            manifest = {
                "format": INDEX_FORMAT,
                "hash_scheme": HASH_SCHEME,
                "config": self.config.model_dump(),
                "documents": len(self),
                "texts": len(self.text_hashes),
                "segments": segments,
                "next_generation": self.next_generation,
            }
            (staging / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        self._stored = (directory, tuple(segments))

    def _link_stored_segments(self, directory: Path, staging: Path) -> list[dict]:
        """Hard-link the segments of this index's first blocks already in `directory`."""
        if self._stored is None or self._stored[0] != directory:
            return []
        segments = list(self._stored[1])
        blocks = self.signature_blocks[: len(segments)]
        if [len(block) for block in blocks] != [segment["rows"] for segment in segments]:
            return []
        try:
            for segment in segments:
                for kind in ("signatures", "band_keys"):
                    name = f"{kind}-{segment['file']}"
                    os.link(directory / name, staging / name)
        except OSError:  # gone, or no hard links on this file system: write everything
            for partial in staging.glob("*.npy"):
                partial.unlink()
            return []
        return segments

    @classmethod
    def load(cls, directory: Path, config: DedupConfig) -> SignatureIndex:
        """Read an index written by `save`; refuses one built with another config or hashing."""
        directory = Path(directory).resolve()
        manifest_path = directory / "manifest.json"
        if not manifest_path.is_file():
            raise FileNotFoundError(
                f"no signature index at {directory} (manifest.json missing): run deduplicate() "
                "without an index to build one, then save it there"
            )
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("format") != INDEX_FORMAT or manifest.get("hash_scheme") != HASH_SCHEME:
            raise ValueError(
                f"signature index at {directory} has format {manifest.get('format')!r} / hashing "
                f"{manifest.get('hash_scheme')!r}, this code writes {INDEX_FORMAT!r} / "
                f"{HASH_SCHEME!r}: delete the directory to rebuild the index with a full run"
            )
        stored = DedupConfig.model_validate(manifest["config"])
        if stored != config:
            changed = ", ".join(
                f"{name}: index {getattr(stored, name)!r} vs requested {getattr(config, name)!r}"
                for name in DedupConfig.model_fields
                if getattr(stored, name) != getattr(config, name)
            )
            raise ValueError(
                f"signature index at {directory} was built with a different dedup config "
                f"({changed}): use the config it was built with, or delete the directory to "
                "deduplicate everything again with the new one"
            )
        segments = manifest["segments"]
        documents = pl.read_parquet(directory / "documents.parquet")
        text_hashes = np.load(directory / "text_hashes.npy", allow_pickle=False)
        blocks = tuple(
            np.load(directory / f"signatures-{segment['file']}", allow_pickle=False)
            for segment in segments
        )
        key_blocks = tuple(
            np.load(directory / f"band_keys-{segment['file']}", allow_pickle=False)
            for segment in segments
        )
        texts = manifest["texts"]
        shapes = {block.shape[1:] for block in blocks} | {(config.num_perm,)}
        if (
            (documents.height, len(text_hashes)) != (manifest["documents"], texts)
            or sum(len(block) for block in blocks) != texts
            or len(shapes) != 1
            or [keys.shape for keys in key_blocks]
            != [(config.bands, len(block)) for block in blocks]
        ):
            raise ValueError(
                f"signature index at {directory} is inconsistent (row counts differ from its "
                "manifest): delete the directory to rebuild the index with a full run"
            )
        index = cls(config, documents, text_hashes, blocks, key_blocks, manifest["next_generation"])
        index._stored = (directory, tuple(segments))
        return index


def open_index(
    directory: Path, config: DedupConfig, current_doc_ids: pl.Series
) -> tuple[SignatureIndex | None, str]:
    """The stored index when it can be extended, else None; with the reason, for the run log.

    An index is reusable only when it was built with the same config and every document in it
    still exists: a changed or removed shard invalidates its documents' signatures and clusters.
    """
    if not (directory / "manifest.json").is_file():
        return None, "no signature index yet: full run"
    try:
        index = SignatureIndex.load(directory, config)
    except ValueError as error:
        return None, f"signature index not reusable ({error}): full run"
    current = current_doc_ids.to_frame("doc_id")
    stale = index.documents.join(current, on="doc_id", how="anti").height
    if stale:
        return (
            None,
            f"{stale} indexed documents no longer exist (changed or removed shards): full run",
        )
    return index, f"extending the signature index of {len(index)} documents"
