"""The library peers of bench/dedup.py, each end to end: Parquet corpus -> clusters Parquet file.

Both use the usual Python shingling (casefold, drop Unicode punctuation, split, join 5-word
windows), the same bands x rows and threshold as neutune, decide candidates by their own MinHash
estimate (as those libraries do), and cluster with a union-find over the accepted pairs; exact
duplicates have equal shingle sets, so the LSH finds them too. Each runs in one Python thread
(the libraries' own calls do not spread over cores); `batch_rows` documents are read at a time.

- rensa (Rust MinHash + its RMinHashLSH): sketches built per batch with
  `RMinHash.from_token_sets`, inserted with `insert_many`, candidates from `query_all`.
- datasketch (`MinHash.update_batch`, `MinHashLSH`): insert-then-query per document.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from corpus.dedup import DedupConfig


@functools.cache
def _punctuation() -> dict[int, None]:
    """str.translate table deleting every Unicode punctuation character (category P*)."""
    return {
        code: None
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)).startswith("P")
    }


def python_shingles(text: str, size: int) -> set[str]:
    """The usual Python shingling: casefold, drop punctuation, split, join word windows."""
    words = text.casefold().translate(_punctuation()).split()
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def python_components(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """Union-find: the smallest member of each node's component."""
    parent = list(range(count))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in edges:
        roots = sorted((find(left), find(right)))
        parent[roots[1]] = roots[0]
    return [find(node) for node in range(count)]


def read_batches(data: Path, batch_rows: int) -> Iterator[tuple[list[str], list[str]]]:
    """(doc_ids, texts) of `batch_rows` documents at a time, read from the Parquet file."""
    for batch in pq.ParquetFile(data).iter_batches(batch_rows, columns=["doc_id", "text"]):
        texts = [text or "" for text in batch.column("text").to_pylist()]
        yield batch.column("doc_id").to_pylist(), texts


def write_clusters(doc_ids: list[str], components: list[int], output: Path) -> int:
    """doc_id, cluster_id (the doc_id of the component's first document); returns clusters."""
    pl.DataFrame(
        {"doc_id": doc_ids, "cluster_id": [doc_ids[root] for root in components]}
    ).write_parquet(output)
    return len(set(components))


def rensa_clusters(data: Path, output: Path, config: DedupConfig, batch_rows: int) -> int:
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(config.threshold, config.num_perm, config.bands)
    doc_ids: list[str] = []
    sketches: list = []
    for ids, texts in read_batches(data, batch_rows):
        shingle_sets = [python_shingles(text, config.shingle_size) for text in texts]
        batch = RMinHash.from_token_sets(shingle_sets, config.num_perm, config.seed)
        lsh.insert_many(batch, start_key=len(sketches))
        doc_ids += ids
        sketches += batch
    edges = [
        (position, other)
        for position, candidates in enumerate(lsh.query_all(sketches))
        for other in candidates
        if other > position and sketches[position].jaccard(sketches[other]) >= config.threshold
    ]
    return write_clusters(doc_ids, python_components(len(doc_ids), edges), output)


def datasketch_clusters(data: Path, output: Path, config: DedupConfig, batch_rows: int) -> int:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=config.num_perm, params=(config.bands, config.rows))
    doc_ids: list[str] = []
    sketches: list = []
    edges: list[tuple[int, int]] = []
    for ids, texts in read_batches(data, batch_rows):
        for text in texts:
            position = len(sketches)
            shingles = python_shingles(text, config.shingle_size)
            sketch = MinHash(num_perm=config.num_perm, seed=config.seed)
            sketch.update_batch([shingle.encode() for shingle in shingles])
            sketches.append(sketch)
            if shingles:
                for other in lsh.query(sketch):
                    if sketch.jaccard(sketches[other]) >= config.threshold:
                        edges.append((other, position))
                lsh.insert(position, sketch)
        doc_ids += ids
    return write_clusters(doc_ids, python_components(len(doc_ids), edges), output)


PEERS = {"rensa": rensa_clusters, "datasketch": datasketch_clusters}
