"""Benchmark: the rewrite stage end to end against simple rewriters, each side on one core.

    python -m bench.rewrite                    # 50 MB, appends the figures to bench/RESULTS.md
    python -m bench.rewrite --size-mb 10 --no-append

The text is generated here, not taken from `corpus.demo`: the demo corpus plants a catalogue term
every ~30 words so that every stage has work, six times denser than prose, which would flatter
neither engine fairly. This generator writes plain English sentences with a catalogue term
about once per `--words-per-term` words (200) and a he/she/him/his/her/... pronoun about once per
`--words-per-pronoun` words (60; ~1.7% of tokens, between news and fiction).

The documents are written once to a Parquet file (doc_id, shard, text). Every side then runs in
its own process pinned to one CPU with polars on one thread, and is timed from reading that file
to its output written (Parquet: the rewritten documents, and for neutune also the rewrite log):
- regex: one alternation regex of every catalogue form, a dict lookup per match
  (bench/rewrite_baselines.py);
- pyahocorasick: an Aho-Corasick automaton of the same forms with word-boundary checks;
- each of those again with the pronouns as plain word swaps (he -> they, his -> their);
- neutune catalogue only, and neutune with pronouns (`rewrite_documents`, as the pipeline runs).
All on the full text, nothing extrapolated. MB = 10**6 bytes of UTF-8 text; MB/s is per core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import memory_gib, peak_rss_mib  # noqa: E402
from bench.rewrite_baselines import AlternationRegexRewriter, PyAhoCorasickRewriter  # noqa: E402
from corpus.rewrite import (  # noqa: E402
    DEFAULT_CATALOGUE_PATH,
    DEFAULT_EXCLUSIONS_PATH,
    GenderCatalogue,
    RewriteConfig,
    Rewriter,
    load_catalogue,
    rewrite_documents,
)

RESULTS_PATH = Path(__file__).resolve().parent / "RESULTS.md"

_NEUTRAL_SENTENCES = [
    "The committee reviewed the annual budget on {day} and approved most of the proposals.",
    "Residents of the {place} district complained about the noise from the new construction site.",
    "Researchers at the university published a study on {topic} in a leading journal.",
    "The weather service expects heavy rain across the region until {day} evening.",
    "Local shops reported higher sales during the festival than in any previous year.",
    "Our team spent three weeks testing the software before the release.",
    "The museum will open a new exhibition about {topic} next month.",
    "Traffic on the main road was diverted after a water pipe burst near the {place} bridge.",
    "Volunteers planted more than four hundred trees along the river in a single weekend.",
    "The report found that most households now recycle paper, glass and plastic.",
    "Prices for fresh vegetables fell slightly as the harvest season began.",
    "The library extended its opening hours to help students prepare for exams.",
    "A new bus route connects the {place} estate with the hospital and the station.",
    "The council said the repairs to the swimming pool would take about six months.",
    "Several families attended the open day at the community garden on {day}.",
    "Engineers inspected the old tunnel and recommended replacing the drainage system.",
    "The orchestra rehearsed for the winter concert in the town hall.",
    "Farmers in the valley are worried about the dry spring and the price of feed.",
    "The school board discussed plans to build a larger sports hall.",
    "Many people prefer to cycle to work when the weather is mild.",
    "The charity raised enough money to renovate the children's playground.",
    "Customers can now order groceries online and collect them the same day.",
    "The ferry service was suspended for two days because of strong winds.",
    "Experts say that regular exercise improves sleep and concentration.",
    "The bakery on the corner has sold fresh bread every morning for forty years.",
    "Students presented their projects on {topic} to a panel of teachers and parents.",
    "The company plans to hire about fifty new staff at its {place} office.",
    "Visitors to the park are asked to keep dogs on a lead near the lake.",
]
_PRONOUN_SENTENCES = [
    "{Pro} said that the results were better than expected.",
    "Later that day {pro} walks to the station and takes the early train.",
    "The neighbours thanked {obj} for the help with the garden.",
    "{Pos} sister works at the hospital as a nurse.",
    "{Pro} has lived in the {place} district for most of {pos} life.",
    "Nobody knew where {pro} kept the keys to the shed.",
    "I gave {obj} the documents before the meeting on {day}.",
    "{Pro} always checks the timetable twice before leaving home.",
]
_TERM_SENTENCES = [
    "The {term} arrived early and spoke briefly to the waiting crowd.",
    "According to the {term}, the decision will be announced on {day}.",
    "Every {term} in the region was invited to the conference on {topic}.",
    "Two {terms} were seen near the {place} bridge late in the evening.",
]
_FILL = {
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "place": ["northern", "harbour", "old town", "riverside", "market", "western"],
    "topic": ["climate change", "urban transport", "local history", "public health", "energy"],
}
_PRONOUNS = [("he", "him", "his"), ("she", "her", "her")]


def generate_documents(
    size_mb: float,
    seed: int,
    catalogue: GenderCatalogue,
    words_per_term: int,
    words_per_pronoun: int,
) -> list[str]:
    """Documents of 5-40 sentences totalling about `size_mb` MB of UTF-8."""
    rng = random.Random(seed)
    singular = [entry.term for entry in catalogue.entries]
    plural = [entry.plural for entry in catalogue.entries if entry.plural]
    pools = {
        "neutral": [_fill(rng, rng.choice(_NEUTRAL_SENTENCES)) for _ in range(4000)],
        "pronoun": [_pronoun_sentence(rng) for _ in range(2000)],
        "term": [
            _fill(rng, rng.choice(_TERM_SENTENCES), rng.choice(singular), rng.choice(plural))
            for _ in range(2000)
        ],
    }
    words_per_sentence = 12
    p_term = words_per_sentence / words_per_term
    p_pronoun = words_per_sentence / words_per_pronoun
    target = int(size_mb * 1_000_000)
    documents: list[str] = []
    total = 0
    while total < target:
        sentences = []
        for _ in range(rng.randint(5, 40)):
            draw = rng.random()
            kind = (
                "term" if draw < p_term else "pronoun" if draw < p_term + p_pronoun else "neutral"
            )
            sentences.append(rng.choice(pools[kind]))
        document = " ".join(sentences)
        documents.append(document)
        total += len(document.encode())
    return documents


def _fill(rng: random.Random, template: str, term: str = "", terms: str = "") -> str:
    values = {key: rng.choice(options) for key, options in _FILL.items()}
    return template.format(term=term, terms=terms, **values)


def _pronoun_sentence(rng: random.Random) -> str:
    subject, obj, possessive = rng.choice(_PRONOUNS)
    template = rng.choice(_PRONOUN_SENTENCES)
    values = {key: rng.choice(options) for key, options in _FILL.items()}
    return template.format(
        pro=subject,
        Pro=subject.capitalize(),
        obj=obj,
        pos=possessive,
        Pos=possessive.capitalize(),
        **values,
    )


# (label, what it compares with): the order the sides run and print in.
SIDES = {
    "regex": "one alternation regex, catalogue forms",
    "pyahocorasick": "pyahocorasick + word boundaries, catalogue forms",
    "neutune": "neutune, catalogue only",
    "regex+pronouns": "one alternation regex, forms + pronoun words",
    "pyahocorasick+pronouns": "pyahocorasick + word boundaries, forms + pronoun words",
    "neutune+pronouns": "neutune, catalogue + pronouns",
}


def write_input(documents: list[str], path: Path) -> float:
    """The documents as the pipeline holds them (doc_id, shard, text); their text MB."""
    frame = pl.DataFrame(
        {
            "doc_id": [f"{index:016x}" for index in range(len(documents))],
            "shard": ["bench"] * len(documents),
            "text": documents,
        }
    )
    frame.write_parquet(path)
    return frame["text"].str.len_bytes().sum() / 1_000_000


def worker(side: str, source: Path, output: Path, catalogue_paths: tuple[Path, Path]) -> dict:
    """Read `source`, rewrite every document with `side`, write the result; time all of it."""
    catalogue = load_catalogue(*catalogue_paths)
    pronouns = side.endswith("+pronouns")
    if side.startswith("neutune"):
        rewriter = Rewriter(catalogue, RewriteConfig(pronouns=pronouns))
    elif side.startswith("regex"):
        rewriter = AlternationRegexRewriter(catalogue, pronouns)
    else:
        rewriter = PyAhoCorasickRewriter(catalogue, pronouns)
    started = time.perf_counter()
    cpu_started = time.process_time()
    documents = pl.read_parquet(source)
    if side.startswith("neutune"):
        neutral, log = rewrite_documents(documents, rewriter)
        neutral.write_parquet(output / "neutral.parquet")
        log.write_parquet(output / "rewrite_log.parquet")
        changed = int((neutral["n_replacements"] > 0).sum())
    else:
        texts = documents["text"].to_list()
        rewritten = [rewriter.rewrite(text) for text in texts]
        documents.with_columns(text=pl.Series(rewritten, dtype=pl.String)).write_parquet(
            output / "neutral.parquet"
        )
        changed = sum(new != old for new, old in zip(rewritten, texts, strict=True))
    return {
        "side": side,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "documents": documents.height,
        "changed": changed,
        "peak_rss_mib": peak_rss_mib(),
    }


def run_worker(side: str, source: Path, args: argparse.Namespace) -> dict:
    """One side in a fresh process on one CPU, polars on one thread."""
    environment = dict(os.environ, POLARS_MAX_THREADS="1")
    with tempfile.TemporaryDirectory(dir=source.parent) as output:
        command = [
            sys.executable,
            "-m",
            "bench.rewrite",
            "--worker",
            side,
            "--input",
            str(source),
            "--output",
            output,
            "--catalogue",
            str(args.catalogue),
            "--exclusions",
            str(args.exclusions),
        ]
        done = subprocess.run(
            command, capture_output=True, text=True, cwd=ROOT, env=environment, check=False
        )
    if done.returncode != 0:
        raise RuntimeError(f"the {side} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=float, default=50.0, help="text to rewrite (50)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words-per-term", type=int, default=200)
    parser.add_argument("--words-per-pronoun", type=int, default=60)
    parser.add_argument("--catalogue", type=Path, default=DEFAULT_CATALOGUE_PATH)
    parser.add_argument("--exclusions", type=Path, default=DEFAULT_EXCLUSIONS_PATH)
    parser.add_argument(
        "--sides", default=",".join(SIDES), help=f"comma-separated subset of {', '.join(SIDES)}"
    )
    parser.add_argument(
        "--no-append", action="store_true", help="do not append to bench/RESULTS.md"
    )
    parser.add_argument("--worker", choices=list(SIDES), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        figures = worker(args.worker, args.input, args.output, (args.catalogue, args.exclusions))
        print(json.dumps(figures))
        return 0

    sides = [side.strip() for side in args.sides.split(",")]
    unknown = [side for side in sides if side not in SIDES]
    if unknown:
        parser.error(f"unknown side(s) {', '.join(unknown)}; choose from {', '.join(SIDES)}")
    catalogue = load_catalogue(args.catalogue, args.exclusions)
    load_before = os.getloadavg()[0]
    documents = generate_documents(
        args.size_mb, args.seed, catalogue, args.words_per_term, args.words_per_pronoun
    )
    with tempfile.TemporaryDirectory(prefix="bench-rewrite-") as scratch:
        source = Path(scratch) / "documents.parquet"
        size_mb = write_input(documents, source)
        print(f"{len(documents):,} documents, {size_mb:.1f} MB of text in {source.name}")
        results = {}
        for side in sides:
            results[side] = run_worker(side, source, args)
            figures = results[side]
            print(
                f"{SIDES[side]}: {size_mb / figures['seconds']:.2f} MB/s "
                f"({figures['seconds']:.1f}s; CPU {figures['cpu_seconds']:.1f}s = "
                f"{size_mb / figures['cpu_seconds']:.2f} MB/s), "
                f"{figures['changed']:,} documents changed, peak RSS "
                f"{figures['peak_rss_mib']:.0f} MiB",
                flush=True,
            )
    load = (load_before, os.getloadavg()[0])
    rows = _table(results, size_mb)
    print("\n".join(rows))
    print(
        f"1-minute load average {load[0]:.1f} before, {load[1]:.1f} after ({os.cpu_count()} cores)"
    )
    if not args.no_append:
        _append_results(args, size_mb, len(documents), rows, load)
    return 0


def _table(results: dict[str, dict], size_mb: float) -> list[str]:
    """A Markdown table: MB/s, docs/s, seconds, and each neutune side against the two baselines
    doing the same kind of work (catalogue forms; forms + pronoun words)."""
    rows = [
        "| side | MB/s | MB/s by CPU time | docs/s | seconds (CPU) | documents changed | "
        "peak RSS MiB | neutune vs this (by CPU time) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for side, figures in results.items():
        ours = results.get("neutune+pronouns" if side.endswith("+pronouns") else "neutune")
        versus = (
            f"{figures['seconds'] / ours['seconds']:.2f}x "
            f"({figures['cpu_seconds'] / ours['cpu_seconds']:.2f}x)"
            if ours is not None and ours is not figures
            else ""
        )
        rows.append(
            f"| {SIDES[side]} | {size_mb / figures['seconds']:.2f} | "
            f"{size_mb / figures['cpu_seconds']:.2f} | "
            f"{figures['documents'] / figures['seconds']:,.0f} | {figures['seconds']:.1f} "
            f"({figures['cpu_seconds']:.1f}) | {figures['changed']:,} | "
            f"{figures['peak_rss_mib']:.0f} | {versus} |"
        )
    return rows


def _append_results(
    args: argparse.Namespace,
    size_mb: float,
    n_documents: int,
    rows: list[str],
    load: tuple[float, float],
) -> None:
    command = "python -m bench.rewrite" + "".join(
        f" {arg}" for arg in sys.argv[1:] if arg != "--no-append"
    )
    lines = [
        "",
        f"## rewrite stage end to end, one core per side — {dt.date.today().isoformat()}",
        "",
        f"Machine: {os.cpu_count()} cores, {memory_gib():.0f} GiB, "
        f"{platform.python_implementation()} {platform.python_version()}. Command: `{command}`. "
        f"Text: {size_mb:.1f} MB, {n_documents:,} generated documents, a catalogue term per "
        f"~{args.words_per_term} words, a pronoun per ~{args.words_per_pronoun}. Each side in its "
        "own process pinned to one CPU (polars on one thread), timed from reading the Parquet "
        "input to its output written; baselines on the full text. 1-minute load average "
        f"{load[0]:.1f} before, {load[1]:.1f} after (other jobs shared the cores).",
        "",
        *rows,
    ]
    with RESULTS_PATH.open("a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")
    print(f"appended to {RESULTS_PATH}")


if __name__ == "__main__":
    raise SystemExit(main())
