"""Decontamination benchmark: its cost against the leakage check it replaces, and what it moves.

A synthetic corpus (uniformly drawn words, 100 per document, so chance 13-gram matches are nil)
with every document its own cluster, split 90/5/5 by `assign_splits`; a share of all documents
open with one of a few shared boilerplate headers, and a share of the held-out documents carry a
30-word span copied from a train document (planted contamination). Measured in one process:

- baseline: the n-gram leakage check as it ran before decontamination (train n-gram hashes, then
  `ngram_overlap_with` over the held-out documents, no boilerplate handling), one arm;
- decontaminate: `decontaminate` with the default config (drop), both arms (the second arm is the
  same text, as a worst case for the work done).

It prints seconds, the ratio, and how many planted / unplanted held-out documents were dropped.

    python -m bench.decontam --docs 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time

import numpy as np
import polars as pl

from bench.machine import memory_gib
from corpus.splits import (
    LeakageConfig,
    assign_splits,
    decontaminate,
    ngram_overlap_with,
    train_ngram_hashes,
)

VOCABULARY = 50_000
WORDS_PER_DOCUMENT = 100
HEADERS = 4  # distinct boilerplate headers
HEADER_SHARE = 0.2  # of all documents open with one
CONTAMINATED_SHARE = 0.1  # of held-out documents carry a copied train span
COPIED_WORDS = 30


def synthetic_corpus(documents: int, seed: int = 0) -> tuple[pl.DataFrame, pl.DataFrame, set]:
    """(splits, documents, planted held-out doc_ids)."""
    rng = np.random.default_rng(seed)
    vocabulary = np.array([f"w{n}" for n in range(VOCABULARY)])
    ranks = rng.integers(0, VOCABULARY, size=(documents, WORDS_PER_DOCUMENT))
    words = vocabulary[ranks]
    headers = [" ".join(vocabulary[rng.integers(0, VOCABULARY, 25)]) for _ in range(HEADERS)]
    doc_ids = [f"d{n:08d}" for n in range(documents)]
    clusters = pl.DataFrame({"doc_id": doc_ids, "cluster_id": doc_ids})
    splits = assign_splits(clusters).with_columns(is_representative=pl.lit(True))
    is_train = (splits["split"] == "train").to_numpy()
    train_rows = np.flatnonzero(is_train)
    texts = [" ".join(row) for row in words.tolist()]
    for n in np.flatnonzero(rng.random(documents) < HEADER_SHARE):
        texts[n] = f"{headers[n % HEADERS]} {texts[n]}"
    planted = set()
    for n in np.flatnonzero(~is_train):
        if rng.random() < CONTAMINATED_SHARE:
            source = words[rng.choice(train_rows)]
            start = int(rng.integers(0, WORDS_PER_DOCUMENT - COPIED_WORDS))
            texts[n] = f"{texts[n]} {' '.join(source[start : start + COPIED_WORDS])}"
            planted.add(doc_ids[n])
    frame = pl.DataFrame({"doc_id": doc_ids, "shard": "bench", "text": texts})
    return splits, frame, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    splits, documents, planted = synthetic_corpus(args.docs)
    config = LeakageConfig()

    started = time.perf_counter()
    train_ids = splits.filter(pl.col("split") == "train").select("doc_id")
    train = train_ngram_hashes(documents.join(train_ids, on="doc_id", how="semi")["text"])
    held_out = documents.join(splits.filter(pl.col("split") != "train"), on="doc_id")
    report = ngram_overlap_with(train, held_out.select("doc_id", "split", "text"), config)
    baseline_s = time.perf_counter() - started

    started = time.perf_counter()
    table = decontaminate(splits, {"neutral": documents, "original": documents}, config)
    decontaminate_s = time.perf_counter() - started

    dropped = set(table["doc_id"])
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"date {dt.date.today()}  machine {platform.machine()} {os.cpu_count()} cores")
    print(f"{memory_gib():.0f} GiB  load average {load}")
    print(f"documents {args.docs}, held out {held_out.height}, planted {len(planted)}")
    print(f"baseline check (no boilerplate)  {baseline_s:7.2f} s  flags {report.offending}")
    print(f"decontaminate (2 arms, drop)     {decontaminate_s:7.2f} s  drops {len(dropped)}")
    print(f"ratio decontaminate / baseline   {decontaminate_s / baseline_s:7.2f}")
    print(
        f"planted dropped {len(planted & dropped)}/{len(planted)}, unplanted dropped "
        f"{len(dropped - planted)}/{held_out.height - len(planted)}"
    )


if __name__ == "__main__":
    main()
