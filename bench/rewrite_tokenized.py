"""Benchmark: rewriting tokenized text (PTB, WikiText) against the plain engine on the same text.

    python3 tasks.py bench rewrite_tokenized              # 20 MB
    python3 tasks.py bench rewrite_tokenized --size-mb 50

The text is `bench.rewrite`'s generated prose; the tokenized variants split its clitics off
("he 's", "does n't") and space its punctuation, and WikiText also writes its hyphens " @-@ ".
Baseline: the plain engine on the plain text, timed in the same process, interleaved with the
tokenized runs in ten slices so that load from other jobs falls on every side alike. Times are
CPU seconds of this process (`time.process_time`), MB = 10**6 bytes of the text each side reads.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.rewrite import generate_documents  # noqa: E402
from corpus.rewrite import Rewriter, load_catalogue  # noqa: E402
from corpus.rewrite.tokenization import TokenizedRewriter, detect_tokenization  # noqa: E402

_CLITIC = re.compile(r"(\w)(n't|'s|'re|'ve|'ll|'d|'m)\b")
_PUNCTUATION = re.compile(r"(\w)([.,;:!?])")
_HYPHEN = re.compile(r"(\w)-(\w)")
SLICES = 10


def tokenize(text: str, wikitext: bool) -> str:
    """PTB-style tokenization of plain prose; with `wikitext`, hyphens become " @-@ " too."""
    text = _PUNCTUATION.sub(r"\1 \2", _CLITIC.sub(r"\1 \2", text))
    return _HYPHEN.sub(r"\1 @-@ \2", text) if wikitext else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=float, default=20.0, help="plain text (default 20)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    catalogue = load_catalogue()
    plain_docs = generate_documents(args.size_mb, args.seed, catalogue, 200, 60)
    sides = {
        "plain engine, plain text (baseline)": (plain_docs, Rewriter(catalogue)),
        "ptb": ([tokenize(d, wikitext=False) for d in plain_docs], None),
        "wikitext": ([tokenize(d, wikitext=True) for d in plain_docs], None),
    }
    engines = {}
    for label, (docs, engine) in sides.items():
        if engine is None:
            style = detect_tokenization(docs).style
            assert style == label, f"the {label} text was detected as {style}"
            engine = TokenizedRewriter(Rewriter(catalogue), style)
            label = f"tokenized engine, {label} text"
        engines[label] = (docs, engine)
    load_before = os.getloadavg()[0]
    cpu = dict.fromkeys(engines, 0.0)
    for index in range(SLICES):
        for label, (docs, engine) in engines.items():
            started = time.process_time()
            for text in docs[index::SLICES]:
                engine.rewrite(text)
            cpu[label] += time.process_time() - started
    baseline = None
    for label, (docs, _) in engines.items():
        size_mb = sum(len(text.encode()) for text in docs) / 1_000_000
        rate = size_mb / cpu[label]
        baseline = baseline or rate
        print(f"{label}: {size_mb:.1f} MB, {rate:.2f} MB/CPU-s, {rate / baseline:.2f}x baseline")
    print(f"1-minute load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
