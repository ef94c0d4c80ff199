"""Deduplication benchmark, end to end: a Parquet corpus on disk -> clusters written to Parquet.

Each side runs in its own subprocess (so peak RSS is its own) on the same corpus file:
- neutune: streams the corpus (pl.scan_parquet: read in batches, as the peers do),
  deduplicates (exact Jaccard verification), writes the clusters and saves the signature index
  (the asset does both). Default threads: 2 sketching threads plus polars' pool (2 cores);
  `neutune-1-thread` runs it with SKETCH_THREADS=1 and POLARS_MAX_THREADS=1;
  `neutune-in-memory` reads the whole corpus first, as the Dagster asset receives it.
- rensa / datasketch (bench/dedup_peers.py): read the corpus in batches, Python shingling, their
  own MinHash + LSH, estimate-decided pairs, union-find, clusters written; one Python thread.
Then, for neutune, the incremental run: +10% documents onto the saved index, everything passed
again (as the asset does), timed with index load and save.

    python -m bench.dedup --docs 100000 --corpus realistic     # all sides, full data
    python -m bench.dedup --docs 1000000 --sides neutune,rensa --results bench/RESULTS.md
    python -m bench.dedup --quality --pairs 3000    # recall / precision vs exact 5-gram Jaccard
    python -m bench.dedup --quality --bands 16 --rows 8   # another LSH banding (either mode)

Corpora (bench/dedup_corpora.py): `random` (~100 random Zipf words, few LSH candidates) and
`realistic` (100-300 words with shared boilerplate paragraphs and edited near copies).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from bench.dedup_corpora import CORPORA
from bench.dedup_peers import PEERS, python_shingles
from bench.machine import memory_gib, peak_rss_mib
from corpus.dedup import DedupConfig, SignatureIndex, deduplicate

CONFIG = DedupConfig()  # main() replaces it when --bands/--rows are given
SIDES = ("neutune", "neutune-1-thread", "neutune-in-memory", "rensa", "datasketch")


def _banding_flags() -> str:
    """The command-line flags that reproduce CONFIG's banding ("" for the default)."""
    if (CONFIG.bands, CONFIG.rows) == (DedupConfig().bands, DedupConfig().rows):
        return ""
    return f" --bands {CONFIG.bands} --rows {CONFIG.rows}"


# --------------------------------------------------------------------------------- workers
class _PairCounts(logging.Handler):
    """Keeps corpus.dedup's per-run log line on candidate pairs (candidates, exact checks)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _capture_pair_counts() -> _PairCounts:
    handler = _PairCounts()
    dedup_logger = logging.getLogger("corpus.dedup")
    dedup_logger.setLevel(logging.INFO)
    dedup_logger.addHandler(handler)
    return handler


def _neutune_run(
    data: Path, output: Path, index_directory: Path, index=None, in_memory: bool = False
) -> tuple:
    """Read -> deduplicate -> clusters written -> index saved; (result, seconds, loaded RSS).

    The corpus is streamed (pl.scan_parquet), or with `in_memory` read whole first, as the
    Dagster asset receives it.
    """
    started = time.perf_counter()
    if in_memory:
        documents = pl.read_parquet(data, columns=["doc_id", "text"])
    else:
        documents = pl.scan_parquet(data).select("doc_id", "text")
    loaded_rss = peak_rss_mib()
    result = deduplicate(documents, CONFIG, index)
    del documents
    result.clusters.write_parquet(output)
    result.index.save(index_directory)
    return result, time.perf_counter() - started, loaded_rss


def _neutune_worker(data: Path, extra: Path | None, output: Path, in_memory: bool) -> dict:
    pair_counts = _capture_pair_counts()
    index_directory = output.parent / "index"
    result, seconds, loaded_rss = _neutune_run(data, output, index_directory, None, in_memory)
    figures = {"docs": len(result.clusters), "seconds": seconds, "pairs": pair_counts.lines[-1]}
    figures["clusters"] = result.clusters["cluster_id"].n_unique()
    figures["loaded_rss_mib"] = loaded_rss
    figures["peak_rss_mib"] = peak_rss_mib()
    figures["index_mib"] = sum(f.stat().st_size for f in index_directory.iterdir()) / 2**20
    del result
    if extra is not None:
        everything = output.parent / "everything.parquet"
        pl.concat([pl.read_parquet(data), pl.read_parquet(extra)]).write_parquet(everything)
        started = time.perf_counter()
        index = SignatureIndex.load(index_directory, CONFIG)
        figures["index_load_s"] = time.perf_counter() - started
        incremental, incremental_s, _ = _neutune_run(
            everything, output.parent / "incremental.parquet", index_directory, index, in_memory
        )
        figures["incremental_s"] = incremental_s + figures["index_load_s"]
        figures["incremental_docs"] = len(incremental.clusters) - figures["docs"]
        figures["incremental_pairs"] = pair_counts.lines[-1]
    return figures


def _worker(side: str, data: Path, extra: Path | None, output: Path, batch_rows: int) -> dict:
    if side.startswith("neutune"):
        if side == "neutune-1-thread":
            import corpus.dedup.lsh
            import corpus.dedup.verify

            corpus.dedup.lsh.SKETCH_THREADS = corpus.dedup.verify.SKETCH_THREADS = 1
        figures = _neutune_worker(data, extra, output, side == "neutune-in-memory")
    else:
        started = time.perf_counter()
        figures = {"clusters": PEERS[side](data, output, CONFIG, batch_rows)}
        figures["seconds"] = time.perf_counter() - started
        figures["docs"] = pl.scan_parquet(output).select(pl.len()).collect().item()
        figures["peak_rss_mib"] = peak_rss_mib()
    figures["side"] = side
    return figures


def _run_worker(side: str, data: Path, extra: Path | None, batch_rows: int) -> dict | None:
    output = data.parent / side / "clusters.parquet"
    output.parent.mkdir()
    command = [sys.executable, "-m", "bench.dedup", "--worker", side, "--data", str(data)]
    command += ["--output", str(output), "--batch-rows", str(batch_rows)]
    command += (["--extra", str(extra)] if extra else []) + ["--bands", str(CONFIG.bands)]
    command += ["--rows", str(CONFIG.rows)]
    environment = dict(os.environ)
    if side == "neutune-1-thread":
        environment["POLARS_MAX_THREADS"] = "1"
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, env=environment)
    if done.returncode != 0:
        print(f"{side}: failed ({done.stderr.strip().splitlines()[-1]})")
        return None
    print(done.stdout.strip().splitlines()[-1], flush=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["duplicate_sets"] = _duplicate_sets(output)
    return figures


def _duplicate_sets(clusters: Path) -> set[frozenset[str]]:
    """The clusters with more than one document, as sets of doc_ids."""
    grouped = (
        pl.read_parquet(clusters, columns=["doc_id", "cluster_id"])
        .group_by("cluster_id")
        .agg("doc_id")
        .filter(pl.col("doc_id").list.len() > 1)
    )
    return {frozenset(members) for members in grouped["doc_id"].to_list()}


def _agreement(ours: set[frozenset[str]], theirs: set[frozenset[str]]) -> str:
    """How a peer's duplicate sets compare with neutune's (pairs in the same cluster)."""

    def pairs(sets: set[frozenset[str]]) -> set[tuple[str, str]]:
        return (
            {(a, b) for members in sets for a in members for b in members if a < b}
            if sum(len(m) ** 2 for m in sets) < 5e7
            else set()
        )

    ours_pairs, their_pairs = pairs(ours), pairs(theirs)
    if not ours_pairs and ours:
        return "too many pairs to compare"
    shared = len(ours_pairs & their_pairs)
    return (
        f"{len(their_pairs):,} duplicate pairs, {shared:,} shared with neutune's "
        f"{len(ours_pairs):,}"
    )


def speed(
    docs: int,
    corpus: str,
    sides: list[str],
    batch_rows: int,
    results: Path | None,
    cache: Path | None,
) -> None:
    """Generate (or reuse from `cache`) the corpus, run every side on it, report."""
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_SCRATCH")) as scratch:
        started = time.perf_counter()
        increment = docs // 10
        cached = None if cache is None else cache / f"{corpus}-{docs}+{increment}.parquet"
        if cached is not None and cached.is_file():
            frame = pl.read_parquet(cached)
        else:
            frame = CORPORA[corpus](docs + increment)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                frame.write_parquet(cached)
        data, extra = Path(scratch) / "corpus.parquet", Path(scratch) / "increment.parquet"
        frame.head(docs).write_parquet(data)
        frame.tail(increment).write_parquet(extra)
        words = frame.head(docs)["text"].str.count_matches(r"\S+").mean()
        megabytes = data.stat().st_size / 2**20
        print(
            f"generated {docs:,} + {increment:,} {corpus} documents ({words:.0f} words on "
            f"average, {megabytes:,.0f} MiB Parquet) in {time.perf_counter() - started:.1f}s"
        )
        del frame
        figures = {}
        for side in sides:
            incremental = side in ("neutune", "neutune-in-memory")
            figures[side] = _run_worker(side, data, extra if incremental else None, batch_rows)
    load_after = os.getloadavg()
    _report(docs, corpus, words, figures, batch_rows, load_before, load_after, results)


def _report(docs, corpus, words, figures, batch_rows, load_before, load_after, results) -> None:
    ours = figures.get("neutune")
    rensa = figures.get("rensa")
    rows = []
    for side, side_figures in figures.items():
        if side_figures is None:
            continue
        rate = side_figures["docs"] / side_figures["seconds"]
        versus = f"{rate / (rensa['docs'] / rensa['seconds']):.2f}x" if rensa else "-"
        memory = f"{side_figures['peak_rss_mib'] / rensa['peak_rss_mib']:.2f}x" if rensa else "-"
        agreement = (
            _agreement(ours["duplicate_sets"], side_figures["duplicate_sets"])
            if ours and side != "neutune"
            else f"{len(side_figures['duplicate_sets']):,} duplicate sets"
        )
        rows.append(
            f"| {side} | {side_figures['docs']:,} | {side_figures['seconds']:.1f} | "
            f"{rate:,.0f} | {versus} | {side_figures['peak_rss_mib']:,.0f} | {memory} | "
            f"{side_figures['clusters']:,} | {agreement} |"
        )
    table = [
        "| side | docs | seconds | docs/s | speed vs rensa | peak RSS MiB | RSS vs rensa | "
        "clusters | duplicate sets / agreement |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
        *rows,
    ]
    notes = []
    if ours:
        with_io = ours["incremental_s"]
        notes += [
            f"neutune: corpus loaded at {ours['loaded_rss_mib']:,.0f} MiB RSS; index "
            f"{ours['index_mib']:,.0f} MiB on disk. Full run: {ours['pairs']}.",
            f"Incremental: +{ours['incremental_docs']:,} documents onto the saved index, all "
            f"texts passed again (as the asset does), read + index load + dedup + clusters "
            f"written + index saved: {with_io:.2f}s = {100 * with_io / ours['seconds']:.1f}% of "
            f"the full run (same steps). {ours['incremental_pairs']}.",
        ]
    print("\n".join(table + notes))
    if results is not None:
        header = (
            f"\n## dedup end to end, {corpus} corpus, {docs:,} documents — "
            f"{dt.date.today().isoformat()}\n\n"
            f"Machine: {os.cpu_count()} cores, {memory_gib():.0f} GiB, CPython "
            f"{platform.python_version()}. Command: `flock /tmp/neutune-bench.lock python -m "
            f"bench.dedup --docs {docs} --corpus {corpus} --sides {','.join(figures)}"
            f"{_banding_flags()}`. Corpus: {words:.0f} words per document on average; "
            f"{CONFIG!r}; peers read {batch_rows:,} rows per batch. Load average (1/5/15 min) "
            f"{'/'.join(f'{v:.1f}' for v in load_before)} before, "
            f"{'/'.join(f'{v:.1f}' for v in load_after)} after (other jobs shared the cores).\n\n"
        )
        with results.open("a", encoding="utf-8") as handle:
            handle.write(header + "\n".join(table) + "\n\n" + "\n".join(notes) + "\n")


# --------------------------------------------------------------------------------- quality
def quality_pairs(pairs: int, seed: int = 0) -> tuple[pl.DataFrame, list[tuple[int, int, float]]]:
    """Documents of 40-400 distinct-ish words and edited copies whose 5-gram Jaccard is spread
    over [0.4, 1]; returns the documents and (left, right, true Jaccard) for every pair."""
    rng = np.random.default_rng(seed)
    texts, truth = [], []
    for pair in range(pairs):
        length = int(rng.integers(40, 401))
        words = [f"w{value}" for value in rng.integers(0, 10**9, length)]
        target = rng.uniform(0.4, 1.0)
        edits = max(1, round(length * (1 - target) / (CONFIG.shingle_size * (1 + target))))
        edited = list(words)
        for position in rng.choice(length, min(edits, length), replace=False):
            edited[position] = f"x{rng.integers(0, 10**9)}"
        left, right = python_shingles(" ".join(words), 5), python_shingles(" ".join(edited), 5)
        truth.append((2 * pair, 2 * pair + 1, len(left & right) / len(left | right)))
        texts += [" ".join(words), " ".join(edited)]
    documents = pl.DataFrame(
        {"doc_id": [f"{i:032x}" for i in range(len(texts))], "shard": "quality", "text": texts}
    )
    return documents, truth


def quality(pairs: int, results: Path | None) -> None:
    documents, truth = quality_pairs(pairs)
    pair_counts = _capture_pair_counts()
    clusters = deduplicate(documents, CONFIG).clusters["cluster_id"].to_list()
    detected = np.array([clusters[left] == clusters[right] for left, right, _ in truth])
    jaccard = np.array([similarity for _, _, similarity in truth])
    threshold = CONFIG.threshold
    lines = [
        f"{pairs} pairs of 40-400-word documents and edited copies, exact 5-gram Jaccard spread "
        f"over [0.4, 1]; {CONFIG!r}. Command: `python -m bench.dedup --quality --pairs {pairs}"
        f"{_banding_flags()}`.",
        "",
        "| true Jaccard | pairs | detected (same cluster) |",
        "|---|---:|---:|",
    ]
    for low in np.arange(0.4, 1.0, 0.05):
        in_bin = (jaccard >= low) & (jaccard < low + 0.05 + (low > 0.94))
        if in_bin.any():
            lines.append(
                f"| [{low:.2f}, {low + 0.05:.2f}) | {in_bin.sum()} | "
                f"{detected[in_bin].mean():.3f} |"
            )
    lines.append("")
    for margin in (0.0, 0.05):
        recall = detected[jaccard >= threshold + margin].mean()
        precision = (jaccard[detected] >= threshold - margin).mean()
        lines.append(
            f"- recall (pairs with J >= {threshold + margin:.2f}) = {recall:.3f}; precision "
            f"(detected pairs with J >= {threshold - margin:.2f}) = {precision:.3f}"
        )
    unrelated = len(clusters) - int(detected.sum()) - len(set(clusters))
    lines.append(f"- merges between unrelated documents: {unrelated}")
    lines.append(f"- {pair_counts.lines[-1]}")
    print("\n".join(lines))
    if results is not None:
        header = (
            f"\n## dedup quality (MinHash LSH, exact verification) — "
            f"{dt.date.today().isoformat()}\n\n"
        )
        with results.open("a", encoding="utf-8") as handle:
            handle.write(header + "\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the full run")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="realistic")
    parser.add_argument("--sides", default=",".join(SIDES), help="comma-separated sides to run")
    parser.add_argument("--batch-rows", type=int, default=10_000, help="peers' read batch")
    parser.add_argument("--cache", type=Path, help="keep generated corpora here for reuse")
    parser.add_argument("--quality", action="store_true", help="measure recall and precision")
    parser.add_argument("--pairs", type=int, default=3_000, help="pairs for --quality")
    parser.add_argument("--results", type=Path, help="append the figures to this Markdown file")
    parser.add_argument("--bands", type=int, help="LSH bands (default: DedupConfig's)")
    parser.add_argument("--rows", type=int, help="signature values per band (bands x rows = 128)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--extra", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.bands or arguments.rows:
        global CONFIG
        CONFIG = DedupConfig(
            bands=arguments.bands or CONFIG.bands, rows=arguments.rows or CONFIG.rows
        )
    if arguments.worker:
        figures = _worker(
            arguments.worker,
            arguments.data,
            arguments.extra,
            arguments.output,
            arguments.batch_rows,
        )
        print(json.dumps(figures))
    elif arguments.quality:
        quality(arguments.pairs, arguments.results)
    else:
        sides = arguments.sides.split(",")
        unknown = set(sides) - set(SIDES)
        if unknown:
            parser.error(f"unknown side(s) {sorted(unknown)}: choose from {', '.join(SIDES)}")
        speed(
            arguments.docs,
            arguments.corpus,
            sides,
            arguments.batch_rows,
            arguments.results,
            arguments.cache,
        )


if __name__ == "__main__":
    main()
