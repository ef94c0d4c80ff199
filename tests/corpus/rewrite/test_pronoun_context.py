"""The pronoun rules find the word before a pronoun by walking back, exactly as the regex they
replaced (a backward search ending in `\\s*\\Z`) found it, whatever the characters around it."""

from __future__ import annotations

import random
import re

from corpus.rewrite.context import word_before

# The span the rules used to take: the leftmost match of this pattern ending the window.
PREVIOUS_WORD = re.compile(r"([^\W\d_]+(?:['\u2019][^\W\d_]+)?)\s*\Z")
# Letters, apostrophes, digits (decimal and not: "²", "½", "Ⅻ"), "_", whitespace of every kind,
# punctuation, letters outside ASCII.
PIECES = ["a", "b", "Is", "don", "t", "'", "\u2019", "1", "\u00b2", "\u00bd", "\u216b", "_"]
PIECES += [" ", "  ", "\n", "\t", "\u00a0", "\u2003", ",", "?", "-", "\u00e9", "\u0130", "\u4e2d"]


def test_word_before_finds_the_span_of_the_backward_regex_search():
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        position = rng.randint(0, len(text))
        floor = rng.randint(0, position)
        found = PREVIOUS_WORD.search(text, floor, position)
        expected = found.span(1) if found else None
        assert word_before(text, floor, position) == expected, (text, floor, position)


def test_word_before_takes_one_apostrophe_and_stops_at_the_window():
    text = "Where isn't  she"
    assert word_before(text, 0, 12) == (6, 11)
    assert word_before(text, 8, 12) == (8, 11)  # the window cuts the word: as the search did
    assert word_before("rock'n'roll ", 0, 12) == (5, 11)
    assert word_before("2024 ", 0, 5) is None
