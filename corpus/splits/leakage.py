"""Leakage checks between splits: shared doc_ids, shared clusters, shared word n-grams.

The n-gram check follows the contamination analysis of Brown et al. (2020, GPT-3, appendix C):
an evaluation text overlaps train when its normalised word 13-grams occur in the train texts.
Words are normalised exactly as for deduplication (corpus.dedup.minhash); n-grams are hashed and
looked up in the sorted array of train n-gram hashes, so no per-document Python loop runs on the
hot path. The check takes any evaluation text (a split, or a prompt or pair file registered by a
later stage) as a (doc_id, split, text) frame, and the train side either as texts or as the
n-gram hash array stored beside a split export (`train_ngram_hashes`), so a later check need not
reload every train document.

Boilerplate is ignored as Brown et al. (2020) did: an n-gram found in more than
`boilerplate_documents` train documents (licence headers, shared openings) does not count as a
match and does not count towards a text's n-grams (`boilerplate_ngram_hashes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from corpus.dedup.lsh import contains
from corpus.dedup.minhash import HashedSequences, normalised_words, shingle_hashes, word_hashes

_DOCS_PER_CHUNK = 65_536
DEFAULT_NGRAM = 13  # Brown et al. (2020), appendix C
DEFAULT_BOILERPLATE_DOCUMENTS = 10  # Brown et al. (2020), appendix C; NeMo Curator's max_matches
DROP = "drop"  # the default decontamination_action: contaminated documents leave evaluation


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
        description="Largest tolerated fraction of a text's n-grams (boilerplate excluded) found "
        "in train; 0 = any shared n-gram is a leak.",
    )
    boilerplate_documents: int | None = Field(
        DEFAULT_BOILERPLATE_DOCUMENTS,
        ge=1,
        description="An n-gram found in more than this many train documents (one per duplicate "
        "cluster) is boilerplate (licence headers, shared openings) and ignored by the overlap "
        "measure, as Brown et al. (2020) ignored 13-grams matching more than 10 training "
        "documents; null ignores none.",
    )
    decontaminate: bool = Field(
        True,
        description="Before export, take validation/test documents whose overlap exceeds "
        "max_overlap out of evaluation (see decontamination_action); false leaves them, and the "
        "blocking leakage check then fails on them.",
    )
    decontamination_action: Literal["drop", "train"] = Field(
        DROP,
        description="What happens to a contaminated held-out document's duplicate cluster: "
        "'drop' removes it from evaluation (it is exported nowhere), 'train' moves it to train.",
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

    overlap = fraction of the text's n-grams (positions) found in train, boilerplate excluded; a
    text leaks when its overlap exceeds `max_overlap` (and is above 0). Offenders carry an example
    shared n-gram. Boilerplate is counted over `train_texts`, one document each.
    """
    config = config or LeakageConfig()
    return ngram_overlap_with(
        train_ngram_hashes(train_texts, config.ngram),
        eval_texts,
        config,
        boilerplate_ngram_hashes(train_texts, config),
    )


def ngram_overlap_with(
    train: np.ndarray,
    eval_texts: pl.DataFrame,
    config: LeakageConfig | None = None,
    boilerplate: np.ndarray | None = None,
) -> LeakageReport:
    """`ngram_overlap` against train n-grams already hashed by `train_ngram_hashes`.

    `train` (and `boilerplate`, the n-gram hashes to ignore) must have been built with the same
    `config.ngram`.
    """
    config = config or LeakageConfig()
    measure = measure_overlap(train, eval_texts["text"], config.ngram, boilerplate)
    leaking = measure.exceeding(config.max_overlap)
    worst = leaking[np.argsort(-measure.overlap[leaking], kind="stable")][: config.max_reported]
    offenders = pl.DataFrame(
        {
            "doc_id": eval_texts["doc_id"].gather(worst),
            "split": eval_texts["split"].gather(worst),
            "overlap": measure.overlap[worst],
            "example_ngram": measure.examples(eval_texts["text"], worst),
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


@dataclass(frozen=True)
class OverlapMeasure:
    """Per text: its n-grams (boilerplate excluded), how many occur in train, their fraction."""

    ngram: int
    ngrams: HashedSequences  # every n-gram position of every text
    found: np.ndarray  # bool per position: in train and not boilerplate
    counted: np.ndarray  # int64 per text: positions that are not boilerplate
    matched: np.ndarray  # int64 per text: counted positions found in train
    overlap: np.ndarray  # float64 per text: matched / counted (0 when nothing counted)

    def exceeding(self, max_overlap: float) -> np.ndarray:
        """Indices of the texts whose overlap is above `max_overlap` (and above 0)."""
        return np.flatnonzero((self.overlap > max_overlap) & (self.matched > 0))

    def examples(self, texts: pl.Series, documents: np.ndarray) -> list[str]:
        """The first shared n-gram of each given text, as normalised words."""
        if len(documents) == 0:
            return []
        word_lists = normalised_words(texts.gather(documents)).to_list()
        offsets = self.ngrams.offsets
        examples = []
        for document, words in zip(documents.tolist(), word_lists, strict=True):
            first = int(np.argmax(self.found[offsets[document] : offsets[document + 1]]))
            examples.append(" ".join(words[first : first + self.ngram]))
        return examples


def measure_overlap(
    train: np.ndarray, texts: pl.Series, ngram: int, boilerplate: np.ndarray | None = None
) -> OverlapMeasure:
    """How much of each text's n-grams occur in `train` (sorted hashes), ignoring `boilerplate`."""
    ngrams = shingle_hashes(word_hashes(texts), ngram)
    found = contains(train, ngrams.values)
    ignored = contains(boilerplate, ngrams.values)
    found &= ~ignored
    documents = len(ngrams)
    has_ngrams = ngrams.lengths > 0
    starts = ngrams.offsets[:-1][has_ngrams]
    matched = np.zeros(documents, dtype=np.int64)
    counted = ngrams.lengths.astype(np.int64)
    if len(starts):
        matched[has_ngrams] = np.add.reduceat(found.astype(np.int64), starts)
        counted[has_ngrams] -= np.add.reduceat(ignored.astype(np.int64), starts)
    overlap = np.divide(matched, counted, out=np.zeros(documents), where=counted > 0)
    return OverlapMeasure(ngram, ngrams, found, counted, matched, overlap)


def train_ngram_hashes(texts: pl.Series, size: int = DEFAULT_NGRAM) -> np.ndarray:
    """Sorted distinct n-gram hashes (uint64) of all train texts, built chunk by chunk."""
    distinct = [np.zeros(0, dtype=np.uint64)]
    for start in range(0, len(texts), _DOCS_PER_CHUNK):
        ngrams = shingle_hashes(word_hashes(texts.slice(start, _DOCS_PER_CHUNK)), size)
        distinct.append(np.unique(ngrams.values))
    return np.unique(np.concatenate(distinct))


def boilerplate_ngram_hashes(texts: pl.Series, config: LeakageConfig) -> np.ndarray:
    """Sorted hashes of the n-grams found in more than `config.boilerplate_documents` of `texts`.

    Pass one text per duplicate cluster, so copies of one document count once.
    """
    if config.boilerplate_documents is None:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.zeros(0, dtype=np.uint64)
    counts = np.zeros(0, dtype=np.int64)
    for start in range(0, len(texts), _DOCS_PER_CHUNK):
        ngrams = shingle_hashes(word_hashes(texts.slice(start, _DOCS_PER_CHUNK)), config.ngram)
        document = np.repeat(np.arange(len(ngrams), dtype=np.int64), ngrams.lengths)
        order = np.lexsort((document, ngrams.values))
        values, document = ngrams.values[order], document[order]
        first = np.ones(len(values), dtype=bool)  # first position of each (n-gram, document)
        first[1:] = (values[1:] != values[:-1]) | (document[1:] != document[:-1])
        chunk_hashes, chunk_counts = np.unique(values[first], return_counts=True)
        merged, inverse = np.unique(np.concatenate((hashes, chunk_hashes)), return_inverse=True)
        counts = np.bincount(inverse, weights=np.concatenate((counts, chunk_counts)))
        hashes, counts = merged, counts.astype(np.int64)
    return hashes[counts > config.boilerplate_documents]


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
