"""Noise for cleaning to undo, low-quality documents for the filters, broken records."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable

from corpus.demo import words
from corpus.demo.config import (
    FileFormat,
)
from corpus.demo.prose import WORD

LOW_QUALITY_KINDS = ("too_short", "symbol_soup", "repeated_line", "non_english", "keyword_spam")


def noisy(rng: random.Random, text: str, file_format: FileFormat) -> str:
    """Add one or two kinds of noise that cleaning should undo or strip.

    Kinds apply in `_NOISE` order, so markup and boilerplate wrap the text last, as on a web page.
    Control characters stay out of the text formats, where a reader may take some for line breaks.
    """
    kinds = [
        kind
        for kind in _NOISE
        if (kind != "control" or file_format in ("jsonl", "parquet"))
        and (kind != "boilerplate" or file_format != "lines")
    ]
    chosen = rng.sample(kinds, rng.choice([1, 1, 2]))
    for kind in (kind for kind in _NOISE if kind in chosen):
        text = _NOISE[kind](rng, text, file_format)
    return text


def _html_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    slug = "-".join(WORD.findall(text.lower())[:4])
    tokens = text.split(" ")
    plain = [index for index, token in enumerate(tokens) if token.isalpha() and len(token) > 3]
    if plain:
        index = rng.choice(plain)
        tokens[index] = f"<b>{tokens[index]}</b>"
    text = " ".join(tokens).replace(" and ", " &amp; ", 1)
    spaces = [index for index, char in enumerate(text) if char == " "]
    if spaces:
        index = rng.choice(spaces)
        text = text[:index] + "&nbsp;" + text[index + 1 :]
    text += f' <a href="https://www.example.org/{slug}">Read more</a>'
    if file_format == "lines":
        return text
    separator = "\n\n" if "\n\n" in text else "\n"
    return separator.join(f"<p>{paragraph}</p>" for paragraph in text.split(separator))


def _whitespace_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    spaces = [index for index, char in enumerate(text) if char == " "]
    for index in sorted(rng.sample(spaces, min(4, len(spaces))), reverse=True):
        odd_space = rng.choice(["\t", "   ", "\u00a0", " \u00a0 ", "  \t"])
        text = text[:index] + odd_space + text[index + 1 :]
    return text + "   " if file_format != "lines" else text


def _unicode_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    if text.isascii():
        separator = " " if text.rstrip()[-1:] in tuple('.!?"') else ". "
        text = text.rstrip() + separator + rng.choice(words.ACCENTED_SENTENCES)
    return unicodedata.normalize("NFD", text)


def _control_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    spaces = [index for index, char in enumerate(text) if char == " "]
    for index in sorted(rng.sample(spaces, min(2, len(spaces))), reverse=True):
        text = text[: index + 1] + rng.choice(["\x07", "\x0b", "\x0c", "\x1b"]) + text[index + 1 :]
    return text


def _boilerplate_noise(rng: random.Random, text: str, file_format: FileFormat) -> str:
    source = rng.choice(words.ARTICLE_SOURCES)
    header = rng.choice(["Share this article", "Advertisement", "Cookie policy"])
    footer = rng.choice(words.BOILERPLATE_LINES)
    copyright_line = f"\u00a9 {rng.randint(2019, 2024)} {source}. All rights reserved."
    return f"{header}\n{text}\n{footer}\n{copyright_line}"


_NOISE: dict[str, Callable[[random.Random, str, FileFormat], str]] = {
    "unicode": _unicode_noise,
    "whitespace": _whitespace_noise,
    "control": _control_noise,
    "html": _html_noise,
    "boilerplate": _boilerplate_noise,
}


def low_quality_text(rng: random.Random, kind: str) -> str:
    if kind == "too_short":
        text = " ".join(rng.sample(words.SHORT_WORDS, rng.randint(1, 3)))
        return text.capitalize() + rng.choice(["", "!", ".", "!!", "?"])
    if kind == "symbol_soup":
        return " ".join(rng.choices(words.SYMBOLS, k=rng.randint(8, 16)))
    if kind == "repeated_line":
        line = " ".join(rng.choice(part) for part in words.REPEATED_LINE_PARTS)
        return "\n".join([line] * rng.randint(10, 14))
    if kind == "non_english":
        pool = rng.choice([words.FRENCH_SENTENCES, words.GERMAN_SENTENCES])
        return " ".join(rng.sample(pool, rng.randint(3, 5)))
    return " ".join(rng.sample(words.SPAM_KEYWORDS, rng.randint(15, 25)))


# One JSON Lines record of every kind the quarantine reports, plus an array line (not an object).
BROKEN_JSON_LINES: tuple[bytes, ...] = (
    b'{"id": "rec-trunc", "text": "The chairman said the meeting would',
    b'{"id": "rec-garbage", "text": "The policewoman thanked the crowd."} trailing garbage',
    b'{"id": "rec-utf8", "text": "The caf\xff\xfe menu was changed again by the new waitress."}',
    b'{"id": "rec-missing", "body": "The spokesman read a short statement outside."}',
    b'{"id": "rec-number", "text": 42}',
    b'{"id": "rec-list", "text": ["The", "fireman", "waved"]}',
    b'{"id": "rec-null", "text": null}',
    b'{"id": "rec-empty", "text": ""}',
    b'{"id": "rec-blank", "text": "   "}',
    b'["The headmistress", "opened the fete"]',
)
BROKEN_HEADLINE = b"Council announces new \xff\xfe parking rules for the town centre next month"
