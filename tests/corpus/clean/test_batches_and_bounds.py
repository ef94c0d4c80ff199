"""Cleaning in parallel batches gives the same rows, and the counting shortcuts never change a
verdict: stop words counted in a prefix first, letterless words bounded by their runs."""

from __future__ import annotations

import datetime as dt
import random
import string

import polars as pl
from polars.testing import assert_frame_equal

from corpus.clean import CleaningConfig, clean_batches, clean_documents
from corpus.documents import RAW_SCHEMA, make_doc_id

RNG_WORDS = random.Random(5)
# Seven-letter random words: never a stop word, and no bigram repeats by chance.
WORDS = ["".join(RNG_WORDS.choices(string.ascii_lowercase, k=7)) for _ in range(2_000)]


def _raw(texts: list[str]) -> pl.DataFrame:
    ingested = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    return pl.DataFrame(
        {
            "doc_id": [make_doc_id("s", line, text) for line, text in enumerate(texts)],
            "shard": ["s"] * len(texts),
            "text": texts,
            "source_path": ["/landing/s.jsonl"] * len(texts),
            "source_line": list(range(1, len(texts) + 1)),
            "ingested_at": [ingested] * len(texts),
        },
        schema=RAW_SCHEMA,
    )


def _verdict(text: str) -> tuple[str, str] | None:
    result = clean_documents(_raw([text]))
    return None if result.kept.height else tuple(result.filtered.row(0)[2:])


def _mixed_documents(n: int) -> list[str]:
    rng = random.Random(11)
    sentence = "The council and the school said that people have to work with the river. "
    kinds = [
        lambda: " ".join(rng.sample(WORDS, 80)) + " the and of.",  # kept
        lambda: sentence * rng.randint(1, 6),  # repeated n-grams beyond one sentence
        lambda: "<p>Caf\u00e9 &amp; <b>bar</b></p>\r\nShare this article\n" + sentence,
        lambda: "\n".join(["Same line here."] * rng.randint(2, 8)),
        lambda: " ".join(rng.choices(["###", "...", "12", "!!"], k=40)),
        lambda: rng.choice(["Thanks!", "", "   ", "ok ok"]),
        lambda: " ".join(rng.sample(WORDS, 30)) + " " + "7 " * rng.randint(0, 20),
    ]
    return [rng.choice(kinds)() for _ in range(n)]


def test_batches_and_threads_leave_every_row_as_one_batch_on_one_thread_does():
    raw = _raw(_mixed_documents(400))
    one = clean_documents(raw, CleaningConfig(threads=1, batch_rows=10_000))
    assert one.kept.height > 0 and one.filtered.height > 0
    many = clean_documents(raw, CleaningConfig(threads=2, batch_rows=7))
    assert_frame_equal(many.kept, one.kept)
    assert_frame_equal(many.filtered, one.filtered)


def test_clean_batches_yields_results_in_input_order():
    texts = _mixed_documents(60)
    batches = [_raw(texts[i : i + 9]) for i in range(0, len(texts), 9)]
    results = list(clean_batches(iter(batches), CleaningConfig(threads=2)))
    assert len(results) == len(batches)
    for batch, result in zip(batches, results, strict=True):
        seen = set(result.kept["doc_id"]) | set(result.filtered["doc_id"])
        assert seen == set(batch["doc_id"])


def _prefix_then(tail: str, length: int = 1_000) -> str:
    """Random words up to exactly `length` characters (ending in a space), then `tail`."""
    words, size = [], 0
    for word in WORDS:
        if size + len(word) + 1 > length - 9:
            break
        words.append(word)
        size += len(word) + 1
    head = " ".join(words) + " "
    head += "x" * (length - len(head) - 1) + " "
    assert len(head) == length
    return head + tail


def test_stop_words_cut_at_the_prefix_end_are_counted_on_the_whole_text():
    # "the" ends the 1,000-char prefix, but the word is "there": the document has no stop word.
    text = _prefix_then("")[:996] + " there " + " ".join(WORDS[-40:]) + "."
    assert text[996:1000] == " the"
    assert _verdict(text) == (
        "stop_words",
        "0 stop words < min 2 (the, be, to, of, and, that, have, with)",
    )


def test_stop_words_after_the_prefix_count():
    text = _prefix_then("and " + " ".join(WORDS[-30:]) + " with the river.")
    assert _verdict(text) is None
    assert _verdict(_prefix_then(" ".join(WORDS[-30:]) + " the river.")) == (
        "stop_words",
        "1 stop words < min 2 (the, be, to, of, and, that, have, with)",
    )


def test_letterless_words_in_one_run_are_counted_exactly():
    words = WORDS[100:140] + ["the", "and"]
    run = [str(n) for n in range(10, 28)]  # 18 letterless words in a row: 18 / 60 = 0.30
    assert _verdict(" ".join(words + run) + ".") == (
        "alpha_words",
        "alphabetic word fraction 0.70 < min 0.80",
    )
    # exactly at the limit (10 of 50), in one run or spread out: kept
    at_limit = WORDS[200:238] + ["the", "and"]
    assert _verdict(" ".join(at_limit + run[:10]) + ".") is None
    spread = [word for pair in zip(at_limit[:10], run[:10], strict=True) for word in pair]
    assert _verdict(" ".join(spread + at_limit[10:]) + ".") is None
