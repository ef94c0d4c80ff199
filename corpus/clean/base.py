"""The shared base of every cleaning step: settings, the normaliser and filter interfaces.

A normaliser maps the text column to a text column; a quality filter measures named statistics
of the cleaned text and states its rules as `FilterCheck`s (when a document fails, and why), so
the driver (corpus.clean.pipeline) counts and records every drop with its rule.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import NamedTuple

import polars as pl
from pydantic import BaseModel, ConfigDict, Field


def fixed2(value: pl.Expr) -> pl.Expr:
    """A non-negative float as text with exactly two decimals ("0.40", not "0.4")."""
    hundredths = (value * 100).round(0).cast(pl.Int64)
    return pl.format("{}.{}", hundredths // 100, (hundredths % 100).cast(pl.String).str.zfill(2))


def char_class(chars: str) -> str:
    """A regex character class matching exactly `chars` (each one escaped as a code point)."""
    return "[" + "".join(f"\\x{{{ord(char):X}}}" for char in chars) + "]"


def with_rows(text: pl.Series, rows: pl.Series, values: pl.Series) -> pl.Series:
    """A copy of `text` with the given rows replaced (`Series.scatter` alone works in place)."""
    return text.clone().scatter(rows, values)


def check_regex(pattern: str, what: str) -> str:
    try:
        pl.Series([""], dtype=pl.String).str.contains(pattern)
    except pl.exceptions.PolarsError as error:
        raise ValueError(
            f"{what} {pattern!r} is not a valid regular expression ({error}); fix its syntax "
            "(Rust regex syntax, as polars uses) or escape its special characters"
        ) from error
    return pattern


class CleaningStep(BaseModel):
    """Shared settings of every normaliser and filter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(True, description="Run this step; False skips it entirely.")


class Normaliser(CleaningStep):
    """A step that rewrites the text of every document."""

    @abstractmethod
    def apply(self, text: pl.Series) -> pl.Series:
        """Return the rewritten text column (same length and order)."""


class FilterCheck(NamedTuple):
    """One rule of a filter: when a document fails it, and the human-readable why."""

    rule: str
    failed: pl.Expr  # boolean over the statistics frame
    detail: pl.Expr  # string, evaluated only on rows that failed this rule


# Whitespace runs holding anything but one plain space: replaced by one space before splitting.
WHITESPACE_RUNS = r"\s*[^\S ]\s*|  +"


def spaced_text() -> pl.Expr:
    """The text with every whitespace run as one space, stripped: its words split on " "."""
    return pl.col("text").str.replace_all(WHITESPACE_RUNS, " ").str.strip_chars()


def word_lists() -> pl.Expr:
    """The words of `spaced_text`, one list per document ([""] for an empty text)."""
    return pl.col("spaced_text").str.split(" ")


def base_measures() -> dict[str, pl.Expr]:
    """Statistics many filters read, computed once (from `text`, `spaced_text` and `words`)
    before the filters' own measures.

    `n_words` counts whitespace-separated words (the length of `words`: no match per word),
    `n_lines` non-empty lines, `n_chars` characters.
    """
    text = pl.col("text")
    lines = text.str.split("\n")
    return {
        "n_chars": text.str.len_chars(),
        "n_words": pl.when(pl.col("spaced_text") == "")
        .then(pl.lit(0, pl.UInt32))
        .otherwise(pl.col("words").list.len()),
        "n_lines": (lines.list.len() - lines.list.count_matches("")).cast(pl.UInt32),
    }


class QualityFilter(CleaningStep):
    """A step that keeps a document or names the rule it fails."""

    def measures(self) -> dict[str, pl.Expr]:
        """Named statistics over `text`, `spaced_text`, `words` and the `base_measures` columns
        (n_chars, n_words, n_lines); the same name always means the same value.

        The driver evaluates the measures of all filters in one `with_columns`, so polars
        computes them in parallel and a statistic two filters share is computed once.
        """
        return {}

    def measure_frame(self, stats: pl.DataFrame) -> pl.DataFrame:
        """Add statistics that need more than a column expression (default: none)."""
        return stats

    @abstractmethod
    def checks(self) -> list[FilterCheck]:
        """The rules of this filter, in the order they are tried."""
