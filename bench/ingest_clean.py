"""Ingest + clean benchmark: neutune (read_shard + clean_documents, batch by batch) against a naive
baseline (json.loads per line into a list, then per-document Python cleaning and filters).

    python -m bench.ingest_clean --size-mb 100
    python -m bench.ingest_clean --size-mb 1000 --results bench/RESULTS.md

The corpus is JSON Lines of 1-3 KB English-like prose: a fifth of the documents carry markup,
entities, boilerplate lines or odd whitespace, and a few percent are low quality (short, French,
symbol soup, repeated lines, keyword spam), so every step and filter has work to do. Each side
runs in its own subprocess; its peak RSS is that process's VmHWM. neutune also runs with polars
held to one thread, for a per-core figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

import orjson

from bench.machine import memory_gib, peak_rss_mib
from corpus.clean import DEFAULT_BOILERPLATE_PATTERNS, DEFAULT_STOP_WORDS, clean_documents
from corpus.clean.normalisers import _BLOCK_TAGS, _CELL_TAGS, _INLINE_TAGS
from corpus.ingest import ReaderConfig, read_shard


# ------------------------------------------------------------------------------ synthetic corpus
def _word_list(words: str) -> list[str]:
    return words.split()


ENGLISH = _word_list(
    "the of and to a in is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there one all we their has been would more when will who "
    "so if no out up said what its about than into them can only other new some could time these "
    "two may then do first any my now such like our over man me even most made after also did many "
    "before must through back years where much your way well down should because each just those "
    "people how too little state good very make world still own see men work long get here "
    "between both life being under never day same another know while last might us great old year "
    "off come since against go came right used take three council river market school hospital "
    "station harbour library village weather morning evening report plan budget housing road"
)
FLAVOUR = ("café", "naïve", "résumé", "it’s", "“really”", "—", "façade", "São Paulo", "don’t")
FRENCH = _word_list(
    "le la les des une est dans pour avec sur pas plus mais nous vous ils elle sont été fait "
    "comme tout bien même aussi très peu encore leur ville marché conseil habitants travaux"
)
SPAM = _word_list("cheap free casino bonus loans crypto pills deals discount win prize offer sale")


def _sentence(rng: random.Random, vocabulary: list[str] | tuple[str, ...]) -> str:
    words = rng.choices(vocabulary, k=rng.randint(6, 22))
    if vocabulary is ENGLISH and rng.random() < 0.3:
        words[rng.randrange(len(words))] = rng.choice(FLAVOUR)
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice("....?!")


def _prose(rng: random.Random, pool: list[str], size: int) -> list[str]:
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choices(pool, k=rng.randint(2, 6)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return paragraphs


def _noisy(rng: random.Random, paragraphs: list[str]) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        body = "".join(f"<p>{p.replace(' and ', ' &amp; ', 1)}</p>\n" for p in paragraphs)
        script = "<script>var seen = 1 < 2;</script>" if rng.random() < 0.3 else ""
        return f'<div class="story">{script}{body}<a href="/more">Read more</a></div>'
    if kind == 1:
        footer = f"© {rng.randint(2015, 2024)} The Daily Ledger. All rights reserved."
        return "Share this article\n" + "\n\n".join(paragraphs) + "\nSubscribe now\n" + footer
    if kind == 2:
        return "\r\n\r\n".join(
            p.replace(" ", "\u00a0 ", 2).replace(" ", "\t", 1) for p in paragraphs
        )
    return "\n\n".join(p.replace(" ", " \u200b", 1) + "\x07" for p in paragraphs)


def _low_quality(rng: random.Random, pool: list[str]) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.choice(["Thanks!", "Bump.", "Same here", "Great post, agreed."])
    if kind == 1:
        return " ".join(_sentence(rng, FRENCH) for _ in range(rng.randint(3, 12)))
    if kind == 2:
        return " ".join(rng.choices(["###", "...", "$$$", "@@", "%%", "12", "!!!"], k=60))
    if kind == 3:
        return "\n".join([rng.choice(pool)] * rng.randint(5, 30))
    return " ".join(rng.choices(SPAM, k=rng.randint(20, 200)))


def write_corpus(path: Path, size_mb: float, seed: int = 0) -> int:
    """Write ~size_mb MB of JSON Lines to `path`; return the number of records."""
    rng = random.Random(seed)
    pool = [_sentence(rng, ENGLISH) for _ in range(50_000)]
    limit, written, records = int(size_mb * 1e6), 0, 0
    with path.open("wb", buffering=1 << 22) as handle:
        while written < limit:
            draw = rng.random()
            if draw < 0.04:
                text = _low_quality(rng, pool)
            else:
                paragraphs = _prose(rng, pool, rng.randint(1000, 3000))
                text = _noisy(rng, paragraphs) if draw < 0.24 else "\n\n".join(paragraphs)
            line = orjson.dumps({"text": text, "id": records}) + b"\n"
            handle.write(line)
            written += len(line)
            records += 1
    return records


# ------------------------------------------------------------------- naive per-document baseline
def _tag(names: str) -> str:
    return rf"</?(?:{names})(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>"


_DROPPED = re.compile(
    r"<!--.*?(?:-->|\Z)|<!DOCTYPE[^>]*>|<script(?:\s[^>]*)?>.*?(?:</script\s*>|\Z)"
    r"|<style(?:\s[^>]*)?>.*?(?:</style\s*>|\Z)",
    re.I | re.S,
)
# The same element names as neutune, so both sides strip the same tags.
_BLOCK = re.compile(_tag(_BLOCK_TAGS), re.I)
_CELL = re.compile(_tag(_CELL_TAGS), re.I)
_INLINE = re.compile(_tag(_INLINE_TAGS), re.I)
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
_ODD_SPACE = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[{_ODD_SPACE}][ {_ODD_SPACE}]*| [ {_ODD_SPACE}]+")
_LINE_EDGE = re.compile(r" \n ?|\n ")
_BLANK_LINES = re.compile(r"\n{3,}")
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in DEFAULT_BOILERPLATE_PATTERNS), re.I)
_STOP_WORDS = re.compile(rf"\b(?:{'|'.join(DEFAULT_STOP_WORDS)})\b", re.I | re.A)
_PUNCTUATION = tuple(".!?…\"'”’»)。！？")


def naive_clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _INLINE.sub("", _CELL.sub(" ", _BLOCK.sub("\n", _DROPPED.sub("", text))))
    text = _CONTROL.sub("", _LINE_BREAK.sub("\n", html.unescape(text)))
    text = _BLANK_LINES.sub("\n\n", _LINE_EDGE.sub("\n", _SPACES.sub(" ", text))).strip()
    lines = [
        line
        for line in text.split("\n")
        if not (_BOILERPLATE.search(line) and len(line.split()) <= 12)
    ]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _top_ngram_chars(words: list[str], n: int) -> int:
    grams = Counter(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return max((len(g) * c for g, c in grams.items() if c >= 2), default=0)


def naive_rule(text: str) -> str | None:
    """The first failing rule of the default config, computed the plain-Python way."""
    if not text:
        return "empty_after_cleaning"
    words = text.split()
    if not 5 <= len(words) <= 100_000:
        return "min_words" if len(words) < 5 else "max_words"
    ellipses = text.count("...") + text.count("…")
    if max(text.count("#"), ellipses) / len(words) > 0.1:
        return "symbol_ratio"
    lines = [line for line in text.split("\n") if line]
    if len(lines) >= 3 and sum(line.endswith(_PUNCTUATION) for line in lines) / len(lines) < 0.12:
        return "line_punctuation"
    seen: set[str] = set()
    duplicates = duplicate_chars = 0
    for line in lines:
        if line in seen:
            duplicates, duplicate_chars = duplicates + 1, duplicate_chars + len(line)
        seen.add(line)
    if duplicates / len(lines) > 0.3 or duplicate_chars / len(text) > 0.2:
        return "repeated_lines"
    if len(words) >= 50:
        for n, limit in ((2, 0.2), (3, 0.18), (4, 0.16)):
            if _top_ngram_chars(words, n) / len(text) > limit:
                return "repeated_ngrams"
    if len(_STOP_WORDS.findall(text)) < 2:
        return "stop_words"
    if sum(any(c.isalpha() for c in word) for word in words) / len(words) < 0.8:
        return "alpha_words"
    return None


# ----------------------------------------------------------------------------------- workers
def _worker(side: str, data: Path) -> dict:
    rules: Counter[str] = Counter()
    kept = quarantined = 0
    started = time.perf_counter()
    if side.startswith("neutune"):
        clean_s = 0.0
        for batch in read_shard(data, "bench", ReaderConfig()):
            cleaning_started = time.perf_counter()
            result = clean_documents(batch.documents)
            clean_s += time.perf_counter() - cleaning_started
            kept += result.kept.height
            quarantined += batch.quarantine.height
            rules.update(dict(result.filtered.group_by("rule").len().iter_rows()))
        figures: dict = {"clean_s": clean_s}
    else:
        with data.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        kept_texts = []
        for record in records:
            text = naive_clean(record["text"])
            rule = naive_rule(text)
            if rule is None:
                kept_texts.append(text)
            else:
                rules[rule] += 1
        kept = len(kept_texts)
        figures = {}
    figures.update(
        side=side,
        seconds=time.perf_counter() - started,
        kept=kept,
        quarantined=quarantined,
        rules=dict(sorted(rules.items())),
        peak_rss_mib=peak_rss_mib(),
    )
    return figures


def _run_worker(side: str, data: Path) -> dict:
    command = [sys.executable, "-m", "bench.ingest_clean", "--worker", side, "--data", str(data)]
    environment = dict(os.environ)
    if side == "neutune-1-thread":
        environment["POLARS_MAX_THREADS"] = "1"
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, env=environment)
    if done.returncode != 0:
        raise RuntimeError(f"{side} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(size_mb: float, results: Path | None, scratch_dir: Path | None) -> None:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(dir=scratch_dir) as scratch:
        data = Path(scratch) / "bench.jsonl"
        started = time.perf_counter()
        records = write_corpus(data, size_mb)
        megabytes = data.stat().st_size / 1e6
        print(
            f"generated {records:,} records, {megabytes:,.0f} MB in "
            f"{time.perf_counter() - started:.0f}s"
        )
        sides = [_run_worker(side, data) for side in ("neutune", "neutune-1-thread", "naive")]
    ours, single, naive = sides
    lines = []
    for side in sides:
        clean = (
            f", cleaning alone {megabytes / side['clean_s']:.1f} MB/s" if "clean_s" in side else ""
        )
        lines.append(
            f"{side['side']}: {megabytes:,.0f} MB in {side['seconds']:.1f}s = "
            f"{megabytes / side['seconds']:.1f} MB/s{clean}; peak RSS "
            f"{side['peak_rss_mib']:,.0f} MiB; kept {side['kept']:,}, filtered {side['rules']}"
        )
    lines.append(
        f"neutune is {naive['seconds'] / ours['seconds']:.1f}x the naive baseline "
        f"({naive['seconds'] / single['seconds']:.1f}x with polars on one thread)"
    )
    lines.append(
        f"1-minute load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
        f"({os.cpu_count()} cores; above that, other jobs shared them)"
    )
    print("\n".join(lines))
    if results is not None:
        memory = memory_gib()
        header = (
            f"\n## ingest + clean: {dt.date.today().isoformat()}, {os.cpu_count()} cores / "
            f"{memory:.0f} GiB, {platform.processor() or platform.machine()}\n\n"
            f"`python -m bench.ingest_clean --size-mb {size_mb:g}` ({records:,} JSONL records, "
            "1-3 KB English-like prose, 20% with markup or boilerplate noise, 4% low quality)\n\n"
        )
        with results.open("a", encoding="utf-8") as handle:
            handle.write(header + "\n".join(f"- {line}" for line in lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1000, help="corpus size (default 1 GB)")
    parser.add_argument("--results", type=Path, help="append the figures to this file")
    parser.add_argument("--scratch", type=Path, help="folder for the generated corpus")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        print(json.dumps(_worker(arguments.worker, arguments.data)))
    else:
        run(arguments.size_mb, arguments.results, arguments.scratch)


if __name__ == "__main__":
    main()
