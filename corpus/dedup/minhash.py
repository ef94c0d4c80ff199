"""Texts -> normalised words -> word-shingle hashes -> MinHash signatures, vectorised end to end.

Normalisation (the same for exact and near duplicates, and for the leakage n-grams): Unicode
lowercase (polars `to_lowercase`; it equals `str.casefold` except for a few letters such as
German sharp s), Unicode punctuation (`\\p{P}`) removed, words split on any whitespace run. Words
are hashed with xxh3-64 of their UTF-8 bytes, so the hashes (and every signature built on them)
are stable across runs and library versions (up to Unicode table updates in polars); an index
records `HASH_SCHEME` and refuses to mix schemes.

Implementation chosen by measurement (bench/dedup.py, figures in bench/RESULTS.md: 1M documents
of ~200 words with shared paragraphs, 128 permutations, Parquet in -> clusters out, 2 shared
cores, 2026-11-30):
- datasketch (Python shingling, `MinHash.update_batch`, `MinHashLSH`): a few hundred docs/s.
- rensa 0.5 (Rust MinHash + RMinHashLSH): 5.7k docs/s, 6.7 GB; its shingling is a per-document
  Python loop.
- this module (numpy + polars, no per-document Python loop): 20k docs/s (12.8k streaming the
  corpus, 2.7 GB). polars splits texts
  into raw tokens, pyarrow dictionary-encodes them, only the distinct tokens are normalised and
  hashed, shingle hashes are combined from adjacent word hashes with sliding slices, and the
  signature is a segmented minimum (`np.minimum.reduceat`) of `(a * x + b) mod 2**32` over
  blocks of ~4k shingles, so the [permutations x shingles] block stays in cache (~2 G hash
  evaluations/s on one core).
- numba: the same signature loop jitted is ~5x faster than the numpy kernel (0.11 s vs 0.6 s
  per 100k documents), but signatures are only ~1/5 of the end-to-end time (tokenising
  dominates), so it would save ~15% for a new compiled dependency and a JIT warm-up per process.
The permutations are odd-multiplier affine maps on uint32. They are only min-wise for
unstructured keys, so every shingle hash goes through the splitmix64 finaliser first; on such
keys the Jaccard estimate is unbiased with the binomial variance J(1-J)/num_perm (measured).

The exact Jaccard similarity of the shingle-hash sets of many document pairs (`jaccard_of_pairs`,
which verifies dedup's candidate pairs) is one sort per block of pairs: every shingle of a pair is
keyed by (pair, hash, side), so equal keys are repeated shingles and neighbours that differ only
in the side are shared ones. On ~100-word documents that is ~5 us per pair on one core.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import xxhash

HASH_SCHEME = "xxh3_64-words+splitmix64-shingles+affine-u32-minhash/v1"
EMPTY_SLOT = np.uint32(0xFFFFFFFF)  # signature value of a document with no words
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_SHINGLES_PER_BLOCK = 4096  # [128 perms x 4-8k shingles] uint32 = 2-4 MB: stays in cache
_MAX_SHINGLE_SIZE = 64
_U64_MASK = 0xFFFF_FFFF_FFFF_FFFF
# jaccard_of_pairs sorts (pair: 16 bits | shingle hash: top 47 bits | side: 1 bit) keys, in blocks
# of at most 2**16 pairs and about _KEYS_PER_BLOCK keys (64 MiB).
_PAIR_BITS = 16
_KEYS_PER_BLOCK = 1 << 23


@dataclass(frozen=True)
class HashedSequences:
    """Per-document sequences of uint64 hashes (words, shingles or n-grams), concatenated.

    Document d owns `values[offsets[d]:offsets[d + 1]]`.
    """

    values: np.ndarray  # uint64 [total]
    offsets: np.ndarray  # int64 [documents + 1]

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1


def select_sequences(sequences: HashedSequences, documents: np.ndarray) -> HashedSequences:
    """The sequences of the given documents (any order, repeats allowed), as a new batch."""
    if len(documents) == len(sequences) and np.array_equal(documents, np.arange(len(documents))):
        return sequences
    lengths = sequences.lengths[documents]
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    source = np.repeat(sequences.offsets[documents] - offsets[:-1], lengths)
    source += np.arange(int(offsets[-1]), dtype=np.int64)
    return HashedSequences(values=sequences.values[source], offsets=offsets)


def concatenate_sequences(batches: list[HashedSequences]) -> HashedSequences:
    """One batch holding the documents of `batches`, in order."""
    values = np.concatenate([np.zeros(0, np.uint64), *(batch.values for batch in batches)])
    lengths = np.concatenate([np.zeros(0, np.int64), *(batch.lengths for batch in batches)])
    return HashedSequences(values, np.concatenate(([0], np.cumsum(lengths))).astype(np.int64))


def mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a bijection on uint64 that spreads every input bit over all outputs."""
    mixed = values.astype(np.uint64, copy=True)
    mixed ^= mixed >> np.uint64(30)
    mixed *= _MIX_1
    mixed ^= mixed >> np.uint64(27)
    mixed *= _MIX_2
    mixed ^= mixed >> np.uint64(31)
    return mixed


def seeded_constants(seed: int, stream: int, count: int) -> np.ndarray:
    """`count` pseudo-random uint64 constants, a pure function of (seed, stream).

    Uses splitmix64 rather than numpy's Generator, whose streams numpy does not promise to keep
    across versions: signatures stored in an index must be reproducible forever.
    """
    base = np.uint64((seed * 0x100000001B3 + stream * 0x1000193) & _U64_MASK)
    counter = base + _GOLDEN * np.arange(1, count + 1, dtype=np.uint64)
    return mix64(counter)


def _normalised_word_lists(tokens: pl.Expr) -> pl.Expr:
    """Lowercase, drop Unicode punctuation, split on whitespace: a list of words per input."""
    return tokens.str.to_lowercase().str.replace_all(r"\p{P}+", "").str.extract_all(r"\S+")


def normalised_words(texts: pl.Series) -> pl.Series:
    """The words each text is compared on (a list[str] per text); reference for the fast path."""
    frame = pl.DataFrame({"text": texts.fill_null("")})
    return frame.select(_normalised_word_lists(pl.col("text"))).to_series().fill_null([])


def normalise_texts(texts: pl.Series) -> pl.Series:
    """Normalised texts (words joined by one space); equal strings <=> exact duplicates."""
    return normalised_words(texts).list.join(" ").rename("normalised")


def _hash_words(words: pa.Array) -> np.ndarray:
    """xxh3-64 of each word's UTF-8 bytes; called on distinct words only."""
    encoded = pl.Series(words).cast(pl.Binary).to_list()
    return np.fromiter(
        (xxhash.xxh3_64_intdigest(word) for word in encoded), dtype=np.uint64, count=len(encoded)
    )


def _large_list(array: pa.Array | pa.ChunkedArray) -> pa.LargeListArray:
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array.cast(pa.large_list(pa.large_string()))


def word_hashes(texts: pl.Series) -> HashedSequences:
    """Hash of every normalised word of every text, in order.

    Texts are split on spaces into raw tokens; the distinct tokens (far fewer than tokens) are
    normalised and hashed once, and every token is mapped to its 0, 1 or more words.
    """
    raw_tokens = _large_list(texts.fill_null("").str.split(" ").to_arrow())
    token_offsets = raw_tokens.offsets.to_numpy().astype(np.int64)
    encoded = pc.dictionary_encode(raw_tokens.values)
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    distinct = pl.Series("token", encoded.dictionary).cast(pl.String)
    token_words = _large_list(
        pl.DataFrame({"token": distinct})
        .select(_normalised_word_lists(pl.col("token")))
        .to_series()
        .fill_null([])
        .to_arrow()
    )
    words_per_distinct = np.diff(token_words.offsets.to_numpy().astype(np.int64))
    distinct_word_hashes = _hash_words(token_words.values)
    first_word_of_distinct = token_words.offsets.to_numpy().astype(np.int64)[:-1]

    words_per_token = words_per_distinct[codes]
    if np.all(words_per_token == 1):  # fast path: every token is exactly one word
        values = distinct_word_hashes[first_word_of_distinct[codes]]
        return HashedSequences(values=values, offsets=token_offsets)
    word_ends = np.cumsum(words_per_token)
    total = int(word_ends[-1]) if len(word_ends) else 0
    word_starts = word_ends - words_per_token
    source = np.repeat(first_word_of_distinct[codes] - word_starts, words_per_token)
    source += np.arange(total, dtype=np.int64)
    offsets = np.concatenate(([0], word_ends))[token_offsets]
    return HashedSequences(values=distinct_word_hashes[source], offsets=offsets.astype(np.int64))


def sequence_hashes(words: HashedSequences) -> np.ndarray:
    """One uint64 per document identifying its whole normalised word sequence (exact duplicates).

    A polynomial in the (random) word hashes, then mixed; the empty document hashes to mix(0).
    """
    lengths = words.lengths
    if len(words.values) == 0:
        return mix64(np.zeros(len(words), dtype=np.uint64))
    max_length = int(lengths.max())
    powers = np.cumprod(np.full(max_length, _GOLDEN | np.uint64(1), dtype=np.uint64))
    document_of_word = np.repeat(np.arange(len(words)), lengths)
    position = np.arange(len(words.values), dtype=np.int64) - words.offsets[document_of_word]
    terms = words.values * powers[position]
    sums = np.zeros(len(words), dtype=np.uint64)
    non_empty = lengths > 0
    sums[non_empty] = np.add.reduceat(terms, words.offsets[:-1][non_empty])
    sums += lengths.astype(np.uint64) * _MIX_1
    return mix64(sums)


def shingle_hashes(words: HashedSequences, size: int) -> HashedSequences:
    """Hashes of every run of `size` consecutive words (word n-grams), per document.

    A document with fewer than `size` words (but at least one) has exactly one shingle: its whole
    word sequence, so short documents still match their exact duplicates. An empty document has
    none. The word count is part of the hash, so a short document never equals a full shingle.
    """
    if not 1 <= size <= _MAX_SHINGLE_SIZE:
        raise ValueError(f"shingle size {size} is out of range: use 1..{_MAX_SHINGLE_SIZE}")
    lengths = words.lengths
    short = np.flatnonzero((lengths > 0) & (lengths < size))
    shingle_counts = np.where(lengths >= size, lengths - size + 1, np.minimum(lengths, 1))
    shingle_offsets = np.concatenate(([0], np.cumsum(shingle_counts))).astype(np.int64)
    values = np.empty(int(shingle_offsets[-1]), dtype=np.uint64)
    multipliers = seeded_constants(0, 1, size) | np.uint64(1)

    # Full shingles: a sliding window over all words at once (contiguous slices, no gathers),
    # then keep the windows that do not cross a document end.
    windows = len(words.values) - size + 1
    if windows > 0:
        rolling = np.full(windows, (size * int(_MIX_2)) & _U64_MASK, dtype=np.uint64)
        scratch = np.empty(windows, dtype=np.uint64)
        for position in range(size):
            np.multiply(
                words.values[position : position + windows], multipliers[position], out=scratch
            )
            rolling += scratch
        crosses_end = np.zeros(windows + size, dtype=bool)
        ends = words.offsets[1:][lengths > 0]
        crosses_end[np.maximum(ends[:, None] - np.arange(1, size), 0).ravel()] = True
        full_slots = np.ones(len(values), dtype=bool)
        full_slots[shingle_offsets[short]] = False
        values[full_slots] = rolling[~crosses_end[:windows]]

    # Documents shorter than `size`: one shingle each, over all their words.
    if len(short):
        width = lengths[short]
        combined = width.astype(np.uint64) * _MIX_2
        for position in range(int(width.max())):
            present = width > position
            combined[present] += (
                words.values[words.offsets[short[present]] + position] * (multipliers[position])
            )
        values[shingle_offsets[short]] = combined
    return HashedSequences(values=mix64(values), offsets=shingle_offsets)


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations x -> (a * x + b) mod 2**32: odd multipliers `a`, offsets `b`."""
    multipliers = (seeded_constants(seed, 2, num_perm) >> np.uint64(32)).astype(np.uint32)
    offsets = (seeded_constants(seed, 3, num_perm) >> np.uint64(32)).astype(np.uint32)
    return multipliers | np.uint32(1), offsets


def minhash_signatures(shingles: HashedSequences, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signature of each document: uint32 [documents, num_perm].

    Documents without shingles get `EMPTY_SLOT` everywhere. Consecutive documents are hashed
    together in blocks of ~_SHINGLES_PER_BLOCK shingles (one [perm x shingles] array that stays
    in cache, reused); a longer document is hashed alone, in slices of that size.
    """
    multipliers, offsets = permutations(num_perm, seed)
    column_multipliers, column_offsets = multipliers[:, None], offsets[:, None]
    keys = (shingles.values >> np.uint64(32)).astype(np.uint32)
    lengths = shingles.lengths
    signatures = np.full((len(shingles), num_perm), EMPTY_SLOT, dtype=np.uint32)
    scratch = np.empty((num_perm, 2 * _SHINGLES_PER_BLOCK), dtype=np.uint32)

    is_long = lengths > _SHINGLES_PER_BLOCK
    for document in np.flatnonzero(is_long):
        signature = signatures[document]
        for start in range(
            shingles.offsets[document], shingles.offsets[document + 1], _SHINGLES_PER_BLOCK
        ):
            part = keys[start : min(start + _SHINGLES_PER_BLOCK, shingles.offsets[document + 1])]
            hashed = np.multiply(column_multipliers, part[None, :], out=scratch[:, : len(part)])
            hashed += column_offsets
            np.minimum(signature, hashed.min(axis=1), out=signature)

    regular = np.flatnonzero((lengths > 0) & ~is_long)
    if len(regular) == 0:
        return signatures
    # A new block starts where the running shingle count crosses a multiple of the block size,
    # or where a long document lies between two regular ones (blocks must be contiguous).
    running = np.cumsum(lengths[regular]) - lengths[regular]
    long_before = np.cumsum(is_long)[regular]
    starts_block = np.ones(len(regular), dtype=bool)
    starts_block[1:] = (np.diff(running // _SHINGLES_PER_BLOCK) != 0) | (np.diff(long_before) != 0)
    block_edges = np.append(np.flatnonzero(starts_block), len(regular))
    for block_start, block_stop in zip(block_edges[:-1], block_edges[1:], strict=True):
        block = regular[block_start:block_stop]
        first = shingles.offsets[block[0]]
        block_keys = keys[first : shingles.offsets[block[-1] + 1]]
        hashed = np.multiply(
            column_multipliers, block_keys[None, :], out=scratch[:, : len(block_keys)]
        )
        hashed += column_offsets  # [perm, shingles]
        signatures[block] = np.minimum.reduceat(hashed, shingles.offsets[block] - first, axis=1).T
    return signatures


def jaccard_of_pairs(shingles: HashedSequences, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Exact Jaccard similarity of the shingle-hash sets of documents left[i] and right[i].

    Repeated shingles count once (sets, as in Broder 1997). Hashes are compared on their top 47
    bits (they are splitmix64 outputs, so uniform): two distinct shingles of a pair agree there
    with probability 2**-47 each, e.g. ~1e-10 per pair of 100-word documents. Two documents
    without shingles have similarity 1.0.
    """
    left, right = np.asarray(left, np.int64), np.asarray(right, np.int64)
    # A key is (pair | hash | side): the hash's top bits, shifted to free the pair and side bits.
    hashes = (shingles.values >> np.uint64(_PAIR_BITS + 1)) << np.uint64(1)
    keys_per_pair = shingles.lengths[left] + shingles.lengths[right]
    similarity = np.ones(len(left), dtype=np.float64)
    start = 0
    while start < len(left):
        stop = min(start + (1 << _PAIR_BITS), len(left))
        keys_so_far = np.cumsum(keys_per_pair[start:stop])
        stop = start + max(1, int(np.searchsorted(keys_so_far, _KEYS_PER_BLOCK, side="right")))
        block = slice(start, stop)
        similarity[block] = _jaccard_block(hashes, shingles.offsets, left[block], right[block])
        start = stop
    return similarity


def _jaccard_block(
    hashes: np.ndarray, offsets: np.ndarray, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """jaccard_of_pairs for at most 2**_PAIR_BITS pairs, with one sort of their keys."""
    pair_bits = np.uint64(64 - _PAIR_BITS)
    documents = np.concatenate((left, right))
    lengths = offsets[documents + 1] - offsets[documents]
    key_ends = np.cumsum(lengths)
    source = np.repeat(offsets[documents] - (key_ends - lengths), lengths)
    source += np.arange(len(source), dtype=np.int64)
    keys = hashes[source]
    pair_keys = np.arange(len(left), dtype=np.uint64) << pair_bits
    keys |= np.repeat(np.concatenate((pair_keys, pair_keys | np.uint64(1))), lengths)
    keys.sort()
    # Within a pair, equal keys are a shingle repeated on one side, and a shingle on both sides
    # is a side-0 key followed by a side-1 key: neighbours that differ in the side bit only.
    change = keys[1:] ^ keys[:-1]
    shared = np.flatnonzero(change == 1)
    new_hash = np.flatnonzero(change > 1)
    starts = np.searchsorted(keys, pair_keys)
    stops = np.append(starts[1:], len(keys))
    last = np.maximum(stops - 1, starts)  # a pair's neighbour changes lie in [start, last)
    intersection = np.searchsorted(shared, last) - np.searchsorted(shared, starts)
    distinct = np.searchsorted(new_hash, last) - np.searchsorted(new_hash, starts)
    union = np.where(stops > starts, 1 + distinct, 0)
    similarity = np.ones(len(left), dtype=np.float64)
    np.divide(intersection, union, out=similarity, where=union > 0)
    return similarity
