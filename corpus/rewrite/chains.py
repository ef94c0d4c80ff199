"""Replacements that complete a longer catalogue term with the words around them.

"lady doctress" -> "lady doctor" would still hold the term "lady doctor" (-> "doctor"), so a second
rewrite would change it again. To stay idempotent the engine grows such a match over the
neighbouring words in the same pass and rewrites the longer term at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from corpus.rewrite.surface import phrase_regex

_REACH = 80  # characters searched for the neighbouring words


class _Completion(NamedTuple):
    before: bool  # the missing words stand before the replacement (else after it)
    context: re.Pattern[str]
    form: str  # the longer catalogue form the words and the replacement make together


class ChainedForms:
    """Which replacements complete which longer forms, and with which neighbouring words.

    Args:
        forms: every catalogue form (lowercase, single spaces).
        replacements: every replacement and plural replacement (lowercase).
    """

    def __init__(self, forms: Iterable[str], replacements: Iterable[str]):
        wanted = set(replacements)
        self._completions: dict[str, list[_Completion]] = {}
        for form in forms:
            words = form.split(" ")
            for cut in range(1, len(words)):
                head, tail = " ".join(words[:cut]), " ".join(words[cut:])
                if tail in wanted:
                    context = re.compile(r"(?<![\w'\u2019-])" + phrase_regex(head) + r"\s+\Z", re.I)
                    self._completions.setdefault(tail, []).append(_Completion(True, context, form))
                if head in wanted:
                    context = re.compile(r"\s+" + phrase_regex(tail) + r"(?![\w'\u2019-])", re.I)
                    self._completions.setdefault(head, []).append(_Completion(False, context, form))

    def __bool__(self) -> bool:
        return bool(self._completions)

    def grow(
        self, text: str, start: int, end: int, replacement: str, floor: int = 0
    ) -> tuple[int, int, str] | None:
        """(start, end, form) of the longer form that text[start:end], once replaced by
        `replacement`, would complete with its neighbours (never reaching back before `floor`);
        None when there is none."""
        for completion in self._completions.get(replacement.lower(), ()):
            if completion.before:
                found = completion.context.search(text, max(floor, start - _REACH), start)
                if found is not None:
                    return found.start(), end, completion.form
            else:
                found = completion.context.match(text, end, end + _REACH)
                if found is not None:
                    return start, found.end(), completion.form
        return None
