"""Exact and near-duplicate clusters of documents, incremental over a persistent signature index.

Method (Broder 1997 MinHash; LSH banding as in Leskovec, Rajaraman & Ullman, "Mining of Massive
Datasets", ch. 3; the near-dedup recipe of Lee et al. 2022, "Deduplicating Training Data Makes
Language Models Better"):
- exact duplicates share a hash of their normalised word sequence (`corpus.dedup.minhash`) and are
  sketched once;
- each distinct text gets a MinHash signature over its word shingles; the signature is cut into
  `bands` bands of `rows` values, and two texts whose band is equal in at least one band are a
  candidate pair (the banding is chosen so that a pair at the threshold is almost surely one);
- a candidate whose signature estimate of the Jaccard similarity is below `threshold -
  prefilter_margin` is dropped (one signature comparison, so unrelated bucket-mates cost little);
- a remaining candidate is an edge when the EXACT Jaccard similarity of the two texts' shingle-hash
  sets is >= `threshold`. The sets are recomputed from the texts passed in, for the texts in such
  pairs only. An indexed text that was not passed in again (a caller that passes only the new
  documents) has no set: its pairs fall back to the signature estimate (+-0.035 at J=0.8 with 128
  permutations, so such pairs near the threshold are decided by chance);
- clusters are the connected components of exact + near edges.

Determinism and stable ids: the representative of a cluster is its member that entered the index
first (lowest generation), ties broken by the smallest doc_id, and the cluster_id IS the
representative's doc_id. So a run over everything at once picks the smallest doc_id, and adding
shards never renames a cluster unless it merges with another old cluster; then the member that
was indexed first (then the smallest doc_id) names the merged cluster.

`similarity` (to the cluster's representative) is exact where both texts were passed in, the
signature estimate otherwise; it is recomputed only for documents whose representative changed.

All documents that are empty after normalisation (no words) are exact duplicates of each other:
they form one cluster, and never take part in near-duplicate matching.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import polars as pl

from corpus.dedup.config import CLUSTER_SCHEMA, DOCS_PER_CHUNK, DedupConfig
from corpus.dedup.index import INDEX_DOCUMENT_SCHEMA, SignatureIndex
from corpus.dedup.lsh import band_keys, sketch
from corpus.dedup.texts import PassedTexts
from corpus.dedup.verify import ExactJaccard, near_duplicate_edges, similarity_to_representatives

_MAX_SEGMENTS = 16  # signature blocks (= segment files) kept before a run compacts them into one


class DedupResult(NamedTuple):
    clusters: pl.DataFrame  # doc_id, cluster_id, is_representative, similarity (old + new docs)
    index: SignatureIndex  # the updated index (old + new docs)


def deduplicate(
    documents: pl.DataFrame | pl.LazyFrame,
    config: DedupConfig = DedupConfig(),  # noqa: B008 (frozen, so a shared default is safe)
    index: SignatureIndex | None = None,
) -> DedupResult:
    """Cluster `documents` (doc_id, text) together with every document already in `index`.

    `documents` may be a LazyFrame (e.g. `pl.scan_parquet(...)`): its texts are then streamed,
    once to sketch them and once for the texts of candidate pairs (corpus.dedup.texts), so only
    the doc_ids, signatures and band keys are held in memory.
    Only documents whose doc_id is not in the index are sketched; the returned clusters frame
    covers all documents, the index's first (in index order), then the new ones (input order).
    Pass the indexed documents' texts too (as the dagster asset does): candidate pairs are then
    verified with the exact Jaccard similarity, where a pair with an indexed text that is not
    among `documents` is judged by its signature estimate. Similarity is the Jaccard similarity
    to the cluster's representative: exact where both texts were passed, else the estimate.
    """
    index = index if index is not None else SignatureIndex.empty(config)
    if index.config != config:
        raise ValueError(
            f"the index was built with {index.config!r} but deduplicate() got {config!r}: "
            "pass the config the index was built with, or no index to start over"
        )
    passed = _validated(documents)
    texts = PassedTexts(documents)
    new_documents = _new_documents(passed, index)
    old_texts = len(index.text_hashes)
    new_positions = new_documents["position"].to_numpy().astype(np.int64)
    new_text_rows, text_hashes, new_signatures = sketch(
        texts.in_order(new_positions, DOCS_PER_CHUNK), len(new_positions), index, config
    )
    blocks, key_blocks, stored = index.signature_blocks, index.band_key_blocks, index._stored
    if len(new_signatures):
        blocks += (new_signatures,)
        key_blocks += (band_keys(new_signatures, config.bands, config.rows),)
    if len(blocks) > _MAX_SEGMENTS:
        blocks, stored = (np.concatenate(blocks),), None
        key_blocks = (np.concatenate(key_blocks, axis=1),)

    exact = ExactJaccard(
        passed["doc_id"],
        texts,
        new_positions,
        new_text_rows,
        index.documents,
        len(text_hashes),
        config,
    )
    near_left, near_right = near_duplicate_edges(
        blocks, key_blocks, text_hashes, old_texts, config, exact
    )
    old_rows = index.documents["text_row"].to_numpy()
    old_representative_rows = old_rows[index.documents["representative"].to_numpy()]
    component = _connected_components(
        len(text_hashes),
        np.concatenate((near_left, old_rows)),
        np.concatenate((near_right, old_representative_rows)),
    )

    doc_ids = pl.concat([index.documents["doc_id"], new_documents["doc_id"]])
    text_rows = np.concatenate((old_rows, new_text_rows))
    generations = np.concatenate(
        (
            index.documents["generation"].to_numpy(),
            np.full(new_documents.height, index.next_generation, dtype=np.int32),
        )
    )
    positions = np.arange(len(doc_ids))
    representative = _representatives(component[text_rows], generations, doc_ids)
    # Only documents whose representative changed (or that are new) get a new similarity.
    previous = np.concatenate(
        (index.documents["representative"].to_numpy(), positions[len(index) :])
    )
    similarity = np.concatenate(
        (index.documents["similarity"].to_numpy(), np.ones(new_documents.height))
    )
    stale = np.flatnonzero(representative != previous)
    similarity[stale] = similarity_to_representatives(
        blocks, text_rows[stale], text_rows[representative[stale]], config.num_perm, exact
    )
    clusters = pl.DataFrame(
        {
            "doc_id": doc_ids,
            "cluster_id": doc_ids.gather(representative),
            "is_representative": representative == positions,
            "similarity": similarity,
        },
        schema=CLUSTER_SCHEMA,
    )
    updated = SignatureIndex(
        config,
        pl.DataFrame(
            {
                "doc_id": doc_ids,
                "text_row": text_rows,
                "generation": generations,
                "representative": representative,
                "similarity": similarity,
            },
            schema=INDEX_DOCUMENT_SCHEMA,
        ),
        text_hashes,
        blocks,
        key_blocks,
        next_generation=index.next_generation + (1 if new_documents.height else 0),
    )
    updated._stored = stored  # the old blocks are unchanged: their segments stay valid
    return DedupResult(clusters=clusters, index=updated)


def _validated(documents: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """The doc_id column of `documents`, after checking the columns and the doc_ids."""
    columns = documents.collect_schema().names()
    missing = {"doc_id", "text"} - set(columns)
    if missing:
        raise ValueError(
            f"documents lack column(s) {sorted(missing)}: deduplicate() needs doc_id and text "
            f"(got {columns})"
        )
    frame = documents.select("doc_id")
    if isinstance(frame, pl.LazyFrame):
        frame = frame.collect()
    if frame["doc_id"].null_count():
        raise ValueError("documents have null doc_id values: give every row a doc_id")
    if frame["doc_id"].n_unique() < frame.height:  # 4x cheaper than is_duplicated on 1M ids
        duplicated = frame.filter(pl.col("doc_id").is_duplicated())["doc_id"]
        raise ValueError(
            f"{len(duplicated)} rows share a doc_id (e.g. {duplicated[0]!r}): doc_ids must be "
            "unique per row; derive them from source and position (corpus.documents.make_doc_id)"
        )
    return frame


def _new_documents(passed: pl.DataFrame, index: SignatureIndex) -> pl.DataFrame:
    """The passed documents not in the index, with their position among the passed ones."""
    numbered = passed.with_row_index("position")
    if len(index) == 0:
        return numbered
    return numbered.join(
        index.documents.select("doc_id"), on="doc_id", how="anti", maintain_order="left"
    )


def _connected_components(count: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Component label (its smallest node) of each of `count` nodes, given undirected edges.

    Vectorised union-find: hook every edge's larger root onto its smaller root, then jump
    pointers until every node points at its root; repeat until no edge joins two roots.
    """
    parent = np.arange(count, dtype=np.int64)
    while True:
        while True:
            grandparent = parent[parent]
            if np.array_equal(grandparent, parent):
                break
            parent = grandparent
        left_root, right_root = parent[left], parent[right]
        joins = left_root != right_root
        if not joins.any():
            return parent
        left, right = left[joins], right[joins]
        left_root, right_root = left_root[joins], right_root[joins]
        np.minimum.at(parent, np.maximum(left_root, right_root), np.minimum(left_root, right_root))


def _representatives(
    component: np.ndarray, generations: np.ndarray, doc_ids: pl.Series
) -> np.ndarray:
    """Position of each document's representative: lowest generation, then smallest doc_id."""
    representative = np.arange(len(component), dtype=np.int64)
    shared = np.bincount(component, minlength=int(component.max(initial=-1)) + 1)[component] > 1
    members = np.flatnonzero(shared)
    if len(members) == 0:
        return representative
    ranked = (
        pl.DataFrame(
            {
                "position": members,
                "component": component[members],
                "generation": generations[members],
                "doc_id": doc_ids.gather(members),
            }
        )
        .sort(["component", "generation", "doc_id"])
        .with_columns(pl.col("position").first().over("component").alias("representative"))
    )
    representative[ranked["position"].to_numpy()] = ranked["representative"].to_numpy()
    return representative
