"""The n-gram kernel of the repetition filter: per document, the top repeated n-gram's score.

The words of many documents form one table; n-gram keys are folded from word hashes with numpy
(vectorised, no per-row Python), and only the few keys seen twice or more are grouped.
"""

from __future__ import annotations

import numpy as np
import polars as pl

# Odd 64-bit constants (2^64 / golden ratio, and xxhash's PRIME64_2) that fold word hashes into
# one n-gram key and give every document its own key space.
_GRAM_MIX = np.uint64(0x9E3779B97F4A7C15)
_ROW_MIX = np.uint64(0xC2B2AE3D27D4EB4F)


def word_table(words: pl.Series, rows: pl.Series) -> pl.DataFrame:
    """One row per word, in text order: document `row`, word `hash` (u64) and `chars`.

    `words` holds one list of words per document (corpus.clean.base.word_lists).
    """
    exploded = pl.DataFrame({"row": rows, "word": words}).explode("word")
    return exploded.select(
        "row", hash=pl.col("word").hash(), chars=pl.col("word").str.len_chars().cast(pl.Int64)
    )


def top_ngram_scores(words: pl.DataFrame, n: int) -> pl.DataFrame:
    """Per document: max over n-grams seen at least twice of count * chars (rows without none)."""
    rows = words.get_column("row").to_numpy()
    hashes = words.get_column("hash").to_numpy()
    chars = words.get_column("chars").to_numpy()
    starts = len(rows) - n + 1
    if starts <= 0:
        return pl.DataFrame(schema={"row": words.schema["row"], "score": pl.Int64})
    # numpy integer arrays wrap on overflow: the same key as the u64 arithmetic it spells out.
    key = hashes[:starts] * _GRAM_MIX
    gram_chars = chars[:starts] + (n - 1)
    for k in range(1, n):
        key += hashes[k : k + starts]
        if k < n - 1:
            key *= _GRAM_MIX
        gram_chars += chars[k : k + starts]
    gram_rows = rows[:starts]
    key ^= gram_rows.astype(np.uint64) * _ROW_MIX
    # An n-gram across two documents gets key 0, which is never counted (a real key is 0 with
    # probability 2^-64, the odds of any collision of these keys).
    key[gram_rows != rows[n - 1 :]] = 0
    ordered = np.sort(key)
    # Most n-grams occur once; find the repeated keys by sorting (cheaper than grouping them all).
    repeated = np.unique(ordered[1:][(ordered[1:] == ordered[:-1]) & (ordered[1:] != 0)])
    grams = pl.DataFrame(
        {"row": gram_rows, "key": key, "chars": gram_chars},
        schema={"row": words.schema["row"], "key": pl.UInt64, "chars": pl.Int64},
    )
    return (
        grams.lazy()
        .filter(pl.col("key").is_in(pl.Series(repeated, dtype=pl.UInt64).implode()))
        .group_by("key")
        .agg(pl.col("row").first(), count=pl.len(), chars=pl.col("chars").first())
        .group_by("row")
        .agg(score=(pl.col("count") * pl.col("chars")).max())
        .collect()
    )


def bigram_bound(n: int) -> float:
    """A factor f with top n-gram score <= f * top bigram score, so most texts skip n > 2.

    Cover an n-gram seen k times by ceil(n/2) bigrams (word pairs); each is seen >= k times, so
    k * its chars <= the top bigram score B, and k <= B / 3 (a bigram has >= 3 chars). The n-gram's
    chars are the pairs' chars plus (n - 1 - ceil(n/2)) joining spaces: k * chars <=
    ceil(n/2) * B + (floor(n/2) - 1) * B / 3.
    """
    return -(-n // 2) + (n // 2 - 1) / 3
