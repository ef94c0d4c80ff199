"""Document cleaning: normalisers that rewrite the text, then quality filters that drop documents.

Every step works on a whole column at once with polars string and list expressions (Rust), never
with a per-row Python function. Normalisers map text to text; a quality filter measures named
statistics of the cleaned text and states, per rule, when a document fails and why. The driver,
`clean_documents`, runs the enabled steps in order and splits the input into `kept` and `filtered`
from one rule column, so every input row lands in exactly one of them by construction.

The filter defaults follow the Gopher rules (Rae et al. 2021, "Scaling Language Models: Methods,
Analysis & Insights from Training Gopher", appendix A), as implemented in Hugging Face datatrove's
`GopherQualityFilter` and `GopherRepetitionFilter`, adapted to short documents; the line
punctuation rule follows FineWeb (Penedo et al. 2024, datatrove's `FineWebQualityFilter`).
"""

from __future__ import annotations

import html.entities
from abc import abstractmethod
from typing import Literal, NamedTuple

import numpy as np
import polars as pl
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FILTERED_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "shard": pl.String(),
    "rule": pl.String(),
    "detail": pl.String(),
}
REQUIRED_COLUMNS = ("doc_id", "shard", "text")
EMPTY_RULE = "empty_after_cleaning"

# Spaces other than U+0020 that whitespace normalisation turns into a plain space.
_ODD_SPACES = r"\t\x{A0}\x{1680}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}"
# Line breaks other than "\n": CRLF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR.
_LINE_BREAKS = r"\r\n?|[\x{2028}\x{2029}]"
# C0/C1 controls except \t and \n, DEL, zero-width space/non-joiner/joiner, word joiner, BOM.
_CONTROL_CHARS = r"[\x00-\x08\x0B-\x1F\x7F-\x{9F}\x{200B}-\x{200D}\x{2060}\x{FEFF}]"
# Text made only of U+0000..U+02FF and U+2010..U+2027 (quotes, dashes, ellipsis) is already NFC:
# all these characters are NFC_Quick_Check=Yes with combining class 0 (checked with unicodedata).
_MAYBE_NOT_NFC = r"[^\x00-\x{2FF}\x{2010}-\x{2027}]"
# Element names whose tags become a line break, a space, or nothing when markup is stripped.
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|br|caption|dd|details|dialog|div|dl|dt|fieldset|"
    "figcaption|figure|footer|form|h[1-6]|head|header|hr|html|li|main|nav|ol|p|pre|section|"
    "summary|table|tbody|tfoot|thead|title|tr|ul"
)
_CELL_TAGS = "td|th"
_INLINE_TAGS = (
    "a|abbr|area|audio|b|base|bdi|bdo|big|button|canvas|center|cite|code|col|colgroup|data|del|"
    "dfn|em|embed|font|i|iframe|img|input|ins|kbd|label|link|map|mark|meta|noscript|object|"
    "option|picture|q|s|samp|select|small|source|span|strike|strong|sub|sup|svg|textarea|time|"
    "tt|u|var|video|wbr"
)
# What may follow a tag name: attributes (quoted values may hold '>'), an optional '/', then '>'.
_TAG_TAIL = r"""(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?/?>"""
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


def _tags(names: str) -> str:
    return rf"(?i)</?(?:{names}){_TAG_TAIL}"


def _fixed2(value: pl.Expr) -> pl.Expr:
    """A non-negative float as text with exactly two decimals ("0.40", not "0.4")."""
    hundredths = (value * 100).round(0).cast(pl.Int64)
    return pl.format("{}.{}", hundredths // 100, (hundredths % 100).cast(pl.String).str.zfill(2))


def _char_class(chars: str) -> str:
    """A regex character class matching exactly `chars` (each one escaped as a code point)."""
    return "[" + "".join(f"\\x{{{ord(char):X}}}" for char in chars) + "]"


def _with_rows(text: pl.Series, rows: pl.Series, values: pl.Series) -> pl.Series:
    """A copy of `text` with the given rows replaced (`Series.scatter` alone works in place)."""
    return text.clone().scatter(rows, values)


def _check_regex(pattern: str, what: str) -> str:
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


# ---------------------------------------------------------------------------------------------
# Normalisers: text column -> text column.


class Normaliser(CleaningStep):
    """A step that rewrites the text of every document."""

    @abstractmethod
    def apply(self, text: pl.Series) -> pl.Series:
        """Return the rewritten text column (same length and order)."""


class UnicodeNormaliser(Normaliser):
    """Unicode normalisation, so that the same visible text has one encoding."""

    form: Literal["NFC", "NFKC", "NFD", "NFKD"] = Field(
        "NFC",
        description="Normalisation form. NFC (the W3C recommendation for text on the web) "
        "composes characters without changing their meaning; NFKC also folds compatibility forms "
        "(ligatures, full-width letters).",
    )

    def apply(self, text: pl.Series) -> pl.Series:
        if self.form != "NFC":
            return text.str.normalize(self.form)
        rows = text.str.contains(_MAYBE_NOT_NFC).arg_true()
        if rows.len() == 0:
            return text
        return _with_rows(text, rows, text.gather(rows).str.normalize("NFC"))


class MarkupStripper(Normaliser):
    """Remove HTML/XML markup: tags, comments, script/style blocks, and decode entities.

    Only tags of known HTML elements are removed, so plain text such as "a < b" or "x > 3" or
    "vector<int>" survives. Block tags (</p>, <br>, <div>, <li>, ...) become line breaks and table
    cells a space, so words on either side do not run together.
    """

    drop_content_tags: tuple[str, ...] = Field(
        ("script", "style"),
        description="Elements removed together with their content (an unclosed one runs to the "
        "end of the document).",
    )
    decode_entities: bool = Field(
        True,
        description="Decode character references: every named HTML5 entity (&amp;, &nbsp;, "
        "&eacute;, ...) and every numeric one (&#39;, &#x2019;), as browsers do.",
    )

    @field_validator("drop_content_tags")
    @classmethod
    def _tag_names(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not (name.isascii() and name.isalnum()):
                raise ValueError(
                    f"drop_content_tags: {name!r} is not an element name; use plain names such as "
                    "'script' or 'style'"
                )
        return names

    def apply(self, text: pl.Series) -> pl.Series:
        dropped = [r"(?s)<!--.*?(?:-->|\z)", r"(?i)<!DOCTYPE[^>]*>", r"(?s)<!\[CDATA\[.*?\]\]>"]
        dropped += [
            rf"(?is)<{name}(?:\s[^>]*)?>.*?(?:</{name}\s*>|\z)" for name in self.drop_content_tags
        ]
        text = text.str.replace_all("|".join(f"(?:{pattern})" for pattern in dropped), "")
        text = text.str.replace_all(_tags(_BLOCK_TAGS), "\n")
        text = text.str.replace_all(_tags(_CELL_TAGS), " ")
        text = text.str.replace_all(_tags(_INLINE_TAGS), "")
        return _decode_entities(text) if self.decode_entities else text


def _decode_entities(text: pl.Series) -> pl.Series:
    """Replace character references in one pass; only the batch's distinct entities go to Python."""
    found = text.str.extract_all(_ENTITY).explode().drop_nulls().unique().to_list()
    mapping: dict[str, str] = {}
    for entity in found:
        if entity.startswith("&#"):
            digits = entity[2:-1]
            code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
            valid = 0 < code <= 0x10FFFF and not 0xD800 <= code < 0xE000
            mapping[entity] = chr(code) if valid else ""
        elif entity[1:] in html.entities.html5:
            mapping[entity] = html.entities.html5[entity[1:]]
    if not mapping:
        return text
    # A single pass, so "&amp;lt;" becomes the text "&lt;", not "<".
    return text.str.replace_many(mapping)


class ControlCharRemover(Normaliser):
    """Unify line breaks to \\n, then delete control and zero-width characters.

    CR and CRLF (and U+2028/U+2029) become \\n first, so old Mac and Windows files keep their
    lines; then C0/C1 controls other than tab and newline (VT, FF and NEL included), DEL,
    U+200B..U+200D, U+2060 and the BOM U+FEFF are deleted. Deleting the zero-width joiner splits
    emoji ZWJ sequences into their parts (each still shown).
    """

    def apply(self, text: pl.Series) -> pl.Series:
        return text.str.replace_all(_LINE_BREAKS, "\n").str.replace_all(_CONTROL_CHARS, "")


class WhitespaceNormaliser(Normaliser):
    """Tabs and odd spaces to one space, no spaces around line ends, at most one blank line."""

    def apply(self, text: pl.Series) -> pl.Series:
        return (
            text.str.replace_all(rf"[{_ODD_SPACES}][ {_ODD_SPACES}]*| [ {_ODD_SPACES}]+", " ")
            .str.replace_all(r" \n ?|\n ", "\n")
            .str.replace_all(r"\n{3,}", "\n\n")
            .str.strip_chars()
        )


DEFAULT_BOILERPLATE_PATTERNS = (
    "click here",
    "subscribe",
    "all rights reserved",
    "cookie policy",
    "(?:this|our) (?:web)?site uses cookies",
    "share this (?:article|story|post|page)",
    "sign up for our newsletter",
    r"^\W*read more",
    r"^\W*advertisement\W*$",
    r"^\s*©|^\W*(?:\(c\)|copyright)\s*©?\s*(?:19|20)\d\d",
)


class BoilerplateLineRemover(Normaliser):
    """Drop whole short lines that match a boilerplate pattern (navigation, legal, newsletter).

    Only lines of at most `max_line_words` words go, so prose that mentions "subscribe" stays.
    Patterns in the spirit of the C4 line filters (Raffel et al. 2020) and datatrove's C4 filter.
    """

    patterns: tuple[str, ...] = Field(
        DEFAULT_BOILERPLATE_PATTERNS,
        description="Regular expressions (polars/Rust syntax), searched case-insensitively within "
        "each line; '^' anchors at the start of the line.",
    )
    max_line_words: int = Field(
        12, ge=1, description="A matching line is removed only if it has at most this many words."
    )

    @field_validator("patterns")
    @classmethod
    def _valid_patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            _check_regex(pattern, "boilerplate pattern")
        return patterns

    def apply(self, text: pl.Series) -> pl.Series:
        if not self.patterns:
            return text
        pattern = "(?im)" + "|".join(f"(?:{p})" for p in self.patterns)
        candidates = text.str.contains(pattern)
        rows = candidates.arg_true()
        if rows.len() == 0:
            return text
        line = pl.element()
        boilerplate = line.str.contains(pattern) & (
            line.str.count_matches(r"\S+") <= self.max_line_words
        )
        cleaned = (
            text.gather(rows)
            .str.split("\n")
            .list.eval(line.filter(~boilerplate))
            .list.join("\n")
            .str.replace_all(r"\n{3,}", "\n\n")
            .str.strip_chars()
        )
        return _with_rows(text, rows, cleaned)


# ---------------------------------------------------------------------------------------------
# Quality filters: measure named statistics of the cleaned text, then fail rows with a reason.


class FilterCheck(NamedTuple):
    """One rule of a filter: when a document fails it, and the human-readable why."""

    rule: str
    failed: pl.Expr  # boolean over the statistics frame
    detail: pl.Expr  # string, evaluated only on rows that failed this rule


def _words() -> pl.Expr:
    return pl.col("text").str.count_matches(r"\S+")


def _lines() -> pl.Expr:
    return pl.col("text").str.count_matches(r"[^\n]+")


class QualityFilter(CleaningStep):
    """A step that keeps a document or names the rule it fails."""

    def measures(self) -> dict[str, pl.Expr]:
        """Named statistics over the `text` column; the same name always means the same value.

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

    def measures(self) -> dict[str, pl.Expr]:
        return {"n_words": _words()}

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
            "n_words": _words(),
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
                    _fixed2(worst),
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
        ending = "(?m)" + _char_class(self.terminal_punctuation) + "$"
        return {"n_lines": _lines(), "n_punctuated_lines": pl.col("text").str.count_matches(ending)}

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
                    _fixed2(fraction),
                    pl.lit(f"{self.min_fraction:.2f}"),
                ),
            )
        ]


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
            "n_lines": _lines(),
            "n_unique_lines": lines.list.n_unique().cast(pl.Int64) - has_blank,
            "n_chars": text.str.len_chars(),
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
                    _fixed2(line_fraction),
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
                    _fixed2(char_fraction),
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

    def measures(self) -> dict[str, pl.Expr]:
        return {"n_words": _words(), "n_chars": pl.col("text").str.len_chars()}

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
        words = _word_table(stats.get_column("text").gather(rows), rows)
        chars = pl.lit(stats.get_column("n_chars"))
        bigram_scores = _top_ngram_scores(words, 2)
        scores = {}
        for n, limit in self.top_ngram_max_fractions.items():
            if n == 2:
                scores[n] = bigram_scores
                continue
            bound = _bigram_bound(n)
            candidates = bigram_scores.filter(
                pl.col("score") * bound > chars.gather(pl.col("row")) * limit
            ).get_column("row")
            scores[n] = (
                _top_ngram_scores(words.filter(pl.col("row").is_in(candidates.implode())), n)
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
                        _fixed2(fraction),
                        pl.lit(f"{limit:.2f}"),
                    ),
                )
            )
        return checks


_NGRAM_CHUNK_WORDS = 1_000_000
# Odd 64-bit constants (2^64 / golden ratio, and xxhash's PRIME64_2) that fold word hashes into
# one n-gram key and give every document its own key space.
_GRAM_MIX = 0x9E3779B97F4A7C15
_ROW_MIX = 0xC2B2AE3D27D4EB4F


def _word_table(text: pl.Series, rows: pl.Series) -> pl.DataFrame:
    """One row per word, in text order: document `row`, word `hash` (u64) and `chars`."""
    words = text.str.replace_all(r"\s*[^\S ]\s*|  +", " ").str.strip_chars().str.split(" ")
    exploded = pl.DataFrame({"row": rows, "word": words}).explode("word")
    return exploded.select(
        "row", hash=pl.col("word").hash(), chars=pl.col("word").str.len_chars().cast(pl.Int64)
    )


def _top_ngram_scores(words: pl.DataFrame, n: int) -> pl.DataFrame:
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


def _bigram_bound(n: int) -> float:
    """A factor f with top n-gram score <= f * top bigram score, so most texts skip n > 2.

    Cover an n-gram seen k times by ceil(n/2) bigrams (word pairs); each is seen >= k times, so
    k * its chars <= the top bigram score B, and k <= B / 3 (a bigram has >= 3 chars). The n-gram's
    chars are the pairs' chars plus (n - 1 - ceil(n/2)) joining spaces: k * chars <=
    ceil(n/2) * B + (floor(n/2) - 1) * B / 3.
    """
    return -(-n // 2) + (n // 2 - 1) / 3


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

    def measures(self) -> dict[str, pl.Expr]:
        # An ASCII word boundary keeps the search on the fast DFA path for English words.
        boundary = r"(?-u:\b)" if all(w.isascii() for w in self.stop_words) else r"\b"
        pattern = f"(?i){boundary}(?:{'|'.join(self.stop_words)}){boundary}"
        short = f"(?i){boundary}(?:{'|'.join(self.short_text_stop_words)}){boundary}"
        words = pl.col("text").str.count_matches(r"\S+")
        return {
            "n_stop_words": pl.when(words >= self.min_words)
            .then(pl.col("text").str.count_matches(pattern))
            .otherwise(pl.col("text").str.count_matches(short)),
            "stop_word_list": pl.when(words >= self.min_words)
            .then(pl.lit(", ".join(self.stop_words)))
            .otherwise(pl.lit(f"short-text list of {len(self.short_text_stop_words)}")),
        }

    def checks(self) -> list[FilterCheck]:
        found = pl.col("n_stop_words")
        return [
            FilterCheck(
                "stop_words",
                found < self.min_stop_words,
                pl.format(
                    "{} stop words < min {} ({})",
                    found,
                    pl.lit(self.min_stop_words),
                    pl.col("stop_word_list"),
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
        alpha_words = pl.col("text").str.count_matches(r"\S*\pL\S*")
        return {"n_words": _words(), "n_alpha_words": alpha_words}

    def checks(self) -> list[FilterCheck]:
        fraction = pl.col("n_alpha_words") / pl.col("n_words")
        return [
            FilterCheck(
                "alpha_words",
                fraction < self.min_fraction,
                pl.format(
                    "alphabetic word fraction {} < min {}",
                    _fixed2(fraction),
                    pl.lit(f"{self.min_fraction:.2f}"),
                ),
            )
        ]


FilterName = Literal[
    "word_count",
    "symbol_ratio",
    "line_punctuation",
    "repeated_lines",
    "repeated_ngrams",
    "stop_words",
    "alpha_words",
]
DEFAULT_FILTER_ORDER: tuple[FilterName, ...] = (
    "word_count",
    "symbol_ratio",
    "line_punctuation",
    "repeated_lines",
    "repeated_ngrams",
    "stop_words",
    "alpha_words",
)


class CleaningConfig(BaseModel):
    """Normalisers (run in the order listed here) and quality filters (run in `filter_order`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    unicode: UnicodeNormaliser = Field(UnicodeNormaliser(), description="Unicode normalisation.")
    markup: MarkupStripper = Field(MarkupStripper(), description="HTML tags and entities.")
    control_chars: ControlCharRemover = Field(
        ControlCharRemover(), description="Line breaks unified; control, zero-width chars removed."
    )
    whitespace: WhitespaceNormaliser = Field(
        WhitespaceNormaliser(), description="Spaces collapsed, lines trimmed, blank lines limited."
    )
    boilerplate: BoilerplateLineRemover = Field(
        BoilerplateLineRemover(), description="Short boilerplate lines removed."
    )
    word_count: WordCountFilter = Field(
        WordCountFilter(), description="Rules min_words and max_words."
    )
    symbol_ratio: SymbolRatioFilter = Field(SymbolRatioFilter(), description="Rule symbol_ratio.")
    line_punctuation: LinePunctuationFilter = Field(
        LinePunctuationFilter(), description="Rule line_punctuation."
    )
    repeated_lines: RepeatedLinesFilter = Field(
        RepeatedLinesFilter(), description="Rule repeated_lines."
    )
    repeated_ngrams: RepeatedNgramsFilter = Field(
        RepeatedNgramsFilter(), description="Rule repeated_ngrams."
    )
    stop_words: StopWordsFilter = Field(StopWordsFilter(), description="Rule stop_words.")
    alpha_words: AlphaWordsFilter = Field(AlphaWordsFilter(), description="Rule alpha_words.")
    filter_order: tuple[FilterName, ...] = Field(
        DEFAULT_FILTER_ORDER,
        description="Order in which filters are tried; a document failing several is recorded "
        "once, with the first failing rule. Lists every filter exactly once.",
    )

    @field_validator("filter_order")
    @classmethod
    def _every_filter_once(cls, order: tuple[FilterName, ...]) -> tuple[FilterName, ...]:
        if sorted(order) != sorted(DEFAULT_FILTER_ORDER):
            missing = sorted(set(DEFAULT_FILTER_ORDER) - set(order))
            repeated = sorted({name for name in order if order.count(name) > 1})
            raise ValueError(
                f"filter_order must list every filter exactly once (missing: {missing or 'none'}, "
                f"repeated: {repeated or 'none'}); disable a filter with its `enabled: false` "
                "instead of leaving it out"
            )
        return order

    def normalisers(self) -> list[Normaliser]:
        steps = [self.unicode, self.markup, self.control_chars, self.whitespace, self.boilerplate]
        return [step for step in steps if step.enabled]

    def filters(self) -> list[QualityFilter]:
        steps = [getattr(self, name) for name in self.filter_order]
        return [step for step in steps if step.enabled]


class CleaningResult(NamedTuple):
    kept: pl.DataFrame  # the input columns and dtypes, `text` cleaned
    filtered: pl.DataFrame  # FILTERED_SCHEMA: one row per dropped document


# Frozen, so one shared instance is a safe default argument.
DEFAULT_CLEANING_CONFIG = CleaningConfig()


def clean_documents(
    raw: pl.DataFrame, config: CleaningConfig = DEFAULT_CLEANING_CONFIG
) -> CleaningResult:
    """Normalise every document's text, then split the documents into kept and filtered.

    Args:
        raw: documents with at least `doc_id`, `shard` and `text`; other columns are carried
            through unchanged.
        config: which normalisers and filters run, with their thresholds.

    Returns:
        `kept` (the input columns, text cleaned) and `filtered` (doc_id, shard, rule, detail);
        every input row is in exactly one of them.
    """
    missing = [name for name in REQUIRED_COLUMNS if name not in raw.columns]
    if missing:
        raise ValueError(
            f"clean_documents: input lacks column(s) {', '.join(missing)} (has: "
            f"{', '.join(raw.columns)}); pass a raw document table (corpus.documents.RAW_SCHEMA)"
        )
    raw_text = raw.get_column("text").cast(pl.String).fill_null("")
    text = raw_text
    for normaliser in config.normalisers():
        text = normaliser.apply(text)

    stats = pl.DataFrame({"text": text, "raw_chars": raw_text.str.len_chars()})
    checks = [
        FilterCheck(
            EMPTY_RULE,
            pl.col("text") == "",
            pl.format("text is empty after cleaning ({} chars before)", pl.col("raw_chars")),
        )
    ]
    measures: dict[str, pl.Expr] = {}
    for quality_filter in config.filters():
        measures.update(quality_filter.measures())
        checks.extend(quality_filter.checks())
    stats = stats.with_columns(**measures)
    for quality_filter in config.filters():
        stats = quality_filter.measure_frame(stats)

    failing = _first_failing_check(stats, checks)
    dropped = failing.is_not_null()
    filtered = _describe_failures(stats.filter(dropped), failing.filter(dropped), checks).select(
        doc_id=raw.get_column("doc_id").filter(dropped),
        shard=raw.get_column("shard").filter(dropped),
        rule="rule",
        detail="detail",
    )
    kept = raw.with_columns(text.alias("text").cast(raw.schema["text"])).filter(~dropped)
    return CleaningResult(kept=kept, filtered=filtered.cast(FILTERED_SCHEMA))


def _first_failing_check(stats: pl.DataFrame, checks: list[FilterCheck]) -> pl.Series:
    """Per document, the index of the first check it fails; null where it passes them all."""
    first = pl.when(checks[0].failed).then(pl.lit(0, pl.UInt32))
    for index, check in enumerate(checks[1:], start=1):
        first = first.when(check.failed).then(pl.lit(index, pl.UInt32))
    return stats.select(first.otherwise(None)).to_series()


def _describe_failures(
    failed_stats: pl.DataFrame, failing: pl.Series, checks: list[FilterCheck]
) -> pl.DataFrame:
    """`rule` and `detail` of each failed document; details are built for these rows only."""
    index = pl.lit(failing)
    detail = pl.when(index == 0).then(checks[0].detail)
    for position, check in enumerate(checks[1:], start=1):
        detail = detail.when(index == position).then(check.detail)
    rules = {position: check.rule for position, check in enumerate(checks)}
    return failed_stats.select(
        rule=index.replace_strict(rules, return_dtype=pl.String), detail=detail.cast(pl.String)
    )
