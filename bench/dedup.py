"""Deduplication benchmark: speed and memory against datasketch (and rensa when installed),
incremental cost, and near-duplicate detection quality on pairs of known Jaccard similarity.

The neutune side verifies candidate pairs with the exact Jaccard similarity; the baselines decide
them by the MinHash estimate, as those libraries do, with the same bands x rows.

    python -m bench.dedup --docs 100000             # speed + memory (each side in a subprocess)
    python -m bench.dedup --docs 1000000 --results bench/RESULTS.md
    python -m bench.dedup --quality --pairs 3000    # recall / precision vs exact 5-gram Jaccard
    python -m bench.dedup --quality --bands 16 --rows 8   # another LSH banding (either mode)

The baselines shingle in Python, one document at a time (the usual way), so they are timed on a
subsample (`--baseline-docs`) and extrapolated linearly to `--docs`; the printout says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa

from bench.machine import memory_gib, peak_rss_mib
from corpus.dedup import DedupConfig, SignatureIndex, deduplicate

CONFIG = DedupConfig()  # main() replaces it when --bands/--rows are given
_LETTERS = np.frombuffer(b"abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)


def _banding_flags() -> str:
    """The command-line flags that reproduce CONFIG's banding ("" for the default)."""
    if (CONFIG.bands, CONFIG.rows) == (DedupConfig().bands, DedupConfig().rows):
        return ""
    return f" --bands {CONFIG.bands} --rows {CONFIG.rows}"


@functools.cache
def _punctuation() -> dict[int, None]:
    """str.translate table deleting every Unicode punctuation character (category P*)."""
    return {
        code: None
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)).startswith("P")
    }


# ---------------------------------------------------------------------------- synthetic data
def _vocabulary(rng: np.random.Generator, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Surface forms of `size` random words, 4 each (word, Word, word, and word.): bytes+offsets."""
    lengths = rng.integers(2, 11, size)
    letters = _LETTERS[rng.integers(0, 26, int(lengths.sum()))]
    words = [bytes(w) for w in np.split(letters, np.cumsum(lengths)[:-1])]
    forms = []
    for word in dict.fromkeys(words):  # distinct words only
        forms += [word, word[:1].upper() + word[1:], word + b",", word + b"."]
    form_lengths = np.array([len(f) for f in forms], dtype=np.int64)
    return np.frombuffer(b"".join(forms), dtype=np.uint8), form_lengths


def synthetic_corpus(
    docs: int,
    seed: int = 0,
    mean_words: int = 100,
    near_fraction: float = 0.05,
    exact_fraction: float = 0.01,
    vocabulary: int = 50_000,
) -> pl.DataFrame:
    """`docs` documents (doc_id, shard, text) of ~mean_words Zipf-distributed words.

    A `near_fraction` of documents copy an earlier document with one word substituted (5-gram
    Jaccard ~0.9), an `exact_fraction` copy one exactly; copies re-draw case and trailing
    punctuation, so they only match after normalisation.
    """
    rng = np.random.default_rng(seed)
    form_bytes, form_lengths = _vocabulary(rng, vocabulary)
    base_words = len(form_lengths) // 4
    form_starts = np.concatenate(([0], np.cumsum(form_lengths)[:-1]))
    weights = 1.0 / (np.arange(base_words) + 10.0)
    lengths = rng.integers(mean_words - 20, mean_words + 21, docs)

    copies = rng.random(docs)
    is_near = copies < near_fraction
    is_exact = (copies >= near_fraction) & (copies < near_fraction + exact_fraction)
    source = np.arange(docs)
    copied = np.flatnonzero(is_near | is_exact)
    originals = np.flatnonzero(~(is_near | is_exact))
    earlier = np.searchsorted(originals, copied)  # originals before each copy
    copied, earlier = copied[earlier > 0], earlier[earlier > 0]
    source[copied] = originals[(rng.random(len(copied)) * earlier).astype(np.int64)]
    lengths[copied] = lengths[source[copied]]

    offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    words = rng.choice(base_words, int(offsets[-1]), p=weights / weights.sum()).astype(np.int32)
    document_of_word = np.repeat(np.arange(docs, dtype=np.int32), lengths)
    gather = np.arange(len(words), dtype=np.int64) - offsets[document_of_word]
    gather += offsets[source[document_of_word]]
    del document_of_word
    words = words[gather]
    del gather
    near = np.flatnonzero(is_near & (source != np.arange(docs)))
    substituted = offsets[near] + (rng.random(len(near)) * lengths[near]).astype(np.int64)
    words[substituted] = rng.integers(0, base_words, len(near))
    forms = words * 4 + rng.choice(4, len(words), p=[0.85, 0.05, 0.05, 0.05]).astype(np.int32)
    del words

    texts = []
    for start in range(0, docs, 50_000):
        stop = min(start + 50_000, docs)
        chunk_forms = forms[offsets[start] : offsets[stop]]
        token_bytes = form_lengths[chunk_forms] + 1  # a space after every word
        token_ends = np.cumsum(token_bytes)
        gather = np.repeat(form_starts[chunk_forms] - (token_ends - token_bytes), token_bytes)
        gather += np.arange(int(token_ends[-1]))
        data = form_bytes[np.minimum(gather, len(form_bytes) - 1)]
        data[token_ends - 1] = ord(" ")
        text_offsets = np.concatenate(
            ([0], token_ends[offsets[start + 1 : stop + 1] - 1 - offsets[start]])
        )
        array = pa.LargeStringArray.from_buffers(
            stop - start, pa.py_buffer(text_offsets.astype(np.int64)), pa.py_buffer(data)
        )
        texts.append(pl.Series("text", array).str.strip_chars_end(" "))
    doc_ids = rng.integers(0, 2**63, (docs, 2), dtype=np.int64)
    return pl.DataFrame(
        {
            "doc_id": [f"{high:016x}{low:016x}" for high, low in doc_ids.tolist()],
            "shard": f"synthetic-{seed}",
            "text": pl.concat(texts),
        }
    )


# ------------------------------------------------------------------------------- baselines
def python_shingles(text: str, size: int) -> set[str]:
    """The usual Python shingling: casefold, drop punctuation, split, join word windows."""
    words = text.casefold().translate(_punctuation()).split()
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _python_components(count: int, edges: list[tuple[int, int]]) -> list[int]:
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


def _datasketch(texts: list[str]) -> int:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=CONFIG.num_perm, params=(CONFIG.bands, CONFIG.rows))
    sketches, edges, first_of_text = [], [], {}
    for position, text in enumerate(texts):
        shingles = python_shingles(text, CONFIG.shingle_size)
        normalised = " ".join(text.casefold().translate(_punctuation()).split())
        if normalised in first_of_text:
            edges.append((first_of_text[normalised], position))
        first_of_text.setdefault(normalised, position)
        sketch = MinHash(num_perm=CONFIG.num_perm, seed=CONFIG.seed)
        sketch.update_batch([s.encode() for s in shingles])
        sketches.append(sketch)
        if shingles:
            for other in lsh.query(sketch):
                if sketch.jaccard(sketches[other]) >= CONFIG.threshold:
                    edges.append((other, position))
            lsh.insert(position, sketch)
    return len(set(_python_components(len(texts), edges)))


def _rensa(texts: list[str]) -> int:
    from rensa import RMinHash, RMinHashLSH

    shingle_sets = [sorted(python_shingles(text, CONFIG.shingle_size)) for text in texts]
    sketches = RMinHash.from_token_sets(shingle_sets, CONFIG.num_perm, CONFIG.seed)
    lsh = RMinHashLSH(CONFIG.threshold, CONFIG.num_perm, CONFIG.bands)
    lsh.insert_many(sketches)
    edges = [
        (position, other)
        for position, candidates in enumerate(lsh.query_all(sketches))
        for other in candidates
        if other > position and sketches[position].jaccard(sketches[other]) >= CONFIG.threshold
    ]
    return len(set(_python_components(len(texts), edges)))


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


def _worker(side: str, data: Path, extra: Path | None, sample: int) -> dict:
    documents = pl.read_parquet(data)
    loaded_rss = peak_rss_mib()
    if side == "neutune":
        pair_counts = _capture_pair_counts()
        started = time.perf_counter()
        result = deduplicate(documents, CONFIG)
        full_s = time.perf_counter() - started
        figures = {"docs": documents.height, "seconds": full_s, "pairs": pair_counts.lines[-1]}
        figures["clusters"] = result.clusters["cluster_id"].n_unique()
        if extra is not None:
            shard = pl.read_parquet(extra)
            everything = pl.concat([documents, shard])  # what the dagster asset passes
            with tempfile.TemporaryDirectory(dir=data.parent) as scratch:
                directory = Path(scratch) / "index"
                started = time.perf_counter()
                result.index.save(directory)
                figures["index_save_s"] = time.perf_counter() - started
                figures["index_mib"] = sum(f.stat().st_size for f in directory.iterdir()) / 2**20
                del result
                started = time.perf_counter()
                index = SignatureIndex.load(directory, CONFIG)
                figures["index_load_s"] = time.perf_counter() - started
                started = time.perf_counter()
                shard_only = deduplicate(shard, CONFIG, index)
                figures["shard_only_s"] = time.perf_counter() - started
                figures["shard_only_pairs"] = pair_counts.lines[-1]
                del shard_only
                started = time.perf_counter()
                incremental = deduplicate(everything, CONFIG, index)
                figures["incremental_s"] = time.perf_counter() - started
                figures["incremental_pairs"] = pair_counts.lines[-1]
                started = time.perf_counter()
                incremental.index.save(directory)  # appends a segment, links the old one
                figures["index_append_s"] = time.perf_counter() - started
            figures["incremental_docs"] = shard.height
            figures["clusters_after_increment"] = incremental.clusters["cluster_id"].n_unique()
    else:
        texts = documents["text"].head(sample).to_list()
        started = time.perf_counter()
        clusters = _datasketch(texts) if side == "datasketch" else _rensa(texts)
        figures = {"docs": len(texts), "seconds": time.perf_counter() - started}
        figures["clusters"] = clusters
    figures.update(side=side, loaded_rss_mib=loaded_rss, peak_rss_mib=peak_rss_mib())
    return figures


def _run_worker(side: str, data: Path, extra: Path | None, sample: int) -> dict | None:
    command = [sys.executable, "-m", "bench.dedup", "--worker", side, "--data", str(data)]
    command += ["--baseline-docs", str(sample)] + (["--extra", str(extra)] if extra else [])
    command += ["--bands", str(CONFIG.bands), "--rows", str(CONFIG.rows)]
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, env=os.environ)
    if done.returncode != 0:
        print(f"{side}: skipped ({done.stderr.strip().splitlines()[-1]})")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def speed(docs: int, baseline_docs: int, results: Path | None) -> None:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        increment = docs // 10
        corpus = synthetic_corpus(docs + increment)
        data, extra = Path(scratch) / "corpus.parquet", Path(scratch) / "increment.parquet"
        corpus.head(docs).write_parquet(data)
        corpus.tail(increment).write_parquet(extra)
        print(
            f"generated {docs:,} + {increment:,} documents in {time.perf_counter() - started:.1f}s"
        )
        del corpus
        ours = _run_worker("neutune", data, extra, baseline_docs)
        baselines = [
            _run_worker(side, data, None, baseline_docs) for side in ("datasketch", "rensa")
        ]
    assert ours is not None
    rate = ours["docs"] / ours["seconds"]
    rows = [
        f"| neutune (this repo) | {ours['docs']:,} | {ours['seconds']:.1f} | {rate:,.0f} | "
        f"{ours['seconds']:.1f} | {ours['peak_rss_mib']:,.0f} | 1.0x |"
    ]
    for baseline in filter(None, baselines):
        baseline_rate = baseline["docs"] / baseline["seconds"]
        rows.append(
            f"| {baseline['side']} (Python shingling, subsample) | {baseline['docs']:,} | "
            f"{baseline['seconds']:.1f} | {baseline_rate:,.0f} | {docs / baseline_rate:,.0f} "
            f"(est.) | {baseline['peak_rss_mib']:,.0f} | {rate / baseline_rate:.1f}x |"
        )
    with_io = ours["incremental_s"] + ours["index_load_s"] + ours["index_append_s"]
    share = 100 * ours["incremental_s"] / ours["seconds"]
    shard_share = 100 * ours["shard_only_s"] / ours["seconds"]
    notes = [
        f"neutune peak RSS includes the loaded corpus ({ours['loaded_rss_mib']:,.0f} MiB); "
        f"{ours['clusters']:,} clusters; index {ours['index_mib']:,.0f} MiB on disk, first "
        f"save {ours['index_save_s']:.2f}s. Full run: {ours['pairs']}.",
        f"Incremental: +{ours['incremental_docs']:,} documents onto the {ours['docs']:,}-document "
        f"index, all {ours['docs'] + ours['incremental_docs']:,} texts passed (as the dagster "
        f"asset does), in {ours['incremental_s']:.2f}s = {share:.1f}% of the full run; with "
        f"index load ({ours['index_load_s']:.2f}s) and append-save "
        f"({ours['index_append_s']:.2f}s) {with_io:.2f}s = {100 * with_io / ours['seconds']:.1f}%."
        f" {ours['incremental_pairs']}.",
        f"Passing only the new shard: {ours['shard_only_s']:.2f}s = {shard_share:.1f}%; "
        f"{ours['shard_only_pairs']}.",
        "Baselines are timed on the first documents and extrapolated linearly (their LSH "
        "queries grow with the index, so the estimate flatters them).",
    ]
    table = [
        "| side | docs timed | seconds | docs/s | seconds for "
        f"{docs:,} | peak RSS MiB | neutune speed-up |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
    ]
    print("\n".join(table + notes))
    if results is not None:
        memory = memory_gib()
        header = (
            f"\n## dedup (MinHash LSH, exact verification) — {dt.date.today().isoformat()}\n\n"
            f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, CPython "
            f"{platform.python_version()}. Command: `python -m bench.dedup --docs {docs} "
            f"--baseline-docs {baseline_docs}{_banding_flags()}`. Data: synthetic ~100-word "
            f"documents, 5% near and 1% exact copies; {CONFIG!r}. 1-minute load average "
            f"{load_before:.1f} before, "
            f"{os.getloadavg()[0]:.1f} after (other jobs shared the cores).\n\n"
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
    parser.add_argument("--baseline-docs", type=int, default=20_000, help="baseline subsample")
    parser.add_argument("--quality", action="store_true", help="measure recall and precision")
    parser.add_argument("--pairs", type=int, default=3_000, help="pairs for --quality")
    parser.add_argument("--results", type=Path, help="append the figures to this Markdown file")
    parser.add_argument("--bands", type=int, help="LSH bands (default: DedupConfig's)")
    parser.add_argument("--rows", type=int, help="signature values per band (bands x rows = 128)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--extra", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.bands or arguments.rows:
        global CONFIG
        CONFIG = DedupConfig(
            bands=arguments.bands or CONFIG.bands, rows=arguments.rows or CONFIG.rows
        )
    if arguments.worker:
        figures = _worker(
            arguments.worker, arguments.data, arguments.extra, arguments.baseline_docs
        )
        print(json.dumps(figures))
    elif arguments.quality:
        quality(arguments.pairs, arguments.results)
    else:
        speed(arguments.docs, arguments.baseline_docs, arguments.results)


if __name__ == "__main__":
    main()
