"""Benchmark: rewrite-engine throughput against a naive one-regex-per-term baseline (same run).

    python bench/rewrite.py                # 200 MB, appends the figures to bench/RESULTS.md
    python bench/rewrite.py --size-mb 20 --no-append

The text is generated here, not taken from `corpus.demo`: the demo corpus plants a catalogue term
every ~30 words so that every stage has work, six times denser than prose, which would flatter
neither engine fairly. This generator writes plain English sentences with a catalogue term
about once per `--words-per-term` words (200) and a he/she/him/his/her/... pronoun about once per
`--words-per-pronoun` words (60; ~1.7% of tokens, between news and fiction).

Baseline, as the brief defines it: for every document, one `re.sub(r"\\b" + form + r"\\b",
replacement, text)` per catalogue form (term and plural). It is timed on the first
`--baseline-mb` of the documents and its MB/s extrapolated to the whole (it is linear in size).
MB = 10**6 bytes of UTF-8; one process, so MB/s is per core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.rewrite import (  # noqa: E402  # noqa: E402
    DEFAULT_CATALOGUE_PATH,
    DEFAULT_EXCLUSIONS_PATH,
    GenderCatalogue,
    RewriteConfig,
    Rewriter,
    load_catalogue,
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


class NaiveRewriter:
    """The baseline: one `re.sub(r"\\b" + form + r"\\b", replacement, text)` per catalogue form
    (term and plural), the patterns compiled once up front so that only matching is timed."""

    def __init__(self, catalogue: GenderCatalogue):
        pairs = [(entry.term, entry.replacement) for entry in catalogue.entries]
        pairs += [(e.plural, e.plural_replacement) for e in catalogue.entries if e.plural]
        self.patterns = [
            (re.compile(r"\b" + re.escape(form) + r"\b"), replacement)
            for form, replacement in pairs
        ]

    def rewrite(self, text: str) -> str:
        for pattern, replacement in self.patterns:
            text = pattern.sub(replacement, text)
        return text


def _throughput(documents: list[str], rewrite) -> tuple[float, float]:
    """(seconds, MB/s) of applying `rewrite` to every document."""
    size_mb = sum(len(text.encode()) for text in documents) / 1_000_000
    started = time.perf_counter()
    for text in documents:
        rewrite(text)
    seconds = time.perf_counter() - started
    return seconds, size_mb / seconds


def _prefix(documents: list[str], size_mb: float) -> list[str]:
    chosen, total = [], 0
    for text in documents:
        if total >= size_mb * 1_000_000:
            break
        chosen.append(text)
        total += len(text.encode())
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--size-mb", type=float, default=200.0, help="text to rewrite (default 200)"
    )
    parser.add_argument(
        "--baseline-mb", type=float, default=2.0, help="baseline sample (default 2)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words-per-term", type=int, default=200)
    parser.add_argument("--words-per-pronoun", type=int, default=60)
    parser.add_argument("--catalogue", type=Path, default=DEFAULT_CATALOGUE_PATH)
    parser.add_argument("--exclusions", type=Path, default=DEFAULT_EXCLUSIONS_PATH)
    parser.add_argument(
        "--no-append", action="store_true", help="do not append to bench/RESULTS.md"
    )
    args = parser.parse_args(argv)

    catalogue = load_catalogue(args.catalogue, args.exclusions)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    documents = generate_documents(
        args.size_mb, args.seed, catalogue, args.words_per_term, args.words_per_pronoun
    )
    size_mb = sum(len(text.encode()) for text in documents) / 1_000_000
    print(
        f"generated {len(documents):,} documents, {size_mb:.1f} MB "
        f"in {time.perf_counter() - started:.1f}s"
    )

    sample = _prefix(documents, args.baseline_mb)
    naive_seconds, naive_rate = _throughput(sample, NaiveRewriter(catalogue).rewrite)
    print(
        f"naive baseline: {naive_rate:.3f} MB/s "
        f"({naive_seconds:.1f}s on a {args.baseline_mb} MB sample)"
    )

    catalogue_only = Rewriter(catalogue, RewriteConfig(pronouns=False))
    with_pronouns = Rewriter(catalogue)
    rows = []
    for label, rewriter in (
        ("catalogue only", catalogue_only),
        ("catalogue + pronouns", with_pronouns),
    ):
        seconds, rate = _throughput(documents, rewriter.rewrite)
        rows.append((label, seconds, rate, rate / naive_rate))
        print(f"{label}: {rate:.2f} MB/s ({seconds:.1f}s), {rate / naive_rate:.1f}x naive")

    load = (load_before, os.getloadavg()[0])
    print(f"1-minute load average: {load[0]:.1f} before, {load[1]:.1f} after (2 cores)")
    if not args.no_append:
        _append_results(args, size_mb, len(documents), naive_rate, rows, load)
    return 0


def _append_results(
    args: argparse.Namespace,
    size_mb: float,
    n_documents: int,
    naive_rate: float,
    rows: list[tuple[str, float, float, float]],
    load: tuple[float, float],
) -> None:
    command = "python bench/rewrite.py" + "".join(
        f" {arg}" for arg in sys.argv[1:] if arg != "--no-append"
    )
    lines = [
        "",
        f"## rewrite engine — {dt.date.today().isoformat()}",
        "",
        "Machine: 2 cores, 24 GiB, "
        f"{platform.python_implementation()} {platform.python_version()}; "
        "one process (MB/s per core). "
        f"Command: `{command}`. Text: {size_mb:.1f} MB, {n_documents:,} generated documents, a "
        f"catalogue term per ~{args.words_per_term} words, "
        f"a pronoun per ~{args.words_per_pronoun}. 1-minute load average {load[0]:.1f} before, "
        f"{load[1]:.1f} after (other jobs shared the cores).",
        "",
        "| engine | MB/s | seconds | vs naive |",
        "|---|---:|---:|---:|",
        f"| naive (re.sub per form; {args.baseline_mb} MB sample, extrapolated) "
        f"| {naive_rate:.3f} | "
        f"{size_mb / naive_rate:.0f} (est.) | 1.0x |",
    ]
    lines += [
        f"| {label} | {rate:.2f} | {seconds:.1f} | {ratio:.1f}x |"
        for label, seconds, rate, ratio in rows
    ]
    with RESULTS_PATH.open("a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")
    print(f"appended to {RESULTS_PATH}")


if __name__ == "__main__":
    raise SystemExit(main())
