"""Deduplication: exact and MinHash/LSH near-duplicate clusters over a persistent signature index.

`deduplicate` is the entry point (corpus.dedup.clusters, whose docstring describes the method);
`open_index` decides between extending the stored index and a full run.
"""

from corpus.dedup.clusters import DedupResult, deduplicate
from corpus.dedup.config import CLUSTER_SCHEMA, DedupConfig
from corpus.dedup.index import INDEX_FORMAT, SignatureIndex, open_index
from corpus.dedup.lsh import band_keys

__all__ = [
    "CLUSTER_SCHEMA",
    "INDEX_FORMAT",
    "DedupConfig",
    "DedupResult",
    "SignatureIndex",
    "band_keys",
    "deduplicate",
    "open_index",
]
