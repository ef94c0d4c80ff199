"""Verification of candidate pairs: signature pre-filter, then the exact Jaccard similarity."""

from __future__ import annotations

import logging
import math
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import polars as pl

from corpus.dedup.config import (
    DOCS_PER_CHUNK,
    PAIRS_PER_CHUNK,
    SKETCH_THREADS,
    DedupConfig,
)
from corpus.dedup.lsh import candidate_pairs, contains
from corpus.dedup.minhash import (
    HashedSequences,
    concatenate_sequences,
    jaccard_of_pairs,
    shingle_hashes,
    word_hashes,
)
from corpus.dedup.texts import PassedTexts

LOGGER = logging.getLogger(__name__)


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


def signature_matches(
    blocks: tuple[np.ndarray, ...], left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Equal signature values of each (left, right) pair of text rows, chunk by chunk."""
    matches = np.zeros(len(left), dtype=np.int64)
    for start in range(0, len(left), PAIRS_PER_CHUNK):
        chunk = slice(start, start + PAIRS_PER_CHUNK)
        equal = _gather_rows(blocks, left[chunk]) == _gather_rows(blocks, right[chunk])
        matches[chunk] = np.count_nonzero(equal, axis=1)
    return matches


def near_duplicate_edges(
    blocks: tuple[np.ndarray, ...],
    key_blocks: tuple[np.ndarray, ...],
    text_hashes: np.ndarray,
    first_new_row: int,
    config: DedupConfig,
    exact: ExactJaccard,
) -> tuple[np.ndarray, np.ndarray]:
    """Verified near-duplicate pairs (left < right) with at least one row >= first_new_row."""
    left, right = candidate_pairs(key_blocks, text_hashes, first_new_row, config)
    matches = signature_matches(blocks, left, right)
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


def similarity_to_representatives(
    blocks: tuple[np.ndarray, ...],
    rows: np.ndarray,
    representative_rows: np.ndarray,
    num_perm: int,
    exact: ExactJaccard,
) -> np.ndarray:
    """Jaccard similarity of each document to its representative (1.0 when same text): exact
    where both texts were passed in, else estimated from the signatures."""
    similarity = np.ones(len(rows), dtype=np.float64)
    differ = np.flatnonzero(rows != representative_rows)
    similarity[differ] = exact.similarity(rows[differ], representative_rows[differ])
    estimated = differ[np.isnan(similarity[differ])]
    similarity[estimated] = (
        signature_matches(blocks, rows[estimated], representative_rows[estimated]) / num_perm
    )
    return similarity


class ExactJaccard:
    """Exact Jaccard similarity of text rows' shingle-hash sets, from the texts passed in.

    A text row's set comes from any passed document with that normalised text: a new one, or an
    indexed one passed again. Sets are computed on first use, for the rows asked about only (one
    word-hashing pass over their texts); a row without a passed text has no set. Similarities are
    kept, so a document's similarity to its representative reuses its verified edge.
    """

    def __init__(
        self,
        doc_ids: pl.Series,
        texts: PassedTexts,
        new_positions: np.ndarray,
        new_text_rows: np.ndarray,
        index_documents: pl.DataFrame,
        text_row_count: int,
        config: DedupConfig,
    ) -> None:
        """doc_ids and texts of the passed documents; the new ones' positions and text rows."""
        self._text_row_count = text_row_count
        self._texts = texts
        self._doc_ids = doc_ids
        order = np.argsort(new_text_rows, kind="stable")
        self._new_rows = new_text_rows[order]  # sorted text rows of the new documents
        self._new_positions = new_positions[order]  # their positions among the passed documents
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
        known = contains(self._pair_codes, codes)
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
        per_chunk = max(1, min(DOCS_PER_CHUNK, -(-len(texts) // SKETCH_THREADS)))

        def shingle_chunk(start: int) -> HashedSequences:
            return shingle_hashes(word_hashes(texts.slice(start, per_chunk)), size)

        with ThreadPoolExecutor(max_workers=SKETCH_THREADS) as pool:
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
        new = contains(self._new_rows, rows)
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
