"""Quality filters on counts: word count, symbols, line punctuation, stop words, letters.

Defaults follow the Gopher rules (Rae et al. 2021, appendix A) as implemented in datatrove's
`GopherQualityFilter`; the line punctuation rule follows FineWeb (Penedo et al. 2024).
"""

from __future__ import annotations

import polars as pl
from pydantic import Field, field_validator, model_validator

from corpus.clean.base import (
    FilterCheck,
    QualityFilter,
    char_class,
    fixed2,
    with_rows,
)


class WordCountFilter(QualityFilter):
    """Too short or too long, in whitespace-separated words (Gopher: 50..100,000 words)."""

    min_words: int = Field(
        5, ge=0, description="Fewer words fail 'min_words'. Gopher uses 50; 5 suits short texts."
    )
    max_words: int = Field(
        100_000, ge=1, description="More words fail 'max_words' (Gopher: 100,000)."
    )

    @model_validator(mode="after")
    def _ordered(self) -> WordCountFilter:
        if self.min_words > self.max_words:
            raise ValueError(
                f"word_count: min_words {self.min_words} > max_words {self.max_words}; "
                "lower min_words or raise max_words"
            )
        return self

    def checks(self) -> list[FilterCheck]:
        words = pl.col("n_words")
        return [
            FilterCheck(
                "min_words",
                words < self.min_words,
                pl.format("{} words < min {}", words, pl.lit(self.min_words)),
            ),
            FilterCheck(
                "max_words",
                words > self.max_words,
                pl.format("{} words > max {}", words, pl.lit(self.max_words)),
            ),
        ]


class SymbolRatioFilter(QualityFilter):
    """Too many '#' or ellipses per word: lists of tags, truncated teasers (Gopher: 0.1)."""

    max_symbol_word_ratio: float = Field(
        0.1, ge=0, description="Most '#' per word, and most ellipses per word (Gopher: 0.1)."
    )

    def measures(self) -> dict[str, pl.Expr]:
        return {
            "n_hashes": pl.col("text").str.count_matches("#", literal=True),
            "n_ellipses": pl.col("text").str.count_matches(r"\.\.\.|…"),
        }

    def checks(self) -> list[FilterCheck]:
        hashes = pl.col("n_hashes") / pl.col("n_words")
        ellipses = pl.col("n_ellipses") / pl.col("n_words")
        limit = self.max_symbol_word_ratio
        worst = pl.max_horizontal(hashes, ellipses)
        symbol = pl.when(hashes >= ellipses).then(pl.lit("'#'")).otherwise(pl.lit("ellipses"))
        return [
            FilterCheck(
                "symbol_ratio",
                worst > limit,
                pl.format(
                    "symbol ratio {} > {} ({} per word)",
                    fixed2(worst),
                    pl.lit(f"{limit:.2f}"),
                    symbol,
                ),
            )
        ]


class LinePunctuationFilter(QualityFilter):
    """Too few lines end like a sentence: menus, lists of links, tables (FineWeb: 0.12)."""

    min_fraction: float = Field(
        0.12,
        ge=0,
        le=1,
        description="Least fraction of non-empty lines ending in terminal punctuation (FineWeb, "
        "Penedo et al. 2024: 0.12).",
    )
    min_lines: int = Field(
        3, ge=1, description="Documents with fewer non-empty lines are not checked."
    )
    terminal_punctuation: str = Field(
        ".!?…\"'”’»)。！？",
        min_length=1,
        description="Characters that end a sentence line (FineWeb uses . ' \" ! and ?; added here: "
        "closing quotes, the ellipsis, a closing parenthesis and CJK full stops).",
    )

    def measures(self) -> dict[str, pl.Expr]:
        ending = "(?m)" + char_class(self.terminal_punctuation) + "$"
        return {"n_punctuated_lines": pl.col("text").str.count_matches(ending)}

    def checks(self) -> list[FilterCheck]:
        lines, punctuated = pl.col("n_lines"), pl.col("n_punctuated_lines")
        fraction = punctuated / lines
        return [
            FilterCheck(
                "line_punctuation",
                (lines >= self.min_lines) & (fraction < self.min_fraction),
                pl.format(
                    "{} of {} lines end in punctuation ({} < min {})",
                    punctuated,
                    lines,
                    fixed2(fraction),
                    pl.lit(f"{self.min_fraction:.2f}"),
                ),
            )
        ]


_PREFIX_CHARS = 1_000

DEFAULT_STOP_WORDS = ("the", "be", "to", "of", "and", "that", "have", "with")


SHORT_TEXT_STOP_WORDS: tuple[str, ...] = (
    *("the", "be", "to", "of", "and", "that", "have", "with", "a", "an", "in", "on", "for"),
    *("is", "are", "was", "were", "from", "at", "by", "after", "about", "as", "than", "over"),
    *("he", "she", "his", "her", "it", "its", "they", "their", "this", "will", "has", "not"),
    *("into", "before", "says", "said", "who", "why", "how", "what", "new", "out", "up"),
)


class StopWordsFilter(QualityFilter):
    """Not English: too few common English function words (Gopher: 2 of the, be, to, ...)."""

    stop_words: tuple[str, ...] = Field(
        DEFAULT_STOP_WORDS,
        min_length=1,
        description="Words counted case-insensitively as whole words (Gopher's list).",
    )
    min_stop_words: int = Field(
        2,
        ge=0,
        description="Fewest occurrences of stop words (Gopher: 2; counted per occurrence, as "
        "datatrove does).",
    )
    min_words: int = Field(
        20,
        ge=0,
        description="Documents with fewer words are judged with short_text_stop_words instead: "
        "Gopher applies its rule to documents of 50+ words, and a ten-word English headline "
        "often has none of its eight stop words.",
    )
    short_text_stop_words: tuple[str, ...] = Field(
        SHORT_TEXT_STOP_WORDS,
        min_length=1,
        description="Broader English function words counted in documents under min_words words.",
    )

    @field_validator("stop_words", "short_text_stop_words")
    @classmethod
    def _letters_only(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        for word in words:
            if not word.isalpha():
                raise ValueError(
                    f"stop_words: {word!r} is not a plain word; use letters only (no spaces, "
                    "digits or punctuation)"
                )
        return words

    def _pattern(self, words: tuple[str, ...]) -> str:
        # An ASCII word boundary keeps the search on the fast DFA path for English words.
        boundary = r"(?-u:\b)" if all(w.isascii() for w in words) else r"\b"
        return f"(?i){boundary}(?:{'|'.join(words)}){boundary}"

    def measures(self) -> dict[str, pl.Expr]:
        # Counted in the first _PREFIX_CHARS characters first: the cut can add at most one false
        # match (a word cut short at the end), so a prefix count above min_stop_words + 1 already
        # passes, and measure_frame counts the whole text of the few other documents.
        prefix = pl.col("text").str.slice(0, _PREFIX_CHARS)
        return {"n_stop_words": prefix.str.count_matches(self._pattern(self.stop_words))}

    def measure_frame(self, stats: pl.DataFrame) -> pl.DataFrame:
        """Whole-text counts where the prefix count does not settle the rule; short documents
        counted with the short-text list."""
        n_words, found = stats.get_column("n_words"), stats.get_column("n_stop_words")
        text = stats.get_column("text")
        short = (n_words < self.min_words).arg_true()
        unsettled = ((found <= self.min_stop_words) & (n_words >= self.min_words)).arg_true()
        for rows, words in ((unsettled, self.stop_words), (short, self.short_text_stop_words)):
            if rows.len() > 0:
                counts = text.gather(rows).str.count_matches(self._pattern(words))
                found = with_rows(found, rows, counts.cast(found.dtype))
        return stats.with_columns(found)

    def checks(self) -> list[FilterCheck]:
        found = pl.col("n_stop_words")
        stop_word_list = (
            pl.when(pl.col("n_words") >= self.min_words)
            .then(pl.lit(", ".join(self.stop_words)))
            .otherwise(pl.lit(f"short-text list of {len(self.short_text_stop_words)}"))
        )
        return [
            FilterCheck(
                "stop_words",
                found < self.min_stop_words,
                pl.format(
                    "{} stop words < min {} ({})",
                    found,
                    pl.lit(self.min_stop_words),
                    stop_word_list,
                ),
            )
        ]


class AlphaWordsFilter(QualityFilter):
    """Too few words contain a letter: numbers, code, symbol soup (Gopher: 80%)."""

    min_fraction: float = Field(
        0.8,
        ge=0,
        le=1,
        description="Least fraction of words with at least one alphabetic character (Gopher: 0.8).",
    )

    def measures(self) -> dict[str, pl.Expr]:
        # Runs of letterless words are rare, and finding them needs no per-word match: a run of
        # k such words gives ceil(k / 2) matches, so n_words - 2 x matches bounds the alphabetic
        # words from below, and measure_frame counts exactly where the bound does not clear the
        # limit. (Elsewhere n_alpha_words holds the bound.)
        runs = pl.col("spaced_text").str.count_matches(r"(?:^| )[^ \pL]+(?: |$)")
        return {"n_alpha_words": (pl.col("n_words").cast(pl.Int64) - 2 * runs).clip(0)}

    def measure_frame(self, stats: pl.DataFrame) -> pl.DataFrame:
        bound = stats.get_column("n_alpha_words")
        rows = (bound < stats.get_column("n_words") * self.min_fraction).arg_true()
        if rows.len() == 0:
            return stats
        exact = stats.get_column("text").gather(rows).str.count_matches(r"\S*\pL\S*")
        return stats.with_columns(with_rows(bound, rows, exact.cast(bound.dtype)))

    def checks(self) -> list[FilterCheck]:
        fraction = pl.col("n_alpha_words") / pl.col("n_words")
        return [
            FilterCheck(
                "alpha_words",
                fraction < self.min_fraction,
                pl.format(
                    "alphabetic word fraction {} < min {}",
                    fixed2(fraction),
                    pl.lit(f"{self.min_fraction:.2f}"),
                ),
            )
        ]
