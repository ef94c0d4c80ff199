"""Benchmark: rewrite-engine throughput with the `paper` catalogue against `core` (same run).

    python -m bench.catalogue_profiles                  # 10 MB, 5 rounds
    python -m bench.catalogue_profiles --size-mb 50 --rounds 3

The baseline is the engine with the `core` profile (537 terms) on the same generated text; the
`paper` profile has 745. The text comes from `bench.rewrite.generate_documents` with the paper
catalogue, so terms of both profiles are planted (one per ~200 words) with a pronoun per ~60 words.
The two catalogues alternate within each round, with and without pronouns, so that load from other
jobs falls on both; the figures are the median and the best MB/s over the rounds. MB = 10**6 bytes
of UTF-8, one process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from bench.rewrite import generate_documents
from corpus.rewrite import RewriteConfig, Rewriter, load_profile

PROFILES = ("core", "paper")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="text to rewrite (default 10)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    catalogues = {name: load_profile(name) for name in PROFILES}
    documents = generate_documents(args.size_mb, args.seed, catalogues["paper"], 200, 60)
    size_mb = sum(len(text.encode()) for text in documents) / 1_000_000
    load_before = os.getloadavg()[0]
    rates: dict[tuple[str, bool], list[float]] = {}
    for _ in range(args.rounds):
        for pronouns in (False, True):
            for name in PROFILES:
                rewriter = Rewriter(catalogues[name], RewriteConfig(pronouns=pronouns))
                started = time.perf_counter()
                for text in documents:
                    rewriter.rewrite(text)
                rate = size_mb / (time.perf_counter() - started)
                rates.setdefault((name, pronouns), []).append(rate)
    print(f"{size_mb:.1f} MB, {len(documents):,} documents, {args.rounds} rounds")
    print("| rewriting | profile | terms | median MB/s | best MB/s | median vs core |")
    print("|---|---|---:|---:|---:|---:|")
    for pronouns in (False, True):
        core_median = statistics.median(rates[("core", pronouns)])
        for name in PROFILES:
            values = rates[(name, pronouns)]
            median = statistics.median(values)
            print(
                f"| {'catalogue + pronouns' if pronouns else 'catalogue only'} | {name} "
                f"| {len(catalogues[name].entries)} | {median:.2f} | {max(values):.2f} "
                f"| {median / core_median:.2f}x |"
            )
    print(f"1-minute load average: {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
