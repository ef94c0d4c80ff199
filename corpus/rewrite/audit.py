"""Audits of a rewritten shard: what the rewrite asset checks assert."""

from __future__ import annotations

import polars as pl

from corpus.rewrite.engine import Rewriter

MAX_OFFENDERS = 10


def audit_rewrite(
    clean: pl.DataFrame, neutral: pl.DataFrame, rewriter: Rewriter, sample_size: int
) -> list[tuple[str, bool, dict]]:
    """Return (check name, passed, metadata) for the three rewrite guarantees.

    Every rewritten document is rewritten again: a catalogue replacement found the second time is a
    term that survived; any change at all breaks idempotence (checked on the first `sample_size`
    documents in doc_id order, so the sample is stable across runs).
    """
    remaining: list[str] = []
    not_idempotent: list[str] = []
    sample = set(neutral["doc_id"].sort().head(sample_size).to_list())
    for doc_id, text in neutral.select("doc_id", "text").iter_rows():
        again = rewriter.rewrite(text)
        terms = [r.original for r in again.replacements if r.rule.startswith("catalogue")]
        if terms:
            remaining.append(f"{doc_id}: {', '.join(terms[:5])}")
        if doc_id in sample and again.text != text:
            not_idempotent.append(doc_id)

    unchanged = neutral.filter(pl.col("n_replacements") == 0).join(
        clean.select("doc_id", pl.col("text").alias("clean_text")), on="doc_id", how="left"
    )
    differing = unchanged.filter(
        pl.col("clean_text").is_null() | (pl.col("text") != pl.col("clean_text"))
    )["doc_id"].to_list()
    return [
        (
            "no_catalogue_term_remains",
            not remaining,
            {
                "documents_checked": neutral.height,
                "offenders": len(remaining),
                "examples": "\n".join(remaining[:MAX_OFFENDERS]),
            },
        ),
        (
            "rewrite_is_idempotent",
            not not_idempotent,
            {
                "sample": len(sample),
                "changed_on_second_pass": len(not_idempotent),
                "examples": ", ".join(not_idempotent[:MAX_OFFENDERS]),
            },
        ),
        (
            "unchanged_documents_identical",
            not differing,
            {
                "unchanged_documents": unchanged.height,
                "differing": len(differing),
                "examples": ", ".join(differing[:MAX_OFFENDERS]),
            },
        ),
    ]
