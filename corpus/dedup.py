"""Exact and near-duplicate clusters of documents, incremental over a persistent signature index.

Method (Broder 1997 MinHash; LSH banding as in Leskovec, Rajaraman & Ullman, "Mining of Massive
Datasets", ch. 3; the near-dedup recipe of Lee et al. 2022, "Deduplicating Training Data Makes
Language Models Better"):
- exact duplicates share a hash of their normalised word sequence (`corpus.minhash`) and are
  sketched once;
- each distinct text gets a MinHash signature over its word shingles; the signature is cut into
  `bands` bands of `rows` values, and two texts whose band is equal in at least one band are a
  candidate pair;
- a candidate pair is an edge when its signature-estimated Jaccard similarity is >= `threshold`;
- clusters are the connected components of exact + near edges.

Determinism and stable ids: the representative of a cluster is its member that entered the index
first (lowest generation), ties broken by the smallest doc_id, and the cluster_id IS the
representative's doc_id. So a run over everything at once picks the smallest doc_id, and adding
shards never renames a cluster unless it merges with another old cluster; then the member that
was indexed first (then the smallest doc_id) names the merged cluster.

All documents that are empty after normalisation (no words) are exact duplicates of each other:
they form one cluster, and never take part in near-duplicate matching.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import numpy as np
import polars as pl
from pydantic import BaseModel, ConfigDict, Field, model_validator

from corpus.minhash import (
    HASH_SCHEME,
    HashedSequences,
    minhash_signatures,
    mix64,
    seeded_constants,
    sequence_hashes,
    shingle_hashes,
    word_hashes,
)

INDEX_FORMAT = "neutune-signature-index/1"
CLUSTER_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "is_representative": pl.Boolean(),
    "similarity": pl.Float64(),
}
_DOCS_PER_CHUNK = 16_384  # documents sketched together: bounds memory, balances the threads
_SKETCH_THREADS = 2  # chunks sketched at once (the reference machine has 2 cores)
_PAIRS_PER_CHUNK = 65_536  # candidate pairs verified together (2 x 64k x 512 bytes gathered)
# A bucket of m texts gives m(m-1)/2 pairs; in larger buckets each text is paired with the next
# _BUCKET_WINDOW texts of the bucket only (a chain that still links a template's near copies).
_BUCKET_WINDOW = 64
_MAX_SEGMENTS = 16  # signature blocks (= segment files) kept before a run compacts them into one
_EMPTY_TEXT_HASH = int(
    sequence_hashes(HashedSequences(np.zeros(0, np.uint64), np.zeros(2, np.int64)))[0]
)


class DedupConfig(BaseModel):
    """How documents are grouped into exact and near-duplicate clusters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shingle_size: int = Field(
        5,
        ge=1,
        le=64,
        description="Words per shingle (word n-gram) compared by MinHash. 5 follows Lee et al. "
        "(2022) and Gopher; documents with fewer words are one shingle of all their words.",
    )
    num_perm: int = Field(
        128,
        ge=2,
        le=1024,
        description="MinHash permutations (= bands x rows). The Jaccard estimate's standard "
        "error is sqrt(J(1-J)/num_perm): 0.035 at J=0.8 for 128 (Broder 1997).",
    )
    bands: int = Field(
        16,
        ge=1,
        description="LSH bands. A pair with Jaccard s becomes a candidate with probability "
        "1-(1-s^rows)^bands, an S-curve whose steepest point is near (1/bands)^(1/rows). More "
        "bands move it left: fewer missed near duplicates (false negatives), more candidate "
        "pairs to verify. Defaults 16 x 8: inflection 0.71; P(candidate) = 0.06 at s=0.5, 0.24 "
        "at 0.6, 0.61 at 0.7, 0.947 at 0.8, 0.994 at 0.85, 0.9999 at 0.9.",
    )
    rows: int = Field(
        8,
        ge=1,
        description="Signature values per band. More rows make the S-curve steeper and move it "
        "right: fewer candidates below the threshold (less verification work), more misses "
        "just above it. Candidates are verified, so false positives of the banding cost time, "
        "not precision.",
    )
    threshold: float = Field(
        0.8,
        gt=0.0,
        le=1.0,
        description="Estimated Jaccard similarity (fraction of equal signature values) at or "
        "above which a candidate pair is a near duplicate. 0.8 follows Lee et al. (2022). The "
        "estimate's noise makes pairs within ~0.05 of it a coin toss.",
    )
    seed: int = Field(
        1, ge=0, lt=2**63, description="Seed of the MinHash permutations (part of the index)."
    )

    @model_validator(mode="after")
    def _bands_cover_the_signature(self) -> DedupConfig:
        if self.bands * self.rows != self.num_perm:
            raise ValueError(
                f"bands x rows must equal num_perm, got bands={self.bands} x rows={self.rows} = "
                f"{self.bands * self.rows} != num_perm={self.num_perm}: set num_perm="
                f"{self.bands * self.rows}, or pick bands and rows whose product is {self.num_perm}"
                " (e.g. bands=16, rows=8 for 128)"
            )
        return self


class SignatureIndex:
    """doc_ids + MinHash signatures (+ exact hashes, cluster ids) of every deduplicated document.

    Documents refer to rows of distinct normalised texts (exact duplicates share a row); each
    text row holds its exact hash, its signature and its band keys. Each document records the
    generation (run) in which it was indexed and the position of its cluster's representative.
    Signatures are kept as append-only blocks, one per run that added texts (compacted into one
    past _MAX_SEGMENTS), so adding a shard neither copies nor rewrites the old signatures.
    """

    def __init__(
        self,
        config: DedupConfig,
        documents: pl.DataFrame,
        text_hashes: np.ndarray,
        signature_blocks: tuple[np.ndarray, ...],
        band_keys: np.ndarray,
        next_generation: int,
    ) -> None:
        self.config = config
        self.documents = documents  # doc_id, text_row, generation, representative
        self.text_hashes = text_hashes  # uint64 [texts]
        self.signature_blocks = signature_blocks  # uint32 [rows, num_perm] each, in row order
        # uint64 [bands, texts], band-major so one band is contiguous. Stored, not rebuilt:
        # rebuilding costs ~1 s per million texts on every run.
        self.band_keys = band_keys
        self.next_generation = next_generation
        # Where this index's first blocks already lie on disk: (directory, their segments).
        self._stored: tuple[Path, tuple[dict, ...]] | None = None

    @classmethod
    def empty(cls, config: DedupConfig) -> SignatureIndex:
        documents = pl.DataFrame(schema=_INDEX_DOCUMENT_SCHEMA)
        no_keys = np.zeros((config.bands, 0), np.uint64)
        return cls(config, documents, np.zeros(0, np.uint64), (), no_keys, next_generation=0)

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
        writes only the blocks added since. The files go to a temporary sibling directory that
        is renamed into place; if the process dies between moving the old index aside and
        moving the new one in, the old one is left beside it as `.<name>.old-*`.
        """
        directory = Path(directory).resolve()
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
        try:
            segments = self._link_stored_segments(directory, staging)
            start = sum(segment["rows"] for segment in segments)
            for block in self.signature_blocks[len(segments) :]:
                name = f"{len(segments):05d}-{uuid.uuid4().hex[:12]}.npy"  # never reused
                keys = self.band_keys[:, start : start + len(block)]
                np.save(staging / f"signatures-{name}", block, allow_pickle=False)
                np.save(staging / f"band_keys-{name}", keys, allow_pickle=False)
                segments.append({"file": name, "rows": len(block)})
                start += len(block)
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
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if directory.exists():
            retired = directory.parent / f".{directory.name}.old-{uuid.uuid4().hex}"
            directory.rename(retired)
            staging.rename(directory)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(directory)
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
        keys = [np.zeros((config.bands, 0), np.uint64)] + [
            np.load(directory / f"band_keys-{segment['file']}", allow_pickle=False)
            for segment in segments
        ]
        band_keys = np.concatenate(keys, axis=1)
        texts = manifest["texts"]
        shapes = {block.shape[1:] for block in blocks} | {(config.num_perm,)}
        if (
            (documents.height, len(text_hashes), band_keys.shape)
            != (manifest["documents"], texts, (config.bands, texts))
            or sum(len(block) for block in blocks) != texts
            or len(shapes) != 1
        ):
            raise ValueError(
                f"signature index at {directory} is inconsistent (row counts differ from its "
                "manifest): delete the directory to rebuild the index with a full run"
            )
        index = cls(config, documents, text_hashes, blocks, band_keys, manifest["next_generation"])
        index._stored = (directory, tuple(segments))
        return index


_INDEX_DOCUMENT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "text_row": pl.Int64(),
    "generation": pl.Int32(),
    "representative": pl.Int64(),
    "similarity": pl.Float64(),
}


class DedupResult(NamedTuple):
    clusters: pl.DataFrame  # doc_id, cluster_id, is_representative, similarity (old + new docs)
    index: SignatureIndex  # the updated index (old + new docs)


def deduplicate(
    documents: pl.DataFrame,
    config: DedupConfig = DedupConfig(),  # noqa: B008 (frozen, so a shared default is safe)
    index: SignatureIndex | None = None,
) -> DedupResult:
    """Cluster `documents` (doc_id, text) together with every document already in `index`.

    Only documents whose doc_id is not in the index are sketched; the returned clusters frame
    covers all documents, the index's first (in index order), then the new ones (input order).
    Similarity is the estimated Jaccard similarity to the cluster's representative.
    """
    index = index if index is not None else SignatureIndex.empty(config)
    if index.config != config:
        raise ValueError(
            f"the index was built with {index.config!r} but deduplicate() got {config!r}: "
            "pass the config the index was built with, or no index to start over"
        )
    new_documents = _new_documents(documents, index)
    old_texts = len(index.text_hashes)
    new_text_rows, text_hashes, new_signatures = _sketch(new_documents["text"], index, config)
    blocks, stored = index.signature_blocks, index._stored
    if len(new_signatures):
        blocks += (new_signatures,)
    if len(blocks) > _MAX_SEGMENTS:
        blocks, stored = (np.concatenate(blocks),), None
    new_keys = band_keys(new_signatures, config.bands, config.rows)
    keys = np.concatenate((index.band_keys, new_keys), axis=1)

    near_left, near_right = _near_duplicate_edges(blocks, keys, text_hashes, old_texts, config)
    old_rows = index.documents["text_row"].to_numpy()
    old_representative_rows = old_rows[index.documents["representative"].to_numpy()]
    component = _connected_components(
        len(text_hashes),
        np.concatenate((near_left, old_rows)),
        np.concatenate((near_right, old_representative_rows)),
    )

    doc_ids = pl.concat([index.documents["doc_id"], new_documents["doc_id"]])
    text_rows = np.concatenate((old_rows, new_text_rows))
    generations = np.concatenate(
        (
            index.documents["generation"].to_numpy(),
            np.full(new_documents.height, index.next_generation, dtype=np.int32),
        )
    )
    positions = np.arange(len(doc_ids))
    representative = _representatives(component[text_rows], generations, doc_ids)
    # Only documents whose representative changed (or that are new) get a new similarity.
    previous = np.concatenate(
        (index.documents["representative"].to_numpy(), positions[len(index) :])
    )
    similarity = np.concatenate(
        (index.documents["similarity"].to_numpy(), np.ones(new_documents.height))
    )
    stale = np.flatnonzero(representative != previous)
    similarity[stale] = _similarity(
        blocks, text_rows[stale], text_rows[representative[stale]], config.num_perm
    )
    clusters = pl.DataFrame(
        {
            "doc_id": doc_ids,
            "cluster_id": doc_ids.gather(representative),
            "is_representative": representative == positions,
            "similarity": similarity,
        },
        schema=CLUSTER_SCHEMA,
    )
    updated = SignatureIndex(
        config,
        pl.DataFrame(
            {
                "doc_id": doc_ids,
                "text_row": text_rows,
                "generation": generations,
                "representative": representative,
                "similarity": similarity,
            },
            schema=_INDEX_DOCUMENT_SCHEMA,
        ),
        text_hashes,
        blocks,
        keys,
        next_generation=index.next_generation + (1 if new_documents.height else 0),
    )
    updated._stored = stored  # the old blocks are unchanged: their segments stay valid
    return DedupResult(clusters=clusters, index=updated)


def _new_documents(documents: pl.DataFrame, index: SignatureIndex) -> pl.DataFrame:
    missing = {"doc_id", "text"} - set(documents.columns)
    if missing:
        raise ValueError(
            f"documents lack column(s) {sorted(missing)}: deduplicate() needs doc_id and text "
            f"(got {documents.columns})"
        )
    frame = documents.select(pl.col("doc_id"), pl.col("text").fill_null(""))
    if frame["doc_id"].null_count():
        raise ValueError("documents have null doc_id values: give every row a doc_id")
    duplicated = frame.filter(pl.col("doc_id").is_duplicated())["doc_id"]
    if len(duplicated):
        raise ValueError(
            f"{len(duplicated)} rows share a doc_id (e.g. {duplicated[0]!r}): doc_ids must be "
            "unique per row; derive them from source and position (corpus.documents.make_doc_id)"
        )
    if len(index) == 0:
        return frame
    return frame.join(
        index.documents.select("doc_id"), on="doc_id", how="anti", maintain_order="left"
    )


def _sketch(
    texts: pl.Series, index: SignatureIndex, config: DedupConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Text row of each new document, the exact hashes of all rows, the new rows' signatures.

    A document whose normalised text is already in the index (or earlier in this batch) reuses
    that row; only texts first seen here are shingled and signed, one chunk at a time, straight
    into one preallocated signature array (memory: the new signatures once, plus two chunks).
    """
    known_order = np.argsort(index.text_hashes)
    known_sorted = index.text_hashes[known_order]
    old = len(index.text_hashes)

    def sketch_chunk(start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        words = word_hashes(texts.slice(start, _DOCS_PER_CHUNK))
        hashes = sequence_hashes(words)
        _, first_in_chunk = np.unique(hashes, return_index=True)
        unseen = first_in_chunk[~_contains(known_sorted, hashes[first_in_chunk])]
        unseen.sort()
        shingles = shingle_hashes(_select(words, unseen), config.shingle_size)
        return hashes, hashes[unseen], minhash_signatures(shingles, config.num_perm, config.seed)

    signatures = np.empty((len(texts), config.num_perm), dtype=np.uint32)
    hashes_per_chunk, signed_hashes, written = [], [], 0
    # numpy, polars and pyarrow release the GIL, so chunks overlap on the cores we are given.
    with ThreadPoolExecutor(max_workers=_SKETCH_THREADS) as pool:
        starts = range(0, len(texts), _DOCS_PER_CHUNK)
        for hashes, chunk_signed, chunk_signatures in pool.map(sketch_chunk, starts):
            hashes_per_chunk.append(hashes)
            signed_hashes.append(chunk_signed)
            signatures[written : written + len(chunk_signatures)] = chunk_signatures
            written += len(chunk_signatures)
    all_hashes = np.concatenate([np.zeros(0, np.uint64), *hashes_per_chunk])
    candidate_hashes = np.concatenate([np.zeros(0, np.uint64), *signed_hashes])
    # A text first seen in two chunks was signed twice: keep its first signature. Rows only move
    # towards the front, so compacting in place in order never overwrites a row still to move.
    _, first = np.unique(candidate_hashes, return_index=True)
    first.sort()
    if len(first) < len(candidate_hashes):
        for start in range(0, len(first), _PAIRS_PER_CHUNK):
            block = first[start : start + _PAIRS_PER_CHUNK]
            signatures[start : start + len(block)] = signatures[block]
    new_hashes = candidate_hashes[first]

    rows = np.empty(len(all_hashes), dtype=np.int64)
    in_index = _contains(known_sorted, all_hashes)
    rows[in_index] = known_order[np.searchsorted(known_sorted, all_hashes[in_index])]
    new_order = np.argsort(new_hashes)
    new_positions = np.searchsorted(new_hashes[new_order], all_hashes[~in_index])
    rows[~in_index] = old + new_order[new_positions]
    return rows, np.concatenate((index.text_hashes, new_hashes)), signatures[: len(first)]


def _contains(sorted_values: np.ndarray, values: np.ndarray) -> np.ndarray:
    if len(sorted_values) == 0:
        return np.zeros(len(values), dtype=bool)
    positions = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return sorted_values[positions] == values


def _select(sequences: HashedSequences, documents: np.ndarray) -> HashedSequences:
    """The sequences of the given documents (ascending positions), as a new batch."""
    lengths = sequences.lengths[documents]
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    if len(documents) == len(sequences):
        return sequences
    source = np.repeat(sequences.offsets[documents] - offsets[:-1], lengths)
    source += np.arange(int(offsets[-1]), dtype=np.int64)
    return HashedSequences(values=sequences.values[source], offsets=offsets)


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """uint64 [bands, texts]: one key per band of `rows` signature values (band-major)."""
    if rows % 2 == 0:  # read the band as rows/2 little-endian uint64 words: half the passes
        values = np.ascontiguousarray(signatures, dtype="<u4").view("<u8")
        per_band = rows // 2
    else:
        values, per_band = signatures.astype(np.uint64), rows
    by_band = values.reshape(len(signatures), bands, per_band)
    multipliers = seeded_constants(0, 4, per_band) | np.uint64(1)
    keys = by_band[:, :, 0] * multipliers[0]
    for position in range(1, per_band):
        keys += by_band[:, :, position] * multipliers[position]
    return np.ascontiguousarray(mix64(keys).T)


def _gather_rows(blocks: tuple[np.ndarray, ...], rows: np.ndarray) -> np.ndarray:
    """Signatures of the given text rows, read across the blocks."""
    if len(blocks) == 1:
        return blocks[0][rows]
    block_starts = np.cumsum([0] + [len(block) for block in blocks])
    which = np.searchsorted(block_starts, rows, side="right") - 1
    gathered = np.empty((len(rows), blocks[0].shape[1]), dtype=np.uint32)
    for number, block in enumerate(blocks):
        inside = np.flatnonzero(which == number)
        gathered[inside] = block[rows[inside] - block_starts[number]]
    return gathered


def _matches(blocks: tuple[np.ndarray, ...], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Equal signature values of each (left, right) pair of text rows, chunk by chunk."""
    matches = np.zeros(len(left), dtype=np.int64)
    for start in range(0, len(left), _PAIRS_PER_CHUNK):
        chunk = slice(start, start + _PAIRS_PER_CHUNK)
        equal = _gather_rows(blocks, left[chunk]) == _gather_rows(blocks, right[chunk])
        matches[chunk] = np.count_nonzero(equal, axis=1)
    return matches


def _near_duplicate_edges(
    blocks: tuple[np.ndarray, ...],
    keys: np.ndarray,
    text_hashes: np.ndarray,
    first_new_row: int,
    config: DedupConfig,
) -> tuple[np.ndarray, np.ndarray]:
    """Verified near-duplicate pairs (left < right) with at least one row >= first_new_row."""
    count = len(text_hashes)
    if count - first_new_row == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pair_codes = [np.zeros(0, np.int64)]
    for band in range(config.bands):
        left, right = _bucket_pairs(keys[band], first_new_row)
        pair_codes.append(left * count + right)
    codes = np.unique(np.concatenate(pair_codes))
    left, right = codes // count, codes % count
    # The one empty text (no words, all-EMPTY_SLOT signature) never near-duplicates anything.
    empty = np.flatnonzero(text_hashes == np.uint64(_EMPTY_TEXT_HASH))
    if len(empty):
        real = (left != empty[0]) & (right != empty[0])
        left, right = left[real], right[real]
    minimum_matches = math.ceil(config.threshold * config.num_perm - 1e-9)
    keep = _matches(blocks, left, right) >= minimum_matches
    return left[keep], right[keep]


def _bucket_pairs(keys: np.ndarray, first_new_row: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of rows with equal keys, at least one of them new (row >= first_new_row).

    A pre-filter (keys folded into ~4x as many bins as rows) finds the few rows that can share a
    key with another (or, when adding to an index, with a new row), so only those are sorted.
    """
    bin_count = 1 << max(10, (4 * len(keys)).bit_length())
    bins = np.bitwise_and(keys, np.uint64(bin_count - 1)).view(np.int64)
    if first_new_row > 0:  # only buckets that a new row falls into matter
        touched = np.zeros(bin_count, dtype=bool)
        touched[bins[first_new_row:]] = True
        maybe = touched[bins]
    else:
        maybe = np.bincount(bins, minlength=bin_count)[bins] > 1
    rows = np.flatnonzero(maybe)
    rows = rows[np.argsort(keys[rows], kind="stable")]
    sorted_keys = keys[rows]
    lefts, rights = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for distance in range(1, _BUCKET_WINDOW + 1):
        same = sorted_keys[distance:] == sorted_keys[:-distance]
        if not same.any():
            break
        left, right = rows[:-distance][same], rows[distance:][same]
        new = right >= first_new_row  # rows ascend within a bucket, so right is the later one
        lefts.append(left[new])
        rights.append(right[new])
    return np.concatenate(lefts), np.concatenate(rights)


def _connected_components(count: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Component label (its smallest node) of each of `count` nodes, given undirected edges.

    Vectorised union-find: hook every edge's larger root onto its smaller root, then jump
    pointers until every node points at its root; repeat until no edge joins two roots.
    """
    parent = np.arange(count, dtype=np.int64)
    while True:
        while True:
            grandparent = parent[parent]
            if np.array_equal(grandparent, parent):
                break
            parent = grandparent
        left_root, right_root = parent[left], parent[right]
        joins = left_root != right_root
        if not joins.any():
            return parent
        left, right = left[joins], right[joins]
        left_root, right_root = left_root[joins], right_root[joins]
        np.minimum.at(parent, np.maximum(left_root, right_root), np.minimum(left_root, right_root))


def _representatives(
    component: np.ndarray, generations: np.ndarray, doc_ids: pl.Series
) -> np.ndarray:
    """Position of each document's representative: lowest generation, then smallest doc_id."""
    representative = np.arange(len(component), dtype=np.int64)
    shared = np.bincount(component, minlength=int(component.max(initial=-1)) + 1)[component] > 1
    members = np.flatnonzero(shared)
    if len(members) == 0:
        return representative
    ranked = (
        pl.DataFrame(
            {
                "position": members,
                "component": component[members],
                "generation": generations[members],
                "doc_id": doc_ids.gather(members),
            }
        )
        .sort(["component", "generation", "doc_id"])
        .with_columns(pl.col("position").first().over("component").alias("representative"))
    )
    representative[ranked["position"].to_numpy()] = ranked["representative"].to_numpy()
    return representative


def _similarity(
    blocks: tuple[np.ndarray, ...], rows: np.ndarray, representative_rows: np.ndarray, num_perm: int
) -> np.ndarray:
    """Estimated Jaccard similarity of each document to its representative (1.0 when same text)."""
    similarity = np.ones(len(rows), dtype=np.float64)
    differ = np.flatnonzero(rows != representative_rows)
    similarity[differ] = _matches(blocks, rows[differ], representative_rows[differ]) / num_perm
    return similarity
