"""Near-duplicate recall and precision against the demo corpus's planted duplicates.

    python -m bench.demo_dedup_quality [--documents 3000] [--seed 13]

The demo generator plants exact copies, near copies (word-5-gram Jaccard >= 0.8) and
gender-variant copies (identical once rewritten) and records them as ground truth. The corpus is
ingested, cleaned, rewritten and deduplicated as the pipeline does; a planted pair is found when
both documents land in one cluster. Precision counts, over every pair of documents sharing a
cluster, those that belong to the same planted group (an original and its copies).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import polars as pl

from corpus.clean import clean_documents
from corpus.dedup import deduplicate
from corpus.demo import DemoCorpusConfig, write_demo_corpus
from corpus.ingest import discover_shards, ingest_shard
from corpus.rewrite import Rewriter, load_catalogue, rewrite_documents


def measure(documents: int, seed: int) -> dict[str, float]:
    landing = Path(tempfile.mkdtemp(prefix="neutune-demo-"))
    manifest = write_demo_corpus(landing, DemoCorpusConfig(n_documents=documents, seed=seed))
    raw = pl.concat([ingest_shard(path, key)[0] for key, path in discover_shards(landing).items()])
    clean = clean_documents(raw).kept
    neutral, _ = rewrite_documents(clean, Rewriter(load_catalogue()))
    cluster = dict(deduplicate(neutral).clusters.select("doc_id", "cluster_id").iter_rows())
    position = {
        (Path(path).name, line): doc_id
        for path, line, doc_id in raw.select("source_path", "source_line", "doc_id").iter_rows()
    }

    group_of: dict[str, int] = {}
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for number, planted in enumerate(manifest.planted_duplicates):
        copy = position.get((planted.file, planted.source_line))
        original = position.get((planted.original_file, planted.original_source_line))
        if copy not in cluster or original not in cluster:
            continue  # a side was dropped by cleaning: nothing to find
        group = group_of.setdefault(original, number)
        group_of[copy] = group
        by_kind[planted.kind].append(cluster[copy] == cluster[original])

    members: dict[str, list[str]] = defaultdict(list)
    for doc_id, cluster_id in cluster.items():
        members[cluster_id].append(doc_id)
    clustered_pairs = [pair for docs in members.values() for pair in combinations(docs, 2)]
    true_pairs = sum(
        a in group_of and group_of.get(a) == group_of.get(b) for a, b in clustered_pairs
    )
    found = [hit for hits in by_kind.values() for hit in hits]
    return {
        "planted pairs": len(found),
        **{f"recall {kind}": sum(hits) / len(hits) for kind, hits in sorted(by_kind.items())},
        "recall": sum(found) / len(found),
        "clustered pairs": len(clustered_pairs),
        "precision": true_pairs / len(clustered_pairs) if clustered_pairs else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000, help="demo documents to generate")
    parser.add_argument("--seed", type=int, default=13, help="demo corpus seed")
    args = parser.parse_args()
    for name, value in measure(args.documents, args.seed).items():
        print(f"{name:>18}: {value:.3f}" if isinstance(value, float) else f"{name:>18}: {value}")


if __name__ == "__main__":
    main()
