"""The simple rewriters bench/rewrite.py measures neutune against: what one would write in an
afternoon with the same catalogue forms, without neutune's rules (articles, chains, coordination,
exclusions, protected URLs and code, pronoun cases and verb agreement).

Both replace every catalogue form (term and plural) found as a whole word, case-insensitively,
by its replacement with the original's first-letter case; `PRONOUN_WORDS` adds the gendered
pronouns as plain word swaps for the comparison with neutune's pronoun rules.
"""

from __future__ import annotations

import re

from corpus.rewrite import GenderCatalogue

# Word swaps without context (his -> their, her -> their): the naive pronoun baseline.
PRONOUN_WORDS = {
    "he": "they",
    "she": "they",
    "him": "them",
    "his": "their",
    "her": "their",
    "hers": "theirs",
    "himself": "themselves",
    "herself": "themselves",
}


def replacement_table(catalogue: GenderCatalogue, pronouns: bool) -> dict[str, str]:
    """Lowercase form -> replacement, for every catalogue term and plural (and pronoun words)."""
    table = {entry.term.lower(): entry.replacement for entry in catalogue.entries}
    for entry in catalogue.entries:
        if entry.plural and entry.plural_replacement:
            table.setdefault(entry.plural.lower(), entry.plural_replacement)
    if pronouns:
        for word, replacement in PRONOUN_WORDS.items():
            table.setdefault(word, replacement)
    return table


def _with_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


class AlternationRegexRewriter:
    """One regex, `(?<!\\w)(?:form|form|...)(?!\\w)` (longest forms first), run on the lowercased
    text, and a dict lookup per match: the strongest rewriter of a few lines (a leading `\\b` is
    1.7x slower, as it holds at word ends too; re.IGNORECASE several times slower)."""

    def __init__(self, catalogue: GenderCatalogue, pronouns: bool):
        self.table = replacement_table(catalogue, pronouns)
        forms = sorted(self.table, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
        self.pattern_ignorecase = re.compile(self.pattern.pattern, re.I)

    def rewrite(self, text: str) -> str:
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self.pattern.finditer(lowered)
        else:  # a lowercase that changes length would shift every offset
            matches = self.pattern_ignorecase.finditer(text)
        pieces: list[str] = []
        position = 0
        for match in matches:
            start, end = match.span()
            pieces.append(text[position:start])
            pieces.append(_with_case(text[start:end], self.table[match.group().lower()]))
            position = end
        if not pieces:
            return text
        pieces.append(text[position:])
        return "".join(pieces)


class PyAhoCorasickRewriter:
    """A pyahocorasick automaton over the lowercase forms, longest non-overlapping matches
    (`iter_long`), each kept only when it stands between word boundaries."""

    def __init__(self, catalogue: GenderCatalogue, pronouns: bool):
        try:
            import ahocorasick
        except ModuleNotFoundError as error:
            raise SystemExit(
                "bench/rewrite.py's pyahocorasick baseline needs the bench extra: "
                ".venv/bin/pip install -e '.[bench]' (or pass --sides without pyahocorasick)"
            ) from error

        self.automaton = ahocorasick.Automaton()
        for form, replacement in replacement_table(catalogue, pronouns).items():
            self.automaton.add_word(form, (len(form), replacement))
        self.automaton.make_automaton()

    def rewrite(self, text: str) -> str:
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = text  # a lowercase that changes length would shift every offset
        pieces: list[str] = []
        position = 0
        size = len(text)
        for last, (length, replacement) in self.automaton.iter_long(lowered):
            start, end = last - length + 1, last + 1
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < size and (text[end].isalnum() or text[end] == "_"):
                continue
            pieces.append(text[position:start])
            pieces.append(_with_case(text[start:end], replacement))
            position = end
        if not pieces:
            return text
        pieces.append(text[position:])
        return "".join(pieces)
