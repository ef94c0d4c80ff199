"""Check: this tree's rewriter gives byte for byte the output of another git revision's (default
`main`) on the gold set, the demo corpus and generated bench text, pronouns on and off.

    python -m bench.rewrite_same_output                 # against main
    python -m bench.rewrite_same_output --ref HEAD~3 --bench-mb 20

Both sides run in their own process with the same catalogue (this tree's bundled CSV files) and
write every rewritten text and every logged replacement; the check compares them and prints the
first differences. Exit status 0 when all are identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_PAIRS = ROOT / "tests" / "data" / "rewrite_pairs.tsv"
SHOWN_DIFFERENCES = 5
# Glue for the word salad: boundaries the scanner must get right (apostrophes, hyphens, slashes,
# brackets, underscores, digits, letters outside ASCII, whitespace runs, URLs and code).
_SALAD_GLUE = [" ", " ", " ", "  ", "\n", "\t", "-", "'", "\u2019", "\u2019s", "'s", "/", " / "]
_SALAD_GLUE += ["(", ")", "_", "1", "\u00e9", "\u0130", ", ", ". ", "? ", "`", "http://x.org/", "@"]
_SALAD_WORDS = ["the", "a", "an", "and", "or", "is", "was", "walks", "then", "other", "s", "man"]


def collect_texts(work: Path, bench_mb: float) -> dict[str, list[str]]:
    """The texts to compare, by source: gold inputs, every demo shard's documents, bench text."""
    sys.path.insert(0, str(ROOT))
    from bench.rewrite import generate_documents
    from corpus.demo import write_demo_corpus
    from corpus.ingest.readers import ingest_shard
    from corpus.rewrite import load_catalogue

    with GOLD_PAIRS.open(encoding="utf-8", newline="") as handle:
        gold = [row["input"] for row in csv.DictReader(handle, delimiter="\t")]
    landing = work / "landing"
    write_demo_corpus(landing)
    demo: list[str] = []
    for path in sorted(landing.iterdir()):
        documents, _, _ = ingest_shard(path, path.stem)
        demo += documents.get_column("text").to_list()
    catalogue = load_catalogue()
    generated = generate_documents(bench_mb, 7, catalogue, 200, 60)
    return {"gold": gold, "demo": demo, "bench": generated, "salad": word_salad(catalogue)}


def word_salad(catalogue, n_texts: int = 20_000, seed: int = 5) -> list[str]:
    """Random strings of catalogue forms, pronouns, function words and tricky glue, any case."""
    import random

    from corpus.rewrite.pronouns import PRONOUN_FORMS

    rng = random.Random(seed)
    forms = [entry.term for entry in catalogue.entries]
    forms += [entry.plural for entry in catalogue.entries if entry.plural]
    forms += list(PRONOUN_FORMS)
    texts = []
    for _ in range(n_texts):
        pieces = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(forms if rng.random() < 0.5 else _SALAD_WORDS)
            word = rng.choice((word, word, word.upper(), word.capitalize()))
            pieces += [word, rng.choice(_SALAD_GLUE)]
        texts.append("".join(pieces[:-1] if rng.random() < 0.5 else pieces))
    return texts


def run_side(tree: Path, texts_path: Path, output: Path) -> None:
    """Rewrite every text with the rewriter of `tree` in a fresh process."""
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            str(tree),
            "--texts",
            str(texts_path),
            "--output",
            str(output),
        ],
        check=True,
    )


def worker(tree: Path, texts_path: Path, output: Path) -> None:
    sys.path.insert(0, str(tree))
    from corpus.rewrite import RewriteConfig, Rewriter, load_catalogue

    data = ROOT / "corpus" / "data"
    catalogue = load_catalogue(data / "gender_catalogue.csv", data / "gender_exclusions.csv")
    texts = json.loads(texts_path.read_text(encoding="utf-8"))
    results: dict[str, list] = {}
    for pronouns in (True, False):
        rewriter = Rewriter(catalogue, RewriteConfig(pronouns=pronouns))
        for source, items in texts.items():
            key = f"{source} (pronouns {'on' if pronouns else 'off'})"
            results[key] = []
            for text in items:
                result = rewriter.rewrite(text)
                results[key].append([result.text, [list(r) for r in result.replacements]])
    output.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


def extract_revision(ref: str, destination: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "corpus"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return destination


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ref", default="main", help="git revision to compare with (main)")
    parser.add_argument("--bench-mb", type=float, default=5.0, help="generated text (5 MB)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        worker(args.worker, args.texts, args.output)
        return 0
    with tempfile.TemporaryDirectory(prefix="rewrite-same-output-") as scratch:
        work = Path(scratch)
        texts = collect_texts(work, args.bench_mb)
        texts_path = work / "texts.json"
        texts_path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        reference = extract_revision(args.ref, work / "reference")
        run_side(reference, texts_path, work / "reference.json")
        run_side(ROOT, texts_path, work / "tree.json")
        expected = json.loads((work / "reference.json").read_text(encoding="utf-8"))
        actual = json.loads((work / "tree.json").read_text(encoding="utf-8"))
    differences = 0
    for key, wanted in expected.items():
        got = actual[key]
        differing = [
            index for index, pair in enumerate(zip(wanted, got, strict=True)) if pair[0] != pair[1]
        ]
        differences += len(differing)
        print(f"{key}: {len(wanted):,} texts, {len(differing)} differ from {args.ref}")
        for index in differing[:SHOWN_DIFFERENCES]:
            print(f"  #{index}\n    {args.ref}: {wanted[index]!r:.300}")
            print(f"    here: {got[index]!r:.300}")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
