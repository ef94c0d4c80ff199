"""Leakage checks between splits: shared doc_ids, shared clusters, shared word n-grams.

The n-gram check follows the contamination analysis of Brown et al. (2020, GPT-3, appendix C):
an evaluation text overlaps train when its normalised word 13-grams occur in the train texts.
Words are normalised exactly as for deduplication (corpus.dedup.minhash); n-grams are hashed and
looked up in the sorted array of train n-gram hashes, so no per-document Python loop runs on the
hot path. The check takes any evaluation text (a split, or a prompt or pair file registered by a
later stage) as a (doc_id, split, text) frame, and the train side either as texts or as the
n-gram hash array stored beside a split export (`train_ngram_hashes`), so a later check need not
reload every train document.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from corpus.dedup.minhash import HashedSequences, normalised_words, shingle_hashes, word_hashes

_DOCS_PER_CHUNK = 65_536
DEFAULT_NGRAM = 13  # Brown et al. (2020), appendix C


class LeakageConfig(BaseModel):
    """How much n-gram overlap between an evaluation text and train is tolerated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ngram: int = Field(
        DEFAULT_NGRAM,
        ge=1,
        le=64,
        description="Words per n-gram; 13 follows Brown et al. (2020). Texts with fewer words "
        "are compared whole: they leak when a train text has exactly the same normalised words.",
    )
    max_overlap: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Largest tolerated fraction of a text's n-grams found in train; 0 = any "
        "shared n-gram is a leak.",
    )
    max_reported: int = Field(20, ge=0, description="Offenders listed in a report (the worst).")


class LeakageReport(BaseModel):
    """Outcome of one leakage check."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    passed: bool = Field(description="True when nothing leaks.")
    checked: int = Field(ge=0, description="Documents (or clusters) examined.")
    offending: int = Field(0, ge=0, description="How many leak; offenders lists the worst few.")
    offenders: list[dict[str, Any]] = Field(
        default_factory=list, description="The worst offenders, one dict each, for the UI."
    )


def doc_id_overlap(splits: pl.DataFrame, config: LeakageConfig | None = None) -> LeakageReport:
    """doc_ids that appear in more than one split (or twice in one)."""
    config = config or LeakageConfig()
    per_doc = splits.group_by("doc_id").agg(
        rows=pl.len(), split=pl.col("split").unique().sort().str.join(",")
    )
    leaking = per_doc.filter(pl.col("rows") > 1).sort("doc_id")
    return _report(per_doc.height, leaking.select("doc_id", "split", "rows"), config)


def cluster_overlap(splits: pl.DataFrame, config: LeakageConfig | None = None) -> LeakageReport:
    """Near-duplicate clusters whose documents sit in more than one split."""
    config = config or LeakageConfig()
    per_cluster = splits.group_by("cluster_id").agg(
        splits=pl.col("split").n_unique(),
        split=pl.col("split").unique().sort().str.join(","),
        doc_id=pl.col("doc_id").min(),
    )
    leaking = per_cluster.filter(pl.col("splits") > 1).sort("cluster_id")
    return _report(per_cluster.height, leaking.select("cluster_id", "split", "doc_id"), config)


def ngram_overlap(
    train_texts: pl.Series,
    eval_texts: pl.DataFrame,
    config: LeakageConfig | None = None,
) -> LeakageReport:
    """Evaluation texts (doc_id, split, text) whose n-grams occur in the train texts.

    overlap = fraction of the text's n-grams (positions) found in train; a text leaks when its
    overlap exceeds `max_overlap` (and is above 0). Offenders carry an example shared n-gram.
    """
    config = config or LeakageConfig()
    return ngram_overlap_with(train_ngram_hashes(train_texts, config.ngram), eval_texts, config)


def ngram_overlap_with(
    train: np.ndarray, eval_texts: pl.DataFrame, config: LeakageConfig | None = None
) -> LeakageReport:
    """`ngram_overlap` against train n-grams already hashed by `train_ngram_hashes`.

    `train` must have been built with the same `config.ngram`.
    """
    config = config or LeakageConfig()
    words = word_hashes(eval_texts["text"])
    ngrams = shingle_hashes(words, config.ngram)
    found = np.zeros(len(ngrams.values), dtype=bool)
    if len(train):
        positions = np.minimum(np.searchsorted(train, ngrams.values), len(train) - 1)
        found = train[positions] == ngrams.values
    counts = ngrams.lengths
    hits = np.zeros(len(counts), dtype=np.int64)
    has_ngrams = counts > 0
    if found.any():
        hits[has_ngrams] = np.add.reduceat(found.astype(np.int64), ngrams.offsets[:-1][has_ngrams])
    overlap = np.divide(hits, counts, out=np.zeros(len(counts)), where=has_ngrams)
    leaking = np.flatnonzero((overlap > config.max_overlap) & (hits > 0))
    worst = leaking[np.argsort(-overlap[leaking], kind="stable")][: config.max_reported]
    offenders = pl.DataFrame(
        {
            "doc_id": eval_texts["doc_id"].gather(worst),
            "split": eval_texts["split"].gather(worst),
            "overlap": overlap[worst],
            "example_ngram": _example_ngrams(eval_texts["text"], worst, found, ngrams, config),
        },
        schema={
            "doc_id": pl.String,
            "split": pl.String,
            "overlap": pl.Float64,
            "example_ngram": pl.String,
        },
    )
    return LeakageReport(
        passed=len(leaking) == 0,
        checked=eval_texts.height,
        offending=len(leaking),
        offenders=offenders.to_dicts(),
    )


def train_ngram_hashes(texts: pl.Series, size: int = DEFAULT_NGRAM) -> np.ndarray:
    """Sorted distinct n-gram hashes (uint64) of all train texts, built chunk by chunk."""
    distinct = [np.zeros(0, dtype=np.uint64)]
    for start in range(0, len(texts), _DOCS_PER_CHUNK):
        ngrams = shingle_hashes(word_hashes(texts.slice(start, _DOCS_PER_CHUNK)), size)
        distinct.append(np.unique(ngrams.values))
    return np.unique(np.concatenate(distinct))


def _example_ngrams(
    texts: pl.Series,
    documents: np.ndarray,
    found: np.ndarray,
    ngrams: HashedSequences,
    config: LeakageConfig,
) -> list[str]:
    """The first shared n-gram of each given document, as normalised words."""
    if len(documents) == 0:
        return []
    word_lists = normalised_words(texts.gather(documents)).to_list()
    examples = []
    for document, words in zip(documents.tolist(), word_lists, strict=True):
        first = int(np.argmax(found[ngrams.offsets[document] : ngrams.offsets[document + 1]]))
        examples.append(" ".join(words[first : first + config.ngram]))
    return examples


def _report(checked: int, leaking: pl.DataFrame, config: LeakageConfig) -> LeakageReport:
    return LeakageReport(
        passed=leaking.height == 0,
        checked=checked,
        offending=leaking.height,
        offenders=leaking.head(config.max_reported).to_dicts(),
    )


def combine_reports(reports: dict[str, LeakageReport], max_reported: int = 20) -> LeakageReport:
    """One report over several runs of a check (e.g. per arm): passes only when every run passes.

    Each offender gains the name of the run it came from under "scope".
    """
    offenders = [
        {**offender, "scope": scope}
        for scope, report in reports.items()
        for offender in report.offenders
    ]
    return LeakageReport(
        passed=all(report.passed for report in reports.values()),
        checked=sum(report.checked for report in reports.values()),
        offending=sum(report.offending for report in reports.values()),
        offenders=offenders[:max_reported],
    )
