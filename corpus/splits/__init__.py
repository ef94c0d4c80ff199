"""Splits: stable train/validation/test by cluster, the versioned export, leakage checks."""

from corpus.splits.assignment import (
    ARMS,
    EXPORT_SCHEMA,
    SPLIT_SCHEMA,
    SPLITS,
    TOKENS_PER_WORD,
    SplitConfig,
    SplitExport,
    assign_splits,
    build_split_frames,
    cluster_units,
    write_split_exports,
)
from corpus.splits.export import (
    MANIFEST_NAME,
    SplitManifest,
    export_splits,
    held_out_texts,
    load_manifest,
    train_texts,
)
from corpus.splits.leakage import (
    LeakageConfig,
    LeakageReport,
    cluster_overlap,
    combine_reports,
    doc_id_overlap,
    ngram_overlap,
)

__all__ = [
    "ARMS",
    "EXPORT_SCHEMA",
    "MANIFEST_NAME",
    "SPLIT_SCHEMA",
    "SPLITS",
    "TOKENS_PER_WORD",
    "LeakageConfig",
    "LeakageReport",
    "SplitConfig",
    "SplitExport",
    "SplitManifest",
    "assign_splits",
    "build_split_frames",
    "cluster_overlap",
    "cluster_units",
    "combine_reports",
    "doc_id_overlap",
    "export_splits",
    "held_out_texts",
    "load_manifest",
    "ngram_overlap",
    "train_texts",
    "write_split_exports",
]
