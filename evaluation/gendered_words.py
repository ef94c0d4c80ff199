"""Counting gendered words in generated text: catalogue terms and gendered pronouns.

Words are matched whole and lower-cased: a match may not touch a letter or digit on either side,
so 'he' does not match in 'the' but does in "he's", and 'chairman' matches in "chairman's" and
'ex-chairman'. Plurals are matched by adding each term's regular plural (-man -> -men, -ess ->
-esses, ...; corpus.rewrite.catalogue.regular_plural) and its +s form; possessives need nothing
extra since an apostrophe ends a word. Longer terms win over shorter ones at the same position
('vice-chairman' counts once, not also as 'chairman').
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from corpus.rewrite.catalogue import regular_plural

GENDERED_PRONOUNS = ("he", "she", "him", "her", "his", "hers", "himself", "herself")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class GenderedWordCounts:
    """What one text holds: its word count and the gendered words found in it."""

    words: int
    catalogue_terms: Counter = field(default_factory=Counter)  # matched surface form -> count
    pronouns: Counter = field(default_factory=Counter)

    @property
    def catalogue_total(self) -> int:
        return sum(self.catalogue_terms.values())

    @property
    def pronoun_total(self) -> int:
        return sum(self.pronouns.values())


def count_words(text: str) -> int:
    """Words in `text`: runs of letters/digits, joined by inner apostrophes or hyphens."""
    return len(_WORD.findall(text))


def _whole_word_pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))  # longest first
    if not ordered:
        return None
    alternatives = "|".join(re.escape(form) for form in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def term_forms(term: str) -> set[str]:
    """A catalogue term with its simple plurals, lower-cased ('chairman' -> + 'chairmen')."""
    term = term.strip().lower()
    return {term, regular_plural(term), term + "s"} if term else set()


class GenderedWordCounter:
    """Counts catalogue terms (with simple plurals) and gendered pronouns in texts.

    Args:
        catalogue_terms: lower-cased gender-exclusive terms (EvaluationData.gendered_terms).
        pronouns: the gendered pronouns to count; defaults to GENDERED_PRONOUNS.
    """

    def __init__(
        self, catalogue_terms: Iterable[str], pronouns: Iterable[str] = GENDERED_PRONOUNS
    ) -> None:
        pronoun_set = {pronoun.lower() for pronoun in pronouns}
        forms = set().union(*(term_forms(term) for term in catalogue_terms)) - pronoun_set
        self._terms = _whole_word_pattern(forms)
        self._pronouns = _whole_word_pattern(pronoun_set)

    def count(self, text: str) -> GenderedWordCounts:
        lowered = text.lower()
        return GenderedWordCounts(
            words=count_words(lowered),
            catalogue_terms=_matches(self._terms, lowered),
            pronouns=_matches(self._pronouns, lowered),
        )


def _matches(pattern: re.Pattern[str] | None, text: str) -> Counter:
    return Counter(pattern.findall(text)) if pattern is not None else Counter()
