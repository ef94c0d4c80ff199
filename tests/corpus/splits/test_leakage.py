"""Leakage checks: each one catches a planted leak and passes clean data."""

from __future__ import annotations

import polars as pl

from corpus.splits import (
    LeakageConfig,
    LeakageReport,
    cluster_overlap,
    combine_reports,
    doc_id_overlap,
    ngram_overlap,
)

TRAIN = [
    "The committee chair opened the meeting and thanked every member for coming in the rain today.",
    "Firefighters arrived within minutes and the whole street was evacuated before the roof fell.",
    "Short train text.",
]


def _splits(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["doc_id", "cluster_id", "split"], orient="row")


def test_doc_id_overlap():
    clean = _splits([("a", "c1", "train"), ("b", "c2", "test"), ("c", "c3", "validation")])
    report = doc_id_overlap(clean)
    assert report.passed and report.checked == 3 and report.offenders == []
    leaked = doc_id_overlap(clean.vstack(_splits([("a", "c1", "test")])))
    assert not leaked.passed and leaked.offending == 1
    assert leaked.offenders == [{"doc_id": "a", "split": "test,train", "rows": 2}]


def test_cluster_overlap():
    clean = _splits([("a", "c1", "train"), ("b", "c1", "train"), ("c", "c2", "test")])
    assert cluster_overlap(clean).passed
    leaked = cluster_overlap(clean.vstack(_splits([("d", "c2", "validation")])))
    assert not leaked.passed and leaked.checked == 2
    assert leaked.offenders == [{"cluster_id": "c2", "split": "test,validation", "doc_id": "c"}]


def test_ngram_overlap_catches_a_rewritten_copy_and_passes_clean_text():
    evaluation = pl.DataFrame(
        {
            "doc_id": ["clean", "leak", "short-leak", "short-clean", "empty"],
            "split": ["test", "test", "validation", "test", "test"],
            "text": [
                "A completely unrelated evaluation sentence about mountains, rivers and old maps.",
                # the first train text with different case and punctuation, and one word changed
                "the committee chair opened the meeting, and thanked EVERY member for coming "
                "in the snow today",
                "short train TEXT!",
                "short train",
                "",
            ],
        }
    )
    report = ngram_overlap(pl.Series(TRAIN), evaluation)
    assert not report.passed and report.checked == 5 and report.offending == 2
    by_doc = {offender["doc_id"]: offender for offender in report.offenders}
    assert by_doc["short-leak"]["overlap"] == 1.0
    assert by_doc["short-leak"]["example_ngram"] == "short train text"
    assert by_doc["leak"]["overlap"] == 0.5  # 16 words: 4 13-grams, the last 2 hold "snow"
    assert by_doc["leak"]["example_ngram"].startswith("the committee chair opened the meeting and")
    assert report.offenders[0]["doc_id"] == "short-leak"  # worst first

    tolerant = ngram_overlap(pl.Series(TRAIN), evaluation, LeakageConfig(max_overlap=0.5))
    assert tolerant.offending == 1
    assert ngram_overlap(pl.Series(TRAIN), evaluation.filter(pl.col("doc_id") == "clean")).passed
    assert ngram_overlap(pl.Series([], dtype=pl.String), evaluation).passed


def test_reports_at_most_max_reported_offenders():
    evaluation = pl.DataFrame(
        {"doc_id": [f"d{i}" for i in range(30)], "split": "test", "text": [TRAIN[1]] * 30}
    )
    report = ngram_overlap(pl.Series(TRAIN), evaluation, LeakageConfig(max_reported=5))
    assert report.offending == 30 and len(report.offenders) == 5


def test_combined_report_fails_when_any_scope_leaks_and_names_it():
    clean = LeakageReport(passed=True, checked=3)
    leaky = LeakageReport(passed=False, checked=3, offending=1, offenders=[{"doc_id": "x"}])
    combined = combine_reports({"neutral": clean, "original": leaky})
    assert not combined.passed
    assert (combined.checked, combined.offending) == (6, 1)
    assert combined.offenders == [{"doc_id": "x", "scope": "original"}]
    assert combine_reports({"neutral": clean, "original": clean}).passed
