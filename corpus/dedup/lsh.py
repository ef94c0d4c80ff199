"""Sketching and LSH: new texts' MinHash signatures, band keys, and candidate pairs.

Two texts whose band keys are equal in at least one band are a candidate pair (Leskovec,
Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import polars as pl

from corpus.dedup.config import (
    PAIRS_PER_CHUNK,
    SKETCH_THREADS,
    DedupConfig,
)
from corpus.dedup.index import SignatureIndex
from corpus.dedup.minhash import (
    HashedSequences,
    minhash_signatures,
    mix64,
    seeded_constants,
    select_sequences,
    sequence_hashes,
    shingle_hashes,
    word_hashes,
)

_TEXTS_PER_KEY_BLOCK = 4096  # texts keyed together: 1 MB temporaries at 32 bands, stay in cache
# A bucket of m texts gives m(m-1)/2 pairs; in larger buckets each text is paired with the next
# _BUCKET_WINDOW texts of the bucket only (a chain that still links a template's near copies).
_BUCKET_WINDOW = 64


_EMPTY_TEXT_HASH = int(
    sequence_hashes(HashedSequences(np.zeros(0, np.uint64), np.zeros(2, np.int64)))[0]
)


def sketch(
    chunks: Iterable[pl.Series], count: int, index: SignatureIndex, config: DedupConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Text row of each new document, the exact hashes of all rows, the new rows' signatures.

    `chunks` are the `count` new documents' texts, in order, at most DOCS_PER_CHUNK at a time.
    A document whose normalised text is already in the index (or earlier in this batch) reuses
    that row; only texts first seen here are shingled and signed, one chunk at a time, straight
    into one preallocated signature array (memory: the new signatures once, plus a few chunks).
    """
    known_order = np.argsort(index.text_hashes)
    known_sorted = index.text_hashes[known_order]
    old = len(index.text_hashes)

    def sketch_chunk(texts: pl.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        words = word_hashes(texts)
        hashes = sequence_hashes(words)
        _, first_in_chunk = np.unique(hashes, return_index=True)
        unseen = first_in_chunk[~contains(known_sorted, hashes[first_in_chunk])]
        unseen.sort()
        shingles = shingle_hashes(select_sequences(words, unseen), config.shingle_size)
        return hashes, hashes[unseen], minhash_signatures(shingles, config.num_perm, config.seed)

    signatures = np.empty((count, config.num_perm), dtype=np.uint32)
    hashes_per_chunk, signed_hashes, written = [], [], 0

    def keep(sketched: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
        nonlocal written
        hashes, chunk_signed, chunk_signatures = sketched
        hashes_per_chunk.append(hashes)
        signed_hashes.append(chunk_signed)
        signatures[written : written + len(chunk_signatures)] = chunk_signatures
        written += len(chunk_signatures)

    # numpy, polars and pyarrow release the GIL, so chunks overlap on the cores we are given;
    # at most SKETCH_THREADS + 1 chunks are read ahead (a streamed corpus stays out of memory).
    with ThreadPoolExecutor(max_workers=SKETCH_THREADS) as pool:
        pending: deque[Future] = deque()
        for chunk in chunks:
            pending.append(pool.submit(sketch_chunk, chunk))
            if len(pending) > SKETCH_THREADS:
                keep(pending.popleft().result())
        while pending:
            keep(pending.popleft().result())
    all_hashes = np.concatenate([np.zeros(0, np.uint64), *hashes_per_chunk])
    candidate_hashes = np.concatenate([np.zeros(0, np.uint64), *signed_hashes])
    # A text first seen in two chunks was signed twice: keep its first signature. Rows only move
    # towards the front, so compacting in place in order never overwrites a row still to move.
    _, first = np.unique(candidate_hashes, return_index=True)
    first.sort()
    if len(first) < len(candidate_hashes):
        for start in range(0, len(first), PAIRS_PER_CHUNK):
            block = first[start : start + PAIRS_PER_CHUNK]
            signatures[start : start + len(block)] = signatures[block]
    new_hashes = candidate_hashes[first]

    rows = np.empty(len(all_hashes), dtype=np.int64)
    in_index = contains(known_sorted, all_hashes)
    rows[in_index] = known_order[np.searchsorted(known_sorted, all_hashes[in_index])]
    new_order = np.argsort(new_hashes)
    new_positions = np.searchsorted(new_hashes[new_order], all_hashes[~in_index])
    rows[~in_index] = old + new_order[new_positions]
    return rows, np.concatenate((index.text_hashes, new_hashes)), signatures[: len(first)]


def contains(sorted_values: np.ndarray | None, values: np.ndarray) -> np.ndarray:
    """Whether each of `values` is in the sorted array `sorted_values` (None: an empty one)."""
    if sorted_values is None or len(sorted_values) == 0:
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


def candidate_pairs(
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

    with ThreadPoolExecutor(max_workers=SKETCH_THREADS) as pool:  # numpy releases the GIL
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
