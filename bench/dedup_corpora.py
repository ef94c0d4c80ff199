"""Synthetic corpora for bench/dedup.py: random words, and web-like documents with shared
paragraphs and edited near copies. Both are vectorised (1M documents in seconds) and seeded.

- `random_corpus`: ~100 Zipf-distributed words per document, 5% near copies (one word
  substituted) and 1% exact copies. Unrelated documents share almost no 5-gram, so LSH finds few
  candidates: the cheap case.
- `realistic_corpus`: 100-300 words per document, of which 0-3 paragraphs are drawn (Zipf) from
  a pool of shared boilerplate paragraphs (navigation, disclaimers, quoted passages), the rest is
  the document's own text; 8% near copies made by edits (substituted, deleted and inserted
  words, a cut tail), 2% exact copies. Shared paragraphs put many unrelated documents into the
  same LSH buckets with Jaccard 0.1-0.6: the candidate-heavy case that real web text is.
Copies re-draw case and trailing punctuation, so they only match after normalisation.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

_BLOCK_DOCS = 100_000
_LETTERS = np.frombuffer(b"abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)


def _vocabulary(rng: np.random.Generator, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Surface forms of `size` random words, 4 each (word, Word, word, and word.): bytes+offsets."""
    lengths = rng.integers(2, 11, size)
    letters = _LETTERS[rng.integers(0, 26, int(lengths.sum()))]
    words = [bytes(w) for w in np.split(letters, np.cumsum(lengths)[:-1])]
    forms = []
    for word in dict.fromkeys(words):  # distinct words only
        forms += [word, word[:1].upper() + word[1:], word + b",", word + b"."]
    form_lengths = np.array([len(f) for f in forms], dtype=np.int64)
    return np.frombuffer(b"".join(forms), dtype=np.uint8), form_lengths


def _zipf_words(rng: np.random.Generator, base_words: int, count: int) -> np.ndarray:
    weights = 1.0 / (np.arange(base_words) + 10.0)
    return rng.choice(base_words, count, p=weights / weights.sum()).astype(np.int32)


def _gather_segments(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of the ranges [starts[i], starts[i] + lengths[i]) as one index array."""
    ends = np.cumsum(lengths)
    gather = np.repeat(starts - (ends - lengths), lengths)
    gather += np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)
    return gather


def _texts(
    rng: np.random.Generator,
    words: np.ndarray,
    offsets: np.ndarray,
    form_bytes: np.ndarray,
    form_lengths: np.ndarray,
) -> pl.Series:
    """Documents' word ids -> texts, each word in one of its 4 surface forms."""
    form_starts = np.concatenate(([0], np.cumsum(form_lengths)[:-1]))
    forms = words * 4 + rng.choice(4, len(words), p=[0.85, 0.05, 0.05, 0.05]).astype(np.int32)
    docs = len(offsets) - 1
    texts = []
    for start in range(0, docs, 50_000):
        stop = min(start + 50_000, docs)
        chunk_forms = forms[offsets[start] : offsets[stop]]
        token_bytes = form_lengths[chunk_forms] + 1  # a space after every word
        token_ends = np.cumsum(token_bytes)
        gather = np.repeat(form_starts[chunk_forms] - (token_ends - token_bytes), token_bytes)
        gather += np.arange(int(token_ends[-1]))
        data = form_bytes[np.minimum(gather, len(form_bytes) - 1)]
        data[token_ends - 1] = ord(" ")
        text_offsets = np.concatenate(
            ([0], token_ends[offsets[start + 1 : stop + 1] - 1 - offsets[start]])
        )
        array = pa.LargeStringArray.from_buffers(
            stop - start, pa.py_buffer(text_offsets.astype(np.int64)), pa.py_buffer(data)
        )
        texts.append(pl.Series("text", array).str.strip_chars_end(" "))
    return pl.concat(texts)


def _frame(rng: np.random.Generator, texts: pl.Series, name: str) -> pl.DataFrame:
    doc_ids = rng.integers(0, 2**63, (len(texts), 2), dtype=np.int64)
    return pl.DataFrame(
        {
            "doc_id": [f"{high:016x}{low:016x}" for high, low in doc_ids.tolist()],
            "shard": name,
            "text": texts,
        }
    )


def _copy_sources(
    rng: np.random.Generator, docs: int, near_fraction: float, exact_fraction: float
) -> tuple[np.ndarray, np.ndarray]:
    """Source document of each document (itself unless a copy of an earlier original) and
    whether it is a near copy."""
    draw = rng.random(docs)
    is_near = draw < near_fraction
    is_copy = draw < near_fraction + exact_fraction
    source = np.arange(docs)
    copied = np.flatnonzero(is_copy)
    originals = np.flatnonzero(~is_copy)
    earlier = np.searchsorted(originals, copied)
    copied, earlier = copied[earlier > 0], earlier[earlier > 0]
    source[copied] = originals[(rng.random(len(copied)) * earlier).astype(np.int64)]
    return source, is_near & (source != np.arange(docs))


def random_corpus(docs: int, seed: int = 0, vocabulary: int = 50_000) -> pl.DataFrame:
    """~100 Zipf words per document, 5% near copies (one word substituted), 1% exact copies."""
    rng = np.random.default_rng(seed)
    form_bytes, form_lengths = _vocabulary(rng, vocabulary)
    base_words = len(form_lengths) // 4
    lengths = rng.integers(80, 121, docs)
    source, is_near = _copy_sources(rng, docs, 0.05, 0.01)
    lengths = lengths[source]
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    own = _zipf_words(rng, base_words, int(offsets[-1]))
    words = own[_gather_segments(offsets[source], lengths)]
    near = np.flatnonzero(is_near)
    substituted = offsets[near] + (rng.random(len(near)) * lengths[near]).astype(np.int64)
    words[substituted] = rng.integers(0, base_words, len(near))
    return _frame(rng, _texts(rng, words, offsets, form_bytes, form_lengths), f"random-{seed}")


def realistic_corpus(
    docs: int, seed: int = 0, vocabulary: int = 50_000, paragraphs: int = 20_000
) -> pl.DataFrame:
    """Web-like documents: shared boilerplate paragraphs, own text, edited near copies.

    Generated in blocks of _BLOCK_DOCS documents (bounded memory); a copy's source is an earlier
    document of its block, the paragraph pool is shared by all blocks.
    """
    rng = np.random.default_rng(seed)
    form_bytes, form_lengths = _vocabulary(rng, vocabulary)
    base_words = len(form_lengths) // 4
    # The pool of shared paragraphs (15-60 words); popularity is Zipf, so a few appear in a
    # sizeable share of all documents, as site templates do.
    paragraph_lengths = rng.integers(15, 61, paragraphs)
    pool = _zipf_words(rng, base_words, int(paragraph_lengths.sum()))
    texts = [
        _realistic_block(rng, min(_BLOCK_DOCS, docs - start), pool, paragraph_lengths, base_words)
        for start in range(0, docs, _BLOCK_DOCS)
    ]
    texts = pl.concat(
        [_texts(rng, words, offsets, form_bytes, form_lengths) for words, offsets in texts]
    )
    return _frame(rng, texts, f"realistic-{seed}")


def _realistic_block(
    rng: np.random.Generator,
    docs: int,
    pool: np.ndarray,
    paragraph_lengths: np.ndarray,
    base_words: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Word ids and offsets of `docs` realistic documents."""
    paragraphs = len(paragraph_lengths)
    paragraph_starts = np.concatenate(([0], np.cumsum(paragraph_lengths)[:-1]))
    popularity = 1.0 / (np.arange(paragraphs) + 3.0) ** 1.1
    total = rng.integers(100, 301, docs)
    shared_count = rng.choice(4, docs, p=[0.35, 0.35, 0.2, 0.1])
    slots = int(shared_count.sum())
    chosen = rng.choice(paragraphs, slots, p=popularity / popularity.sum())
    slot_doc = np.repeat(np.arange(docs), shared_count)
    shared_words = np.bincount(slot_doc, weights=paragraph_lengths[chosen], minlength=docs)
    own_lengths = np.maximum(total - shared_words.astype(np.int64), 40)
    # Segment order per document: own text first half, shared paragraphs, own text second half.
    own_first = own_lengths // 2
    own_offsets = np.concatenate(([0], np.cumsum(own_lengths))).astype(np.int64)
    own = _zipf_words(rng, base_words, int(own_offsets[-1]))
    segments_per_doc = shared_count + 2
    segment_doc = np.repeat(np.arange(docs), segments_per_doc)
    segment_first = np.concatenate(([0], np.cumsum(segments_per_doc)[:-1]))
    is_head = np.zeros(len(segment_doc), bool)
    is_head[segment_first] = True
    is_tail = np.zeros(len(segment_doc), bool)
    is_tail[segment_first + segments_per_doc - 1] = True
    is_shared = ~(is_head | is_tail)
    starts = np.empty(len(segment_doc), np.int64)
    lengths = np.empty(len(segment_doc), np.int64)
    starts[is_head] = own_offsets[:-1]
    lengths[is_head] = own_first
    starts[is_tail] = own_offsets[:-1] + own_first
    lengths[is_tail] = own_lengths - own_first
    starts[is_shared] = len(own) + paragraph_starts[chosen]
    lengths[is_shared] = paragraph_lengths[chosen]
    words = np.concatenate((own, pool))[_gather_segments(starts, lengths)]
    doc_lengths = np.bincount(segment_doc, weights=lengths, minlength=docs).astype(np.int64)
    offsets = np.concatenate(([0], np.cumsum(doc_lengths))).astype(np.int64)

    # Copies: an exact copy repeats its source's words; a near copy edits them: ~2% of the
    # words substituted, ~1% deleted, ~1% inserted, and up to 5% of the tail cut.
    source, is_near = _copy_sources(rng, docs, 0.08, 0.02)
    copied = np.flatnonzero(source != np.arange(docs))
    lengths = doc_lengths.copy()
    lengths[copied] = doc_lengths[source[copied]]
    words = words[_gather_segments(offsets[source], lengths)]
    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    near_word = np.repeat(is_near, lengths)
    edit = rng.random(len(words))
    substitute = near_word & (edit < 0.02)
    words[substitute] = rng.integers(0, base_words, int(substitute.sum()))
    keep = ~(near_word & (edit >= 0.02) & (edit < 0.03))
    insert_after = near_word & (edit >= 0.03) & (edit < 0.04)
    document_of_word = np.repeat(np.arange(docs), lengths)
    cut = np.zeros(docs, np.int64)
    cut[is_near] = (rng.random(int(is_near.sum())) * 0.05 * lengths[is_near]).astype(np.int64)
    position = np.arange(len(words)) - offsets[document_of_word]
    keep &= position < (lengths - cut)[document_of_word]
    # Insertions: repeat the marked words twice, then replace the second copy with a new word.
    repeats = keep.astype(np.int64) + (insert_after & keep)
    edited = np.repeat(words, repeats)
    inserted = np.zeros(len(edited), bool)
    marked = np.flatnonzero(np.repeat(insert_after & keep, repeats))
    inserted[marked[1::2]] = True
    edited[inserted] = rng.integers(0, base_words, int(inserted.sum()))
    new_lengths = np.bincount(document_of_word, weights=repeats, minlength=docs).astype(np.int64)
    new_offsets = np.concatenate(([0], np.cumsum(new_lengths))).astype(np.int64)
    return edited, new_offsets


CORPORA = {"random": random_corpus, "realistic": realistic_corpus}
