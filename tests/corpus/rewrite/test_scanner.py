"""The Aho-Corasick scanner finds exactly what the scan regex finds, whatever the catalogue."""

from __future__ import annotations

import random

import pytest

from corpus.rewrite import load_catalogue
from corpus.rewrite.pronouns import PRONOUN_FORMS
from corpus.rewrite.scanner import FormScanner
from corpus.rewrite.surface import scan_pattern

# Boundaries and shapes the scanner must get right: apostrophes, hyphens, slashes, brackets,
# underscores, digits, letters outside ASCII, non-ASCII punctuation, whitespace runs.
GLUE = [" ", " ", " ", "  ", "\n", "\t", "-", "'", "\u2019", "\u2019s ", "'s ", "/", " / ", "("]
GLUE += [")", "_", "1", "\u00e9", "\u00ab", "\u00bb", "\u2014", ", ", ". ", "?", '"', "\u00a0"]
FILLERS = ["the", "a", "an", "and", "or", "then", "other", "s", "man", "men", "old", "new"]


def catalogue_forms() -> list[str]:
    catalogue = load_catalogue()
    forms = [entry.term.lower() for entry in catalogue.entries]
    forms += [entry.plural.lower() for entry in catalogue.entries if entry.plural]
    return sorted(set(forms) | set(PRONOUN_FORMS))


def four_times(forms: list[str]) -> list[str]:
    """A catalogue four times the size, with the shapes a bigger one brings: multi-word terms led
    by common words, hyphenated compounds, and new affixed words."""
    bigger = set(forms)
    for form in forms:
        bigger |= {f"old {form}", f"{form}-in-chief", f"under{form}"}
    return sorted(bigger)


def salad(forms: list[str], n_texts: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n_texts):
        pieces = []
        for _ in range(rng.randint(1, 10)):
            word = rng.choice(forms if rng.random() < 0.5 else FILLERS)
            word = rng.choice((word, word, word.upper(), word.capitalize()))
            pieces += [word, rng.choice(GLUE)]
        texts.append("".join(pieces[: -1 if rng.random() < 0.5 else None]).lower())
    return texts


def spans(matches) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


@pytest.mark.parametrize("scale", ["catalogue", "four_times"])
def test_scanner_matches_the_scan_regex_exactly(scale: str) -> None:
    forms = catalogue_forms()
    if scale == "four_times":
        forms = four_times(forms)
        assert len(forms) >= 4 * len(catalogue_forms())
    scanner = FormScanner(forms)
    regex = scan_pattern(forms)
    texts = salad(forms, 3000, seed=len(forms))
    assert any(not text.isascii() for text in texts) and any(text.isascii() for text in texts)
    found = 0
    for text in texts:
        expected = spans(regex.finditer(text))
        assert spans(scanner.finditer(text)) == expected, text
        found += len(expected)
    assert found > len(texts)  # the salad holds forms to find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he he", ["he", "he"]),  # two anchors sharing one space
        ("(s)he said s/he would", ["(s)he", "s/he"]),  # forms whose anchor is not the first word
        ("the other theme", []),  # inside words
        ("\u00e9he \u00abhe\u00bb he_ 2he he2", ["he"]),  # non-ASCII word and non-word characters
        ("chairman's chairmen\u2019s", ["chairman", "chairmen"]),
        ("he  /  she and him/her", ["he  /  she", "him/her"]),  # spaced and tight slash pairs
        ("fellow\n countryman", ["fellow\n countryman"]),  # a space matches any whitespace run
    ],
)
def test_scanner_boundaries(text: str, expected: list[str]) -> None:
    scanner = FormScanner(catalogue_forms())
    assert [match.group() for match in scanner.finditer(text)] == expected


def test_empty_catalogue_and_a_form_without_a_word() -> None:
    assert FormScanner([]).finditer("he said") == []
    with pytest.raises(ValueError, match="fix or remove that row"):
        FormScanner(["--"])
