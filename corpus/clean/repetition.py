"""Repetition filters: repeated lines and the top repeated word n-gram (Gopher, Rae et al. 2021).

As implemented in datatrove's `GopherRepetitionFilter`, adapted to short documents.
"""

from __future__ import annotations

import polars as pl
from pydantic import Field, field_validator

from corpus.clean.base import (
    FilterCheck,
    QualityFilter,
    fixed2,
)
from corpus.clean.ngrams import bigram_bound, top_ngram_scores, word_table


class RepeatedLinesFilter(QualityFilter):
    """Many lines repeat: templates, spam, scraped navigation (Gopher: 0.3 lines, 0.2 chars).

    As in datatrove, a line counts as duplicate from its second occurrence on; empty lines are
    ignored and the character fraction is over the whole text.
    """

    max_duplicate_line_fraction: float = Field(
        0.3, ge=0, le=1, description="Most fraction of non-empty lines that repeat (Gopher: 0.3)."
    )
    max_duplicate_line_char_fraction: float = Field(
        0.2,
        ge=0,
        le=1,
        description="Most fraction of characters in repeated lines (Gopher: 0.2).",
    )

    def measures(self) -> dict[str, pl.Expr]:
        text = pl.col("text")
        lines = text.str.split("\n")
        # The empty line is one of the distinct values wherever there is a blank line; not counted.
        has_blank = lines.list.contains("").cast(pl.Int64)
        return {
            "n_unique_lines": lines.list.n_unique().cast(pl.Int64) - has_blank,
            "n_unique_line_chars": lines.list.unique().list.join("").str.len_chars(),
            "n_newlines": text.str.count_matches("\n", literal=True),
        }

    def checks(self) -> list[FilterCheck]:
        lines = pl.col("n_lines")
        duplicates = lines - pl.col("n_unique_lines")
        line_fraction = duplicates / lines
        line_chars = pl.col("n_chars") - pl.col("n_newlines")
        char_fraction = (line_chars - pl.col("n_unique_line_chars")) / pl.col("n_chars")
        line_limit = self.max_duplicate_line_fraction
        char_limit = self.max_duplicate_line_char_fraction
        return [
            FilterCheck(
                "repeated_lines",
                line_fraction > line_limit,
                pl.format(
                    "duplicate line fraction {} > {} ({} of {} lines)",
                    fixed2(line_fraction),
                    pl.lit(f"{line_limit:.2f}"),
                    duplicates,
                    lines,
                ),
            ),
            FilterCheck(
                "repeated_lines",
                char_fraction > char_limit,
                pl.format(
                    "duplicate line char fraction {} > {}",
                    fixed2(char_fraction),
                    pl.lit(f"{char_limit:.2f}"),
                ),
            ),
        ]


class RepeatedNgramsFilter(QualityFilter):
    """One word n-gram covers too much of the text (Gopher top n-gram rule).

    For each n, the most frequent n-gram's characters times its count, over the text's characters
    (datatrove's `find_top_duplicate`, n-grams joined with one space). Unlike datatrove, an n-gram
    seen only once does not count: it is no repetition, and in a short document one long n-gram
    alone can exceed the limit. Words are the whitespace-separated tokens; n-grams are compared by
    a 64-bit hash.
    """

    top_ngram_max_fractions: dict[int, float] = Field(
        {2: 0.2, 3: 0.18, 4: 0.16},
        description="n -> most character fraction of the top n-gram (Gopher: 2: 0.20, 3: 0.18, "
        "4: 0.16).",
    )
    min_words: int = Field(
        50,
        ge=2,
        description="Shorter documents are not checked: in a few sentences one repeated phrase "
        "is already a large fraction (50 = Gopher's minimum document length).",
    )

    @field_validator("top_ngram_max_fractions")
    @classmethod
    def _sizes(cls, fractions: dict[int, float]) -> dict[int, float]:
        for n, fraction in fractions.items():
            if not 2 <= n <= 10 or not 0 <= fraction <= 1:
                raise ValueError(
                    f"top_ngram_max_fractions: {n}: {fraction} is out of range; use n in 2..10 "
                    "and a fraction in 0..1"
                )
        return fractions

    def measure_frame(self, stats: pl.DataFrame) -> pl.DataFrame:
        if not self.top_ngram_max_fractions:
            return stats
        words_per_document = stats.get_column("n_words")
        rows = (words_per_document >= self.min_words).arg_true()
        # Documents go through in chunks of about _NGRAM_CHUNK_WORDS words to bound the memory of
        # the one-row-per-word tables.
        chunk = words_per_document.gather(rows).cum_sum() // _NGRAM_CHUNK_WORDS
        found = [self._top_scores(stats, rows.filter(chunk == k)) for k in chunk.unique()]
        columns = []
        for n in self.top_ngram_max_fractions:
            top = pl.repeat(0, stats.height, dtype=pl.Int64, eager=True)
            scores = pl.concat([scores_by_n[n] for scores_by_n in found]) if found else None
            if scores is not None and scores.height > 0:
                top = top.scatter(scores.get_column("row"), scores.get_column("score"))
            columns.append(top.alias(f"top_{n}gram_chars"))
        return stats.with_columns(columns)

    def _top_scores(self, stats: pl.DataFrame, rows: pl.Series) -> dict[int, pl.DataFrame]:
        """n -> (row, score) of the given documents that have a repeated n-gram."""
        words = word_table(stats.get_column("words").gather(rows), rows)
        chars = pl.lit(stats.get_column("n_chars"))
        bigram_scores = top_ngram_scores(words, 2)
        scores = {}
        for n, limit in self.top_ngram_max_fractions.items():
            if n == 2:
                scores[n] = bigram_scores
                continue
            bound = bigram_bound(n)
            candidates = bigram_scores.filter(
                pl.col("score") * bound > chars.gather(pl.col("row")) * limit
            ).get_column("row")
            scores[n] = (
                top_ngram_scores(words.filter(pl.col("row").is_in(candidates.implode())), n)
                if candidates.len() > 0
                else bigram_scores.clear()
            )
        return scores

    def checks(self) -> list[FilterCheck]:
        checks = []
        for n, limit in sorted(self.top_ngram_max_fractions.items()):
            fraction = pl.col(f"top_{n}gram_chars") / pl.col("n_chars")
            checks.append(
                FilterCheck(
                    "repeated_ngrams",
                    fraction > limit,
                    pl.format(
                        "top {}-gram char fraction {} > {}",
                        pl.lit(n),
                        fixed2(fraction),
                        pl.lit(f"{limit:.2f}"),
                    ),
                )
            )
        return checks


_NGRAM_CHUNK_WORDS = 250_000
