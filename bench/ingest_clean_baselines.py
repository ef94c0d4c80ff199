"""The baselines of bench/ingest_clean.py: plain Python loops and datatrove, reading the same file.

- `plain`: one loop doing what neutune does (the same normalisation and the same filters, in
  plain Python with `re`), streaming the file line by line with orjson.
- `plain-gopher4`: the strongest simple loop: four Gopher checks (word count, symbol ratio, stop
  words, alphabetic words; Rae et al. 2021) and no normalisation, as one would write it by hand.
- `datatrove`: Hugging Face datatrove's JsonlReader -> GopherRepetitionFilter ->
  GopherQualityFilter -> C4QualityFilter -> JsonlWriter, its default thresholds (the library peer).

Every side writes what it keeps (and what it drops, with the rule) to files, like neutune.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from pathlib import Path

import orjson

from corpus.clean import DEFAULT_BOILERPLATE_PATTERNS, DEFAULT_STOP_WORDS
from corpus.clean.normalisers import _BLOCK_TAGS, _CELL_TAGS, _INLINE_TAGS


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
    """The first failing rule of neutune's default config, computed the plain-Python way."""
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


def gopher4_rule(text: str) -> str | None:
    """Four Gopher quality checks on the raw text, no normalisation: the simple strong loop."""
    words = text.split()
    if not 50 <= len(words) <= 100_000:
        return "gopher_word_count"
    if (text.count("#") + text.count("...") + text.count("…")) / len(words) > 0.1:
        return "gopher_symbol_ratio"
    if len(_STOP_WORDS.findall(text)) < 2:
        return "gopher_stop_words"
    if sum(any(c.isalpha() for c in word) for word in words) / len(words) < 0.8:
        return "gopher_alpha_words"
    return None


def plain_loop(side: str, data: Path, out: Path, start: int = 0, end: int | None = None) -> dict:
    """Stream `data[start:end]` (whole lines) through a plain loop; write kept and filtered."""
    full = side == "plain"
    rules: Counter[str] = Counter()
    kept = 0
    out.mkdir(parents=True, exist_ok=True)
    part = f"{start}"
    with (
        data.open("rb") as source,
        (out / f"kept-{part}.jsonl").open("wb") as kept_file,
        (out / f"filtered-{part}.jsonl").open("wb") as filtered_file,
    ):
        source.seek(start)
        position = start
        for line_number, line in enumerate(source, start=1):
            if end is not None and position >= end:
                break
            position += len(line)
            if not line.strip():
                continue
            record = orjson.loads(line)
            text = naive_clean(record["text"]) if full else record["text"]
            rule = naive_rule(text) if full else gopher4_rule(text)
            if rule is None:
                kept += 1
                kept_file.write(orjson.dumps({"line": line_number, "text": text}) + b"\n")
            else:
                rules[rule] += 1
                filtered_file.write(orjson.dumps({"line": line_number, "rule": rule}) + b"\n")
    return {"kept": kept, "quarantined": 0, "rules": dict(sorted(rules.items()))}


def datatrove_pipeline(data: Path, out: Path) -> dict:
    """datatrove's reader, Gopher repetition + quality and C4 filters, writer; one task."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    pipeline = [
        JsonlReader(str(data.parent), glob_pattern=data.name, id_key="id"),
        GopherRepetitionFilter(),
        GopherQualityFilter(),
        C4QualityFilter(),
        JsonlWriter(str(out / "kept"), compression=None),
    ]
    executor = LocalPipelineExecutor(
        pipeline, tasks=1, workers=1, logging_dir=str(out / "logs"), skip_completed=False
    )
    stats = executor.run()
    kept = sum(
        sum(1 for _ in path.open("rb")) for path in (out / "kept").glob("*.jsonl") if path.is_file()
    )
    dropped: Counter[str] = Counter()
    for step in stats.stats:
        for name, value in step.stats.items():
            if name.startswith("dropped_"):
                step_name = re.sub(r"[^a-z0-9]+", "_", step.name.lower()).strip("_")
                dropped[f"{step_name.removeprefix('filter_')}:{name[8:]}"] += int(value.total)
    return {"kept": kept, "quarantined": 0, "rules": dict(sorted(dropped.items()))}
