"""Document cleaning: normalisers that rewrite the text, then quality filters that drop documents.

Every step works on a whole column at once with polars string and list expressions (Rust), never
with a per-row Python function. Normalisers map text to text; a quality filter measures named
statistics of the cleaned text and states, per rule, when a document fails and why. The driver,
`clean_documents`, runs the enabled steps in order and splits the input into `kept` and `filtered`
from one rule column, so every input row lands in exactly one of them by construction.

Each document is cleaned on its own, so batches of documents are independent: `clean_batches`
cleans `config.threads` batches at once in threads (polars releases the GIL while it works), and
the result is the same, row for row, as cleaning everything in one batch.

The filter defaults follow the Gopher rules (Rae et al. 2021, "Scaling Language Models: Methods,
Analysis & Insights from Training Gopher", appendix A), as implemented in Hugging Face datatrove's
`GopherQualityFilter` and `GopherRepetitionFilter`, adapted to short documents; the line
punctuation rule follows FineWeb (Penedo et al. 2024, datatrove's `FineWebQualityFilter`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NamedTuple

import polars as pl

from corpus.clean.base import FilterCheck, base_measures, spaced_text, word_lists
from corpus.clean.config import DEFAULT_CLEANING_CONFIG, CleaningConfig

FILTERED_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "shard": pl.String(),
    "rule": pl.String(),
    "detail": pl.String(),
}
REQUIRED_COLUMNS = ("doc_id", "shard", "text")
EMPTY_RULE = "empty_after_cleaning"


class CleaningResult(NamedTuple):
    kept: pl.DataFrame  # the input columns and dtypes, `text` cleaned
    filtered: pl.DataFrame  # FILTERED_SCHEMA: one row per dropped document


def clean_documents(
    raw: pl.DataFrame, config: CleaningConfig = DEFAULT_CLEANING_CONFIG
) -> CleaningResult:
    """Normalise every document's text, then split the documents into kept and filtered.

    Args:
        raw: documents with at least `doc_id`, `shard` and `text`; other columns are carried
            through unchanged.
        config: which normalisers and filters run, with their thresholds, and how many threads
            clean batches of `config.batch_rows` documents at once.

    Returns:
        `kept` (the input columns, text cleaned) and `filtered` (doc_id, shard, rule, detail);
        every input row is in exactly one of them, in input order.
    """
    _check_columns(raw)
    slices = [
        raw.slice(start, config.batch_rows) for start in range(0, raw.height, config.batch_rows)
    ]
    results = list(clean_batches(slices or [raw], config))
    if len(results) == 1:
        return results[0]
    return CleaningResult(
        kept=pl.concat([result.kept for result in results]),
        filtered=pl.concat([result.filtered for result in results]),
    )


def clean_batches(
    batches: Iterable[pl.DataFrame], config: CleaningConfig = DEFAULT_CLEANING_CONFIG
) -> Iterator[CleaningResult]:
    """Clean a stream of document batches, `config.threads` at a time, results in input order.

    At most two batches per thread are in flight, so memory stays bounded however long the stream;
    the caller may read the next batch (a file, say) while the threads clean the ones before.
    """
    threads = config.thread_count()
    if threads == 1:
        yield from (clean_batch(batch, config) for batch in batches)
        return
    pending: deque[Future[CleaningResult]] = deque()
    with ThreadPoolExecutor(threads, thread_name_prefix="clean") as pool:
        for batch in batches:
            pending.append(pool.submit(clean_batch, batch, config))
            if len(pending) >= 2 * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def clean_batch(
    raw: pl.DataFrame, config: CleaningConfig = DEFAULT_CLEANING_CONFIG
) -> CleaningResult:
    """Clean one batch of documents in the calling thread (see `clean_documents`)."""
    _check_columns(raw)
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
    stats = (
        stats.with_columns(spaced_text=spaced_text())
        .with_columns(words=word_lists())
        .with_columns(**base_measures())
        .with_columns(**measures)
    )
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


def _check_columns(raw: pl.DataFrame) -> None:
    missing = [name for name in REQUIRED_COLUMNS if name not in raw.columns]
    if missing:
        raise ValueError(
            f"clean_documents: input lacks column(s) {', '.join(missing)} (has: "
            f"{', '.join(raw.columns)}); pass a raw document table (corpus.documents.RAW_SCHEMA)"
        )


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
