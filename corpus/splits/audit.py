"""The leakage checks of a split export, run on the exported files: what training will read."""

from __future__ import annotations

import numpy as np
import polars as pl

from corpus.splits.assignment import ARMS
from corpus.splits.export import SplitManifest, read_exports
from corpus.splits.leakage import (
    LeakageConfig,
    LeakageReport,
    boilerplate_ngram_hashes,
    cluster_overlap,
    combine_reports,
    doc_id_overlap,
    ngram_overlap_with,
)

EXPORT_CHECKS = {
    "no_doc_in_two_splits": "No exported doc_id is in two split files (per arm).",
    "no_cluster_in_two_splits": "No duplicate cluster has documents in two split files (per arm).",
    "eval_ngram_overlap_with_train": "Exported validation/test documents share few long n-grams "
    "(boilerplate ignored) with the exported train split (both arms): what decontamination left.",
}


def audit_export(manifest: SplitManifest, config: LeakageConfig) -> dict[str, LeakageReport]:
    """Each of EXPORT_CHECKS on the Parquet files of `manifest`, both arms combined."""
    reports: dict[str, dict[str, LeakageReport]] = {name: {} for name in EXPORT_CHECKS}
    for arm in ARMS:
        exported = read_exports(manifest, arm)
        held_out = exported.filter(pl.col("split") != "train").select("doc_id", "split", "text")
        train = exported.filter(pl.col("split") == "train")
        one_per_cluster = train.unique("cluster_id", keep="first", maintain_order=True)
        boilerplate = boilerplate_ngram_hashes(one_per_cluster["text"], config)
        reports["no_doc_in_two_splits"][arm] = doc_id_overlap(exported, config)
        reports["no_cluster_in_two_splits"][arm] = cluster_overlap(exported, config)
        reports["eval_ngram_overlap_with_train"][arm] = ngram_overlap_with(
            stored_train_ngrams(manifest, config, arms=(arm,)), held_out, config, boilerplate
        )
    return {name: combine_reports(runs, config.max_reported) for name, runs in reports.items()}


def stored_train_ngrams(
    manifest: SplitManifest, config: LeakageConfig, arms: tuple[str, ...] = ARMS
) -> np.ndarray:
    """The union of the stored train n-gram hashes of `arms`, checked against `config.ngram`."""
    entries = [manifest.ngrams(arm) for arm in arms]
    stale = [entry for entry in entries if entry.ngram != config.ngram]
    if stale:
        raise ValueError(
            f"split export {manifest.version} stores train {stale[0].ngram}-grams but the leakage "
            f"config asks for {config.ngram}-grams: re-materialize split_exports with the "
            "current settings"
        )
    return np.unique(np.concatenate([np.zeros(0, np.uint64), *(e.load() for e in entries)]))
