"""Benchmark: this checkout's rewrite engine against another checkout's (e.g. main), same process.

    python3 tasks.py bench rewrite_against --baseline-tree /work/main --size-mb 50

Both `Rewriter`s (default config: catalogue + pronouns) are imported side by side (the baseline's
`corpus` package is imported first, dropped from `sys.modules`, then this checkout's), and run
alternately on ten interleaved slices of the same `bench/rewrite.py` text, timed in CPU seconds of
this process, so that load from other jobs falls on both alike. Prints both rates, their ratio,
and how many of the first 3,000 documents the two engines rewrite differently.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SLICES = 10
COMPARED = 3000


def _import_from(tree: Path) -> tuple[ModuleType, ModuleType]:
    """`corpus.rewrite` and `bench.rewrite` as found in `tree`."""
    for name in [m for m in sys.modules if m.split(".")[0] in ("corpus", "bench")]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        return importlib.import_module("corpus.rewrite"), importlib.import_module("bench.rewrite")
    finally:
        sys.path.remove(str(tree))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline-tree", type=Path, required=True, help="e.g. /work/main")
    parser.add_argument("--size-mb", type=float, default=20.0, help="text (default 20)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    baseline_rewrite, _ = _import_from(args.baseline_tree.resolve())
    baseline = baseline_rewrite.Rewriter(baseline_rewrite.load_catalogue())
    this_rewrite, bench_rewrite = _import_from(ROOT)
    catalogue = this_rewrite.load_catalogue()
    engines = {"baseline": baseline, "this checkout": this_rewrite.Rewriter(catalogue)}
    documents = bench_rewrite.generate_documents(args.size_mb, args.seed, catalogue, 200, 60)
    size_mb = sum(len(text.encode()) for text in documents) / 1_000_000
    load_before = os.getloadavg()[0]
    cpu = dict.fromkeys(engines, 0.0)
    for index in range(SLICES):
        order = list(engines) if index % 2 == 0 else list(reversed(engines))
        for label in order:
            started = time.process_time()
            for text in documents[index::SLICES]:
                engines[label].rewrite(text)
            cpu[label] += time.process_time() - started
    differing = sum(
        baseline.rewrite(text).text != engines["this checkout"].rewrite(text).text
        for text in documents[:COMPARED]
    )
    for label, seconds in cpu.items():
        rate = size_mb / seconds
        print(f"{label}: {rate:.2f} MB per CPU-second ({seconds:.1f} s, {size_mb:.1f} MB)")
    print(f"this checkout / baseline: {cpu['baseline'] / cpu['this checkout']:.3f}")
    print(f"documents rewritten differently (first {COMPARED:,}): {differing}")
    print(f"1-minute load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
