"""The n-gram kernel of the repetition filter: per document, the top repeated n-gram's score."""

from __future__ import annotations

import numpy as np
import polars as pl

# Odd 64-bit constants (2^64 / golden ratio, and xxhash's PRIME64_2) that fold word hashes into
# one n-gram key and give every document its own key space.
_GRAM_MIX = 0x9E3779B97F4A7C15
_ROW_MIX = 0xC2B2AE3D27D4EB4F


def word_table(text: pl.Series, rows: pl.Series) -> pl.DataFrame:
    """One row per word, in text order: document `row`, word `hash` (u64) and `chars`."""
    words = text.str.replace_all(r"\s*[^\S ]\s*|  +", " ").str.strip_chars().str.split(" ")
    exploded = pl.DataFrame({"row": rows, "word": words}).explode("word")
    return exploded.select(
        "row", hash=pl.col("word").hash(), chars=pl.col("word").str.len_chars().cast(pl.Int64)
    )


def top_ngram_scores(words: pl.DataFrame, n: int) -> pl.DataFrame:
    """Per document: max over n-grams seen at least twice of count * chars (rows without none)."""
    key, chars = pl.col("hash"), pl.col("chars")
    for k in range(1, n):
        key = key * pl.lit(_GRAM_MIX, pl.UInt64) + pl.col("hash").shift(-k)
        chars = chars + pl.col("chars").shift(-k) + 1
    key = key ^ (pl.col("row").cast(pl.UInt64) * pl.lit(_ROW_MIX, pl.UInt64))
    grams = words.select(
        "row", key=key, chars=chars, whole=pl.col("row").shift(-(n - 1)) == pl.col("row")
    ).filter("whole")
    # Most n-grams occur once; find the repeated keys by sorting (cheaper than grouping them all).
    ordered = np.sort(grams.get_column("key").to_numpy())
    repeated = np.unique(ordered[1:][ordered[1:] == ordered[:-1]])
    return (
        grams.lazy()
        .filter(pl.col("key").is_in(pl.Series(repeated, dtype=pl.UInt64).implode()))
        .group_by("key")
        .agg(pl.col("row").first(), count=pl.len(), chars=pl.col("chars").first())
        .filter(pl.col("count") >= 2)
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
