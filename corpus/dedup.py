"""Exact and near-duplicate clusters of documents, incremental over a persistent signature index.

Method (Broder 1997 MinHash; LSH banding as in Leskovec, Rajaraman & Ullman, "Mining of Massive
Datasets", ch. 3; the near-dedup recipe of Lee et al. 2022, "Deduplicating Training Data Makes
Language Models Better"):
- exact duplicates share a hash of their normalised word sequence (`corpus.minhash`) and are
  sketched once;
- each distinct text gets a MinHash signature over its word shingles; the signature is cut into
  `bands` bands of `rows` values, and two texts whose band is equal in at least one band are a
  candidate pair (the banding is chosen so that a pair at the threshold is almost surely one);
- a candidate whose signature estimate of the Jaccard similarity is below `threshold -
  prefilter_margin` is dropped (one signature comparison, so unrelated bucket-mates cost little);
- a remaining candidate is an edge when the EXACT Jaccard similarity of the two texts' shingle-hash
  sets is >= `threshold`. The sets are recomputed from the texts passed in, for the texts in such
  pairs only. An indexed text that was not passed in again (a caller that passes only the new
  documents) has no set: its pairs fall back to the signature estimate (+-0.035 at J=0.8 with 128
  permutations, so such pairs near the threshold are decided by chance);
- clusters are the connected components of exact + near edges.

Determinism and stable ids: the representative of a cluster is its member that entered the index
first (lowest generation), ties broken by the smallest doc_id, and the cluster_id IS the
representative's doc_id. So a run over everything at once picks the smallest doc_id, and adding
shards never renames a cluster unless it merges with another old cluster; then the member that
was indexed first (then the smallest doc_id) names the merged cluster.

`similarity` (to the cluster's representative) is exact where both texts were passed in, the
signature estimate otherwise; it is recomputed only for documents whose representative changed.

All documents that are empty after normalisation (no words) are exact duplicates of each other:
they form one cluster, and never take part in near-duplicate matching.
"""

from __future__ import annotations

import json
import logging
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
    concatenate_sequences,
    jaccard_of_pairs,
    minhash_signatures,
    mix64,
    seeded_constants,
    select_sequences,
    sequence_hashes,
    shingle_hashes,
    word_hashes,
)

# /2: clusters are verified with the exact Jaccard similarity; an index whose clusters were decided
# by the signature estimate (/1) is rebuilt by a full run rather than extended.
INDEX_FORMAT = "neutune-signature-index/2"
LOGGER = logging.getLogger(__name__)
CLUSTER_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "is_representative": pl.Boolean(),
    "similarity": pl.Float64(),
}
_DOCS_PER_CHUNK = 16_384  # documents sketched together: bounds memory, balances the threads
_SKETCH_THREADS = 2  # chunks sketched (or bands paired) at once: the reference machine has 2 cores
_PAIRS_PER_CHUNK = 65_536  # candidate pairs verified together (2 x 64k x 512 bytes gathered)
_TEXTS_PER_KEY_BLOCK = 4096  # texts keyed together: 1 MB temporaries at 32 bands, stay in cache
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
        32,
        ge=1,
        description="LSH bands. A pair with Jaccard s becomes a candidate with probability "
        "1-(1-s^rows)^bands, an S-curve whose steepest point is near (1/bands)^(1/rows). More "
        "bands move it left: fewer missed near duplicates (false negatives), more candidate "
        "pairs to check. Defaults 32 x 4: inflection 0.42; P(candidate) = 0.05 at s=0.2, 0.23 at "
        "0.3, 0.56 at 0.4, 0.87 at 0.5, 0.988 at 0.6, 0.99985 at 0.7, 1 - 5e-8 at 0.8, so the "
        "banding loses no pair at the 0.8 threshold. 16 x 8 (the default before exact "
        "verification) loses 5.3% of the pairs at s=0.8 and 0.6% at 0.85, and has 2x fewer "
        "candidates below 0.7 to pre-filter (measured in bench/RESULTS.md).",
    )
    rows: int = Field(
        4,
        ge=1,
        description="Signature values per band. More rows make the S-curve steeper and move it "
        "right: fewer candidates below the threshold (less checking), more misses just above "
        "it. Candidates are checked (estimate pre-filter, then exact Jaccard), so false "
        "positives of the banding cost time, not precision.",
    )
    threshold: float = Field(
        0.8,
        gt=0.0,
        le=1.0,
        description="Jaccard similarity of the word-shingle sets at or above which two texts are "
        "near duplicates; 0.8 follows Lee et al. (2022). Checked exactly when both texts are "
        "passed to deduplicate(); a pair with an indexed text that was not passed again is "
        "judged by the signature estimate (+-0.035 at 0.8 with 128 permutations).",
    )
    prefilter_margin: float = Field(
        0.1,
        ge=0.0,
        le=1.0,
        description="Candidates whose signature estimate is below threshold - prefilter_margin "
        "are dropped before the exact check, so unrelated bucket-mates cost one signature "
        "comparison. 0.1 is ~2.9 standard errors of the estimate at J=0.8 with 128 permutations "
        "(sqrt(0.8 x 0.2 / 128) = 0.035): a pair exactly at 0.8 is dropped with probability "
        "0.3%, one at 0.85 with 7e-6 (binomial tails). Larger: fewer such misses, more exact "
        "checks.",
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
                " (e.g. bands=32, rows=4 for 128)"
            )
        return self


class SignatureIndex:
    """doc_ids + MinHash signatures (+ exact hashes, cluster ids) of every deduplicated document.

    Documents refer to rows of distinct normalised texts (exact duplicates share a row); each
    text row holds its exact hash, its signature and its band keys. Each document records the
    generation (run) in which it was indexed and the position of its cluster's representative.
    Signatures and band keys are kept as append-only blocks, one per run that added texts
    (compacted into one past _MAX_SEGMENTS), so adding a shard neither copies nor rewrites the
    old ones.
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
        documents = pl.DataFrame(schema=_INDEX_DOCUMENT_SCHEMA)
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
        writes only the blocks added since. The files go to a temporary sibling directory that
        is renamed into place; if the process dies between moving the old index aside and
        moving the new one in, the old one is left beside it as `.<name>.old-*`.
        """
        directory = Path(directory).resolve()
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
        try:
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
    Pass the indexed documents' texts too (as the dagster asset does): candidate pairs are then
    verified with the exact Jaccard similarity, where a pair with an indexed text that is not
    among `documents` is judged by its signature estimate. Similarity is the Jaccard similarity
    to the cluster's representative: exact where both texts were passed, else the estimate.
    """
    index = index if index is not None else SignatureIndex.empty(config)
    if index.config != config:
        raise ValueError(
            f"the index was built with {index.config!r} but deduplicate() got {config!r}: "
            "pass the config the index was built with, or no index to start over"
        )
    passed = _validated(documents)
    new_documents = _new_documents(passed, index)
    old_texts = len(index.text_hashes)
    new_text_rows, text_hashes, new_signatures = _sketch(new_documents["text"], index, config)
    blocks, key_blocks, stored = index.signature_blocks, index.band_key_blocks, index._stored
    if len(new_signatures):
        blocks += (new_signatures,)
        key_blocks += (band_keys(new_signatures, config.bands, config.rows),)
    if len(blocks) > _MAX_SEGMENTS:
        blocks, stored = (np.concatenate(blocks),), None
        key_blocks = (np.concatenate(key_blocks, axis=1),)

    exact = _ExactJaccard(
        passed, new_documents, new_text_rows, index.documents, len(text_hashes), config
    )
    near_left, near_right = _near_duplicate_edges(
        blocks, key_blocks, text_hashes, old_texts, config, exact
    )
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
        blocks, text_rows[stale], text_rows[representative[stale]], config.num_perm, exact
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
        key_blocks,
        next_generation=index.next_generation + (1 if new_documents.height else 0),
    )
    updated._stored = stored  # the old blocks are unchanged: their segments stay valid
    return DedupResult(clusters=clusters, index=updated)


def _validated(documents: pl.DataFrame) -> pl.DataFrame:
    """doc_id and text (nulls as empty text) of `documents`, after checking the doc_ids."""
    missing = {"doc_id", "text"} - set(documents.columns)
    if missing:
        raise ValueError(
            f"documents lack column(s) {sorted(missing)}: deduplicate() needs doc_id and text "
            f"(got {documents.columns})"
        )
    frame = documents.select(pl.col("doc_id"), pl.col("text").fill_null(""))
    if frame["doc_id"].null_count():
        raise ValueError("documents have null doc_id values: give every row a doc_id")
    if frame["doc_id"].n_unique() < frame.height:  # 4x cheaper than is_duplicated on 1M ids
        duplicated = frame.filter(pl.col("doc_id").is_duplicated())["doc_id"]
        raise ValueError(
            f"{len(duplicated)} rows share a doc_id (e.g. {duplicated[0]!r}): doc_ids must be "
            "unique per row; derive them from source and position (corpus.documents.make_doc_id)"
        )
    return frame


def _new_documents(passed: pl.DataFrame, index: SignatureIndex) -> pl.DataFrame:
    """The passed documents not in the index, with their position among the passed ones."""
    numbered = passed.with_row_index("position")
    if len(index) == 0:
        return numbered
    return numbered.join(
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
        shingles = shingle_hashes(select_sequences(words, unseen), config.shingle_size)
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


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """uint64 [bands, texts]: one key per band of `rows` signature values (band-major).

    Computed _TEXTS_PER_KEY_BLOCK texts at a time: the temporaries stay in cache (whole-array
    ones would cost ~1 GB per million texts at 32 bands, and 3x the time).
    """
    keys = np.empty((bands, len(signatures)), dtype=np.uint64)
    per_band = rows // 2 if rows % 2 == 0 else rows
    multipliers = seeded_constants(0, 4, per_band) | np.uint64(1)
    for start in range(0, len(signatures), _TEXTS_PER_KEY_BLOCK):
        block = signatures[start : start + _TEXTS_PER_KEY_BLOCK]
        if rows % 2 == 0:  # read the band as rows/2 little-endian uint64 words: half the passes
            values = np.ascontiguousarray(block, dtype="<u4").view("<u8")
        else:
            values = block.astype(np.uint64)
        by_band = values.reshape(len(block), bands, per_band)
        block_keys = by_band[:, :, 0] * multipliers[0]
        for position in range(1, per_band):
            block_keys += by_band[:, :, position] * multipliers[position]
        keys[:, start : start + len(block)] = mix64(block_keys).T
    return keys


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
    key_blocks: tuple[np.ndarray, ...],
    text_hashes: np.ndarray,
    first_new_row: int,
    config: DedupConfig,
    exact: _ExactJaccard,
) -> tuple[np.ndarray, np.ndarray]:
    """Verified near-duplicate pairs (left < right) with at least one row >= first_new_row."""
    left, right = _candidate_pairs(key_blocks, text_hashes, first_new_row, config)
    matches = _matches(blocks, left, right)
    prefilter = math.ceil((config.threshold - config.prefilter_margin) * config.num_perm - 1e-9)
    plausible = matches >= prefilter
    left, right, matches = left[plausible], right[plausible], matches[plausible]
    similarity = exact.similarity(left, right)
    estimated = np.isnan(similarity)
    similarity[estimated] = matches[estimated] / config.num_perm
    keep = similarity >= config.threshold
    LOGGER.info(
        "near-duplicate pairs: %d candidates from %d bands, %d within %.2f of the threshold "
        "by estimate, %d checked exactly and %d by estimate (texts not passed), %d kept",
        len(plausible),
        config.bands,
        len(left),
        config.prefilter_margin,
        len(left) - int(estimated.sum()),
        int(estimated.sum()),
        int(keep.sum()),
    )
    return left[keep], right[keep]


def _candidate_pairs(
    key_blocks: tuple[np.ndarray, ...],
    text_hashes: np.ndarray,
    first_new_row: int,
    config: DedupConfig,
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs of text rows (left < right) that share a band, at least one row new."""
    count = len(text_hashes)
    if count - first_new_row == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)

    def band_pair_codes(band: int) -> np.ndarray:
        keys = (
            key_blocks[0][band]
            if len(key_blocks) == 1
            else np.concatenate([block[band] for block in key_blocks])
        )
        left, right = _bucket_pairs(keys, first_new_row)
        return left * count + right

    with ThreadPoolExecutor(max_workers=_SKETCH_THREADS) as pool:  # numpy releases the GIL
        pair_codes = [np.zeros(0, np.int64), *pool.map(band_pair_codes, range(config.bands))]
    codes = np.unique(np.concatenate(pair_codes))
    left, right = codes // count, codes % count
    # The one empty text (no words, all-EMPTY_SLOT signature) never near-duplicates anything.
    empty = np.flatnonzero(text_hashes == np.uint64(_EMPTY_TEXT_HASH))
    if len(empty):
        real = (left != empty[0]) & (right != empty[0])
        left, right = left[real], right[real]
    return left, right


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
    rows = rows[_stable_argsort(keys[rows])]
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


def _stable_argsort(values: np.ndarray) -> np.ndarray:
    """np.argsort(values, kind="stable") (for < 2**32 values), ~2x faster when few are equal.

    numpy's unstable sort is SIMD and ~5x faster than its stable one; afterwards only the
    positions inside runs of equal values are put back in ascending order.
    """
    order = np.argsort(values)
    sorted_values = values[order]
    equal = sorted_values[1:] == sorted_values[:-1]
    if not equal.any():
        return order
    tied = np.zeros(len(order), dtype=bool)
    tied[1:] = equal
    tied[:-1] |= equal
    positions = np.flatnonzero(tied)
    run_starts = np.flatnonzero(np.concatenate(([True], ~equal)))
    run_of_position = run_starts[np.searchsorted(run_starts, positions, side="right") - 1]
    # Sorting (run start, original position) puts each run's positions in ascending order.
    combined = (run_of_position.astype(np.uint64) << np.uint64(32)) | order[positions].astype(
        np.uint64
    )
    combined.sort()
    order[positions] = (combined & np.uint64(0xFFFF_FFFF)).astype(np.int64)
    return order


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
    blocks: tuple[np.ndarray, ...],
    rows: np.ndarray,
    representative_rows: np.ndarray,
    num_perm: int,
    exact: _ExactJaccard,
) -> np.ndarray:
    """Jaccard similarity of each document to its representative (1.0 when same text): exact
    where both texts were passed in, else estimated from the signatures."""
    similarity = np.ones(len(rows), dtype=np.float64)
    differ = np.flatnonzero(rows != representative_rows)
    similarity[differ] = exact.similarity(rows[differ], representative_rows[differ])
    estimated = differ[np.isnan(similarity[differ])]
    similarity[estimated] = (
        _matches(blocks, rows[estimated], representative_rows[estimated]) / num_perm
    )
    return similarity


class _ExactJaccard:
    """Exact Jaccard similarity of text rows' shingle-hash sets, from the texts passed in.

    A text row's set comes from any passed document with that normalised text: a new one, or an
    indexed one passed again. Sets are computed on first use, for the rows asked about only (one
    word-hashing pass over their texts); a row without a passed text has no set. Similarities are
    kept, so a document's similarity to its representative reuses its verified edge.
    """

    def __init__(
        self,
        passed: pl.DataFrame,
        new_documents: pl.DataFrame,
        new_text_rows: np.ndarray,
        index_documents: pl.DataFrame,
        text_row_count: int,
        config: DedupConfig,
    ) -> None:
        self._text_row_count = text_row_count
        self._texts = passed["text"]
        self._doc_ids = passed["doc_id"]
        order = np.argsort(new_text_rows, kind="stable")
        self._new_rows = new_text_rows[order]  # sorted text rows of the new documents
        # their positions among the passed documents
        self._new_positions = new_documents["position"].to_numpy().astype(np.int64)[order]
        self._index_documents = index_documents
        self._config = config
        self._rows = np.zeros(0, np.int64)  # rows looked up so far, in the order of _shingles
        self._has_text = np.zeros(0, bool)
        self._shingles = HashedSequences(np.zeros(0, np.uint64), np.zeros(1, np.int64))
        self._pair_codes = np.zeros(0, np.int64)  # sorted codes of the pairs computed so far
        self._pair_similarity = np.zeros(0, np.float64)

    def similarity(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Exact Jaccard similarity of each (left, right) pair of text rows; NaN without a text."""
        codes = np.minimum(left, right) * self._text_row_count + np.maximum(left, right)
        similarity = np.empty(len(codes), dtype=np.float64)
        known = _contains(self._pair_codes, codes)
        similarity[known] = self._pair_similarity[np.searchsorted(self._pair_codes, codes[known])]
        new_codes, first = np.unique(codes[~known], return_index=True)
        new = np.flatnonzero(~known)[first]
        new_similarity = self._compute(left[new], right[new])
        similarity[~known] = new_similarity[np.searchsorted(new_codes, codes[~known])]
        all_codes = np.concatenate((self._pair_codes, new_codes))
        order = np.argsort(all_codes)
        self._pair_codes = all_codes[order]
        self._pair_similarity = np.concatenate((self._pair_similarity, new_similarity))[order]
        return similarity

    def _compute(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """similarity() without the kept results."""
        self._look_up(np.union1d(left, right))
        order = np.argsort(self._rows)
        left_slot = order[np.searchsorted(self._rows[order], left)]
        right_slot = order[np.searchsorted(self._rows[order], right)]
        similarity = np.full(len(left), np.nan)
        known = self._has_text[left_slot] & self._has_text[right_slot]
        similarity[known] = jaccard_of_pairs(self._shingles, left_slot[known], right_slot[known])
        return similarity

    def _look_up(self, rows: np.ndarray) -> None:
        """Shingle the passed texts of `rows` (sorted, unique) not looked up before."""
        rows = rows[~np.isin(rows, self._rows)]
        if len(rows) == 0:
            return
        positions = self._positions(rows)
        found = positions >= 0
        texts = self._texts.gather(positions[found])
        size = self._config.shingle_size
        # At least one chunk per thread: a few thousand texts are worth splitting too.
        per_chunk = max(1, min(_DOCS_PER_CHUNK, -(-len(texts) // _SKETCH_THREADS)))

        def shingle_chunk(start: int) -> HashedSequences:
            return shingle_hashes(word_hashes(texts.slice(start, per_chunk)), size)

        with ThreadPoolExecutor(max_workers=_SKETCH_THREADS) as pool:
            chunks = list(pool.map(shingle_chunk, range(0, len(texts), per_chunk)))
        without_text = HashedSequences(
            np.zeros(0, np.uint64), np.zeros(int((~found).sum()) + 1, np.int64)
        )
        self._shingles = concatenate_sequences([self._shingles, *chunks, without_text])
        self._rows = np.concatenate((self._rows, rows[found], rows[~found]))
        self._has_text = np.concatenate(
            (self._has_text, np.ones(int(found.sum()), bool), np.zeros(int((~found).sum()), bool))
        )

    def _positions(self, rows: np.ndarray) -> np.ndarray:
        """Position among the passed documents of one document per row (sorted), -1 if none."""
        positions = np.full(len(rows), -1, dtype=np.int64)
        new = _contains(self._new_rows, rows)
        positions[new] = self._new_positions[np.searchsorted(self._new_rows, rows[new])]
        old = np.flatnonzero(~new)
        if len(old) == 0 or self._index_documents.height == 0:
            return positions
        indexed = self._index_documents.select("doc_id", "text_row").filter(
            pl.col("text_row").is_in(pl.Series(rows[old]).implode())
        )
        passed = (
            self._doc_ids.to_frame("doc_id")
            .with_row_index("position")
            .filter(pl.col("doc_id").is_in(indexed["doc_id"].implode()))
            .join(indexed, on="doc_id")
            .group_by("text_row")
            .agg(pl.col("position").min())
        )
        found_rows = passed["text_row"].to_numpy()
        positions[old[np.searchsorted(rows[old], found_rows)]] = passed["position"].to_numpy()
        return positions
