"""Scan a corpus for words shaped like gender-exclusive terms, for catalogue review.

The affix families are those of Bartl & Leavy (2024): words ending in -man, -woman, -boy, -girl,
-ess, -ette, -manship, -lady, -master, -mistress (and their plurals), adjectives and adverbs
derived from a gendered noun (boyish, unmanly, womanly, ladylike), or words starting with man-,
woman-, boy-, girl-. Each candidate is marked "catalogue" (a term or plural the catalogue already
rewrites), "excluded" (listed, or the plural of a listed word, in the exclusions), "other_profile"
(another bundled catalogue profile rewrites it; this one leaves it by choice) or "unreviewed"
(neither profile covers it: review it).
"""

from __future__ import annotations

import re

import polars as pl

from corpus.rewrite.catalogue import GenderCatalogue

# Checked in this order, so that the longer affix wins (-manship before -man, -women before -men).
SUFFIX_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "derived",
        (
            *("manly", "manlier", "manliest", "manliness", "manlike", "manful", "manfully"),
            *("womanly", "womanliness", "womanlike", "womanish", "mannish"),
            *("boyish", "boyishly", "boyishness", "girlish", "girlishly", "girlishness"),
            *("ladylike", "gentlemanly"),
        ),
    ),
    ("-manship", ("manship", "manships")),
    ("-mistress", ("mistress", "mistresses")),
    ("-master", ("master", "masters")),
    ("-woman", ("woman",)),
    ("-women", ("women",)),
    ("-man", ("man",)),
    ("-men", ("men",)),
    ("-lady", ("lady", "ladies")),
    ("-boy", ("boy", "boys")),
    ("-girl", ("girl", "girls")),
    ("-ette", ("ette", "ettes")),
    ("-ess", ("ess", "esses")),
)
PREFIX_PATTERNS: tuple[str, ...] = ("woman", "man", "boy", "girl")
# -ness and -less are productive suffixes that never mark gender; every such word would be noise.
NEUTRAL_ESS_ENDINGS = ("ness", "nesses", "less")
# A bare affix ("man", "ess") is no candidate; a bare derived word ("manly", "boyish") is.
BARE_AFFIX_WORDS = frozenset(
    word for name, endings in SUFFIX_PATTERNS if name != "derived" for word in endings
) | frozenset(PREFIX_PATTERNS)
STATUS_ORDER = ("catalogue", "excluded", "other_profile", "unreviewed")

CANDIDATE_SCHEMA: dict[str, pl.DataType] = {
    "word": pl.String(),
    "pattern": pl.String(),
    "status": pl.String(),
    "frequency": pl.Int64(),
    "n_documents": pl.Int64(),
    "examples": pl.List(pl.String()),
}

_ALL_ENDINGS = sorted({e for _, endings in SUFFIX_PATTERNS for e in endings}, key=len, reverse=True)
# Lowercase hyphenated words ending with an affix (a derived ending may stand alone), or starting
# with a prefix (Rust regex syntax).
_CANDIDATE_REGEX = (
    r"\b[a-z]+(?:-[a-z]+)*-?(?:" + "|".join(_ALL_ENDINGS) + r")\b"
    r"|\b(?:" + "|".join(dict(SUFFIX_PATTERNS)["derived"]) + r")\b"
    r"|\b(?:" + "|".join(PREFIX_PATTERNS) + r")[a-z]*(?:-[a-z]+)*\b"
)


def affix_pattern(word: str) -> str | None:
    """The affix family a lowercase word belongs to ('-man', 'man-', ...), or None."""
    if word in BARE_AFFIX_WORDS:
        return None
    for name, endings in SUFFIX_PATTERNS:
        if word.endswith(endings):
            if name == "-ess" and word.endswith(NEUTRAL_ESS_ENDINGS):
                return None
            return name
    for prefix in PREFIX_PATTERNS:
        if word.startswith(prefix):
            return f"{prefix}-"
    return None


def find_term_candidates(
    documents: pl.DataFrame,
    catalogue: GenderCatalogue,
    max_examples: int = 3,
    context_chars: int = 40,
) -> pl.DataFrame:
    """Words matching the gendered affix patterns, with counts, status and example contexts.

    Args:
        documents: a document table with `doc_id` and `text`.
        catalogue: decides the status of each word.
        max_examples: contexts kept per word (from different documents, first ones in table order).
        context_chars: characters of context kept on each side of an example occurrence.

    Returns:
        `word, pattern, status, frequency, n_documents, examples` (CANDIDATE_SCHEMA), sorted by
        status (catalogue, excluded, unreviewed), then frequency descending, then word.
    """
    occurrences = (
        documents.lazy()
        .select(
            "doc_id",
            pl.col("text")
            .cast(pl.String)
            .str.to_lowercase()
            .str.extract_all(_CANDIDATE_REGEX)
            .alias("word"),
        )
        .explode("word")
        .drop_nulls("word")
        .collect()
    )
    if occurrences.is_empty():
        return pl.DataFrame(schema=CANDIDATE_SCHEMA)
    counts = occurrences.group_by("word").agg(
        frequency=pl.len().cast(pl.Int64),
        n_documents=pl.col("doc_id").n_unique().cast(pl.Int64),
    )
    words = counts.get_column("word").to_list()
    patterns = [affix_pattern(word) for word in words]
    forms = catalogue.forms()
    statuses = [_status(word, forms, catalogue) for word in words]
    candidates = counts.with_columns(
        pattern=pl.Series(patterns, dtype=pl.String), status=pl.Series(statuses, dtype=pl.String)
    ).drop_nulls("pattern")
    examples = _examples(documents, occurrences, candidates, max_examples, context_chars)
    rank = {status: index for index, status in enumerate(STATUS_ORDER)}
    return (
        candidates.join(examples, on="word", how="left")
        .with_columns(pl.col("examples").fill_null(pl.lit([], dtype=pl.List(pl.String))))
        .sort(
            pl.col("status").replace_strict(rank, return_dtype=pl.Int8),
            pl.col("frequency"),
            pl.col("word"),
            descending=[False, True, False],
        )
        .select(list(CANDIDATE_SCHEMA))
        .cast(CANDIDATE_SCHEMA)
    )


def _status(word: str, catalogue_forms: frozenset[str], catalogue: GenderCatalogue) -> str:
    if word in catalogue_forms:
        return "catalogue"
    exclusions = catalogue.exclusions
    if word in exclusions or any(
        word.endswith(ending) and word[: -len(ending)] in exclusions for ending in ("s", "es")
    ):
        return "excluded"
    if word in catalogue.other_profile_forms:
        return "other_profile"
    return "unreviewed"


def _examples(
    documents: pl.DataFrame,
    occurrences: pl.DataFrame,
    candidates: pl.DataFrame,
    max_examples: int,
    context_chars: int,
) -> pl.DataFrame:
    """Up to `max_examples` contexts per candidate word, one per document, first documents first."""
    schema = {"word": pl.String(), "examples": pl.List(pl.String())}
    if max_examples <= 0:
        return pl.DataFrame(schema=schema)
    first_documents = (
        occurrences.join(candidates.select("word"), on="word", how="semi")
        .unique(["word", "doc_id"], keep="first", maintain_order=True)
        .group_by("word", maintain_order=True)
        .head(max_examples)
    )
    texts = dict(documents.select("doc_id", "text").unique("doc_id", keep="first").iter_rows())
    words, contexts = [], []
    for word, doc_id in first_documents.select("word", "doc_id").iter_rows():
        context = _context(texts[doc_id], word, context_chars)
        if context is not None:
            words.append(word)
            contexts.append(context)
    found = pl.DataFrame(
        {"word": words, "context": contexts}, schema={"word": pl.String, "context": pl.String}
    )
    return found.group_by("word", maintain_order=True).agg(examples=pl.col("context"))


def _context(text: str, word: str, context_chars: int) -> str | None:
    match = re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text, re.I)
    if match is None:
        return None
    start = max(0, match.start() - context_chars)
    snippet = text[start : match.end() + context_chars]
    return " ".join(snippet.split())
